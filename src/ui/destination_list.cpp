// Rows come from the cached PanelView; the clipper keeps a frame proportional to what is visible.
#include "ui/destination_list.h"

#include "ui/messages.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_text.h"
#include "ui/source_table.h"

#include <imgui.h>

namespace pm::ui {

namespace {

// Both cells of a destination row take a dragged source.
void accept_source_drop(Session& session, const std::string& destination_key) {
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kDragSource)) {
        const std::string source_key(static_cast<const char*>(payload->Data), static_cast<size_t>(payload->DataSize));
        session.map(source_key, destination_key);
    }
    ImGui::EndDragDropTarget();
}

}  // namespace

void draw_destination_list(Session& session, PanelState& state) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("destinations", 2, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("table.destination").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr("destinations.from").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    const auto& rows = state.view.destinations();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const DestinationRow row = rows[static_cast<size_t>(i)];
            const Field* field = session.destination_field(row.key);
            if (!field) continue;
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const std::string name = safe_label(field->display_name());
            ShapedLabel shaped(name);
            ImGui::Selectable(name.c_str(), false, shaped.selectable_flags(ImGuiSelectableFlags_AllowOverlap),
                              shaped.selectable_size());
            shaped.draw_over();
            record_item("destination:" + row.key);
            accept_source_drop(session, row.key);
            std::string tip = field->key + "  (" + field->type_name + ")";
            if (!field->description.empty()) tip += "\n" + field->description;
            tooltip_text(tip);
            if (const std::string* message = field_message(state, row.key)) {
                ImGui::SameLine();
                coloured_text(error_colour(),
                              tr("table.flatfile", {{"message", *message}}));  // clipped by the column; whole in the tooltip
                record_item("destination-message:" + row.key);
                tooltip_text(*message);
            }
            if (row.required) {
                ImGui::SameLine();
                coloured_text(row.source_key.empty() ? error_colour() : muted_colour(), tr("destinations.required"));
            }
            ImGui::TableNextColumn();
            if (row.source_key.empty()) {
                muted_text("-");
            } else {
                const Field* source = session.source_field(row.source_key);
                const std::string from = safe_label(source ? source->display_name() : row.source_key);
                ShapedLabel from_shaped(from);
                ImGui::Selectable(from.c_str(), false, from_shaped.selectable_flags(0), from_shaped.selectable_size());
                from_shaped.draw_over();
                record_item("from:" + row.key);
                accept_source_drop(session, row.key);
                if (ImGui::BeginDragDropSource()) {
                    ImGui::SetDragDropPayload(kDragMapped, row.key.data(), row.key.size());
                    text(tr("destinations.unmap", {{"field", field->display_name()}}));
                    ImGui::EndDragDropSource();
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace pm::ui
