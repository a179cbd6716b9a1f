# Shared by the benchmark scripts: paths, the database server, starting and stopping the app.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MYSQL_HOST="${MYSQL_HOST:-127.0.0.1}"
MYSQL_PORT="${MYSQL_PORT:-3306}"
BENCH_ADMIN_USER="${BENCH_ADMIN_USER:-benchadmin}"
BENCH_ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-Bench#Admin-2026}"
BENCH_LOGS="$BENCH_ROOT/target/bench"
mkdir -p "$BENCH_LOGS"

sql() { mysql -h "$MYSQL_HOST" -P "$MYSQL_PORT" -u root --batch --skip-column-names "$@"; }

app_jar() { ls "$BENCH_ROOT"/target/needs-loop-*.jar 2>/dev/null | grep -v original | head -1; }

# Builds the app jar and the generator (test classes) unless they are there; writes the classpath once.
build_once() {
  if [[ -z "$(app_jar)" || ! -d "$BENCH_ROOT/target/test-classes/cn/needsloop/bench" || "${BENCH_BUILD:-0}" == 1 ]]; then
    (cd "$BENCH_ROOT" && ./mvnw -q -B -ntp -DskipTests package)
  fi
  if [[ ! -s "$BENCH_ROOT/target/bench.classpath" ]]; then
    (cd "$BENCH_ROOT" && ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench.classpath)
  fi
}

generator() {
  java -Xmx1g -cp "$BENCH_ROOT/target/test-classes:$BENCH_ROOT/target/classes:$(cat "$BENCH_ROOT/target/bench.classpath")" \
    cn.needsloop.bench.DistrictGenerator "$@"
}

# start_app DB PORT LOGFILE: the packaged app on the mysql profile against database DB; waits until ready.
start_app() {
  local db="$1" port="$2" log="$3"
  SPRING_PROFILES_ACTIVE=mysql \
  MYSQL_URL="jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$db?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&createDatabaseIfNotExist=true" \
  MYSQL_USER=root MYSQL_PASSWORD= \
  NEEDSLOOP_ADMIN_USER="$BENCH_ADMIN_USER" NEEDSLOOP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
    nohup java ${APP_JAVA_OPTS:--Xmx1g} -jar "$(app_jar)" --server.port="$port" > "$log" 2>&1 &
  APP_PID=$!
  echo "$APP_PID" > "$BENCH_LOGS/app-$port.pid"
  local t0=$SECONDS
  until curl -fsS "http://localhost:$port/actuator/health/readiness" > /dev/null 2>&1; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app did not start; see $log" >&2; tail -30 "$log" >&2; return 1; fi
    if (( SECONDS - t0 > 600 )); then echo "the app is not ready after 600 s; see $log" >&2; return 1; fi
    sleep 1
  done
  APP_READY_SECONDS=$((SECONDS - t0))
  echo "app ready on port $port after ${APP_READY_SECONDS} s (pid $APP_PID, log $log)"
}

stop_app() {
  local port="$1" pid
  pid="$(cat "$BENCH_LOGS/app-$port.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 1; done
  fi
  rm -f "$BENCH_LOGS/app-$port.pid"
}
