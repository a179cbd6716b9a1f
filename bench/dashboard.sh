#!/usr/bin/env bash
# The manager's dashboard in the system's headless Chromium (Debian packages chromium, chromium-driver), against a
# running app (bench/generate.sh --keep-running, or bench/start-app.sh): the HTML received, every chart painted and
# every chart finished, from the start of the navigation, p50/p95/max over --times loads after --warmup:
#   bench/dashboard.sh [--url http://localhost:8080] [--user m-1] [--warmup 2] [--times 10] [--path /manager]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_once
java -cp "$BENCH_ROOT/target/test-classes:$BENCH_ROOT/target/classes:$(cat "$BENCH_ROOT/target/bench.classpath")" \
  cn.needsloop.bench.DashboardTiming "$@"
