#!/usr/bin/env bash
# Cost per completed user task, side by side: the app (report, verify, classify, resolve, confirm through /api)
# and the anchor (a plain Camunda 7.24 process of five user tasks through /engine-rest: start, query task,
# complete), each with 1 and 8 clients, one after the other, against the running app and anchor:
#   bench/step-cost.sh [--url http://localhost:8080] [--anchor-url http://localhost:8090] [--duration 60] [--clients "1 8"]
# Prints the table of completed user tasks per second and the cost ratio; the HTML reports are in target/gatling/.
set -euo pipefail
source "$(dirname "$0")/common.sh"
URL=http://localhost:8080 ANCHOR=http://localhost:8090 DURATION=60 CLIENTS="1 8"
while [[ $# -gt 0 ]]; do
  case "$1" in --url) URL="$2";; --anchor-url) ANCHOR="$2";; --duration) DURATION="$2";; --clients) CLIENTS="$2";;
    *) echo "unknown option $1" >&2; exit 2;; esac
  shift 2
done
cd "$BENCH_ROOT"
./mvnw -q -B -ntp -Pbench test-compile
RESULTS="$BENCH_LOGS/step-cost.txt"
: > "$RESULTS"
for n in $CLIENTS; do
  for target in anchor app; do
    ./mvnw -B -ntp -Pbench gatling:test -Dgatling.simulationClass=cn.needsloop.bench.StepCost -Dtarget=$target \
      -Dclients=$n -Dduration="$DURATION" -DbaseUrl="$URL" -DanchorUrl="$ANCHOR" > "$BENCH_LOGS/step-cost-$target-$n.log" 2>&1 || true
    grep -h "STEP-COST" "$BENCH_LOGS/step-cost-$target-$n.log" | tee -a "$RESULTS"
    grep -hio "please open the following file: .*" "$BENCH_LOGS/step-cost-$target-$n.log" | tail -1 || true
  done
done
echo
echo "| clients | plain Camunda REST (tasks/s) | this app (tasks/s) | cost ratio |"
echo "| --- | --- | --- | --- |"
for n in $CLIENTS; do
  a=$(grep "target=anchor clients=$n " "$RESULTS" | sed 's/.*tasksPerSecond=//')
  b=$(grep "target=app clients=$n " "$RESULTS" | sed 's/.*tasksPerSecond=//')
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "n/a" }')
  echo "| $n | $a | $b | $ratio |"
done
