// "?" is read as a typed character, not a key, so it works on every keyboard layout.
#include "ui/keyboard_help.h"

#include "ui/panel_widgets.h"

#include <imgui.h>

namespace pm::ui {

const std::vector<KeyBinding>& keyboard_map() {
    static const std::vector<KeyBinding> map = {
        {"Tab / Shift+Tab", "next or previous control"},
        {"Arrow keys", "move between rows and controls"},
        {"Enter or Space", "activate; open a drop-down"},
        {"Typing in a drop-down", "search the destination fields; Enter takes the first"},
        {"Escape", "close a drop-down or dialog"},
        {"Ctrl+F", "search fields"},
        {"Ctrl+Z", "undo"},
        {"Ctrl+Shift+Z or Ctrl+Y", "redo"},
        {"Ctrl+Enter", "review and submit; then Enter sends"},
        {"F1 or ?", "this help"},
    };
    return map;
}

bool keyboard_help_requested() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) return true;
    if (io.WantTextInput) return false;        // "?" typed into a field is just a character
    for (const ImWchar c : io.InputQueueCharacters)
        if (c == '?') return true;
    return false;
}

void draw_keyboard_help(PanelState& state) {
    const char* title = "Keyboard";
    if (state.help_open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, &state.help_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        for (const KeyBinding& binding : keyboard_map()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(binding.keys);
            ImGui::TableNextColumn();
            text(binding.does);
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.help_open = false;
        ImGui::CloseCurrentPopup();
    }
    record_item("help-close");
    ImGui::SetItemDefaultFocus();
    ImGui::EndPopup();
}

}  // namespace pm::ui
