#!/usr/bin/env bash
# Regenerates docs/inventory.md from the declared facts. InventoryDocTest fails when the committed page is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
java -jar target/hipaa-audit.jar rules facts > docs/inventory.md
echo "wrote docs/inventory.md"
