// "?" is read as a typed character, not a key, so it works on every keyboard layout.
#include "ui/keyboard_help.h"

#include "ui/messages.h"
#include "ui/panel_widgets.h"

#include <imgui.h>

namespace pm::ui {

const std::vector<KeyBinding>& keyboard_map() {
    static const std::vector<KeyBinding> map = {
        {"keys.tab", "keys.tabDoes"},       {"keys.arrows", "keys.arrowsDo"},   {"keys.enter", "keys.enterDoes"},
        {"keys.typing", "keys.typingDoes"}, {"keys.escape", "keys.escapeDoes"}, {"keys.find", "keys.findDoes"},
        {"keys.undo", "keys.undoDoes"},     {"keys.redo", "keys.redoDoes"},     {"keys.review", "keys.reviewDoes"},
        {"keys.help", "keys.helpDoes"},
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
    const std::string title_text = tr("keys.title") + "###keys";
    const char* title = title_text.c_str();
    if (state.help_open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, &state.help_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        for (const KeyBinding& binding : keyboard_map()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(tr(binding.keys));
            ImGui::TableNextColumn();
            text(tr(binding.does));
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr("keys.close").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.help_open = false;
        ImGui::CloseCurrentPopup();
    }
    record_item("help-close");
    ImGui::SetItemDefaultFocus();
    ImGui::EndPopup();
}

}  // namespace pm::ui
