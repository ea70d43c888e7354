// Shaped data text in the panel; see shaped_text.h.
#include "ui/shaped_text.h"

#include "ui/panel_widgets.h"

#include <imgui_internal.h>  // the line's text offset (AlignTextToFramePadding)

#include <algorithm>
#include <cmath>

namespace pm::ui {

const TextRun* run_for(const std::string& s, float max_width) {
    TextRunSource* source = text_run_source();
    if (!source || !needs_shaping(s)) return nullptr;  // Latin, Greek, CJK...: a scan, no copy
    const std::string shown = with_visible_controls(shown_text(s));
    if (!needs_shaping(shown)) return nullptr;  // only bidi controls: ImGui shows the marks
    if (max_width > 0) max_width = std::max(8.0f, std::floor(max_width / 8.0f) * 8.0f);
    return source->run(shown, ImGui::GetFontSize(), max_width);
}

// The drawing of a run is the source's (ui/run_drawing.cpp): called only once there is a run.
bool shaped_text_item(const std::string& s) {
    const TextRun* run = run_for(s);
    if (!run) return false;
    text_run_source()->draw_text_item(*run, s);
    return true;
}

bool shaped_field_preview(const char* buffer) {
    if (!buffer || !buffer[0] || !(ImGui::IsItemActive() || ImGui::IsItemHovered())) return false;
    const std::string text(buffer);
    const TextRun* run = run_for(text);
    if (!run) return false;
    text_run_source()->draw_field_preview(*run, text);
    return true;
}

ShapedLabel::ShapedLabel(const std::string& label, Kind kind) : run_(run_for(label)) {
    if (!run_) return;
    label_ = label;
    colour_ = ImGui::GetColorU32(ImGuiCol_Text);
    cursor_ = ImGui::GetCursorScreenPos();
    text_offset_ = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;  // where a Selectable puts its text
    item_width_ = ImGui::CalcItemWidth();
    avail_width_ = ImGui::GetContentRegionAvail().x;  // the rest of the cell: a longer run is cut to it
    draw_list_ = ImGui::GetWindowDrawList();          // a combo's popup is another window, with its own
    if (kind == Kind::Selectable) hidden_.hide();     // a combo's preview is given empty: its arrow keeps its colour
}

void HiddenGlyphs::hide() {
    if (pushed_) return;
    colour_ = ImGui::GetColorU32(ImGuiCol_Text);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    pushed_ = true;
}

void HiddenGlyphs::restore() {
    if (!pushed_) return;
    ImGui::PopStyleColor();
    pushed_ = false;
}

ImVec2 ShapedLabel::selectable_size(ImVec2 size) const {
    if (run_ && size.x == 0) size.x = avail_width_ > 1.0f ? std::min(run_->size.x, avail_width_) : run_->size.x;
    return size;
}

int ShapedLabel::selectable_flags(int flags) const { return run_ ? flags | ImGuiSelectableFlags_SpanAvailWidth : flags; }

void ShapedLabel::draw_over_selectable(float room_after) {
    hidden_.restore();
    if (run_) text_run_source()->draw_over_selectable(*this, room_after);
}

void ShapedLabel::draw_over_combo_preview() {
    hidden_.restore();
    if (run_) text_run_source()->draw_over_combo_preview(*this);
}

}  // namespace pm::ui
