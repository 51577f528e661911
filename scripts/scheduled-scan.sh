#!/usr/bin/env bash
# Scheduled compliance scan: one scan into reports/<UTC timestamp>/, reports/latest pointing at it, the scan
# recorded in the history database (history.url in the config, or HIPAA_AUDIT_HISTORY_URL; password in
# HIPAA_AUDIT_HISTORY_PASSWORD), and report folders older than the newest $KEEP_REPORTS removed (the history
# database keeps every scan: HIPAA documentation retention is six years).
#
#   scripts/scheduled-scan.sh --config /etc/hipaa-audit/hipaa-audit.yaml [--reports DIR] [-- extra scan args]
#
# Exit: 0 when the scan ran and was recorded (findings are in the reports and the history), 2 on a usage,
# config or history error. With STRICT=1 the scan's own 1 (failing findings) and 3 (incomplete) pass through.
set -uo pipefail

reports="${HIPAA_AUDIT_REPORTS:-reports}"
keep="${KEEP_REPORTS:-30}"
config=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --config)  config="${2:?}"; shift 2 ;;
    --reports) reports="${2:?}"; shift 2 ;;
    --)        shift; extra=("$@"); break ;;
    *)         echo "scheduled-scan: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

cmd="${HIPAA_AUDIT:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/hipaa-audit}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$reports/$stamp"
mkdir -p "$out"
args=(scan --output-dir "$out")
[[ -n "$config" ]] && args+=(--config "$config")

$cmd "${args[@]}" "${extra[@]}" 2>&1 | tee "$out/console.txt"
code=${PIPESTATUS[0]}

# point reports/latest at this run atomically (rename over the old link)
ln -sfn "$stamp" "$reports/.latest.$$" && mv -Tf "$reports/.latest.$$" "$reports/latest"

# rotate: keep the newest $keep timestamped folders
ls -1d "$reports"/[0-9]*T[0-9]*Z 2>/dev/null | sort | head -n "-$keep" | while read -r old; do rm -rf -- "$old"; done

echo "scheduled-scan: $out exit=$code"
if [[ "$code" == 2 || "${STRICT:-0}" == 1 ]]; then
  exit "$code"
fi
exit 0
