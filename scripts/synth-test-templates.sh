#!/usr/bin/env bash
# Synthesizes the CDK test stacks (src/test/cdk) and copies their templates and the assembly manifest into
# src/test/resources/templates/cdk/, where the template-scan tests read them. The Maven build never runs npm:
# the synthesized files are committed; run this after changing the CDK app or its pinned versions.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/src/test/cdk"
out="$root/src/test/resources/templates/cdk"
cd "$app"
npm ci --no-audit --no-fund
rm -rf cdk.out
npx cdk synth --quiet
rm -rf "$out"
mkdir -p "$out"
cp cdk.out/manifest.json "$out/"
cp cdk.out/*.template.json "$out/"
echo "synthesized $(ls "$out"/*.template.json | wc -l) templates into ${out#"$root"/}"
