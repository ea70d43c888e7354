// The panel's fonts: Noto Sans (Latin with accents, Greek, Cyrillic), embedded at build time,
// plus an optional fallback font (CJK) merged in for just the characters a plan needs.
#pragma once

#include <imgui.h>

#include <vector>

namespace pm::ui {

// The glyph ranges of the embedded font (zero-terminated pairs, as ImGui takes them).
const ImWchar* embedded_glyph_ranges();

// Rebuilds the font atlas with the UI font rasterised at size × ratio device pixels (and the
// fallback's glyphs, when one is set). The renderer must upload the atlas again afterwards.
void load_fonts(float size, float ratio);

// Sets the fallback font (TrueType bytes) and the code points to take from it, then rebuilds the
// atlas at the current size and ratio. The renderer must upload the atlas again afterwards.
void set_fallback_font(std::vector<unsigned char> font, const std::vector<ImWchar>& codepoints);

}  // namespace pm::ui
