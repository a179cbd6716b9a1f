#!/usr/bin/env bash
# Two nodes of Needs Loop on one MariaDB/MySQL database, no proxy (clients alternate between the nodes and go to
# the other one when a request fails), load on both, one node killed with SIGKILL in the middle, then started
# again. Checks: every acknowledged need exists once (reports are sent with Idempotency-Keys and resent to the
# other node after a failure), every acknowledged step is there, the session signed in on the killed node goes
# on on the other, the bulk job the killed node was running is finished by the other. Prints the figures and
# writes them to target/two-node-crash/report.txt.
#
#   scripts/two-node-crash.sh                 # builds target/needs-loop-*.jar if missing
#   JAR=path/to/needs-loop.jar WORKERS=4 LOAD_SECONDS=90 scripts/two-node-crash.sh
#
# Needs: java 17, curl, jq, the mysql client, a server at MYSQL_HOST:MYSQL_PORT (127.0.0.1:3306) taking root
# without a password (as .ci/run starts it). Uses its own database needsloop_ops_cluster_crash_<random>, dropped
# at the end (KEEP_DB=1 keeps it). Only loopback addresses; every loop is bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/.."

MYSQL_HOST=${MYSQL_HOST:-127.0.0.1}
MYSQL_PORT=${MYSQL_PORT:-3306}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}
WORKERS=${WORKERS:-4}
LOAD_SECONDS=${LOAD_SECONDS:-90}
KILL_AFTER=${KILL_AFTER:-25}
RESTART_AFTER=${RESTART_AFTER:-15}
BULK_SIZE=${BULK_SIZE:-60}
OUT=target/two-node-crash
DB=needsloop_ops_cluster_crash_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
URL="jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$DB?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&nullDatabaseMeansCurrent=true"
SQL=(mysql --protocol=tcp -h"$MYSQL_HOST" -P"$MYSQL_PORT" -uroot -N -B)

