// Draws the panel. Text from the server or the file goes through ImGui's *Unformatted calls only:
// it is data, never a format string.
#include "ui/mapping_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace pm::ui {

namespace {

const ImVec4 kMuted(0.45f, 0.47f, 0.52f, 1.0f);
const ImVec4 kError(0.80f, 0.15f, 0.15f, 1.0f);
const ImVec4 kGood(0.10f, 0.55f, 0.25f, 1.0f);

void text(const std::string& s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

void coloured_text(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void muted_text(const std::string& s) { coloured_text(kMuted, s); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool matches(const std::string& filter_lower, const Field* field) {
    return field && (filter_lower.empty() || lower(field->key).find(filter_lower) != std::string::npos ||
                     lower(field->label).find(filter_lower) != std::string::npos);
}

std::string join_samples(const std::vector<std::string>& preview, size_t count) {
    std::string joined;
    for (size_t i = 0; i < preview.size() && i < count; ++i) {
        if (i) joined += ", ";
        joined += preview[i];
    }
    return joined;
}

void tooltip_text(const std::string& s) {
    if (s.empty() || !ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    text(s);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Source rows in plan order: mapped sources first (edge order), then the unmapped ones.
void rebuild_rows(const Session& session, PanelState& state) {
    const std::string filter = lower(state.filter);
    const ExecutionPlan& plan = session.plan();
    state.rows.clear();
    for (const Edge& edge : plan.field_mapping)
        if (matches(filter, &edge.source) || matches(filter, &edge.destination))
            state.rows.push_back({edge.source.key, edge.destination.key});
    for (const UnmappedField& entry : plan.unmapped_sources)
        if (matches(filter, &entry.field)) state.rows.push_back({entry.field.key, {}});
    state.rows_revision = session.revision();
    state.rows_filter = state.filter;
    state.rows_session = &session;
}

void draw_header(Session* session, const PanelStatus& status, PanelRequests& requests) {
    ImGui::TextUnformatted("Map fields");
    ImGui::SameLine();
    muted_text("job " + status.job_id + (status.file_id.empty() ? "" : "  |  file " + status.file_id) +
               (status.job_status.empty() ? "" : "  |  " + status.job_status));
    if (!session) return;
    const SessionCounts counts = session->counts();
    const size_t required_missing = session->required_unmapped().size();
    ImGui::Text("%zu mapped   %zu unmapped   %zu ignored", counts.edges, counts.unmapped_sources,
                counts.ignored_sources);
    ImGui::SameLine();
    if (required_missing > 0)
        ImGui::TextColored(kError, "  %zu required field%s missing", required_missing, required_missing == 1 ? "" : "s");
    else
        ImGui::TextColored(kGood, "  all required fields mapped");

    ImGui::BeginDisabled(!session->can_undo());
    if (ImGui::Button("Undo")) session->undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!session->can_redo());
    if (ImGui::Button("Redo")) session->redo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Reset to server plan")) session->reset_to_server();
    ImGui::SameLine();
    ImGui::BeginDisabled(status.submitting);
    if (ImGui::Button(status.submitting ? "Submitting..." : "Submit")) requests.submit = true;
    ImGui::EndDisabled();
    if (!status.submit_message.empty()) {
        ImGui::SameLine();
        coloured_text(kGood, status.submit_message);
    }
}

// The destination drop-down of one source row: "Not mapped", "Do not import", then every
// destination that matches the search, taken ones marked with their source.
void draw_destination_combo(Session& session, const SourceRow& row, PanelState& state) {
    const Field* current = row.destination_key.empty() ? nullptr : session.destination_field(row.destination_key);
    const bool ignored = session.is_ignored(row.source_key);
    const std::string preview = current ? current->display_name() : ignored ? "Do not import" : "Not mapped";
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!ImGui::BeginCombo("##destination", preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
    if (ImGui::IsWindowAppearing()) {
        state.destination_filter[0] = '\0';
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##search", "Search destination fields", state.destination_filter,
                             sizeof(state.destination_filter));
    if (ImGui::Selectable("Not mapped", !current && !ignored)) {
        if (current) session.unmap_edge(row.source_key, row.destination_key);
        if (ignored) session.unignore(row.source_key);
    }
    if (ImGui::Selectable("Do not import", ignored)) session.ignore(row.source_key);
    ImGui::Separator();

    const std::string filter = lower(state.destination_filter);
    std::vector<const Field*> options;
    for (const Edge& edge : session.plan().field_mapping)
        if (matches(filter, &edge.destination)) options.push_back(&edge.destination);
    for (const UnmappedField& entry : session.plan().unmapped_destinations)
        if (matches(filter, &entry.field)) options.push_back(&entry.field);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(options.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Field* option = options[static_cast<size_t>(i)];
            const Edge* taken = session.edge_to(option->key);
            std::string label = option->display_name();
            if (option->required) label += " *";
            if (taken && taken->source.key != row.source_key) label += "   (taken by " + taken->source.display_name() + ")";
            ImGui::PushID(i);
            if (ImGui::Selectable(label.c_str(), current && current->key == option->key)) session.map(row.source_key, option->key);
            ImGui::PopID();
            tooltip_text(option->description);
        }
    }
    ImGui::EndCombo();
}

void draw_source_table(Session& session, PanelState& state) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("sources", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Source column", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Samples", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Destination field", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Certainty", ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            // Copy: an edit in the combo rebuilds the rows next frame, not under our feet.
            const SourceRow row = state.rows[static_cast<size_t>(i)];
            const Field* source = session.source_field(row.source_key);
            if (!source) continue;
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(source->display_name());
            if (!source->label.empty() && source->label != source->key) {
                ImGui::SameLine();
                muted_text(source->key);
            }
            tooltip_text(source->description);
            ImGui::TableNextColumn();
            const auto& preview = session.preview_of_source(row.source_key);
            muted_text(join_samples(preview, 3));
            if (preview.size() > 3 || ImGui::CalcTextSize(join_samples(preview, 3).c_str()).x > ImGui::GetColumnWidth())
                tooltip_text(join_samples(preview, preview.size()));
            ImGui::TableNextColumn();
            draw_destination_combo(session, row, state);
            ImGui::TableNextColumn();
            const Edge* edge = row.destination_key.empty() ? nullptr : session.edge_to(row.destination_key);
            if (edge && edge->metadata && edge->metadata->certainty != Certainty::None) {
                std::string badge = to_string(edge->metadata->certainty);
                muted_text(badge);
                if (edge->metadata->confidence)
                    tooltip_text("confidence " + std::to_string(static_cast<int>(*edge->metadata->confidence * 100 + 0.5)) + "%" +
                                 (edge->metadata->source.empty() ? "" : ", " + edge->metadata->source));
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void draw_destination_list(const Session& session, const std::string& filter_lower) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("destinations", 2, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Destination field");
    ImGui::TableSetupColumn("From");
    ImGui::TableHeadersRow();
    struct DestinationRow {
        const Field* field;
        const Field* source;
    };
    std::vector<DestinationRow> rows;
    for (const Edge& edge : session.plan().field_mapping)
        if (matches(filter_lower, &edge.destination)) rows.push_back({&edge.destination, &edge.source});
    for (const UnmappedField& entry : session.plan().unmapped_destinations)
        if (matches(filter_lower, &entry.field)) rows.push_back({&entry.field, nullptr});
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const DestinationRow& row = rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(row.field->display_name());
            tooltip_text(row.field->description);
            if (row.field->required) {
                ImGui::SameLine();
                coloured_text(row.source ? kMuted : kError, "required");
            }
            ImGui::TableNextColumn();
            if (row.source) text(row.source->display_name());
            else muted_text("-");
        }
    }
    ImGui::EndTable();
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
    draw_header(session, status, requests);
    if (!status.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kError);
        ImGui::PushTextWrapPos(0);
        text(status.message);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (status.loading) ImGui::TextUnformatted("Loading the plan...");
    if (session) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputTextWithHint("##filter", "Search fields", state.filter, sizeof(state.filter));
        if (state.rows_session != session || state.rows_revision != session->revision() || state.rows_filter != state.filter)
            rebuild_rows(*session, state);

        const float destinations_width = ImGui::GetContentRegionAvail().x * 0.34f;
        ImGui::BeginChild("source-pane", ImVec2(-destinations_width - ImGui::GetStyle().ItemSpacing.x, 0));
        draw_source_table(*session, state);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("destination-pane", ImVec2(0, 0));
        draw_destination_list(*session, lower(state.filter));
        ImGui::EndChild();
    }
    ImGui::End();
    return requests;
}

}  // namespace pm::ui
