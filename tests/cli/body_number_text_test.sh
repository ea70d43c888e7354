#!/usr/bin/env bash
# `plan-mapper body` writes numbers exactly as the document has them (2.50 stays 2.50, 1e2 stays
# 1e2, a mantissa longer than a double keeps every digit), at the top level of the plan and inside
# its elements; also when the document starts with a byte order mark or repeats a member name
# (read through the slow path; the last value of a repeated name wins).
# Usage: body_number_text_test.sh PLAN_MAPPER
set -euo pipefail
plan_mapper="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

plan='"x-ratio":2.50,"x-big":1e2,"x-long":0.1000000000000000055511151231257827,"fieldMapping":[{"sourceField":{"key":"a","type":"number","x-min":-0.0},"destinationField":{"key":"b","type":"number"},"metadata":{"confidence":0.50}}],"unmappedSourceFields":[{"sourceField":{"key":"c","type":"string"},"x-weight":1.10}],"unmappedDestinationFields":[]'
job='"job":{"id":"us_jb_1","fileId":"us_fl_1"}'
printf '{"data":{%s,"plan":{%s}}}' "$job" "$plan" > "$work/plain.json"
printf '\xEF\xBB\xBF{"data":{%s,"plan":{%s}}}' "$job" "$plan" > "$work/bom.json"
printf '{"data":{%s,"plan":{"x-ratio":9,"x-big":7,%s}}}' "$job" "$plan" > "$work/repeated.json"
# A PUT body as input (its jobId/fileId belong to the request), with the repeat inside an edge.
printf '{"jobId":"us_jb_1","fileId":"us_fl_1",%s}' "${plan/\"confidence\":0.50/\"confidence\":0.1,\"confidence\":0.50}" > "$work/put-repeated.json"

failures=0
for name in plain bom repeated put-repeated; do
  out="$("$plan_mapper" body "$work/$name.json" 2>"$work/$name.err")" || {
    echo "FAIL $name: exit $? ($(cat "$work/$name.err"))"; failures=$((failures + 1)); continue; }
  for number in '"x-ratio":2.50' '"x-big":1e2' '"x-long":0.1000000000000000055511151231257827' '"x-min":-0.0' \
                '"confidence":0.50' '"x-weight":1.10' '"jobId":"us_jb_1"' '"fileId":"us_fl_1"'; do
    if ! grep -qF -- "$number" <<<"$out"; then
      echo "FAIL $name: the body lost $number: $out"; failures=$((failures + 1))
    fi
  done
  for gone in '"x-ratio":9' '"x-big":7' '"confidence":0.1,'; do
    if grep -qF -- "$gone" <<<"$out"; then echo "FAIL $name: the body kept the earlier $gone"; failures=$((failures + 1)); fi
  done
  echo "ok   $name"
done
if [ "$failures" -ne 0 ]; then echo "body_number_text_test: $failures failure(s)"; exit 1; fi
echo "body_number_text_test: number text kept in all documents"
