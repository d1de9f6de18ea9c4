#!/usr/bin/env bash
# The database's floor for bench/run.sh: pgbench runs, straight on PostgreSQL, the queries the
# measured pages and writes need, with the same number of clients. Needs PGHOST/PGPORT/PGUSER/
# PGDATABASE. Usage: bench/pg-floor.sh COUNTY CLIENTS SECONDS
set -euo pipefail
county=$1 clients=$2 seconds=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cases=$(psql -Atq -c "select min(id) || ' ' || max(id) from feedback_case where county_code = '$county'")
orgs=$(psql -Atq -c "select min(id) || ' ' || max(id) from organisation where county_code = '$county'")
cat >"$dir/track.sql" <<SQL
\set id random(${cases% *}, ${cases#* })
select reference, status, description, ward_code, service_area_id, created_at from feedback_case where id = :id;
select kind, status, body, happened_at from feedback_case_event where case_id = :id order by happened_at;
SQL
cat >"$dir/organisation.sql" <<SQL
\set id random(${orgs% *}, ${orgs#* })
select * from organisation where id = :id;
select ward_code from organisation_ward where organisation_id = :id;
select thematic_area_id from organisation_theme where organisation_id = :id;
SQL
cat >"$dir/statistics.sql" <<SQL
select ward_code, status, count(*) from feedback_case where county_code = '$county' group by ward_code, status;
SQL
# a web complaint now commits once with three rows (the case, its first timeline line, the audit
# record): three inserts in one transaction, on a case that exists (ids have gaps where an insert
# was refused, e.g. a reference drawn twice)
cat >"$dir/write.sql" <<SQL
\set id random(${cases% *}, ${cases#* })
begin;
insert into feedback_case_event (case_id, happened_at, kind, status) select min(id), now(), 'NOTE', null from feedback_case where id >= :id;
insert into feedback_case_event (case_id, happened_at, kind, status) select min(id), now(), 'STATUS', 'RECEIVED' from feedback_case where id >= :id;
insert into audit_event (occurred_at, actor, action, target, county_code, outcome) values (now(), null, 'bench:floor', null, '$county', 'ok');
commit;
SQL
printf "%-14s %9s %8s %8s %8s\n" "pgbench" "tps" "p50 ms" "p90 ms" "p99 ms"
for script in track organisation statistics write; do
  (cd "$dir" && pgbench -n -c "$clients" -j 2 -T "$seconds" -f "$script.sql" -l --log-prefix="$script" >/dev/null 2>&1)
  cat "$dir/$script".* | awk '{print $3}' | sort -n | awk -v s="$seconds" -v name="$script" \
    '{a[NR] = $1} END {n = NR; printf "%-14s %9.0f %8.1f %8.1f %8.1f\n", name, n / s,
      a[int((n * 50 + 99) / 100)] / 1000, a[int((n * 90 + 99) / 100)] / 1000,
      a[int((n * 99 + 99) / 100)] / 1000}'
done
