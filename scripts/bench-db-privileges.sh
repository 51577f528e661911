#!/usr/bin/env bash
# hipaa-audit db privileges end to end (collect + analyse + the full JSON report, output discarded) on an embedded
# PostgreSQL catalog of 10,000 tables x 300 roles:
#   grants           PostgreSQL 17, tables granted to single roles of a membership tree (CatalogScaleCheck's catalog);
#                    run with the default heap, then with -Xmx512m
#                    and once more split into collection and analysis (-Dbench.phases)
#   owner-inherited  PostgreSQL 16, every table owned by a role all 300 inherit: ~21 M rows; run with -Xmx512m
#   set-role         PostgreSQL 17, the grants catalog with every membership INHERIT FALSE, SET TRUE: each role
#                    reaches its ancestors' grants only by SET ROLE; run with -Xmx512m
# Not part of mvn verify. Usage: scripts/bench-db-privileges.sh [runs]   (default 3). Logs: target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
out=target/bench
mkdir -p "$out"
mvn -B -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
main=io.hipaaaudit.bench.pg.PrivilegeReportBenchmark

echo "== 10,000 tables x 300 roles, default heap"
java -cp "$cp" "$main" grants "$runs" | tee "$out/db-privileges-grants.txt"
echo "== 10,000 tables x 300 roles, -Xmx512m"
java -Xmx512m -cp "$cp" "$main" grants "$runs" | tee "$out/db-privileges-grants-512m.txt"
echo "== 10,000 tables x 300 roles, -Xmx512m: collection and analysis apart (rows produced, not written)"
java -Xmx512m -Dbench.phases=true -cp "$cp" "$main" grants "$runs" | tee "$out/db-privileges-phases.txt"
echo "== every table owner inherited by all roles (~21 M rows), -Xmx512m"
java -Xmx512m -cp "$cp" "$main" owner-inherited "$runs" | tee "$out/db-privileges-inherited-512m.txt"
echo "== 10,000 tables x 300 roles, ancestors reached only by SET ROLE, -Xmx512m"
java -Xmx512m -cp "$cp" "$main" set-role "$runs" | tee "$out/db-privileges-set-role-512m.txt"
echo
echo "== figures ($(nproc) cores, $(java -version 2>&1 | head -n 1))"
grep -h '^FIGURE|\|^PHASES|' "$out"/db-privileges-*.txt | cut -d'|' -f2- | tr '|' '\t'
