#!/usr/bin/env bash
# hipaa-audit and CloudSploit side by side on the same local fake AWS account (the synthetic endpoint of
# scripts/bench.sh), no network: prints each tool's wall and CPU time (user + sys), paired, and the requests each sent.
# CloudSploit runs its HIPAA plugins (--compliance hipaa) with its aws-sdk pointed at the endpoint by a preload
# (node -r); hipaa-audit runs through the launcher (scripts/hipaa-audit), attribution on.
#
# Usage: CLOUDSPLOIT_DIR=/path/to/cloudsploit scripts/bench-cloudsploit.sh [cold|small|large] [RUNS]
#   CLOUDSPLOIT_DIR: a checkout of github.com/aquasecurity/cloudsploit with `npm install` done in it.
#   BENCH_HA_ARGS: extra hipaa-audit scan options, e.g. --no-attribution (CloudSploit looks up no change history).
# CloudSploit asks for every region of its own list; the endpoint answers the regions of the fake account and an
# empty account for the others. hipaa-audit scans the regions the account reports (ec2:DescribeRegions).
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-small}"
runs="${2:-3}"
: "${CLOUDSPLOIT_DIR:?set CLOUDSPLOIT_DIR to a CloudSploit checkout with npm install done}"
[ -f "$CLOUDSPLOIT_DIR/index.js" ] && [ -d "$CLOUDSPLOIT_DIR/node_modules/aws-sdk" ] \
    || { echo "$CLOUDSPLOIT_DIR: not a CloudSploit checkout with npm install done" >&2; exit 2; }
out=target/bench/cloudsploit
rm -rf "$out" && mkdir -p "$out"
cat > "$out/preload.js" <<'JS'
// Every aws-sdk v2 client at the local endpoint over plain HTTP. CloudSploit's collector installs an HTTPS
// keep-alive agent through AWS.config.update: that agent is dropped, the endpoint speaks HTTP.
const AWS = require(process.env.CLOUDSPLOIT_DIR + '/node_modules/aws-sdk');
const update = AWS.config.update.bind(AWS.config);
AWS.config.update = function (options, allowUnknownKeys) {
  if (options && options.httpOptions) { delete options.httpOptions.agent; }
  return update(options, allowUnknownKeys);
};
AWS.config.update({ endpoint: process.env.BENCH_ENDPOINT, sslEnabled: false, s3ForcePathStyle: true });
JS
cat > "$out/config.js" <<'JS'
module.exports = { credentials: { aws: { access_key: process.env.AWS_ACCESS_KEY_ID,
  secret_access_key: process.env.AWS_SECRET_ACCESS_KEY } } };
JS

. scripts/lib/synthetic-endpoint.sh
start_synthetic_endpoint "$size" "$out" 300
export CLOUDSPLOIT_DIR BENCH_ENDPOINT="$url"

requests() { python3 -c 'import json,sys; print(sum(json.load(open(sys.argv[1]))["requests"].values()))' "$1"; }
printf '%-4s %-12s %8s %8s %9s %6s\n' run tool wall_s cpu_s requests load1
for i in $(seq 1 "$runs"); do
    curl -s "$url/__reset" > /dev/null
    /usr/bin/time -f "%e %U %S" -o "$out/ha-time-$i" scripts/hipaa-audit scan --endpoint-url "$url" --format json \
        ${BENCH_HA_ARGS:-} -q --output-dir "$out/ha-$i" > "$out/ha-$i.txt" 2>&1 || true
    curl -s "$url/__stats" > "$out/ha-stats-$i.json"
    read -r w u s < <(tail -1 "$out/ha-time-$i")
    printf '%-4s %-12s %8s %8.2f %9s %6s\n' "$i" hipaa-audit "$w" "$(awk -v a="$u" -v b="$s" 'BEGIN { print a + b }')" \
        "$(requests "$out/ha-stats-$i.json")" "$(cut -d' ' -f1 /proc/loadavg)"
    curl -s "$url/__reset" > /dev/null
    /usr/bin/time -f "%e %U %S" -o "$out/cs-time-$i" node -r "$PWD/$out/preload.js" "$CLOUDSPLOIT_DIR/index.js" \
        --config "$PWD/$out/config.js" --cloud aws --compliance hipaa --console none \
        --json "$out/cs-$i.json" > "$out/cs-$i.txt" 2>&1 || true
    curl -s "$url/__stats" > "$out/cs-stats-$i.json"
    read -r w u s < <(tail -1 "$out/cs-time-$i")
    printf '%-4s %-12s %8s %8.2f %9s %6s\n' "$i" cloudsploit "$w" "$(awk -v a="$u" -v b="$s" 'BEGIN { print a + b }')" \
        "$(requests "$out/cs-stats-$i.json")" "$(cut -d' ' -f1 /proc/loadavg)"
done
