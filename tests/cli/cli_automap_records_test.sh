#!/usr/bin/env bash
# plan-mapper automap offline (--plan-file with --records-file): the matcher weighs each column's
# values over all the rows (issue 15, point 3). A "Work" column whose preview shows three phone
# numbers goes to "Work phone" when matched from the preview alone (`match`), and to "Work
# email" when 98 of its 100 rows are e-mail addresses; the reason names the figure. Then the usage
# errors. Usage: cli_automap_records_test.sh PLAN_MAPPER ARTIFACT_DIR   (run from the repository root)
set -euo pipefail
cli="$1"
artifacts="$2/cli-automap-records"
mkdir -p "$artifacts"
fail() { echo "FAIL: $*"; exit 1; }
expect_exit() {  # expect_exit CODE COMMAND…
  local want="$1"; shift
  set +e; "$@" >"$artifacts/out.json" 2>"$artifacts/err.txt"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$artifacts/err.txt"; fail "$* exited $got, expected $want"; }
}

node -e '
const fs = require("fs");
const phones = ["+1 555 0100", "+1 555 0101", "+1 555 0102"];
const plan = {
  fieldMapping: [],
  unmappedSourceFields: [{ sourceField: { key: "work", label: "Work", type: "string" }, preview: phones }],
  unmappedDestinationFields: [
    { destinationField: { key: "work_email", label: "Work email", type: "string" } },
    { destinationField: { key: "work_phone", label: "Work phone", type: "string" } },
  ],
};
// The first rows are the preview; 98 of the 100 are e-mail addresses.
const records = [];
for (let i = 0; i < 100; i++) {
  const value = i < 2 ? phones[i] : `person${i}@example.com`;
  records.push({ id: `r${i}`, values: { work: { value, valid: true, messages: [] } } });
}
fs.writeFileSync(process.argv[1], JSON.stringify(plan));
fs.writeFileSync(process.argv[2], JSON.stringify({ data: { records } }));
' "$artifacts/plan.json" "$artifacts/records.json"

destination_of_work() {
  node -e '
const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const edge = plan.fieldMapping.find((e) => e.sourceField.key === "work");
process.stdout.write(edge ? edge.destinationField.key : "-");
' "$artifacts/out.json"
}

# From the preview alone: the phone field.
expect_exit 0 "$cli" match "$artifacts/plan.json"
[ "$(destination_of_work)" = "work_phone" ] || fail "match: work -> $(destination_of_work), expected work_phone"

# From the rows: the e-mail field, and the table says why.
expect_exit 0 "$cli" automap --plan-file "$artifacts/plan.json" --records-file "$artifacts/records.json"
[ "$(destination_of_work)" = "work_email" ] || { cat "$artifacts/err.txt"; fail "automap: work -> $(destination_of_work), expected work_email"; }
grep -q "values: 98% email addresses in 100 rows" "$artifacts/err.txt" || { cat "$artifacts/err.txt"; fail "automap reason"; }

# Usage errors: one file without the other, or files with --job.
expect_exit 2 "$cli" automap --plan-file "$artifacts/plan.json"
expect_exit 2 "$cli" automap --job us_jb_x --plan-file "$artifacts/plan.json" --records-file "$artifacts/records.json"
echo "automap with a records file: ok"
