#!/usr/bin/env bash
# Builds a district's five years in a MySQL/MariaDB database, in one command:
#   bench/generate.sh [--db needsloop_bench_1m] [--needs 1000000] [--open 20000] [--communities 200]
#                     [--port 8080] [--threads 4] [--keep-running]
# 1. drops and creates the database, starts the app once on it (Flyway and Camunda create the schema), stops it;
# 2. writes the communities, grids, users of every line and the closed cases straight into the tables;
# 3. starts the app again and opens the last --open needs through its API (real process instances and tasks);
# 4. stops the app unless --keep-running. Every generated user has the password Bench-Loop-2026x.
set -euo pipefail
source "$(dirname "$0")/common.sh"
DB=needsloop_bench_1m NEEDS=1000000 OPEN=20000 COMMUNITIES=200 PORT=8080 THREADS=4 KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) DB="$2"; shift 2;; --needs) NEEDS="$2"; shift 2;; --open) OPEN="$2"; shift 2;;
    --communities) COMMUNITIES="$2"; shift 2;; --port) PORT="$2"; shift 2;; --threads) THREADS="$2"; shift 2;;
    --keep-running) KEEP=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[[ "$DB" =~ ^[A-Za-z0-9_]+$ ]] || { echo "bad database name $DB" >&2; exit 2; }
T0=$SECONDS
build_once
echo "== 1. schema: database $DB on $MYSQL_HOST:$MYSQL_PORT"
sql -e "drop database if exists \`$DB\`; create database \`$DB\` character set utf8mb4 collate utf8mb4_unicode_ci"
start_app "$DB" "$PORT" "$BENCH_LOGS/app-schema-$DB.log"
stop_app "$PORT"
T1=$SECONDS
echo "== 2. closed cases"
generator closed --db "$DB" --needs "$NEEDS" --open "$OPEN" --communities "$COMMUNITIES"
T2=$SECONDS
echo "== 3. open cases through the app"
start_app "$DB" "$PORT" "$BENCH_LOGS/app-$DB.log"
T3=$SECONDS
generator open --db "$DB" --needs "$NEEDS" --open "$OPEN" --communities "$COMMUNITIES" \
  --url "http://localhost:$PORT" --threads "$THREADS"
T4=$SECONDS
sql -e "select count(*) needs, sum(status='OPEN') open_needs from \`$DB\`.need; select count(*) open_tasks from \`$DB\`.ACT_RU_TASK; select round(sum(data_length+index_length)/1024/1024) mb from information_schema.tables where table_schema='$DB'"
echo "timings: schema ${T1}s, closed $((T2-T1))s, app start with data $((T3-T2))s (ready after ${APP_READY_SECONDS}s), open $((T4-T3))s, total ${T4}s"
if [[ "$KEEP" == 1 ]]; then
  echo "app left running on http://localhost:$PORT (pid $(cat "$BENCH_LOGS/app-$PORT.pid")); stop it with: kill $(cat "$BENCH_LOGS/app-$PORT.pid")"
else
  stop_app "$PORT"
fi
