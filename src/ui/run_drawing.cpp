// Shaped text (ui/text_runs.h) in the panel once there is a run source: asking it for runs and
// drawing them (the part of shaped_text.h and shaped_field.h the panel reaches only through the
// source: TextRunSource's begin_label, draw_text, draw_over). The web sets its source only once
// it has loaded these: the build moves every function of this file into a deferred wasm that only
// a plan with such text downloads (web/bundle/split-shaping.mjs names them). A function added here
// must match one of its patterns, and nothing outside this file may call it except through a source.
#include "ui/shaped_field.h"
#include "ui/shaped_text.h"
#include "ui/text_runs.h"

#include <imgui_internal.h>  // the line's text offset (AlignTextToFramePadding)

#include "ui/panel_widgets.h"  // shown_text

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

void TextRunSource::begin_label(ShapedLabel& label, const std::string& text, int kind) {
    label.run_ = run_for(text);
    if (!label.run_) return;
    label.label_ = &text;
    label.kind_ = kind;
    label.colour_ = ImGui::GetColorU32(ImGuiCol_Text);
    label.cursor_ = ImGui::GetCursorScreenPos();
    label.text_offset_ = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;  // where a Selectable puts its text
    label.item_width_ = ImGui::CalcItemWidth();
    label.avail_width_ = ImGui::GetContentRegionAvail().x;  // the rest of the cell: a longer run is cut to it
    // The Selectable is as wide as the run (what follows on the line, SameLine, comes after it)
    // while it still spans its cell.
    label.fit_width_ = label.avail_width_ > 1.0f ? std::min(label.run_->size.x, label.avail_width_) : label.run_->size.x;
    label.draw_list_ = ImGui::GetWindowDrawList();  // a combo's popup is another window, with its own
    if (kind == static_cast<int>(ShapedLabel::Kind::Selectable))
        label.hidden_.hide();  // a combo's preview is given empty: its arrow keeps its colour
}

void HiddenGlyphs::hide() {
    if (pushed_) return;
    colour_ = ImGui::GetColorU32(ImGuiCol_Text);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    pushed_ = true;
}

bool TextRunSource::draw_text(const std::string& s) {
    const TextRun* run = run_for(s);
    if (!run) return false;
    draw_text_item(*run, s);
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

const TextRun* fitted_run(const TextRun* run, const std::string& s, float width) {
    if (!run || width <= 0 || run->size.x <= width + 0.5f) return run;
    const TextRun* fitted = run_for(s, width);
    return fitted ? fitted : run;
}

void draw_run(const TextRun& run, const ImVec2& text_min, const ImVec2& text_max, ImU32 colour) {
    draw_run(ImGui::GetWindowDrawList(), run, text_min, text_max, colour);
}

void draw_run(ImDrawList* draw_list, const TextRun& run, const ImVec2& text_min, const ImVec2& text_max, ImU32 colour) {
    const float width = text_max.x - text_min.x;
    // Right to left: the run's right edge on the area's right edge, so its start shows (and its
    // end is clipped) when it is too long.
    const float x = run.right_to_left && width > 0 ? text_max.x - run.size.x : text_min.x;
    const float y = text_min.y + (ImGui::GetTextLineHeight() - run.size.y) * 0.5f;
    // The run may reach above and below the line (marks over and under letters): clipped to the
    // line's height with a little room, and always to the area's width.
    const float slack = ImGui::GetTextLineHeight() * 0.25f;
    draw_list->PushClipRect(ImVec2(text_min.x, std::min(text_min.y, y) - slack),
                            ImVec2(text_max.x, std::max(text_max.y, y + run.size.y) + slack), true);
    draw_list->AddImage(run.texture, ImVec2(x, y), ImVec2(x + run.size.x, y + run.size.y), run.uv0, run.uv1, colour);
    draw_list->PopClipRect();
}

void TextRunSource::draw_text_item(const TextRun& first, const std::string& s) {
    const TextRun* run = &first;
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > 1.0f) run = fitted_run(run, s, avail);  // a cell: cut with an ellipsis to fit it
    const float line = ImGui::GetTextLineHeight();
    // As ImGui::Text does: the text sits lower by the line's text offset when a framed widget is on
    // the line (AlignTextToFramePadding), so a shaped sample lines up with the Latin text beside it.
    const float offset = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    const ImVec2 pos(cursor.x, cursor.y + offset);
    // The item is as wide as the run (what follows on the line comes after it); a right-to-left
    // run is drawn at the right end of what is left of its cell. In a window that sizes itself to
    // its content (a tooltip) there is nothing left to the right, and it starts at the cursor.
    const float area = run->right_to_left && avail > 1.0f ? avail : run->size.x;  // too long: its start shows
    ImGui::ItemSize(ImVec2(run->size.x, line), 0.0f);  // baseline 0: the line's height allows for the offset
    ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + run->size.x, pos.y + line)), 0);
    draw_run(*run, pos, ImVec2(pos.x + area, pos.y + line), ImGui::GetColorU32(ImGuiCol_Text));
}

void TextRunSource::draw_field_preview(const TextRun& run, const std::string& text) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImGui::SetNextWindowPos(ImVec2(min.x, max.y + 2.0f));
    ImGui::BeginTooltip();
    draw_text_item(run, text);
    ImGui::EndTooltip();
}

void TextRunSource::draw_over(ShapedLabel& label, float room_after) {
    label.hidden_.restore();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    if (label.kind_ == static_cast<int>(ShapedLabel::Kind::ComboPreview)) {
        // From the cursor before BeginCombo (which, when open, has made the popup the current window).
        const ImVec2 text_min(label.cursor_.x + style.FramePadding.x, label.cursor_.y + style.FramePadding.y);
        const float right =
            label.cursor_.x + label.item_width_ - ImGui::GetFrameHeight() - style.FramePadding.x;  // left of the arrow
        label.run_ = fitted_run(label.run_, *label.label_, right - text_min.x);
        draw_run(label.draw_list_, *label.run_, text_min, ImVec2(std::max(text_min.x, right), text_min.y + line), label.colour_);
        return;
    }
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImVec2 text_min(label.cursor_.x, label.cursor_.y + label.text_offset_);
    // The item's right (a Selectable reaches half a spacing past its cell), or the cell's when the
    // item, as wide as a long run, reaches further.
    const float half_spacing = style.ItemSpacing.x * 0.5f;
    const float item_right =
        label.avail_width_ > 1.0f ? std::min(max.x, label.cursor_.x + label.avail_width_ + half_spacing) : max.x;
    const float right = std::max(text_min.x, item_right - half_spacing - room_after);
    label.run_ = fitted_run(label.run_, *label.label_, right - text_min.x);
    draw_run(label.draw_list_, *label.run_, text_min, ImVec2(right, text_min.y + line), label.colour_);
    label.run_end_x_ = label.run_->right_to_left ? right : std::min(right, text_min.x + label.run_->size.x);
}

void TextRunSource::draw_field_run(const TextRun& run, const char* buffer, const ImVec2& min, const ImVec2& max, ImU32 colour) {
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const ImVec2 text_min(min.x + padding.x, min.y + padding.y);
    const ImVec2 text_max(max.x - padding.x, max.y - padding.y);
    draw_run(*fitted_run(&run, buffer ? buffer : "", text_max.x - text_min.x), text_min, text_max, colour);
}

}  // namespace pm::ui
