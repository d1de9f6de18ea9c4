#!/usr/bin/env bash
# Summarises a profile recorded by `JFR=1 KEEP=1 bench/run.sh ...`: of the samples taken on request
# threads (Tomcat's handlers; start-up and background work left out), the share in which each
# Baraza method, template or database call was on the stack (inclusive), and the hottest leaves.
# Usage: bench/hot.sh <data dir>/profile.jfr [N]
set -euo pipefail
jfr=$1
n=${2:-30}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 96 "$jfr" | python3 -c '
import re, sys, collections
n = int(sys.argv[1])
marks = ("ke.baraza.", "gg.jte.generated.", "org.springframework.jdbc.core.JdbcTemplate.execute",
         "org.postgresql.core.v3.QueryExecutorImpl.execute", "com.zaxxer.hikari.HikariDataSource.getConnection",
         "org.hibernate.engine.transaction.internal.TransactionImpl.commit",
         "org.springframework.context.support.AbstractMessageSource.getMessage",
         "org.springframework.jdbc.core.SimplePropertyRowMapper.mapRow")
inclusive, leaves = collections.Counter(), collections.Counter()
samples = 0
for block in sys.stdin.read().split("jdk.ExecutionSample")[1:]:
    thread = re.search(r"sampledThread = \"([^\"]+)\"", block)
    if not thread or not thread.group(1).startswith(("tomcat-handler", "http-nio")):
        continue
    frames = re.findall(r"^\s+([\w$.<>]+)\(.*?line: \d+", block, re.M)
    if not frames:
        continue
    samples += 1
    leaves[frames[0]] += 1
    for f in set(frames):
        if f.startswith(marks):
            inclusive[f] += 1
print(f"{samples} samples on request threads")
print("\n-- on the stack (inclusive)")
for f, c in inclusive.most_common(n):
    print(f"{100 * c / samples:5.1f}%  {f}")
print("\n-- leaves")
for f, c in leaves.most_common(15):
    print(f"{100 * c / samples:5.1f}%  {f}")
' "$n"
