// Maps a DOM KeyboardEvent.code ("KeyA", "ArrowUp", "Enter", …) to Dear ImGui's key enum.
#pragma once

#include <imgui.h>

namespace pm {

ImGuiKey imgui_key_from_dom_code(const char* code);

}  // namespace pm
