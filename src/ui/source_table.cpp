// One table line per source row, plus one per value of each expanded enum edge. Lines all have
// the same height, so ImGuiListClipper draws only what is on screen whatever the plan's size.
#include "ui/source_table.h"

#include "ui/destination_picker.h"
#include "ui/enum_editor.h"
#include "ui/messages.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_text.h"

#include <imgui.h>

#include <cmath>

namespace pm::ui {

namespace {

std::string join_samples(const std::vector<std::string>& preview, size_t count) {
    std::string joined;
    for (size_t i = 0; i < preview.size() && i < count; ++i) {
        if (i) joined += ", ";
        joined += preview[i];
    }
    return joined;
}

void rebuild_lines(const Session& session, PanelState& state) {
    const auto& rows = state.view.sources();
    state.lines.clear();
    state.enum_values.assign(rows.size(), {});
    for (size_t i = 0; i < rows.size(); ++i) {
        state.lines.push_back({i, -1});
        const SourceRow& row = rows[i];
        if (!row.is_enum_edge || !state.expanded_enums.count(row.destination_key)) continue;
        if (const Edge* edge = session.edge_to(row.destination_key)) {
            state.enum_values[i] = enum_value_rows(*edge, state.records);
            for (size_t v = 0; v < state.enum_values[i].size(); ++v) state.lines.push_back({i, static_cast<int>(v)});
        }
    }
    state.lines_dirty = false;
}

void draw_source_cell(const Field& source, const SourceRow& row, PanelState& state) {
    if (row.is_enum_edge) {
        const bool expanded = state.expanded_enums.count(row.destination_key) > 0;
        if (ImGui::ArrowButton("##values", expanded ? ImGuiDir_Down : ImGuiDir_Right)) {
            if (expanded) state.expanded_enums.erase(row.destination_key);
            else state.expanded_enums.insert(row.destination_key);
            state.lines_dirty = true;
        }
        record_item("expand:" + row.destination_key);
        ImGui::SameLine();
    }
    const std::string name = safe_label(source.display_name());
    const bool key_follows = !source.label.empty() && source.label != source.key;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ShapedLabel shaped(name);
    ImGui::Selectable(name.c_str(), false, shaped.selectable_flags(ImGuiSelectableFlags_AllowOverlap), shaped.selectable_size());
    // A right-to-left label is right-aligned in the cell: room is kept for the key after it.
    shaped.draw_over(key_follows ? ImGui::CalcTextSize(shown_text(source.key).c_str()).x + spacing : 0.0f);
    record_item("source:" + source.key);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kDragSource, source.key.data(), source.key.size());
        text(tr("table.mapTo", {{"source", source.display_name()}}));
        ImGui::EndDragDropSource();
    }
    std::string tip = source.key;
    if (!source.description.empty()) tip += "\n" + source.description;
    tooltip_text(tip);
    if (key_follows) {
        ImGui::SameLine();
        if (shaped.shaped()) ImGui::SetCursorScreenPos(ImVec2(shaped.run_end_x() + spacing, ImGui::GetCursorScreenPos().y));
        muted_text(source.key);
        record_item("source-key:" + source.key);
    }
}

void draw_marks(const Session& session, const SourceRow& row, PanelState& state) {
    // The server's words about this row's source or destination come first: they explain a
    // rejected submit.
    for (const std::string* message : {field_message(state, row.source_key), field_message(state, row.destination_key)}) {
        if (!message) continue;
        coloured_text(error_colour(),
                      tr("table.flatfile", {{"message", *message}}));  // clipped by the column; whole in the tooltip
        record_item("field-message:" + row.source_key);
        tooltip_text(*message);
        ImGui::SameLine();
        break;
    }
    const Edge* edge = row.destination_key.empty() ? nullptr : session.edge_to(row.destination_key);
    if (edge && edge->metadata) {
        certainty_badge(edge->metadata->certainty);
        std::string tip;
        if (edge->metadata->confidence)
            tip = tr("table.confidence",
                     {{"percent", std::to_string(static_cast<int>(std::lround(*edge->metadata->confidence * 100)))}});
        if (!edge->metadata->source.empty()) tip += (tip.empty() ? "" : ", ") + tr("table.by", {{"who", edge->metadata->source}});
        tooltip_text(tip);
        ImGui::SameLine();
    }
    if (row.suggested) {
        coloured_text(warn_colour(), tr("table.suggested"));
        tooltip_text(tr("table.suggestedTip"));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("table.accept").c_str())) state.accept_suggested = row.destination_key;
        record_item("suggested:accept:" + row.source_key);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("table.reject").c_str())) state.reject_suggested = row.destination_key;
        record_item("suggested:reject:" + row.source_key);
        ImGui::SameLine();
    }
    // The mapping memory proposed this pair: the mark is a small button (the column has no room
    // for two) that opens the reason and "Forget this".
    if (const auto remembered = state.remembered.find(row.source_key); remembered != state.remembered.end()) {
        ImGui::PushID(row.source_key.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, text_palette().edited);
        if (ImGui::SmallButton(tr("table.remembered").c_str())) ImGui::OpenPopup("remembered-why");
        ImGui::PopStyleColor();
        record_item("remembered:" + row.source_key);
        tooltip_text(remembered->second);
        if (ImGui::BeginPopup("remembered-why")) {
            text(remembered->second);
            if (ImGui::Button(tr("table.forget").c_str())) {
                state.forget_remembered = row.source_key;
                ImGui::CloseCurrentPopup();
            }
            record_item("forget:" + row.source_key);
            muted_text(tr("table.forgetNote"));
            ImGui::EndPopup();
        }
        ImGui::PopID();
        ImGui::SameLine();
    }
    if (row.is_enum_edge && edge) {
        if (const size_t open = unmapped_enum_values(*edge, state.records)) {
            coloured_text(warn_colour(), trn("table.openValues", static_cast<long long>(open)));
            tooltip_text(tr("table.openValuesTip"));
            ImGui::SameLine();
        }
    }
    if (const auto problem = state.value_problems.find(row.destination_key);
        !row.destination_key.empty() && problem != state.value_problems.end()) {
        coloured_text(warn_colour(), problem->second.mark);
        record_item("value-problem:" + row.source_key);
        tooltip_text(
            problem->second.text +
            (problem->second.examples.empty() ? "" : "\n" + tr("table.forExample", {{"examples", problem->second.examples}})));
        ImGui::SameLine();
    }
    if (!row.type_warning.empty()) {
        coloured_text(warn_colour(), tr("table.typeWarning"));
        tooltip_text(row.type_warning);
        ImGui::SameLine();
    }
    if (row.changed) {
        coloured_text(text_palette().edited, tr("table.edited"));
        tooltip_text(tr("table.editedTip"));
    }
}

