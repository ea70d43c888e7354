#!/usr/bin/env bash
# plan-mapper profile offline: --plan-file (a GET-plan response) with --records-file (a records
# response, {data: {records: [...]}}), both written here from the orders sample job the double
# serves; the counts must equal what the rows say, computed here independently. Then the usage
# errors (one file without the other, or with --job) and a malformed records file.
# Usage: cli_profile_offline_test.sh PLAN_MAPPER ARTIFACT_DIR   (run from the repository root)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
cli_test_init cli-profile-offline "$1" "$2"

node --input-type=module -e '
import { writeFileSync } from "node:fs";
import { loadSampleJobs, ORDERS_JOB_ID } from "./web/sample-jobs/index.mjs";
import { RecordSource } from "./web/server/sample-records.mjs";
const sample = loadSampleJobs().find((j) => j.job.id === ORDERS_JOB_ID);
const source = new RecordSource(sample.sourceSheet, sample.records);
writeFileSync(process.argv[1], JSON.stringify({ data: { job: sample.job, plan: sample.plan } }));
writeFileSync(process.argv[2], JSON.stringify({ data: { records: source.page(source.total, 1) } }));
' "$artifacts/plan.json" "$artifacts/records.json"

expect_exit 0 "$cli" profile --plan-file "$artifacts/plan.json" --records-file "$artifacts/records.json"
node --input-type=module -e '
import { readFileSync } from "node:fs";
const out = JSON.parse(readFileSync(process.argv[1], "utf8"));
const rows = JSON.parse(readFileSync(process.argv[2], "utf8")).data.records;
const values = (key) => rows.map((r) => r.values[key]?.value);
const blank = (v) => v === undefined || v === null || v.trim() === "";
const count = (list, pred) => list.filter(pred).length;
const col = (key) => out.columns.find((c) => c.key === key);
const eq = (got, want, what) => { if (got !== want) throw new Error(`${what}: got ${got}, want ${want}`); };
eq(out.sheet, null, "sheet");
eq(out.rows, rows.length, "rows");
eq(out.complete, true, "complete");
for (const c of out.columns) eq(c.blank, count(values(c.key), blank), `${c.key} blank`);
const tally = new Map();
for (const v of values("status")) tally.set(v, (tally.get(v) ?? 0) + 1);
const top = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
eq(JSON.stringify(col("status").top.map((t) => [t.value, t.count])), JSON.stringify(top), "status top");
eq(col("status").invalid, tally.get("Pending"), "status invalid");
eq(col("amount").invalid, count(values("amount"), (v) => v === "n/a"), "amount invalid");
eq(col("customer_e_mail").destination, "email", "the e-mail column is matched");
' "$artifacts/out.json" "$artifacts/records.json" || fail "offline profile"

# --rows bounds the offline profile too, and says so.
expect_exit 0 "$cli" profile --plan-file "$artifacts/plan.json" --records-file "$artifacts/records.json" --rows 100
node -e '
const out = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (out.rows !== 100 || out.complete !== false || !/first 100 rows/.test(out.note)) throw new Error(JSON.stringify([out.rows, out.complete, out.note]));
' "$artifacts/out.json" || fail "offline --rows"

expect_exit 2 "$cli" profile --plan-file "$artifacts/plan.json"
grep -q "go together" "$artifacts/err.txt" || fail "a plan file without records: $(cat "$artifacts/err.txt")"
expect_exit 2 "$cli" profile --job us_jb_x --plan-file "$artifacts/plan.json" --records-file "$artifacts/records.json"
grep -q "not both" "$artifacts/err.txt" || fail "--job with files: $(cat "$artifacts/err.txt")"
printf '{"data":{"records":[{"values":{"a":{"value":"x"}}' > "$artifacts/bad.json"
expect_exit 2 "$cli" profile --plan-file "$artifacts/plan.json" --records-file "$artifacts/bad.json"
grep -q "not JSON" "$artifacts/err.txt" || fail "a cut records file: $(cat "$artifacts/err.txt")"
echo "cli profile offline: ok"
