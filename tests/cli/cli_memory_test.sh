#!/usr/bin/env bash
# plan-mapper learn, match --memory and automap --memory (issue 14): a confirmed plan is learned,
# a second import of the same export (new keys, other column order) maps itself with the reason
# shown, a broken memory file is reported once and ignored (and never overwritten), the file holds
# no preview value and no token, and automap learns the plan the server saved.
# Usage: cli_memory_test.sh PLAN_MAPPER ARTIFACT_DIR   (run from the repository root)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
rm -rf "$2/cli-memory"
cli_test_init cli-memory "$1" "$2"

# The confirmed first import: match-me.json as a person finished it ("Misc" -> Last name, which
# the matcher would never propose).
node -e '
const fs = require("fs");
const plan = JSON.parse(fs.readFileSync("tests/cli/match-me.json", "utf8"));
const dest = (k) => plan.unmappedDestinationFields.find((d) => d.destinationField.key === k).destinationField;
const src = (k) => plan.unmappedSourceFields.find((s) => s.sourceField.key === k);
for (const [s, d] of [["zip", "postal_code"], ["e_mail_address", "email"], ["misc", "last_name"]])
  plan.fieldMapping.push({sourceField: src(s).sourceField, destinationField: dest(d), preview: src(s).preview});
plan.unmappedSourceFields = [];
plan.unmappedDestinationFields = [];
fs.writeFileSync(process.argv[1], JSON.stringify(plan));
// The second import: the same export with new keys, columns in another order.
const again = JSON.parse(fs.readFileSync("tests/cli/match-me.json", "utf8"));
again.unmappedSourceFields.reverse();
for (const s of again.unmappedSourceFields) s.sourceField.key = "c2_" + s.sourceField.key;
fs.writeFileSync(process.argv[2], JSON.stringify(again));
' "$artifacts/confirmed.json" "$artifacts/second.json"

memory="$artifacts/memory.json"
expect_exit 2 "$cli" learn "$artifacts/confirmed.json"                 # --memory is required
expect_exit 2 "$cli" learn --memory "$memory"                          # no plan
expect_exit 1 "$cli" learn --memory "$memory" tests/data/plans/bad-types.json
[ ! -e "$memory" ] || fail "a plan with errors must not create the memory"
expect_exit 0 "$cli" learn --memory "$memory" "$artifacts/confirmed.json"
grep -q "learned 4 pairs and 0 columns left unmapped" "$artifacts/err.txt" || fail "learn summary: $(cat "$artifacts/err.txt")"
node -e '
const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (m.format !== "plan-mapper-memory" || m.version !== 1 || m.schemas.length !== 1) throw new Error("format");
const e = m.schemas[0].entries.find((x) => x.header === "Misc");
if (!e || e.destination !== "last_name" || e.count !== 1) throw new Error(JSON.stringify(m.schemas[0].entries));
' "$memory"
for sample in 10115 75001 a@example.org; do
  ! grep -q "$sample" "$memory" || fail "the memory holds the preview value $sample"
done

# The second import maps itself: "Misc" -> last_name with the reason.
expect_exit 0 "$cli" match --memory "$memory" "$artifacts/second.json"
node -e '
const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const by = Object.fromEntries(plan.fieldMapping.map((e) => [e.destinationField.key, e.sourceField.key]));
if (by.last_name !== "c2_misc" || by.postal_code !== "c2_zip" || by.email !== "c2_e_mail_address") throw new Error(JSON.stringify(by));
const misc = plan.fieldMapping.find((e) => e.sourceField.key === "c2_misc");
if (misc.metadata.certainty !== "absolute") throw new Error(JSON.stringify(misc.metadata));
' "$artifacts/out.json"
grep -q 'remembered: "Misc" → Last name, 1 import, last on' "$artifacts/err.txt" || fail "reason: $(cat "$artifacts/err.txt")"
grep -q "3 of 3 unmapped columns mapped" "$artifacts/err.txt" || fail "match table with memory"
# Learned twice, the count says so.
expect_exit 0 "$cli" learn --memory "$memory" "$artifacts/confirmed.json"
expect_exit 0 "$cli" match --memory "$memory" "$artifacts/second.json"
grep -q 'remembered: "Misc" → Last name, 2 imports' "$artifacts/err.txt" || fail "count: $(cat "$artifacts/err.txt")"

# A missing memory file is an empty memory; a broken one is reported once and ignored.
expect_exit 0 "$cli" match --memory "$artifacts/none.json" tests/cli/match-me.json
grep -q "2 of 3 unmapped columns mapped" "$artifacts/err.txt" || fail "match with no memory file"
printf '{"format":"plan-mapper-memory","version":1,"schemas":[' >"$artifacts/broken.json"
cp "$artifacts/broken.json" "$artifacts/broken.orig"
expect_exit 0 "$cli" match --memory "$artifacts/broken.json" tests/cli/match-me.json
[ "$(grep -c "memory ignored" "$artifacts/err.txt")" = 1 ] || fail "a broken memory is reported once: $(cat "$artifacts/err.txt")"
grep -q "2 of 3 unmapped columns mapped" "$artifacts/err.txt" || fail "a broken memory blocked matching"
expect_exit 1 "$cli" learn --memory "$artifacts/broken.json" "$artifacts/confirmed.json"
cmp -s "$artifacts/broken.json" "$artifacts/broken.orig" || fail "learn overwrote a broken memory file"
for hostile in tests/data/hostile-memory/*.json; do
  [ "$(basename "$hostile")" = manifest.json ] && continue
  expect_exit 0 "$cli" match --memory "$hostile" tests/cli/match-me.json
done

# automap --memory against the API double: the plan the server saved is learned.
start_api_double
job=$(node --input-type=module -e "import {DEMO_JOB_ID} from './web/sample-jobs/index.mjs'; process.stdout.write(DEMO_JOB_ID)")
token=$(node --input-type=module -e "import {DEMO_TOKEN} from './web/sample-jobs/index.mjs'; process.stdout.write(DEMO_TOKEN)")
expect_exit 0 env FLATFILE_BEARER_TOKEN="$token" "$cli" automap --job "$job" --api-url "$api" --memory "$artifacts/automap.json"
node -e '
const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (!m.schemas.length || !m.schemas[0].entries.some((e) => e.destination)) throw new Error("nothing learned");
' "$artifacts/automap.json"
! grep -q "$token" "$artifacts/automap.json" || fail "the memory holds the token"
echo "cli memory: all checks passed"
