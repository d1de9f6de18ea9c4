#!/usr/bin/env bash
# Loads COUNT invented organisations into a fresh database, starts Baraza on it (which builds the
# search index at start-up) and measures the directory's search over HTTP.
# Usage: bench/directory-search/run.sh h2|postgres [COUNT] [REQUESTS_PER_KIND]
# The data directory is removed at the end unless KEEP=1 is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-h2}
count=${2:-200000}
requests=${3:-300}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
[[ -f target/baraza.jar ]] || mvn -B -q -DskipTests package
m2=$HOME/.m2/repository
driver=$(ls "$m2"/com/h2database/h2/2.3.232/h2-2.3.232.jar):$(ls "$m2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)

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
  env=$(scripts/pg-start)
  eval "$env"
  url=$BARAZA_TEST_PG_URL user=postgres
  export BARAZA_DB_URL=$url BARAZA_DB_USER=postgres BARAZA_DB_PASSWORD=
else
  url="jdbc:h2:file:$work/baraza;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" user=sa
fi

start_app() { # $1: log name; $2: what to wait for
  "$java" -Xmx1g -jar target/baraza.jar >"$work/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    if eval "$2"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -50 "$work/$1.log"; exit 1; }
    sleep 1
  done
  echo "timed out: $2" >&2
  exit 1
}
stop_app() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "== $db: migrations and default themes (data in $work)"
start_app first 'curl -fs "http://localhost:$port/directory/themes/016" | grep -q Nutrition'
stop_app
echo "== loading $count organisations"
"$java" -cp "$driver" bench/directory-search/Bench.java load "$url" "$user" "" "$count"
echo "== starting Baraza: the index is built from the database"
start_app second 'grep -q "Built the directory.s search index" "$work/second.log"'
grep -E "Mass indexing complete|Built the directory" "$work/second.log"
du -sh "$work/index" 2>/dev/null || true
echo "== measuring ($requests requests of each kind, one at a time)"
"$java" bench/directory-search/Bench.java measure "http://localhost:$port" "$requests"
stop_app
