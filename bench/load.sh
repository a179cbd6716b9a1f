#!/usr/bin/env bash
# The Monday-morning load run with Gatling against a running app (bench/generate.sh --keep-running, or
# bench/start-app.sh):
#   bench/load.sh [--url http://localhost:8080] [--duration 600] [--stewards 60] [--lines 20] [--organizations 10]
#                 [--managers 5] [--residents-per-minute 60] [--think 5] [--communities 200]
# The HTML report (percentiles over time) is written to target/gatling/mondaymorning-<time>/index.html.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ARGS=(-DbaseUrl=http://localhost:8080)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) ARGS+=("-DbaseUrl=$2");; --duration) ARGS+=("-Dduration=$2");; --stewards) ARGS+=("-Dstewards=$2");;
    --lines) ARGS+=("-Dlines=$2");; --organizations) ARGS+=("-Dorganizations=$2");; --managers) ARGS+=("-Dmanagers=$2");;
    --residents-per-minute) ARGS+=("-DresidentsPerMinute=$2");; --think) ARGS+=("-Dthink=$2");;
    --communities) ARGS+=("-Dcommunities=$2");; --ramp) ARGS+=("-Dramp=$2");;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
  shift 2
done
cd "$BENCH_ROOT"
./mvnw -B -ntp -Pbench test-compile gatling:test -Dgatling.simulationClass=cn.needsloop.bench.MondayMorning "${ARGS[@]}" \
  | tee "$BENCH_LOGS/monday-morning.log"
