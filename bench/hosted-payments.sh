#!/usr/bin/env bash
# Creates N hosted payments through the edge with the README's own request, P at a time, and prints
# how many answered 202. Fills a platform's databases and topics the way real use does (each payment
# writes a payment row and outbox rows; the checkout page's intent adds more when buyers pay).
# Needs a running platform (deploy/local/platform up).
#
#   bench/hosted-payments.sh [count=2000] [parallel=8]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${PLATFORM_STATE_DIR:-$ROOT/.platform}"
COUNT="${1:-2000}"; PARALLEL="${2:-8}"
# shellcheck disable=SC1091
. "$STATE/demo.env"

# The demo merchant's test limit (25 rps) is not what this fills: lift it as an operator would.
curl -sf -X PATCH "$PLATFORM_URL/admin/merchants/$MERCHANT_ID" -H "Authorization: Bearer $ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -d '{"rate_limit_test": 100000}' >/dev/null

t0=$(date +%s)
codes="$(seq 1 "$COUNT" | xargs -P "$PARALLEL" -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  -X POST "$PLATFORM_URL/v1/payments/" -H "X-Api-Key: $SK_TEST" -H 'Content-Type: application/json' \
  -d '{"amount":"49.99","description":"Monthly plan {}","currency":"USD","items":["Monthly Subscription"],"return_url":"https://example.com/thank-you"}')"
elapsed=$(( $(date +%s) - t0 ))
printf '%s\n' "$codes" | sort | uniq -c | awk '{printf "  HTTP %s: %s\n", $2, $1}'
accepted=$(grep -c '^202$' <<<"$codes" || true)
echo "$accepted of $COUNT hosted payments accepted in ${elapsed}s"
[ "$accepted" = "$COUNT" ]
