#!/usr/bin/env bash
# Fills a fresh database at scale S, M or L, starts Baraza on it and measures it: start-up, memory,
# public reads, writes and dashboards over HTTP (bench/Load.java), with the framework's floor
# (a trivial endpoint of the same server) and, on PostgreSQL, the database's floor (pgbench running
# the equivalent queries directly).
# Usage: bench/run.sh S|M|L h2|postgres [SECONDS] [CONNECTIONS]
# The data directory is removed at the end unless KEEP=1 is set. ONLY="where complaint" runs just
# those scenarios; JFR=1 records a profile of the measured server into <data dir>/profile.jfr
# (bench/hot.sh summarises it). AOT=1 builds a JDK AOT cache (scripts/aot-cache, trained on the
# same database) after the data is generated and starts the measured server with it.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-S}
db=${2:-postgres}
seconds=${3:-20}
connections=${4:-32}
county=037
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
[[ -f target/baraza.jar ]] || mvn -B -q -DskipTests package
m2=$HOME/.m2/repository
drivers=$(ls "$m2"/com/h2database/h2/2.3.232/h2-2.3.232.jar):$(ls "$m2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)

work=$(mktemp -d "${TMPDIR:-/tmp}/baraza-bench.XXXXXX")
port=18080
while [[ -n $(ss -Htan "( sport = :$port )" 2>/dev/null) ]]; do port=$((port + 1)); done
export BARAZA_DATA_DIR=$work PORT=$port
pid=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [[ $db == postgres ]] && scripts/pg-stop || true
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
if [[ $db == postgres ]]; then
  env=$(BARAZA_PG_DURABLE=1 scripts/pg-start)
  eval "$env"
  url=$BARAZA_TEST_PG_URL user=postgres
  pgport=${url##*:}; pgport=${pgport%%/*}
  export PGHOST=127.0.0.1 PGPORT=$pgport PGUSER=postgres PGDATABASE=baraza_test
  export BARAZA_DB_URL=$url BARAZA_DB_USER=postgres BARAZA_DB_PASSWORD=
else
  # the embedded default's settings, with AUTO_SERVER so that the load client can read its samples
  # while Baraza holds the file (the first process serves the others over a local socket)
  url="jdbc:h2:file:$work/baraza;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE" user=sa
  export BARAZA_DB_URL=$url BARAZA_DB_USER=sa BARAZA_DB_PASSWORD=
fi
limits="--baraza.feedback.limits.per-phone=1000000 --baraza.feedback.limits.per-client=100000000"

jar=target/baraza.jar
start_app() { # $1: log name, $2: extra JVM options
  started=$(date +%s%N)
  "$java" -Xmx512m ${2:-} -jar "$jar" $limits >"$work/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3600); do
    if curl -fs "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; then
      echo "   up in $(( ($(date +%s%N) - started) / 1000000 )) ms ($(grep -o 'Started BarazaApplication in [0-9.]* seconds' "$work/$1.log" || true))"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -50 "$work/$1.log"; exit 1; }
    sleep 0.2
  done
  echo "timed out" >&2
  exit 1
}
stop_app() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
counties() {
  case $scale in
    S) echo 037 ;;
    M) echo 047 022 032 037 039 012 003 016 045 015 ;;
    *) seq -f %03g 1 47 ;;
  esac
}

echo "== $scale on $db: migrations, default themes and service areas (data in $work)"
start_app first
for c in $(counties); do
  curl -fs -o /dev/null "http://localhost:$port/directory/themes/$c"
  curl -fs -o /dev/null "http://localhost:$port/feedback/$c/new"
done
stop_app
echo "== generating"
"$java" -Xmx2g -cp "$drivers" bench/Generate.java "$url" "$user" "" "$scale"
if [[ $db == postgres ]]; then psql -q -c "vacuum analyze"; fi
aot=
if [[ -n ${AOT:-} ]]; then
  echo "== AOT cache (training run on the filled database)"
  if [[ $db == postgres ]]; then
    AOT_TRAINING_DB_URL=$url AOT_TRAINING_DB_USER=$user scripts/aot-cache >/dev/null
  else
    scripts/aot-cache >/dev/null
  fi
  jar=$PWD/target/baraza/baraza.jar aot=-XX:AOTCache=$PWD/target/baraza/baraza.aot
fi
echo "== start-up on the filled database"
start_app second "$aot ${JFR:+-XX:StartFlightRecording=filename=$work/profile.jfr,dumponexit=true,settings=profile}"
echo "== HTTP, $connections connections, $seconds s each (after a warm-up)"
load() { # $1: connections, then scenarios
  local conns=$1
  shift
  "$java" -cp "$drivers" bench/Load.java "http://localhost:$port" "$url" "$user" "" $county "$conns" "$seconds" "$@"
}
if [[ -n ${ONLY:-} ]]; then
  load "$connections" $ONLY
else
  # the floor first and again last: the ratios are read against both, so that a change in the
  # machine's speed during the run shows instead of skewing the later scenarios
  load "$connections" floor search organisation track statistics wards-json open311 ical figures \
    where where-json activities plan floor
  load "$connections" complaint sms attendance
  load 16 ussd
  load 1 import
fi
echo "== memory after the load"
"$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | grep -E "garbage-first heap|Metaspace" || true
grep -E "VmRSS|VmHWM" "/proc/$pid/status"
if [[ $db == postgres && -z ${ONLY:-} ]]; then
  echo "== database floor: pgbench, $connections clients, $seconds s, the same work as the reads"
  bench/pg-floor.sh "$county" "$connections" "$seconds"
fi
stop_app
