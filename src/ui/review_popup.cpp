// Lists the changes by destination, in words: "Email: from E-mail (was: Email address)".
#include "ui/review_popup.h"

#include "ui/panel_widgets.h"

#include <imgui.h>

namespace pm::ui {

namespace {

std::string source_name(const Session& session, const std::optional<std::string>& key) {
    if (!key) return "nothing";
    const Field* field = session.source_field(*key);
    return field ? field->display_name() : *key;
}

}  // namespace

bool draw_review_popup(const Session& session, PanelState& state) {
    const char* title = "Review changes";
    if (state.review_open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
    bool send = false;
    if (!ImGui::BeginPopupModal(title, &state.review_open, ImGuiWindowFlags_AlwaysAutoResize)) return false;
    const PlanDiff& diff = state.view.changes();
    if (diff.empty() && session.ignored().empty()) {
        text("Nothing differs from the server's plan; sending confirms it as it is.");
    } else {
        ImGui::BeginChild("changes", ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 14), ImGuiChildFlags_Border);
        for (const auto& change : diff.destinations) {
            const Field* field = session.destination_field(change.key);
            text((field ? field->display_name() : change.key) + ": from " + source_name(session, change.after) +
                 "   (was: " + source_name(session, change.before) + ")");
        }
        for (const Link& link : diff.edited) {
            const Field* field = session.destination_field(link.destination_key);
            text((field ? field->display_name() : link.destination_key) + ": value mapping changed");
        }
        for (const std::string& key : session.ignored()) text(source_name(session, key) + ": not imported");
        ImGui::EndChild();
    }
    if (const size_t missing = state.view.required_missing())
        coloured_text(kErrorColour, std::to_string(missing) + " required field" + (missing == 1 ? " has" : "s have") +
                                        " no source: the import will leave them empty.");
    // Ctrl+Enter sends, but not in the frame whose Ctrl+Enter opened the review.
    const bool chord = !ImGui::IsWindowAppearing() && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Enter);
    if (ImGui::Button("Send plan") || chord) {
        send = true;
        state.review_open = false;
        ImGui::CloseCurrentPopup();
    }
    record_item("review-send");
    ImGui::SetItemDefaultFocus();
    ImGui::SameLine();
    if (ImGui::Button("Keep editing")) {
        state.review_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return send;
}

}  // namespace pm::ui
