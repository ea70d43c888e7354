// Lays out the panel's parts and handles the keyboard shortcuts.
#include "ui/mapping_panel.h"

#include "ui/destination_list.h"
#include "ui/keyboard_help.h"
#include "ui/panel_header.h"
#include "ui/panel_widgets.h"
#include "ui/review_popup.h"
#include "ui/source_table.h"

#include <imgui.h>

namespace pm::ui {

namespace {

// Global shortcuts, except while a text field has the keyboard (it has its own undo).
void handle_shortcuts(Session& session, PanelState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F)) state.focus_filter = true;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Enter) && !state.review_open) state.review_open = true;
    if (!state.review_open && keyboard_help_requested()) state.help_open = true;
    if (io.WantTextInput) return;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) session.undo();
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y))
        session.redo();
}

// The source pane accepts a mapped destination dragged out of the destination list: unmap it.
void accept_unmap_drop(Session& session) {
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kDragMapped)) {
        const std::string destination_key(static_cast<const char*>(payload->Data), static_cast<size_t>(payload->DataSize));
        session.unmap(destination_key);
    }
    ImGui::EndDragDropTarget();
}

}  // namespace

PanelRequests draw_mapping_panel(Session* session, const PanelStatus& status, PanelState& state) {
    PanelRequests requests;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags window_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("plan-mapper", nullptr, window_flags);
    if (session) {
        if (state.view.update(*session, state.filter, state.chips)) state.lines_dirty = true;
        handle_shortcuts(*session, state);
    }
    draw_panel_header(session, status, state, requests);
    if (session) {
        const float destinations_width = ImGui::GetContentRegionAvail().x * 0.34f;
        ImGui::BeginChild("source-pane", ImVec2(-destinations_width - ImGui::GetStyle().ItemSpacing.x, 0));
        draw_source_table(*session, state);
        requests.accept_suggested = std::move(state.accept_suggested);
        requests.reject_suggested = std::move(state.reject_suggested);
        state.accept_suggested.clear();
        state.reject_suggested.clear();
        ImGui::EndChild();
        accept_unmap_drop(*session);
        ImGui::SameLine();
        ImGui::BeginChild("destination-pane", ImVec2(0, 0));
        draw_destination_list(*session, state);
        ImGui::EndChild();
        if (draw_review_popup(*session, state)) requests.submit = true;
        draw_keyboard_help(state);
    }
    ImGui::End();
    return requests;
}

}  // namespace pm::ui
