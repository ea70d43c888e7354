#!/usr/bin/env bash
# Runs plan-mapper-desktop under Xvfb twice and checks each screenshot:
#  1. offline on the contract's GET-plan example (--plan-file), and on a plan labelled in scripts
#     that need shaping (its screenshot kept as test-artifacts/desktop-scripts-plan.png);
#  2. online against the local API double on 127.0.0.1 (libcurl GET plan with the demo token).
# Usage: desktop_app_test.sh APP ARTIFACT_DIR   (run from the repository root)
set -euo pipefail
app="$1"
artifacts="$2"
mkdir -p "$artifacts"
plan_copy="$artifacts/desktop-plan.json"
cp tests/data/contract/01-get-plan-response.json "$plan_copy"

# The mapping memory's default file lives under XDG_CONFIG_HOME: a test never reads or writes the
# real one.
export XDG_CONFIG_HOME="$artifacts/xdg-config"
rm -rf "$XDG_CONFIG_HOME"
run_app() { xvfb-run -a -s "-screen 0 1280x800x24" "$app" --size 1100x700 --frames 3 "$@"; }

echo "offline: --plan-file"
run_app --plan-file "$plan_copy" --screenshot "$artifacts/desktop-offline.png"
python3 tests/desktop/check_png.py "$artifacts/desktop-offline.png" 1100 700

echo "offline: a plan labelled in Arabic, Hebrew, Persian, Urdu, Devanagari, Bengali, Tamil, Thai"
# Kept in the repository's test-artifacts/ for a person to read (issue 18: words, not boxes).
mkdir -p test-artifacts
cp tests/data/plans/scripts-plan.json "$artifacts/scripts-plan.json"
run_app --plan-file "$artifacts/scripts-plan.json" --frames 8 --screenshot test-artifacts/desktop-scripts-plan.png \
  2>"$artifacts/scripts.err"
python3 tests/desktop/check_png.py test-artifacts/desktop-scripts-plan.png 1100 700
# The panel drew its labels through the desktop's shaping: one run at least for each of the 9
# source labels and 8 sample lines in those scripts (the label with only a bidi control is ImGui's).
shaped=$(sed -n 's/^plan-mapper: \([0-9]*\) text runs shaped$/\1/p' "$artifacts/scripts.err")
[ -n "$shaped" ] && [ "$shaped" -ge 17 ] || { echo "too few shaped runs: '$shaped'"; cat "$artifacts/scripts.err"; exit 1; }
echo "shaped runs: $shaped"

echo "offline with a broken mapping memory: reported, ignored, left as it is"
printf '{"format":"plan-mapper-memory","version":1,"schemas":[' >"$artifacts/broken-memory.json"
cp "$artifacts/broken-memory.json" "$artifacts/broken-memory.orig"
run_app --plan-file "$plan_copy" --memory "$artifacts/broken-memory.json" --screenshot "$artifacts/desktop-memory.png" \
  2>"$artifacts/memory.err"
grep -q "mapping memory .*broken-memory.json ignored" "$artifacts/memory.err" || { cat "$artifacts/memory.err"; exit 1; }
cmp -s "$artifacts/broken-memory.json" "$artifacts/broken-memory.orig" || { echo "the broken memory file was changed"; exit 1; }
python3 tests/desktop/check_png.py "$artifacts/desktop-memory.png" 1100 700
[ ! -e "$XDG_CONFIG_HOME/plan-mapper/memory.json" ] || { echo "a run that confirmed nothing wrote a memory"; exit 1; }

echo "online: against the local API double"
out="$artifacts/double.out"
node web/server/serve.mjs --port 0 --dist "$artifacts" --quiet >"$out" 2>"$artifacts/double.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
api_url=""
for _ in $(seq 1 100); do
  api_url=$(sed -n 's/^API double: //p' "$out")
  [ -n "$api_url" ] && break
  sleep 0.1
done
[ -n "$api_url" ] || { echo "the API double did not start"; cat "$artifacts/double.log"; exit 1; }
origin="${api_url%/v1}"
job=$(node --input-type=module -e "import {DEMO_JOB_ID} from './web/sample-jobs/index.mjs'; process.stdout.write(DEMO_JOB_ID)")
token=$(node --input-type=module -e "import {DEMO_TOKEN} from './web/sample-jobs/index.mjs'; process.stdout.write(DEMO_TOKEN)")
FLATFILE_BEARER_TOKEN="$token" run_app --api-url "$api_url" --job "$job" \
  --screenshot "$artifacts/desktop-online.png"
python3 tests/desktop/check_png.py "$artifacts/desktop-online.png" 1100 700
# The double saw the GET with the token and X-Disable-Hooks (its log redacts the token itself).
curl -sf "$origin/__double/requests" | python3 -c '
import json, sys
log = json.load(sys.stdin)
entries = log["data"]
gets = [e for e in entries if e["method"] == "GET" and e["path"].endswith("/plan")]
assert gets, "no GET plan reached the double"
for e in gets:
    assert e["headers"].get("authorization") == "[REDACTED valid]", e["headers"]
    assert e["headers"].get("x-disable-hooks") == "true", e["headers"]
    assert e["status"] == 200, e
print("double received", len(gets), "GET plan request(s)")
'
echo "desktop app: ok"
