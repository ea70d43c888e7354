// Counts come from the session (O(1)) and the cached view; nothing here walks the plan per frame
// except the bulk actions, which run once on a click.
#include "ui/panel_header.h"

#include "ui/messages.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_field.h"

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

// `name` is the chip's English name, which tests find it by whatever the language.
void chip(const char* key, const char* name, unsigned bit, PanelState& state) {
    bool on = (state.chips & bit) != 0;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton((tr(key) + "###chip-" + name).c_str())) state.chips ^= bit;
    if (on) ImGui::PopStyleColor();
    record_item(std::string("chip:") + name);
}

void draw_counts(const Session& session, const PanelState& state) {
    const SessionCounts counts = session.counts();
    text(tr("header.counts",
            {{"mapped", std::to_string(counts.edges)},
             {"unmapped", std::to_string(counts.unmapped_sources)},
             {"ignored", std::to_string(counts.ignored_sources)}}));
    ImGui::SameLine();
    if (const size_t missing = state.view.required_missing())
        coloured_text(error_colour(), "   " + trn("header.requiredMissing", static_cast<long long>(missing)));
    else coloured_text(good_colour(), "   " + tr("header.allRequired"));
}

// The edges plan-mapper applied on load and nobody reviewed yet: counted, accepted or rejected at once.
void draw_suggested(const PanelState& state, PanelRequests& requests) {
    const size_t suggested = state.view.suggested();
    if (suggested == 0) return;
    coloured_text(warn_colour(), trn("header.suggested", static_cast<long long>(suggested)));
    record_item("suggested-count");
    tooltip_text(tr("header.suggestedTip"));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("header.acceptAll").c_str())) requests.accept_all_suggested = true;
    record_item("button:accept-suggested");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("header.rejectAll").c_str())) requests.reject_all_suggested = true;
    record_item("button:reject-suggested");
}

void draw_actions(Session& session, const PanelStatus& status, PanelState& state, PanelRequests& requests) {
    ImGui::BeginDisabled(!session.can_undo());
    if (ImGui::Button(tr("header.undo").c_str())) session.undo();
    record_item("button:undo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!session.can_redo());
    if (ImGui::Button(tr("header.redo").c_str())) session.redo();
    record_item("button:redo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("header.bulk").c_str())) ImGui::OpenPopup("bulk");
    record_item("button:bulk");
    if (ImGui::BeginPopup("bulk")) {
        if (state.suggestions) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            ImGui::SliderFloat("##threshold", &state.accept_threshold, 0.5f, 1.0f, "%.2f");
            ImGui::SameLine();
            if (ImGui::Selectable(tr("bulk.acceptAtScore").c_str())) requests.accept_threshold = state.accept_threshold;
            record_item("bulk:accept-suggestions");
        }
        if (ImGui::Selectable(tr("bulk.ignoreUnmapped").c_str())) ignore_unmapped(session);
        record_item("bulk:ignore-unmapped");
        if (ImGui::Selectable(tr("bulk.reset").c_str())) session.reset_to_server();
        record_item("bulk:reset");
        if (ImGui::Selectable(tr("bulk.clear").c_str())) session.clear_all();
        record_item("bulk:clear");
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(status.submitting);
    if (state.memory.available) {
        if (ImGui::Button(tr("header.memory").c_str())) state.memory.open = true;
        record_item("button:memory");
        ImGui::SameLine();
    }
    if (ImGui::Button((tr(status.submitting ? "header.submitting" : "header.review") + "###submit").c_str()))
        state.review_open = true;
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
    ShapedField shaped("##filter", state.filter);
    ImGui::InputTextWithHint("##filter", tr("header.search").c_str(), state.filter, sizeof(state.filter), ShapedField::flags(0),
                             ShapedField::callback);
    record_item("filter");
    shaped.after(state.filter);
    ImGui::SameLine();
    chip("chip.unmapped", "Unmapped", kChipUnmapped, state);
    ImGui::SameLine();
    chip("chip.requiredMissing", "Required missing", kChipRequiredMissing, state);
    ImGui::SameLine();
    chip("chip.lowConfidence", "Low confidence", kChipLowConfidence, state);
    ImGui::SameLine();
    chip("chip.changed", "Changed", kChipChanged, state);
}

}  // namespace

void draw_panel_header(Session* session, const PanelStatus& status, PanelState& state, PanelRequests& requests) {
    text(tr("header.title"));
    ImGui::SameLine();
    muted_text(tr("header.job", {{"id", status.job_id}}) +
               (status.file_id.empty() ? "" : "  |  " + tr("header.file", {{"id", status.file_id}})) +
               (status.job_status.empty() ? "" : "  |  " + status.job_status));
    if (!status.warning.empty()) {
        wrapped_text(warn_colour(), status.warning);
        record_item("warning");
    }
    if (!status.message.empty()) {
        wrapped_text(error_colour(), status.message);
        // Whatever went wrong, the person's work can leave the widget.
        if (session) {
            if (ImGui::SmallButton(tr("header.copyPlan").c_str())) requests.copy_plan = true;
            record_item("button:copy-plan");
            tooltip_text(tr("header.copyPlanTip"));
        }
    }
    if (status.loading) text(tr("header.loading"));
    if (!session) return;
    if (!status.server_changes.empty()) {
        wrapped_text(warn_colour(), status.server_changes);
        if (ImGui::SmallButton(tr("header.useServer").c_str())) requests.use_server_plan = true;
        record_item("button:use-server-plan");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("header.keepMine").c_str())) requests.keep_own_plan = true;
        record_item("button:keep-own-plan");
        tooltip_text(tr("header.keepMineTip"));
    }
    if (!status.records_progress.empty()) {
        muted_text(status.records_progress);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("header.stopReading").c_str())) requests.stop_reading = true;
        record_item("button:stop-reading");
        tooltip_text(tr("header.stopReadingTip"));
    } else if (!status.records_note.empty()) {
        muted_text(status.records_note);
        record_item("records-note");
    }
    if (status.draft_offered) {
        coloured_text(warn_colour(), tr("header.draftOffered"));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("header.restoreDraft").c_str())) requests.restore_draft = true;
        record_item("button:restore-draft");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("header.discardDraft").c_str())) requests.discard_draft = true;
        record_item("button:discard-draft");
    }
    draw_counts(*session, state);
    draw_suggested(state, requests);
    draw_actions(*session, status, state, requests);
    draw_filters(state);
}

}  // namespace pm::ui