// The line of the row the mirror's focus is on, or -1 (looked up only when the focus moves).
int mirror_focus_line(const PanelState& state) {
    const auto& rows = state.view.sources();
    for (size_t i = 0; i < state.lines.size(); ++i) {
        const TableLine& line = state.lines[i];
        if (line.value_index < 0 && line.source_row < rows.size() && rows[line.source_row].source_key == state.mirror_focus_source)
            return static_cast<int>(i);
    }
    return -1;
}

// A ring the colour of ImGui's own navigation highlight around the whole row (uniform height).
void draw_focus_ring(float top) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float left = ImGui::GetWindowPos().x + 1.0f;
    const float right = left + ImGui::GetWindowWidth() - style.ScrollbarSize - 2.0f;
    const float height = ImGui::GetFrameHeight() + style.CellPadding.y * 2;
    draw->AddRect(ImVec2(left, top), ImVec2(right, top + height), ImGui::GetColorU32(ImGuiCol_NavHighlight),
                  style.FrameRounding, 0, 2.0f);
}

}  // namespace

void draw_source_table(Session& session, PanelState& state) {
    if (state.lines_dirty) rebuild_lines(session, state);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("sources", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("table.source").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr("table.samples").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr("table.destination").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr("table.certainty").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    const auto& rows = state.view.sources();
    const int focus_line = state.mirror_focus_source.empty() ? -1 : mirror_focus_line(state);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.lines.size()));
    if (focus_line >= 0 && state.scroll_to_mirror_focus) clipper.IncludeItemByIndex(focus_line);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TableLine line = state.lines[static_cast<size_t>(i)];
            if (line.source_row >= rows.size()) continue;
            // Copy: an edit below rebuilds the view next frame, not under our feet.
            const SourceRow row = rows[line.source_row];
            ImGui::TableNextRow();
            ImGui::PushID(i);
            ImGui::TableNextColumn();
            if (i == focus_line) {
                draw_focus_ring(ImGui::GetCursorScreenPos().y - ImGui::GetStyle().CellPadding.y);
                if (state.scroll_to_mirror_focus) {
                    ImGui::SetScrollHereY(0.5f);
                    state.scroll_to_mirror_focus = false;
                }
            }
            ImGui::AlignTextToFramePadding();
            if (line.value_index >= 0) {
                const auto& values = state.enum_values[line.source_row];
                if (static_cast<size_t>(line.value_index) < values.size())
                    draw_enum_value_row(session, row.destination_key, values[static_cast<size_t>(line.value_index)]);
                ImGui::PopID();
                continue;
            }
            const Field* source = session.source_field(row.source_key);
            if (!source) {
                ImGui::PopID();
                continue;
            }
            ImGui::AlignTextToFramePadding();       // text lines up with the picker's frame
            draw_source_cell(*source, row, state);
            ImGui::TableNextColumn();
            const auto& preview = session.preview_of_source(row.source_key);
            const std::string shown = join_samples(preview, 3);
            muted_text(shown);
            if (preview.size() > 3 || ImGui::CalcTextSize(shown.c_str()).x > ImGui::GetColumnWidth())
                tooltip_text(join_samples(preview, preview.size()));
            ImGui::TableNextColumn();
            draw_destination_picker(session, row.source_key, row.destination_key, state);
            ImGui::TableNextColumn();
            draw_marks(session, row, state);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace pm::ui
