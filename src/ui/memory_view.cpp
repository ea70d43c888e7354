// The mapping memory's popup; see memory_view.h.
#include "ui/memory_view.h"

#include "ui/messages.h"
#include "ui/panel_widgets.h"

#include <imgui.h>

namespace pm::ui {

void draw_memory_view(PanelState& state) {
    MemoryViewState& memory = state.memory;
    const std::string title_text = tr("memory.title") + "###memory";
    const char* title = title_text.c_str();
    if (memory.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(900, ImGui::GetMainViewport()->WorkSize.y * 0.8f));
    if (!ImGui::BeginPopupModal(title, &memory.open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    text(memory.rows.empty() ? tr("memory.empty") : trn("memory.count", static_cast<long long>(memory.rows.size())));
    if (!memory.rows.empty() &&
        ImGui::BeginTable("memory-rows", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY, ImVec2(0, 320))) {
        ImGuiListClipper clipper;  // 10,000 rows cost what the visible ones cost
        clipper.Begin(static_cast<int>(memory.rows.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const MemoryRow& row = memory.rows[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text(shown_text(row.header));
                ImGui::TableNextColumn();
                text(row.destination_key.empty() ? tr("memory.leftUnmapped")
                         : row.rejected          ? tr("memory.rejected", {{"field", shown_text(row.destination_label)}})
                                                 : shown_text(row.destination_label));
                ImGui::TableNextColumn();
                text(trn("memory.uses", row.count, {{"date", row.last_used}}));
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                if (ImGui::SmallButton(tr("memory.remove").c_str())) {
                    memory.ask = MemoryViewState::Ask::Remove;
                    memory.index = static_cast<std::size_t>(i);
                }
                record_item("memory-remove:" + std::to_string(i));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr("memory.clear").c_str())) memory.ask = MemoryViewState::Ask::Clear;
    record_item("memory:clear");
    ImGui::SameLine();
    if (ImGui::Button(tr("memory.export").c_str())) memory.ask = MemoryViewState::Ask::Export;
    record_item("memory:export");
    ImGui::SameLine();
    if (ImGui::Button(tr("memory.import").c_str())) memory.ask = MemoryViewState::Ask::Import;
    record_item("memory:import");
    ImGui::SameLine();
    if (ImGui::Button(tr("keys.close").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        memory.open = false;
        ImGui::CloseCurrentPopup();
    }
    record_item("memory:close");
    if (!memory.message.empty()) muted_text(memory.message);
    ImGui::EndPopup();
}

}  // namespace pm::ui
