#!/usr/bin/env bash
# Regenerates docs/rules.md from rules/. RuleCatalogTest fails when the committed page is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
java -jar target/hipaa-audit.jar rules catalog > docs/rules.md
echo "wrote docs/rules.md"
