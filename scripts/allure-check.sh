#!/usr/bin/env bash
# Renders an allure-results folder with Allure itself (allure-maven downloads allure-commandline from Maven Central
# once) and checks that Allure counts what findings.json says: its totals per status equal the findings' (PASS
# passed, FAIL failed, NOT_ASSESSED broken, NOT_APPLICABLE and WAIVED skipped), and the Behaviors tab files each
# result under exactly one epic, so the epics add up to the same totals.
# Usage: scripts/allure-check.sh [REPORTS_DIR]   (default reports/demo, as scripts/demo.sh writes it)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
reports="$(cd "${1:-$here/reports/demo}" 2>/dev/null && pwd)" || { echo "allure-check: no folder ${1:-reports/demo}" >&2; exit 2; }
cd "$here"
[[ -d "$reports/allure-results" && -f "$reports/findings.json" ]] || {
  echo "allure-check: $reports has no allure-results/ and findings.json (run scripts/demo.sh first)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mvn -B -q io.qameta.allure:allure-maven:2.17.0:report -Dallure.results.directory="$reports/allure-results" \
    -Dallure.report.directory="$out/report" >/dev/null
python3 - "$reports/findings.json" "$out/report" <<'PY'
import json, sys, collections
findings = json.load(open(sys.argv[1]))["findings"]
to_allure = {"PASS": "passed", "FAIL": "failed", "NOT_ASSESSED": "broken", "NOT_APPLICABLE": "skipped", "WAIVED": "skipped"}
expected = collections.Counter(to_allure[f["status"]] for f in findings)
summary = json.load(open(sys.argv[2] + "/widgets/summary.json"))["statistic"]
epics = collections.Counter()
def leaves(node, into):
    for child in node.get("children", []):
        if "children" in child:
            leaves(child, into)
        else:
            into[child["status"]] += 1
for epic in json.load(open(sys.argv[2] + "/data/behaviors.json")).get("children", []):
    per = collections.Counter()
    leaves(epic, per)
    print(f"  epic {epic['name']}: " + ", ".join(f"{k} {v}" for k, v in sorted(per.items())))
    epics.update(per)
ok = True
for status in ("passed", "failed", "broken", "skipped"):
    line = f"{status:8} findings {expected[status]:4}  Allure total {summary[status]:4}  Behaviors {epics[status]:4}"
    good = expected[status] == summary[status] == epics[status]
    ok &= good
    print(("  ok   " if good else "  DIFF ") + line)
sys.exit(0 if ok else 1)
PY