rm -rf "$OUT" && mkdir -p "$OUT/acks"
if [[ -z ${JAR:-} ]]; then
  JAR=$(ls target/needs-loop-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [[ -z $JAR ]]; then
    echo "== building the jar (./mvnw package -DskipTests)"
    ./mvnw -q -B -ntp -DskipTests package
    JAR=$(ls target/needs-loop-*.jar | grep -v original | head -1)
  fi
fi

declare -A PID
start_node() { # name port
  MYSQL_USER=root MYSQL_PASSWORD= SPRING_PROFILES_ACTIVE=mysql,demo \
    java -Xmx768m -jar "$JAR" --server.port="$2" --spring.datasource.url="$URL" --needsloop.node-id="$1" \
      --camunda.bpm.generic-properties.properties.hostname="$1" >>"$OUT/$1.log" 2>&1 &
  PID[$1]=$!
}
ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/actuator/health/readiness") == 200 ]]; }
await_ready() { # name port
  for _ in $(seq 1 480); do ready "$2" && return 0; kill -0 "${PID[$1]}" 2>/dev/null || { echo "$1 died"; tail -40 "$OUT/$1.log"; return 1; }; sleep 1; done
  echo "$1 not ready in 8 minutes"; return 1
}
cleanup() {
  for n in a b; do [[ -n ${PID[$n]:-} ]] && kill -9 "${PID[$n]}" 2>/dev/null || true; done
  [[ ${KEEP_DB:-0} == 1 ]] || "${SQL[@]}" -e "drop database if exists \`$DB\`" || true
}
trap cleanup EXIT
now() { date +%s.%N; }

"${SQL[@]}" -e "create database \`$DB\` character set utf8mb4 collate utf8mb4_bin"
echo "== two nodes on $DB, started at the same moment"
t0=$(now)
start_node a "$PORT_A"; start_node b "$PORT_B"
await_ready a "$PORT_A"; await_ready b "$PORT_B"
echo "both ready after $(printf '%.0f' "$(echo "$(now) - $t0" | bc)") s; demo needs: $("${SQL[@]}" "$DB" -e 'select count(*) from need') (8 expected: seeded once)"
seeded=$("${SQL[@]}" "$DB" -e 'select count(*) from need')

api() { # method port user path [body] [idempotency-key] -> prints "status body"
  local args=(-s -m 20 -u "$3:demo" -X "$1" -H 'Content-Type: application/json' -H 'Accept: application/json' -w '\n%{http_code}')
  [[ -n ${6:-} ]] && args+=(-H "Idempotency-Key: $6")
  [[ -n ${5:-} ]] && args+=(--data "$5")
  local out; out=$(curl "${args[@]}" "http://127.0.0.1:$2$4" 2>/dev/null) || out=$'\n000'
  printf '%s %s' "$(tail -n1 <<<"$out")" "$(head -n -1 <<<"$out")"
}

echo "== a steward signs in on node a (page session)"
jar=$OUT/cookies.txt
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$PORT_A/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=steward1" --data-urlencode "password=demo" \
  --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT_A/login"
who() { curl -s -b "$jar" "http://127.0.0.1:$1/steward" | grep -o '<span class="who">[^<]*' | sed 's/.*>//'; }
echo "signed in on a as: $(who "$PORT_A"); the same cookie on b: $(who "$PORT_B")"

echo "== $BULK_SIZE needs for a bulk job"
bulk_needs=()
for i in $(seq 1 "$BULK_SIZE"); do
  r=$(api POST "$PORT_B" resident1 /api/needs "{\"communityCode\":\"xingfu\",\"channel\":\"ONLINE\",\"title\":\"批量 $i\",\"description\":\"崩溃演练\",\"reporterName\":\"测试\",\"reporterPhone\":\"13800000000\",\"householdCount\":1}")
  [[ ${r%% *} == 201 ]] && bulk_needs+=("$(jq -r .id <<<"${r#* }")")
done
task_ids=$(api GET "$PORT_B" steward1 '/api/tasks?max=1000' | cut -d' ' -f2- | jq -c --argjson needs "[$(IFS=,; echo "${bulk_needs[*]}")]" '[.[] | select(.needId as $n | $needs | index($n)) | .id]')

worker() { # n
  local n=$1 end=$(( $(date +%s) + LOAD_SECONDS )) i=0 ports=("$PORT_A" "$PORT_B")
  while (( $(date +%s) < end )); do
    i=$((i + 1)); local key="w$n-$i-$RANDOM$RANDOM" title="crash w$n-$i" id="" tries=0 p=$(( (n + i) % 2 ))
    local body="{\"communityCode\":\"xingfu\",\"channel\":\"ONLINE\",\"title\":\"$title\",\"description\":\"两节点崩溃演练 $key\",\"reporterName\":\"测试\",\"reporterPhone\":\"13800000000\",\"householdCount\":1}"
    # a key whose first request was running on the killed node answers 409 (in flight) until its claim is taken
    # over (needsloop.idempotency.in-flight-timeout, 1 min): keep resending, as a client with a Retry-After would
    while (( tries < 12 )); do
      tries=$((tries + 1))
      local r; r=$(api POST "${ports[$p]}" resident1 /api/needs "$body" "$key")
      local code=${r%% *}
      if [[ $code == 201 || $code == 200 ]]; then id=$(jq -r .id <<<"${r#* }"); break; fi
      echo "$(now) $key $code ${ports[$p]}" >>"$OUT/acks/retries-$n"
      p=$(( 1 - p )); sleep 2
    done
    [[ -z $id ]] && { echo "$key" >>"$OUT/acks/unacknowledged-$n"; continue; }
    echo "$(now) $key $id $tries" >>"$OUT/acks/needs-$n"
    # a step: the steward verifies it (a resend after a failure may find it done: 409 means the first one held)
    local step=""
    for t in 1 2 3 4 5 6; do
      local v; v=$(api POST "${ports[$p]}" steward1 "/api/needs/$id/verification" '{"verdict":"GENUINE","note":"已核实"}')
      local c=${v%% *}
      if [[ $c == 200 ]]; then step=ok; break; fi
      if [[ $c == 409 && $t -gt 1 ]]; then step=ok; break; fi
      p=$(( 1 - p )); sleep 1
    done
    [[ $step == ok ]] && echo "$id" >>"$OUT/acks/steps-$n"
  done
}

echo "== load: $WORKERS clients for $LOAD_SECONDS s, alternating nodes; node a killed after $KILL_AFTER s"
WPIDS=()
for n in $(seq 1 "$WORKERS"); do worker "$n" & WPIDS+=($!); done
sleep "$KILL_AFTER"
bulk=$(api POST "$PORT_A" steward1 /api/tasks/bulk-actions "{\"action\":\"VERIFY_GENUINE\",\"taskIds\":$task_ids,\"note\":\"集中核实\"}")
job=$(jq -r .id <<<"${bulk#* }")
for _ in $(seq 1 200); do
  d=$(api GET "$PORT_B" steward1 "/api/tasks/bulk-actions/$job" | cut -d' ' -f2- | jq -r .done)
  [[ ${d:-0} -ge 1 ]] && break; sleep 0.05
done
kill -9 "${PID[a]}"; killed=$(now)
echo "killed node a (SIGKILL) with bulk job $job at $d/$(jq '. | length' <<<"$task_ids")"
session_after_kill=$(who "$PORT_B")
sleep "$RESTART_AFTER"
start_node a "$PORT_A"; restarted=$(now)
await_ready a "$PORT_A"; ready_again=$(now)
for _ in $(seq 1 240); do
  s=$(api GET "$PORT_B" steward1 "/api/tasks/bulk-actions/$job" | cut -d' ' -f2-)
  [[ $(jq -r .finished <<<"$s") == true ]] && break; sleep 1
done
bulk_finished=$(now)
wait "${WPIDS[@]}" # the clients (not the nodes, which run on)

echo "== checks"
cat "$OUT"/acks/needs-* >"$OUT/needs.txt" 2>/dev/null || true
acked=$(wc -l <"$OUT/needs.txt")
ids=$(awk '{print $3}' "$OUT/needs.txt" | paste -sd, -)
found=$("${SQL[@]}" "$DB" -e "select count(*) from need where id in ($ids)")
dupes=$("${SQL[@]}" "$DB" -e "select count(*) from (select description from need where title like 'crash w%' group by description having count(*) > 1) d")
extra=$("${SQL[@]}" "$DB" -e "select count(*) - count(distinct description) from need where title like 'crash w%'")
unacked=$( (cat "$OUT"/acks/unacknowledged-* 2>/dev/null || true) | wc -l)
retries=$( (cat "$OUT"/acks/retries-* 2>/dev/null || true) | wc -l)
steps=$( (cat "$OUT"/acks/steps-* 2>/dev/null || true) | sort -u | paste -sd, -)
steps_acked=$( (cat "$OUT"/acks/steps-* 2>/dev/null || true) | sort -u | wc -l)
steps_found=$([[ -n $steps ]] && "${SQL[@]}" "$DB" -e "select count(*) from need where id in ($steps) and phase <> 'DISCOVER'" || echo 0)
verified_twice=$("${SQL[@]}" "$DB" -e "select count(*) from (select n.id from need n join ACT_HI_TASKINST t on t.PROC_INST_ID_ = n.process_instance_id and t.TASK_DEF_KEY_ = 'userTask_verifyNeed' and t.END_TIME_ is not null where n.title like 'crash w%' or n.title like '批量 %' group by n.id having count(*) > 1) d")
bulk_state=$(api GET "$PORT_B" steward1 "/api/tasks/bulk-actions/$job" | cut -d' ' -f2- | jq -c '{total,succeeded,failed,finished}')
bulk_runs=$("${SQL[@]}" "$DB" -e "select runs from bulk_job where id = '$job'")
timer_dupes=$("${SQL[@]}" "$DB" -e "select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by JOB_ID_ having count(*) > 1) d")
seconds() { printf '%.1f' "$(echo "$1 - $2" | bc)"; }
first_after_kill=$(awk -v k="$killed" '$1 > k {print $1}' "$OUT/needs.txt" | sort -n | head -1 || true)
report=$(cat <<REPORT
two nodes, one database ($DB), $WORKERS clients for $LOAD_SECONDS s, node a killed (SIGKILL) at ${KILL_AFTER} s, started again ${RESTART_AFTER} s later
demo data seeded by two nodes at once: $seeded needs (8 expected)
needs acknowledged: $acked; found: $found; duplicates: $dupes (extra rows: $extra); not acknowledged after 12 tries: $unacked; resends after a failure: $retries
steps acknowledged (verifications): $steps_acked; found done: $steps_found; needs verified twice: $verified_twice
session signed in on node a, read on node b after a was killed: ${session_after_kill:-none}
bulk job started on a ($BULK_SIZE tasks, killed at $d done): $bulk_state, runs $bulk_runs (2 = taken over)
timer jobs that ran more than once: $timer_dupes
first need acknowledged after the kill: $( [[ -n $first_after_kill ]] && seconds "$first_after_kill" "$killed" || echo none ) s; node a ready again $(seconds "$ready_again" "$restarted") s after its restart; bulk job finished $(seconds "$bulk_finished" "$killed") s after the kill
REPORT
)
echo "$report" | tee "$OUT/report.txt"
[[ $found == "$acked" && $dupes == 0 && $extra == 0 && $steps_found == "$steps_acked" && $verified_twice == 0 \
  && $session_after_kill == steward1 && $(jq -r .finished <<<"$bulk_state") == true && $(jq -r .failed <<<"$bulk_state") == 0 \
  && $timer_dupes == 0 && $seeded == 8 ]] && echo "PASSED" || { echo "FAILED"; exit 1; }
