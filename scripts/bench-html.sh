#!/usr/bin/env bash
# HTML report size and speed: renders N synthetic findings (default 20000) and times it in headless Chromium.
# Usage: scripts/bench-html.sh [FINDINGS]     (needs /usr/bin/chromium, or CHROMIUM_BIN)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$cp" io.hipaaaudit.report.html.HtmlReportBenchmark "${1:-20000}"
