// Shaped data text in the panel; see shaped_text.h. Only the part every plan runs: handing a label
// to the source, if there is one, and its answers. What needs a source is in ui/run_drawing.cpp.
#include "ui/shaped_text.h"

#include <imgui_internal.h>  // ImGuiSelectableFlags_SpanAvailWidth

namespace pm::ui {

ShapedLabel::ShapedLabel(const std::string& label, Kind kind) {
    if (TextRunSource* source = text_run_source(label)) source->begin_label(*this, label, static_cast<int>(kind));
}

void HiddenGlyphs::restore() {
    if (!pushed_) return;
    ImGui::PopStyleColor();
    pushed_ = false;
}

ImVec2 ShapedLabel::selectable_size(ImVec2 size) const {
    if (run_ && size.x == 0) size.x = fit_width_;
    return size;
}

int ShapedLabel::selectable_flags(int flags) const { return run_ ? flags | ImGuiSelectableFlags_SpanAvailWidth : flags; }

// The glyphs were hidden only with a run: the source puts them back before it draws.
void ShapedLabel::draw_over(float room_after) {
    if (run_) text_run_source()->draw_over(*this, room_after);
}

}  // namespace pm::ui
