#!/usr/bin/env bash
# The one-command demo: replays the recorded demo AWS environment (examples/demo/evidence: prod in us-east-1, dev in
# us-west-2) through the real SDK clients and collectors, audits a real PostgreSQL started embedded with the demo
# schema (examples/demo/database.sql), and writes every report format to reports/demo/. See docs/demo.md.
#
# Needs JDK 17 and Maven only. Builds on first use (the demo runs from the test classpath: the embedded PostgreSQL
# is a test dependency). Exits 0 whatever the findings (it prints the exit code the CI gate would have given);
# 2 if the scan could not run. The embedded database is stopped and removed on exit, Ctrl-C included.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
if [[ ! -f target/hipaa-audit.jar || ! -f target/test-classes/io/hipaaaudit/demo/Demo.class \
      || ! -f target/demo.classpath || ! -d target/pg-binaries ]]; then
  echo "building (first run only) ..." >&2
  mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/demo.classpath -Dmdep.includeScope=test >&2 || exit 2
fi
exec java -Daws.disableEc2Metadata=true -Dpg.binaries.dir=target/pg-binaries \
    -cp "target/test-classes:target/classes:$(cat target/demo.classpath)" io.hipaaaudit.demo.Demo "$@"
