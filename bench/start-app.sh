#!/usr/bin/env bash
# Starts the packaged app on the mysql profile against a generated database and waits until it is ready:
#   bench/start-app.sh [--db needsloop_bench_1m] [--port 8080]
# Prints the start-up time (to readiness). Stop it with: kill $(cat target/bench/app-<port>.pid)
set -euo pipefail
source "$(dirname "$0")/common.sh"
DB=needsloop_bench_1m PORT=8080
while [[ $# -gt 0 ]]; do
  case "$1" in --db) DB="$2"; shift 2;; --port) PORT="$2"; shift 2;; *) echo "unknown option $1" >&2; exit 2;; esac
done
build_once
start_app "$DB" "$PORT" "$BENCH_LOGS/app-$DB.log"
