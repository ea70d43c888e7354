// Drawing data text that ImGui cannot draw by itself (ui/text_runs.h): Arabic, Hebrew, Indic,
// Thai... When a platform's run source has the run, its image is drawn, tinted with the text
// colour, where ImGui would have drawn the glyphs; right-to-left labels are right-aligned in their
// cell. Otherwise (Latin, no source, run not ready yet) ImGui draws the text as it always has.
#pragma once

#include "ui/text_runs.h"

#include <imgui.h>

#include <string>

namespace pm::ui {

// The run for data text `s` at the current font size: nullptr when `s` needs no shaping, there is
// no source, or the run is not ready. `s` is cut as panel_widgets' shown_text cuts it and its
// bidi controls become visible marks (with_visible_controls) before the source sees it.
// With `max_width` (> 0), a run at most that wide (see TextRunSource::run); the width is taken
// down to a multiple of 8 pixels, so a column being resized asks for a few runs, not one per pixel.
// This and what follows down to HiddenGlyphs are in ui/run_drawing.cpp: only code reached through a
// source (TextRunSource's begin_* and draw_*) calls them.
const TextRun* run_for(const std::string& s, float max_width = 0);
// `run` (of `s`) when it fits `width`, else the run of `s` cut to fit with an ellipsis once the
// platform has it (until then `run`, clipped).
const TextRun* fitted_run(const TextRun* run, const std::string& s, float width);

// Draws `run` (tinted `colour`) on the line whose text area is [text_min, text_max]: from the left,
// or right-aligned when it runs right to left (its start stays in view when it is too long), clipped
// to that area and vertically centred on the line.
void draw_run(const TextRun& run, const ImVec2& text_min, const ImVec2& text_max, ImU32 colour);
void draw_run(ImDrawList* draw_list, const TextRun& run, const ImVec2& text_min, const ImVec2& text_max, ImU32 colour);

// After an InputText holding `buffer` (ShapedField::after, on a platform without native text
// editing, the desktop): ImGui's text field edits code points left to right and
// cannot shape, so while the field is being edited or hovered and its text needs shaping, the
// shaped text is shown in a small box just under the field (a tooltip: the layout does not move
// and typing is untouched). Returns true when it showed it.
bool shaped_field_preview(const char* buffer);

// A widget's own glyphs hidden while a run is drawn in their place (ShapedLabel, ShapedField):
// hide() keeps the text colour (the run's tint) and makes it transparent (ImGui skips fully
// transparent glyphs) until restore(). No destructor restores it: the widgets that hide glyphs
// (ShapedLabel, ShapedField) always have the source restore them right after the widget (their
// draw_over and after), and without one they stay trivially destructible, so the panel's code
// every plan runs has no destructor call for them.
class HiddenGlyphs {
public:
    void hide();  // ui/run_drawing.cpp: only with a run
    void restore();
    ImU32 colour() const { return colour_; }  // the text colour it hid (0 when it never hid it)

private:
    ImU32 colour_ = 0;
    bool pushed_ = false;
};

// A widget whose label is data (a Selectable, a combo's preview): made before the widget, it hides
// the widget's own glyphs when the label has a run; after the widget, draw_over() puts the run
// where the glyphs were (it must be called: it also shows the glyphs again). Without a run it does
// nothing. With a source, the constructor hands the label to it (TextRunSource::begin_label, which
// asks for the run) and draw_over() has it draw. A Selectable's glyphs are hidden by making the
// text colour transparent; a combo's preview is hidden by giving BeginCombo combo_preview()
// instead, since the combo draws its arrow in the text colour and would lose it.
// `label` must outlive the ShapedLabel (a narrower cell asks for it cut to fit).
class ShapedLabel {
public:
    enum class Kind { Selectable, ComboPreview };
    explicit ShapedLabel(const std::string& label, Kind kind = Kind::Selectable);
    // It keeps a pointer to `label`: a temporary would be gone before draw_over.
    ShapedLabel(std::string&&, Kind = Kind::Selectable) = delete;
    ShapedLabel(const ShapedLabel&) = delete;
    ShapedLabel& operator=(const ShapedLabel&) = delete;

    bool shaped() const { return run_ != nullptr; }
    // For the Selectable: its layout width is the run's (what follows on the line, SameLine, comes
    // after the run, not after ImGui's unshaped glyphs) while it still spans its cell.
    ImVec2 selectable_size(ImVec2 size = ImVec2(0, 0)) const;
    int selectable_flags(int flags) const;
    // After ImGui::Selectable (Kind::Selectable): the label's area is from the cursor before it to
    // the item's right, less `room_after` kept free for what follows on the line (a right-to-left
    // run is right-aligned in what is left, and clipped to it, so it never runs under what follows).
    // Right after ImGui::BeginCombo (Kind::ComboPreview, before the popup's contents): the preview's
    // area, inside the frame padding and left of the arrow.
    void draw_over(float room_after = 0.0f);
    // After draw_over of a Selectable: the x (screen) where the drawn run ends, clipped to its area;
    // what follows on the line goes after it.
    float run_end_x() const { return run_end_x_; }
    // The preview to give BeginCombo (Kind::ComboPreview): empty when the label has a run.
    const char* combo_preview(const std::string& shown) const { return run_ ? "" : shown.c_str(); }

private:
    friend class TextRunSource;  // draws the run (ui/run_drawing.cpp)
    const TextRun* run_ = nullptr;
    // The rest is set by TextRunSource::begin_label with the run (draw_over sets run_end_x_) and
    // read only with one: left uninitialised, so that the constructor every plan runs for each
    // label is a test of the text, not a dozen stores (bytes of the main wasm, issue 18).
    const std::string* label_;
    int kind_;
    ImU32 colour_;
    ImVec2 cursor_;
    float item_width_;
    float avail_width_;
    float fit_width_;  // selectable_size's width
    float text_offset_;
    float run_end_x_;
    ImDrawList* draw_list_;
    HiddenGlyphs hidden_;  // a Selectable's (a combo's preview is given empty instead)
};

}  // namespace pm::ui
