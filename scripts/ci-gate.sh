#!/usr/bin/env bash
# Post-deploy compliance gate for CI: scans the environment just deployed, keeps every report in an artifacts
# folder, prints ONE summary line for the CI log and exits with hipaa-audit's code:
#   0 pass, 1 new failing findings at/above the threshold, 2 usage/config error, 3 scan incomplete.
#
#   scripts/ci-gate.sh --environment prod --fail-on high --artifacts build/hipaa-audit \
#       [--baseline previous/findings.json] [--config hipaa-audit.yaml] [--format json,junit,sarif,html] [-- extra scan args]
#
# The hipaa-audit command is $HIPAA_AUDIT (default: scripts/hipaa-audit next to this script).
set -uo pipefail

environment="${HIPAA_AUDIT_ENVIRONMENT:-prod}"
fail_on="${HIPAA_AUDIT_FAIL_ON:-high}"
artifacts="${HIPAA_AUDIT_ARTIFACTS:-hipaa-audit-artifacts}"
formats="${HIPAA_AUDIT_FORMATS:-json}"
baseline=""
config=""
extra=()

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --environment) environment="${2:?}"; shift 2 ;;
    --fail-on)     fail_on="${2:?}"; shift 2 ;;
    --artifacts)   artifacts="${2:?}"; shift 2 ;;
    --baseline)    baseline="${2:?}"; shift 2 ;;
    --config)      config="${2:?}"; shift 2 ;;
    --format)      formats="${2:?}"; shift 2 ;;
    -h|--help)     usage ;;
    --)            shift; extra=("$@"); break ;;
    *)             echo "ci-gate: unknown argument '$1'" >&2; usage ;;
  esac
done

cmd="${HIPAA_AUDIT:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/hipaa-audit}"
mkdir -p "$artifacts"
args=(scan --environment "$environment" --fail-on "$fail_on" --format "$formats" --output-dir "$artifacts")
[[ -n "$config" ]] && args+=(--config "$config")
if [[ -n "$baseline" ]]; then
  if [[ -f "$baseline" ]]; then
    args+=(--baseline "$baseline")
  else
    echo "ci-gate: baseline $baseline not found; every failing finding counts as new" >&2
    baseline=""
  fi
fi

$cmd "${args[@]}" "${extra[@]}" >"$artifacts/console.txt" 2>"$artifacts/errors.txt"
code=$?

result="$(grep -E '^result:' "$artifacts/console.txt" | tail -n 1)"
[[ -z "$result" ]] && result="exit $code: $(head -n 1 "$artifacts/errors.txt")"
echo "hipaa-audit gate: environment=$environment baseline=${baseline:-none} ${result#result: }"
exit "$code"
