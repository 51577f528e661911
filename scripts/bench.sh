#!/usr/bin/env bash
# Every benchmark in one run, then one table: figure, value, target, met?
#   AWS scan of a synthetic account served over the wire (its own JVM, 30 ms per request, the documented quotas),
#   rule evaluation throughput (JMH, scripts/bench-rules.sh), network analysis (scripts/bench-network.sh) and the
#   PostgreSQL catalog of 10,000 tables x 300 roles (CatalogScaleCheck); both sizes also time cold processes of the
#   launcher on a small account (scripts/bench-cold.sh). The scan runs under -Xmx512m (the memory target).
#   The machine is shared: CPU-bound figures move with the load average, which the cold figures print.
# Usage: scripts/bench.sh [small|large]   (default large; small scans a small account and skips JMH and PostgreSQL)
# Needs only JDK 17 and Maven. Logs: target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-large}"
case "$size" in small|large) ;; *) echo "usage: $0 [small|large]" >&2; exit 2 ;; esac
latency_ms="${BENCH_LATENCY_MS:-30}"
history_per_day="${BENCH_HISTORY_PER_DAY:-10}"   # CloudTrail write events a day per region
out=target/bench
rm -rf "$out" && mkdir -p "$out"
table="$out/figures.txt"
: > "$table"
started=$(date +%s)

# package: the jar and its class-data-sharing archive, which the scanner's JVM below runs as scripts/hipaa-audit does
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"

echo "== AWS scan of the synthetic '$size' account ($latency_ms ms per request)"
java -Xmx512m -cp "$cp" io.hipaaaudit.bench.aws.SyntheticAwsServer "$size" --latency-ms "$latency_ms" \
    --history-per-day "$history_per_day" --port-file "$out/port" > "$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$out/port" ] && break; sleep 0.2; done
[ -s "$out/port" ] || { echo "the synthetic endpoint did not start:" >&2; cat "$out/server.log" >&2; exit 1; }
# the scanner's JVM runs as scripts/hipaa-audit runs a scan: the shaded jar first on the class path, with its
# class-data-sharing archive (the archive applies when its jar leads the class path; the test classes after it),
# the client compiler and the serial collector; with the JVM's defaults the C2 compiler alone took 28 s of CPU of a
# large scan's 47 s on 2 cores, and without the archive the first seconds load classes instead of sending requests
scan_cp="target/hipaa-audit.jar:$cp"
cds=()
[ -f target/hipaa-audit.jsa ] && cds=(-XX:SharedArchiveFile=target/hipaa-audit.jsa -Xshare:auto -Xlog:cds=off)
java -Xmx512m "${cds[@]}" -XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=10 -XX:+UseSerialGC -cp "$scan_cp" io.hipaaaudit.bench.aws.AwsScaleBenchmark "$size" --latency-ms "$latency_ms" \
    --history-per-day "$history_per_day" --endpoint "http://127.0.0.1:$(cat "$out/port")" | tee "$out/aws.txt"
kill "$server" 2>/dev/null || true
grep '^FIGURE|' "$out/aws.txt" | cut -d'|' -f2- >> "$table"

echo "== cold processes of the launcher (small account over the wire, replayed demo)"
[ -f target/hipaa-audit.jar ] || mvn -B -q -DskipTests package >/dev/null
scripts/bench-cold.sh "${BENCH_COLD_RUNS:-5}" "$table"

if [ "$size" = large ]; then
    echo "== rule evaluation (JMH)"
    scripts/bench-rules.sh | tee "$out/rules.txt"
    verdicts=$(sed -n 's/.*verdicts.*-> \([0-9.]*\) M evaluations.*/\1/p' "$out/rules.txt")
    findings=$(sed -n 's/.*complete findings.*-> \([0-9.]*\) M evaluations.*/\1/p' "$out/rules.txt")
    met=$(awk -v v="$verdicts" 'BEGIN { print (v >= 1.0) ? "yes" : "NO" }')
    echo "rule evaluation, verdicts per second on one core (100k resources)|${verdicts} M|>= 1 M|$met" >> "$table"
    echo "rule evaluation, complete findings per second on one core|${findings} M|reported|yes" >> "$table"
else
    echo "rule evaluation, verdicts per second on one core (JMH: large only, or scripts/bench-rules.sh)|not run|>= 1 M|-" >> "$table"
fi

echo "== network analysis"
if [ "$size" = large ]; then net_args=(2000 5000 15); else net_args=(200 500 5); fi
scripts/bench-network.sh "${net_args[@]}" | tee "$out/network.txt"
first=$(sed -n 's/.*first run \([0-9]*\) ms.*/\1/p' "$out/network.txt")
warm=$(sed -n 's/.*warm runs \([0-9]*\) ms.*/\1/p' "$out/network.txt")
met=$(awk -v v="$first" 'BEGIN { print (v < 1000) ? "yes" : "NO" }')
echo "network analysis, ${net_args[0]} subnets x ${net_args[1]} groups, first run (warm median ${warm} ms)|${first} ms|< 1000 ms|$met" >> "$table"

if [ "$size" = large ]; then
    echo "== PostgreSQL catalog, 10,000 tables x 300 roles"
    mvn -B test -Dtest=CatalogScaleCheck -Dpg.scale=true -Dsurefire.failIfNoSpecifiedTests=false > "$out/catalog.txt" 2>&1 \
        || { tail -n 40 "$out/catalog.txt" >&2; exit 1; }
    grep 'scale run' "$out/catalog.txt" | tee "$out/catalog-runs.txt"
    last=$(tail -n 1 "$out/catalog-runs.txt")
    collect=$(echo "$last" | sed -n 's/.*collect \([0-9]*\) ms.*/\1/p')
    analyse=$(echo "$last" | sed -n 's/.*analyse \([0-9]*\) ms.*/\1/p')
    facts=$(echo "$last" | sed -n 's/.*policy \([0-9]*\) ms.*/\1/p')
    total=$((collect + analyse))
    met=$(awk -v v="$total" 'BEGIN { print (v <= 3000) ? "yes" : "NO" }')
    echo "PostgreSQL catalog collect + analyse, run 3 ($collect + $analyse ms)|${total} ms|<= 3000 ms|$met" >> "$table"
    echo "PostgreSQL rule facts with a 300-role policy, run 3|${facts} ms|reported|yes" >> "$table"
fi

echo
echo "== figures ($size, $(nproc) cores, $(java -version 2>&1 | head -n 1), $(( $(date +%s) - started )) s in all)"
awk -F'|' 'BEGIN { printf "%-78s %-14s %-12s %s\n", "figure", "value", "target", "met?" }
           { printf "%-78s %-14s %-12s %s\n", $1, $2, $3, $4 }' "$table"
