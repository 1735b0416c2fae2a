#!/usr/bin/env bash
# The edge's added latency, measured side by side in one run: the same authenticated read
# (GET /v1/products?limit=1 on catalog-service) sent straight to the service with an internal JWT
# and through the edge with a secret key, by the same load tool (wrk) with the same settings.
# Needs a running platform (deploy/local/platform up) and wrk (apt-get install wrk).
#
#   bench/edge-latency.sh [duration=20s] [connections=16] [threads=2]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${PLATFORM_STATE_DIR:-$ROOT/.platform}"
DURATION="${1:-20s}"; CONNECTIONS="${2:-16}"; THREADS="${3:-2}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
# shellcheck disable=SC1091
. "$STATE/demo.env"

# The benchmark merchant gets a rate limit high enough not to be the thing measured.
curl -sf -X PATCH "$PLATFORM_URL/admin/merchants/$MERCHANT_ID" -H "Authorization: Bearer $ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -d '{"rate_limit_test": 100000}' >/dev/null

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header='{"alg":"RS256","typ":"JWT","kid":"bench"}'
payload="{\"iss\":\"payplatform-edge\",\"sub\":\"$MERCHANT_ID\",\"groups\":[\"merchant\"],\"mode\":\"test\",\"merchant_name\":\"Demo Store\",\"iat\":$now,\"exp\":$((now + 300))}"
signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$STATE/keys/internal-jwt-private.pem" | b64url)"
JWT="$signing_input.$signature"

direct_url="http://127.0.0.1:8083/v1/products?limit=1"
edge_url="$PLATFORM_URL/v1/products?limit=1"
curl -sf "$direct_url" -H "Authorization: Bearer $JWT" >/dev/null || { echo "direct call failed" >&2; exit 1; }
curl -sf "$edge_url" -H "X-Api-Key: $SK_TEST" >/dev/null || { echo "edge call failed" >&2; exit 1; }

run() { # name url header
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s --latency -H "$3" "$2" >/dev/null # warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$2" >"/tmp/bench-$1.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/{print $2}' "/tmp/bench-$1.txt")
  p50=$(awk '$1=="50%"{print $2}' "/tmp/bench-$1.txt")
  p99=$(awk '$1=="99%"{print $2}' "/tmp/bench-$1.txt")
  printf '%-8s %12s %10s %10s\n' "$1" "$rps" "$p50" "$p99"
  eval "RPS_$1=$rps"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, GET /v1/products?limit=1 (catalog-service, PostgreSQL read)"
printf '%-8s %12s %10s %10s\n' path req/s p50 p99
run direct "$direct_url" "Authorization: Bearer $JWT"
run edge "$edge_url" "X-Api-Key: $SK_TEST"
awk -v d="$RPS_direct" -v e="$RPS_edge" 'BEGIN{printf "edge/direct throughput ratio: %.2f\n", e/d}'
echo "(all processes share this machine's cores: the edge, the service, PostgreSQL and wrk)"
