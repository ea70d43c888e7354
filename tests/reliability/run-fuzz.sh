#!/usr/bin/env bash
# Runs both libFuzzer targets for a while and keeps their logs for docs/RELIABILITY.md.
#   tests/reliability/run-fuzz.sh [SECONDS] [BUILD_DIR]     (defaults: 600, build/fuzz)
# BUILD_DIR must be configured with clang and -DPM_FUZZ=ON, e.g.
#   CXX=clang++-14 CC=clang-14 cmake -S . -B build/fuzz -G Ninja -DPM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
# Seeds: tests/data/fuzz-seeds and the committed hostile corpus; new inputs stay in BUILD_DIR.
# The two targets run one after the other, each for SECONDS of wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
seconds="${1:-600}"
build="${2:-build/fuzz}"
out="test-artifacts/reliability"
mkdir -p "$out" "$build/fuzz-parse-corpus" "$build/fuzz-session-corpus"
ninja -C "$build" -j 2 fuzz_plan_parse fuzz_session_ops

find_target() { find "$build" -name "$1" -type f -perm -u+x | head -1; }

# -max_len 65536: the hostile seeds go up to ~130 KB; longer inputs only slow the search.
"$(find_target fuzz_plan_parse)" -max_total_time="$seconds" -seed=7 -max_len=65536 -print_final_stats=1 \
  -dict=tests/core/fuzz_plan_parse.dict -artifact_prefix="$build/fuzz-plan-parse-" \
  "$build/fuzz-parse-corpus" tests/data/fuzz-seeds tests/data/hostile > "$out/fuzz-plan_parse.log" 2>&1 || true
# -len_control=0: long operation sequences from the start (3 bytes per operation, up to 200).
"$(find_target fuzz_session_ops)" -max_total_time="$seconds" -seed=7 -len_control=0 -max_len=700 -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-session-ops-" "$build/fuzz-session-corpus" > "$out/fuzz-session_ops.log" 2>&1 || true
grep -hE "^stat::(number_of_executed_units|total_time)|ERROR|deadly" "$out"/fuzz-*.log || true
