#!/usr/bin/env bash
# Starts the anchor, a plain Camunda 7.24 engine with its REST API (bench/anchor), on the same database server,
# in a database of its own, and waits until /engine-rest answers:
#   bench/anchor.sh [--db needsloop_bench_anchor] [--port 8090] [--fresh]
# --fresh drops the database first. Stop it with: kill $(cat target/bench/anchor-<port>.pid)
set -euo pipefail
source "$(dirname "$0")/common.sh"
DB=needsloop_bench_anchor PORT=8090 FRESH=0
while [[ $# -gt 0 ]]; do
  case "$1" in --db) DB="$2"; shift 2;; --port) PORT="$2"; shift 2;; --fresh) FRESH=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;; esac
done
[[ "$DB" =~ ^[A-Za-z0-9_]+$ ]] || { echo "bad database name $DB" >&2; exit 2; }
JAR="$BENCH_ROOT/bench/anchor/target/needs-loop-anchor-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$JAR" ]]; then
  (cd "$BENCH_ROOT/bench/anchor" && ../../mvnw -q -B -ntp -DskipTests package)
fi
if [[ "$FRESH" == 1 ]]; then sql -e "drop database if exists \`$DB\`"; fi
sql -e "create database if not exists \`$DB\` character set utf8mb4 collate utf8mb4_unicode_ci"
ANCHOR_DB="$DB" ANCHOR_PORT="$PORT" MYSQL_HOST="$MYSQL_HOST" MYSQL_PORT="$MYSQL_PORT" \
  nohup java ${APP_JAVA_OPTS:--Xmx1g} -jar "$JAR" > "$BENCH_LOGS/anchor-$DB.log" 2>&1 &
PID=$!
echo "$PID" > "$BENCH_LOGS/anchor-$PORT.pid"
T0=$SECONDS
until curl -fsS "http://localhost:$PORT/engine-rest/process-definition/key/fiveTasks" > /dev/null 2>&1; do
  if ! kill -0 "$PID" 2>/dev/null; then echo "the anchor did not start; see $BENCH_LOGS/anchor-$DB.log" >&2; exit 1; fi
  if (( SECONDS - T0 > 300 )); then echo "the anchor is not ready after 300 s" >&2; exit 1; fi
  sleep 1
done
echo "anchor ready on http://localhost:$PORT/engine-rest after $((SECONDS - T0)) s (pid $PID, database $DB)"
