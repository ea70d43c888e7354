#!/usr/bin/env bash
# tools/check-layers on the real tree (must pass) and on small made-up trees, one broken rule
# each (must fail and name the file), so the include rule cannot silently stop checking.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
check="$root/tools/check-layers"
"$check" --root "$root"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
# expect_violation NAME FILE LINE: a tree with a valid base plus FILE containing LINE must fail.
expect_violation() {
  local name="$1" file="$2" line="$3" tree="$work/$1"
  mkdir -p "$tree/src/core/json" "$tree/src/core/plan" "$tree/src/ui"
  printf '#pragma once\n#include <string>\n' > "$tree/src/core/json/value.h"
  printf '#include "core/json/value.h"\n' > "$tree/src/core/plan/model.h"
  mkdir -p "$(dirname "$tree/src/$file")"
  printf '%s\n' "$line" >> "$tree/src/$file"
  if out="$("$check" --root "$tree")"; then
    echo "FAIL $name: check-layers passed a tree where src/$file has: $line"; failures=$((failures + 1))
  elif ! grep -q "src/$file:" <<<"$out"; then
    echo "FAIL $name: the report does not name src/$file: $out"; failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
expect_violation json-includes-plan core/json/value.cpp '#include "core/plan/model.h"'
expect_violation json-includes-session core/json/problems.h '#include "core/session/session.h"'
expect_violation json-includes-api core/json/parse.h '#include "core/api/client.h"'
expect_violation plan-includes-session core/plan/write.cpp '#include "core/session/state.h"'
expect_violation core-includes-matcher core/session/session.cpp '#include "matcher/field_matcher.h"'
expect_violation core-includes-ui core/api/client.cpp '#include "ui/theme.h"'
expect_violation core-includes-app core/plan/model.cpp '#include "app/mapper_app.h"'
expect_violation core-includes-emscripten core/api/client.cpp '#include <emscripten/fetch.h>'
expect_violation core-includes-glfw core/plan/model.cpp '#include <GLFW/glfw3.h>'
expect_violation core-includes-imgui core/session/session.h '#include <imgui.h>'
expect_violation matcher-includes-ui matcher/lexicon.cpp '#include "ui/fonts.h"'
expect_violation ui-includes-app ui/theme.cpp '#include "app/app_host.h"'
expect_violation ui-includes-gl ui/fonts.cpp '#include <GLES3/gl3.h>'
expect_violation web-includes-desktop app/web/main_web.cpp '#include "app/desktop/png_writer.h"'
expect_violation internal-header-outside-core ui/source_table.cpp '#include "core/plan/key_index.h"'
expect_violation public-header-includes-internal core/session/session.h '#include "core/plan/key_index.h"'
expect_violation public-header-includes-state core/session/differences.h '#include "core/session/state.h"'
expect_violation public-header-includes-document core/plan/model.h '#include "core/json/document.h"'
expect_violation file-in-no-layer tools/odd.cpp '#include <string>'
if [ "$failures" -ne 0 ]; then echo "check_layers_test: $failures case(s) failed"; exit 1; fi
echo "check_layers_test: all cases caught"
