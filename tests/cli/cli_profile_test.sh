#!/usr/bin/env bash
# plan-mapper profile against the local API double: exact counts checked against the double's own
# rows, a page failing mid-way (retried, then a partial profile with "complete": false), a page
# failing once (retried, complete), the --rows bound, and usage / sign-in errors.
# Usage: cli_profile_test.sh PLAN_MAPPER ARTIFACT_DIR   (run from the repository root)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
cli_test_init cli-profile "$1" "$2"

start_api_double
job=$(node --input-type=module -e "import {ORDERS_JOB_ID} from './web/sample-jobs/index.mjs'; process.stdout.write(ORDERS_JOB_ID)")
export FLATFILE_BEARER_TOKEN=demo-token
faults() { curl -sf -X POST -H 'Content-Type: application/json' --data "$1" "$origin/__double/faults" >/dev/null; }
reset() { curl -sf -X POST "$origin/__double/reset" >/dev/null; }

# The whole file: counts equal what the double's rows say, computed here independently.
expect_exit 0 "$cli" profile --job "$job" --api-url "$api"
node --input-type=module -e '
import { readFileSync } from "node:fs";
import { loadSampleJobs, ORDERS_JOB_ID } from "./web/sample-jobs/index.mjs";
import { RecordSource } from "./web/server/sample-records.mjs";
const out = JSON.parse(readFileSync(process.argv[1], "utf8"));
const sample = loadSampleJobs().find((j) => j.job.id === ORDERS_JOB_ID);
const source = new RecordSource(sample.sourceSheet, sample.records);
const rows = source.page(source.total, 1);
const values = (key) => rows.map((r) => r.values[key]?.value);
const blank = (v) => v === undefined || v === null || v.trim() === "";
const count = (list, pred) => list.filter(pred).length;
const col = (key) => out.columns.find((c) => c.key === key);
const eq = (got, want, what) => { if (got !== want) throw new Error(`${what}: got ${got}, want ${want}`); };
eq(out.job, ORDERS_JOB_ID, "job");
eq(out.sheet, sample.sourceSheet.id, "sheet");
eq(out.rows, 24000, "rows");
eq(out.complete, true, "complete");
eq(out.columns.length, 13, "columns");
for (const c of out.columns) eq(c.blank, count(values(c.key), blank), `${c.key} blank`);
const status = values("status");
const tally = new Map();
for (const v of status) tally.set(v, (tally.get(v) ?? 0) + 1);
eq(col("status").distinct, tally.size, "status distinct");
const top = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
eq(JSON.stringify(col("status").top.map((t) => [t.value, t.count])), JSON.stringify(top), "status top");
eq(col("status").destination, "status", "status destination");
// Every spelling maps to an option except Pending, which no option fits.
eq(col("status").invalid, tally.get("Pending"), "status invalid");
eq(col("amount").destination, "amount", "amount destination");
eq(col("amount").invalid, count(values("amount"), (v) => v === "n/a"), "amount invalid");
eq(col("quantity").invalid, count(values("quantity"), (v) => v === "ten"), "quantity invalid");
eq(col("order_date").invalid, count(values("order_date"), (v) => v === "2024-02-30"), "order_date invalid");
eq(col("customer_e_mail").destination, "email", "automap pairs the e-mail column");
eq(col("customer_e_mail").kinds.email, count(values("customer_e_mail"), (v) => v !== "unknown"), "emails");
eq(col("coupon_code").destination, null, "coupon_code destination");
eq(col("coupon_code").invalid, null, "coupon_code invalid");
eq(col("order_id").distinctEstimated, true, "order_id distinct is an estimate past the cap");
' "$artifacts/out.json" || fail "whole-file profile"

# Page 3 fails on every try: retried (1 + 3 retries), then the first two pages are the profile.
reset
faults '[{"type":"status","status":503,"path":"pageNumber=3"},{"type":"status","status":503,"path":"pageNumber=3"},{"type":"status","status":503,"path":"pageNumber=3"},{"type":"status","status":503,"path":"pageNumber=3"}]'
expect_exit 3 "$cli" profile --job "$job" --api-url "$api"
node -e '
const out = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (out.complete !== false || out.rows !== 10000) throw new Error(`complete ${out.complete}, rows ${out.rows}`);
if (!/stopped after 10,000 rows/.test(out.note)) throw new Error(out.note);
' "$artifacts/out.json" || fail "partial profile"
curl -sf "$origin/__double/requests" | node -e '
let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => {
  const pages = JSON.parse(text).data.filter((e) => e.path.endsWith("/records")).map((e) => `${/pageNumber=(\d+)/.exec(e.query)[1]}:${e.status}`);
  const want = ["1:200", "2:200", "3:503", "3:503", "3:503", "3:503"];
  if (JSON.stringify(pages) !== JSON.stringify(want)) throw new Error(pages.join(", "));
});' || fail "page requests"

# Page 2 fails once: the retry reads it, the profile is complete.
reset
faults '[{"type":"status","status":503,"path":"pageNumber=2"}]'
expect_exit 0 "$cli" profile --job "$job" --api-url "$api"
node -e '
const out = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (out.complete !== true || out.rows !== 24000) throw new Error(`complete ${out.complete}, rows ${out.rows}`);
' "$artifacts/out.json" || fail "retried page"

# --rows bounds the reading; the profile says it is not the whole file.
reset
expect_exit 0 "$cli" profile --job "$job" --api-url "$api" --rows 7000
node -e '
const out = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (out.complete !== false || out.rows !== 7000 || out.columns.find((c) => c.key === "status").top.reduce((s, t) => s + t.count, 0) !== 7000) throw new Error(JSON.stringify(out).slice(0, 300));
' "$artifacts/out.json" || fail "--rows"

expect_exit 2 "$cli" profile --job "$job" --api-url "$api" --rows ten
expect_exit 2 "$cli" profile --api-url "$api"
expect_exit 4 env FLATFILE_BEARER_TOKEN=wrong "$cli" profile --job "$job" --api-url "$api"
echo "cli profile against the API double: ok"
