#!/usr/bin/env bash
# Property-based API fuzzing with schemathesis (PyPI) against a running API (npm start):
# every operation of /openapi.json, with a valid token of each role; fails on any 5xx or a
# response that breaks the schema. Usage: bash infra/schemathesis.sh [API_URL] [MAX_EXAMPLES]
# QC_SCHEMATHESIS_SEED fixes the random seed (npm test does, so a run is reproducible).
set -euo pipefail
cd "$(dirname "$0")/.."
API="${1:-http://127.0.0.1:3000}"
MAX="${2:-25}"
VENV=.tools/schemathesis
[ -x "$VENV/bin/schemathesis" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q 'schemathesis==4.32.5'; }
mkdir -p .data/schemathesis
status=0
for who in coop-atlantique federation committee; do
  # A development API (npm start, or the one run-schemathesis.ts starts): development tokens.
  token=$(QC_MODE=development node -r ./infra/register-paths.cjs dist/apps/api/src/auth/mint-token.cli.js "$who")
  echo "== schemathesis as $who"
  "$VENV/bin/schemathesis" run "$API/openapi.json" --url "$API" -H "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance --max-examples "$MAX" \
    ${QC_SCHEMATHESIS_SEED:+--seed "$QC_SCHEMATHESIS_SEED"} \
    --report junit --report-junit-path ".data/schemathesis/$who.xml" || status=1
done
exit $status
