// Draws the panel. Text from the server or the file goes through ImGui's Text*Unformatted calls
// only: it is data, never a format string.
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

void text(const std::string& s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

void muted_text(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    text(s);
    ImGui::PopStyleColor();
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool matches(const std::string& filter_lower, const Field& field) {
    return filter_lower.empty() || lower(field.key).find(filter_lower) != std::string::npos ||
           lower(field.label).find(filter_lower) != std::string::npos;
}

std::string samples(const std::vector<std::string>& preview, size_t count) {
    std::string joined;
    for (size_t i = 0; i < preview.size() && i < count; ++i) {
        if (i) joined += ", ";
        joined += preview[i];
    }
    return joined;
}

// One row of the source table: a source field and, when mapped, its edge.
struct SourceRow {
    const Field* source;
    const std::vector<std::string>* preview;
    const Edge* edge;                          // null when unmapped
};

void draw_header(const ExecutionPlan* plan, const PanelStatus& status) {
    ImGui::TextUnformatted("Map fields");
    ImGui::SameLine();
    muted_text("job " + status.job_id + (status.file_id.empty() ? "" : "  |  file " + status.file_id) +
               (status.job_status.empty() ? "" : "  |  " + status.job_status));
    if (plan) {
        size_t required_missing = 0;
        for (const auto& d : plan->unmapped_destinations) required_missing += d.field.required ? 1 : 0;
        ImGui::Text("%zu mapped   %zu unmapped sources   %zu unmapped destinations   %zu required missing",
                    plan->field_mapping.size(), plan->unmapped_sources.size(), plan->unmapped_destinations.size(),
                    required_missing);
    }
}

void draw_source_table(const std::vector<SourceRow>& rows) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("sources", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Source column", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Samples", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Destination field", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Certainty", ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SourceRow& row = rows[static_cast<size_t>(i)];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(row.source->display_name());
            if (!row.source->label.empty() && row.source->label != row.source->key) {
                ImGui::SameLine();
                muted_text(row.source->key);
            }
            ImGui::TableNextColumn();
            muted_text(samples(*row.preview, 3));
            ImGui::TableNextColumn();
            if (row.edge) {
                text(row.edge->destination.display_name());
                if (row.edge->destination.required) {
                    ImGui::SameLine();
                    muted_text("required");
                }
            } else {
                muted_text("(not mapped)");
            }
            ImGui::TableNextColumn();
            if (row.edge && row.edge->metadata) muted_text(to_string(row.edge->metadata->certainty));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void draw_destination_list(const ExecutionPlan& plan, const std::string& filter_lower) {
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
    for (const auto& edge : plan.field_mapping)
        if (matches(filter_lower, edge.destination)) rows.push_back({&edge.destination, &edge.source});
    for (const auto& entry : plan.unmapped_destinations)
        if (matches(filter_lower, entry.field)) rows.push_back({&entry.field, nullptr});
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const DestinationRow& row = rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(row.field->display_name());
            if (row.field->required) {
                ImGui::SameLine();
                ImGui::TextColored(row.source ? kMuted : kError, "*");
            }
            if (!row.field->description.empty() && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                text(row.field->description);
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::TableNextColumn();
            if (row.source) text(row.source->display_name());
            else muted_text("-");
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_mapping_panel(const ExecutionPlan* plan, const PanelStatus& status, PanelState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags window_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("plan-mapper", nullptr, window_flags);
    draw_header(plan, status);
    if (!status.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kError);
        ImGui::PushTextWrapPos(0);
        text(status.message);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (status.loading) ImGui::TextUnformatted("Loading the plan...");
    if (plan) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputTextWithHint("##filter", "Search fields", state.filter, sizeof(state.filter));
        const std::string filter_lower = lower(state.filter);
        std::vector<SourceRow> rows;
        rows.reserve(plan->field_mapping.size() + plan->unmapped_sources.size());
        for (const auto& edge : plan->field_mapping)
            if (matches(filter_lower, edge.source) || matches(filter_lower, edge.destination))
                rows.push_back({&edge.source, &edge.preview, &edge});
        for (const auto& entry : plan->unmapped_sources)
            if (matches(filter_lower, entry.field)) rows.push_back({&entry.field, &entry.preview, nullptr});

        const float destinations_width = ImGui::GetContentRegionAvail().x * 0.34f;
        ImGui::BeginChild("source-pane", ImVec2(-destinations_width - ImGui::GetStyle().ItemSpacing.x, 0));
        draw_source_table(rows);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("destination-pane", ImVec2(0, 0));
        draw_destination_list(*plan, filter_lower);
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace pm::ui
