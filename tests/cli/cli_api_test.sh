#!/usr/bin/env bash
# plan-mapper match / automap / get / put: exit codes and what reaches the local API double.
# Usage: cli_api_test.sh PLAN_MAPPER ARTIFACT_DIR   (run from the repository root)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
cli_test_init cli "$1" "$2"

# match: offline, the two obvious pairs are made, stdout is the plan as JSON.
expect_exit 0 "$cli" match tests/cli/match-me.json
node -e '
const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const by = Object.fromEntries(plan.fieldMapping.map((e) => [e.destinationField.key, e.sourceField.key]));
if (by.postal_code !== "zip" || by.email !== "e_mail_address" || by.last_name) throw new Error(JSON.stringify(by));
' "$artifacts/out.json"
grep -q "2 of 3 unmapped columns mapped" "$artifacts/err.txt" || fail "match table"
expect_exit 2 "$cli" match --threshold 7 tests/cli/match-me.json

# The API double on a free port.
start_api_double
job=$(node --input-type=module -e "import {DEMO_JOB_ID} from './web/sample-jobs/index.mjs'; process.stdout.write(DEMO_JOB_ID)")
token=$(node --input-type=module -e "import {DEMO_TOKEN} from './web/sample-jobs/index.mjs'; process.stdout.write(DEMO_TOKEN)")
log() { curl -sf "$origin/__double/requests"; }

env -u FLATFILE_BEARER_TOKEN -u FLATFILE_API_KEY "$cli" get --job "$job" --api-url "$api" >/dev/null 2>&1 && fail "get without a token"
expect_exit 4 env FLATFILE_BEARER_TOKEN=wrong "$cli" get --job "$job" --api-url "$api"
expect_exit 0 env FLATFILE_BEARER_TOKEN="$token" "$cli" get --job "$job" --api-url "$api"
cp "$artifacts/out.json" "$artifacts/plan.json"
expect_exit 0 env FLATFILE_BEARER_TOKEN="$token" "$cli" put --job "$job" --api-url "$api" "$artifacts/plan.json"
# The demo plan has moderate and weak edges: confident accuracy is not met, nothing is executed.
# automap reads the source rows (GET sheet, one page of records) and saves the enum values it
# found there that the preview did not show.
expect_exit 1 env FLATFILE_BEARER_TOKEN="$token" "$cli" automap --job "$job" --api-url "$api" --execute
grep -q "accuracy 'confident' not met" "$artifacts/err.txt" || fail "automap message"
grep -q "enum values mapped from 240 rows" "$artifacts/err.txt" || fail "automap enum values from the records"
log | node -e '
let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => {
  const entries = JSON.parse(text).data.map((e) => `${e.method} ${e.status}`);
  const want = ["GET 401", "GET 200", "PUT 200", "GET 200", "GET 200", "GET 200", "PUT 200"];
  if (JSON.stringify(entries) !== JSON.stringify(want)) throw new Error(entries.join(", "));
});'
echo "cli against the API double: ok"
