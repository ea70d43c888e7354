// Look of the panel: colours, spacing in font units, and the font atlas at the device pixel ratio.
#pragma once

#include <imgui.h>

namespace pm::ui {

// The panel's own text colours, per theme. Each reaches 4.5:1 (WCAG AA) against every background
// the panel draws text on, and the focus ring 3:1 (tests/ui/contrast_test.cpp computes both).
struct TextPalette {
    ImVec4 muted;
    ImVec4 error;
    ImVec4 good;
    ImVec4 warn;
    ImVec4 edited;                             // "edited" marks
    ImVec4 strong;                             // the "strong" certainty badge
    ImVec4 focus;                              // the ring around the row the mirror's focus is on
};
// high_contrast: the theme for prefers-contrast: more and forced-colors (pure white or black
// behind, every text 7:1, borders on every control).
const TextPalette& text_palette(bool dark, bool high_contrast = false);
// The palette of the theme applied last.
const TextPalette& text_palette();

void apply_theme(bool dark, bool high_contrast = false);
// Rebuilds the font atlas for the given device pixel ratio so text stays crisp on HiDPI screens;
// the renderer backend must re-upload the font texture afterwards.
void set_pixel_ratio(float ratio);
// The reader's text size against the design's (the browser's root font size over 16 px, kept
// within 1 to 3): the font atlas is rebuilt at the new size, at `ratio`, and the spacing follows.
// False when the scale did not change (nothing rebuilt).
bool set_text_scale(float scale, float ratio);

}  // namespace pm::ui
