// Counts come from the session (O(1)) and the cached view; nothing here walks the plan per frame
// except the bulk actions, which run once on a click.
#include "ui/panel_header.h"

#include "ui/panel_widgets.h"
#include "ui/shaped_text.h"

#include <imgui.h>

#include <cmath>

namespace pm::ui {

std::size_t ignore_unmapped(Session& session) {
    std::vector<std::string> keys;
    for (const UnmappedField& entry : session.plan().unmapped_sources)
        if (!session.is_ignored(entry.field.key)) keys.push_back(entry.field.key);
    for (const std::string& key : keys) session.ignore(key);
    return keys.size();
}

namespace {

void wrapped_text(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0);
    text(s);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void chip(const char* label, unsigned bit, PanelState& state) {
    bool on = (state.chips & bit) != 0;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(label)) state.chips ^= bit;
    if (on) ImGui::PopStyleColor();
    record_item(std::string("chip:") + label);
}

void draw_counts(const Session& session, const PanelState& state) {
    const SessionCounts counts = session.counts();
    ImGui::Text("%zu mapped   %zu unmapped   %zu ignored", counts.edges, counts.unmapped_sources, counts.ignored_sources);
    ImGui::SameLine();
    if (const size_t missing = state.view.required_missing())
        coloured_text(error_colour(), "   " + std::to_string(missing) + " required field" + (missing == 1 ? "" : "s") + " missing");
    else
        coloured_text(good_colour(), "   all required fields mapped");
}

// The edges plan-mapper applied on load and nobody reviewed yet: counted, accepted or rejected at once.
void draw_suggested(const PanelState& state, PanelRequests& requests) {
    const size_t suggested = state.view.suggested();
    if (suggested == 0) return;
    coloured_text(warn_colour(), std::to_string(suggested) + " suggested");
    record_item("suggested-count");
    tooltip_text("Mapped by plan-mapper when the plan loaded; accept or reject them (one by one on their rows).");
    ImGui::SameLine();
    if (ImGui::SmallButton("Accept all suggested")) requests.accept_all_suggested = true;
    record_item("button:accept-suggested");
    ImGui::SameLine();
    if (ImGui::SmallButton("Reject all suggested")) requests.reject_all_suggested = true;
    record_item("button:reject-suggested");
}

void draw_actions(Session& session, const PanelStatus& status, PanelState& state, PanelRequests& requests) {
    ImGui::BeginDisabled(!session.can_undo());
    if (ImGui::Button("Undo")) session.undo();
    record_item("button:undo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!session.can_redo());
    if (ImGui::Button("Redo")) session.redo();
    record_item("button:redo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Bulk actions")) ImGui::OpenPopup("bulk");
    record_item("button:bulk");
    if (ImGui::BeginPopup("bulk")) {
        if (state.suggestions) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            ImGui::SliderFloat("##threshold", &state.accept_threshold, 0.5f, 1.0f, "%.2f");
            ImGui::SameLine();
            if (ImGui::Selectable("Accept suggestions at or above this score"))
                requests.accept_threshold = state.accept_threshold;
            record_item("bulk:accept-suggestions");
        }
        if (ImGui::Selectable("Do not import any unmapped column")) ignore_unmapped(session);
        record_item("bulk:ignore-unmapped");
        if (ImGui::Selectable("Reset to the server's plan")) session.reset_to_server();
        record_item("bulk:reset");
        if (ImGui::Selectable("Clear all mappings")) session.clear_all();
        record_item("bulk:clear");
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(status.submitting);
    if (state.memory.available) {
        if (ImGui::Button("Memory")) state.memory.open = true;
        record_item("button:memory");
        ImGui::SameLine();
    }
    if (ImGui::Button(status.submitting ? "Submitting..." : "Review and submit")) state.review_open = true;
    record_item("button:submit");
    ImGui::EndDisabled();
    if (!status.submit_message.empty()) {
        ImGui::SameLine();
        coloured_text(good_colour(), status.submit_message);
    }
}

void draw_filters(PanelState& state) {
    if (state.focus_filter) {
        ImGui::SetKeyboardFocusHere();
        state.focus_filter = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    ImGui::InputTextWithHint("##filter", "Search fields (Ctrl+F)", state.filter, sizeof(state.filter));
    record_item("filter");
    shaped_field_preview(state.filter);
    ImGui::SameLine();
    chip("Unmapped", kChipUnmapped, state);
    ImGui::SameLine();
    chip("Required missing", kChipRequiredMissing, state);
    ImGui::SameLine();
    chip("Low confidence", kChipLowConfidence, state);
    ImGui::SameLine();
    chip("Changed", kChipChanged, state);
}

}  // namespace

void draw_panel_header(Session* session, const PanelStatus& status, PanelState& state, PanelRequests& requests) {
    ImGui::TextUnformatted("Map fields");
    ImGui::SameLine();
    muted_text("job " + status.job_id + (status.file_id.empty() ? "" : "  |  file " + status.file_id) +
               (status.job_status.empty() ? "" : "  |  " + status.job_status));
    if (!status.warning.empty()) {
        wrapped_text(warn_colour(), status.warning);
        record_item("warning");
    }
    if (!status.message.empty()) {
        wrapped_text(error_colour(), status.message);
        // Whatever went wrong, the person's work can leave the widget.
        if (session) {
            if (ImGui::SmallButton("Copy the plan as JSON")) requests.copy_plan = true;
            record_item("button:copy-plan");
            tooltip_text("Your mapping, edits included, as the JSON the widget would send.");
        }
    }
    if (status.loading) ImGui::TextUnformatted("Loading the plan...");
    if (!session) return;
    if (!status.server_changes.empty()) {
        wrapped_text(warn_colour(), status.server_changes);
        if (ImGui::SmallButton("Use Flatfile's version")) requests.use_server_plan = true;
        record_item("button:use-server-plan");
        ImGui::SameLine();
        if (ImGui::SmallButton("Keep mine")) requests.keep_own_plan = true;
        record_item("button:keep-own-plan");
        tooltip_text("Your plan stays here and is sent again with the next submit.");
    }
    if (!status.records_progress.empty()) {
        muted_text(status.records_progress);
        ImGui::SameLine();
        if (ImGui::SmallButton("Stop reading")) requests.stop_reading = true;
        record_item("button:stop-reading");
        tooltip_text("Keeps what was read so far; the panel works the same either way.");
    } else if (!status.records_note.empty()) {
        muted_text(status.records_note);
        record_item("records-note");
    }
    if (status.draft_offered) {
        coloured_text(warn_colour(), "You have unsaved edits from an earlier visit.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Restore them")) requests.restore_draft = true;
        record_item("button:restore-draft");
        ImGui::SameLine();
        if (ImGui::SmallButton("Discard")) requests.discard_draft = true;
        record_item("button:discard-draft");
    }
    draw_counts(*session, state);
    draw_suggested(state, requests);
    draw_actions(*session, status, state, requests);
    draw_filters(state);
}

}  // namespace pm::ui
