// Lists the changes by destination, in words: "Email: from E-mail (was: Email address)".
#include "ui/review_popup.h"

#include "matcher/plan_matcher.h"
#include "ui/messages.h"
#include "ui/panel_widgets.h"

#include <imgui.h>

namespace pm::ui {

namespace {

std::string source_name(const Session& session, const std::optional<std::string>& key) {
    if (!key) return tr("review.nothingSource");
    const Field* field = session.source_field(*key);
    return field ? field->display_name() : *key;
}

}  // namespace

std::vector<std::string> review_lines(const Session& session, const PanelState& state) {
    std::vector<std::string> lines;
    const PlanDiff& diff = state.view.changes();
    for (const auto& change : diff.destinations) {
        const Field* field = session.destination_field(change.key);
        const Edge* edge = session.edge_to(change.key);
        lines.push_back(tr(edge && match::is_pending_suggestion(*edge) ? "review.lineSuggested" : "review.line",
                           {{"field", field ? field->display_name() : change.key},
                            {"source", source_name(session, change.after)},
                            {"before", source_name(session, change.before)}}));
    }
    for (const Link& link : diff.edited) {
        const Field* field = session.destination_field(link.destination_key);
        lines.push_back(tr("review.valuesChanged", {{"field", field ? field->display_name() : link.destination_key}}));
    }
    for (const std::string& key : session.ignored())
        lines.push_back(tr("review.notImported", {{"source", source_name(session, key)}}));
    return lines;
}

std::vector<std::string> value_problem_lines(const Session& session, const PanelState& state) {
    std::vector<std::string> lines;
    // In the plan's edge order, which is the table's order for mapped rows.
    for (const Edge& edge : session.plan().field_mapping) {
        const auto it = state.value_problems.find(edge.destination.key);
        if (it == state.value_problems.end()) continue;
        lines.push_back(it->second.examples.empty()
                            ? it->second.text
                            : tr("review.withExamples", {{"text", it->second.text}, {"examples", it->second.examples}}));
    }
    return lines;
}

bool draw_review_popup(const Session& session, PanelState& state) {
    // The title in the catalog's words; "###review" keeps the popup's id the same in every language.
    const std::string title_text = tr("review.title") + "###review";
    const char* title = title_text.c_str();
    if (state.review_open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
    bool send = false;
    if (!ImGui::BeginPopupModal(title, &state.review_open, ImGuiWindowFlags_AlwaysAutoResize)) return false;
    const std::vector<std::string> lines = review_lines(session, state);
    if (lines.empty()) {
        text(tr("review.nothing"));
    } else {
        ImGui::BeginChild("changes", ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 14), ImGuiChildFlags_Border);
        for (const std::string& line : lines) text(line);
        ImGui::EndChild();
    }
    if (!state.value_problems.empty()) {
        coloured_text(warn_colour(), tr("review.valueProblems"));
        for (const std::string& line : value_problem_lines(session, state)) coloured_text(warn_colour(), line);
    }
    if (const size_t missing = state.view.required_missing())
        coloured_text(error_colour(), trn("review.requiredMissing", static_cast<long long>(missing)));
    // Send plan is the default button: Enter (or Ctrl+Enter) sends, unless the keyboard is on Keep
    // editing; Escape is Keep editing; never in the frame whose key press opened the review.
    const bool appearing = ImGui::IsWindowAppearing();
    const bool enter = !appearing && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
    const bool chord = !appearing && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Enter);
    // The default button is marked by a border in the focus colour (its text keeps its contrast).
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, text_palette().focus);
    const bool send_clicked = ImGui::Button(tr("review.send").c_str());
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    record_item("review-send");
    ImGui::SetItemDefaultFocus();
    ImGui::SameLine();
    const bool keep_clicked = ImGui::Button(tr("review.keep").c_str());
    const bool keep_focused = ImGui::IsItemFocused();
    record_item("review-keep-editing");
    const bool escape = !appearing && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (keep_clicked || escape || (enter && keep_focused && !chord)) {
        state.review_open = false;
        ImGui::CloseCurrentPopup();
    } else if (send_clicked || chord || enter) {
        send = true;
        state.review_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return send;
}

}  // namespace pm::ui
