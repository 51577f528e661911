# Sourced by the benchmark scripts: builds what they need, starts the synthetic AWS endpoint (its account size in
# $1, its files under $2), stops it on exit, and sets $url and the fake credentials for the clients pointed at it.
# Needs to run from the repository root.
start_synthetic_endpoint() {
    local size="$1" dir="$2" ready_tries="${3:-100}"
    [ -f target/hipaa-audit.jar ] || mvn -B -o -q -DskipTests package >/dev/null
    [ -f target/bench.classpath ] || mvn -B -o -q -DskipTests test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
    java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.hipaaaudit.bench.aws.SyntheticAwsServer \
        "$size" --latency-ms "${BENCH_LATENCY_MS:-30}" --history-per-day "${BENCH_HISTORY_PER_DAY:-10}" --port-file "$dir/port" > "$dir/server.log" 2>&1 &
    synthetic_endpoint_pid=$!
    trap 'kill "$synthetic_endpoint_pid" 2>/dev/null || true' EXIT
    for _ in $(seq 1 "$ready_tries"); do [ -s "$dir/port" ] && break; sleep 0.2; done
    [ -s "$dir/port" ] || { echo "the synthetic endpoint did not start:" >&2; cat "$dir/server.log" >&2; exit 1; }
    url="http://127.0.0.1:$(cat "$dir/port")"
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
    export AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
}
