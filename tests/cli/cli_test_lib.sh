# Shared by the CLI's shell tests, which source it (run from the repository root, set -euo pipefail):
# the artifact folder, fail / expect_exit, and the local API double on a free port.

# cli_test_init NAME PLAN_MAPPER ARTIFACT_ROOT: sets $cli and $artifacts (ARTIFACT_ROOT/NAME, created).
cli_test_init() {
  cli="$2"
  artifacts="$3/$1"
  mkdir -p "$artifacts"
}

fail() { echo "FAIL: $*"; exit 1; }

# expect_exit CODE COMMAND…: runs COMMAND with stdout in $artifacts/out.json and stderr in
# $artifacts/err.txt; fails (showing stderr) unless it exits with CODE.
expect_exit() {
  local want="$1"; shift
  set +e; "$@" >"$artifacts/out.json" 2>"$artifacts/err.txt"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$artifacts/err.txt"; fail "$* exited $got, expected $want"; }
}

# start_api_double: web/server/serve.mjs on a free port with $artifacts as its static root, stopped
# when the test exits; sets $server (its pid), $api (the base URL, …/v1) and $origin.
start_api_double() {
  : >"$artifacts/double.out"  # the background job may not have opened it when the loop first reads it
  "$(command -v node)" web/server/serve.mjs --port 0 --dist "$artifacts" --quiet >"$artifacts/double.out" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  api=""
  for _ in $(seq 1 100); do api=$(sed -n 's/^API double: //p' "$artifacts/double.out"); [ -n "$api" ] && break; sleep 0.1; done
  [ -n "$api" ] || fail "the API double did not start"
  origin="${api%/v1}"
}
