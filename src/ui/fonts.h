// The panel's fonts: a small built-in subset of Noto Sans (Latin with Western and Central European
// accents), embedded at build time, plus fallback faces merged in for just the characters a plan
// needs: the rest of Noto Sans (Greek, Cyrillic, Vietnamese, ...) and a CJK face.
#pragma once

#include <imgui.h>

#include <vector>

namespace pm::ui {

// Where a character the built-in font lacks comes from.
enum class FallbackFace {
    NotoExtra,                                 // the same face for the other scripts it covers
    Cjk,                                       // everything else (CJK, Hangul, kana, ...)
};
inline constexpr int kFallbackFaceCount = 2;  // the faces cross to the page by number (src/app/web/wasm_interface.json)

// The glyph ranges of the built-in font and of the Noto extra file (zero-terminated pairs, as
// ImGui takes them); cmake/embed_font.py subsets with the same ranges.
const ImWchar* embedded_glyph_ranges();
const ImWchar* noto_extra_glyph_ranges();
// The face that draws `codepoint` when the built-in font does not.
FallbackFace fallback_face_for(unsigned codepoint);

// Rebuilds the font atlas with the UI font rasterised at size × ratio device pixels (and the
// fallback faces' glyphs, when set). The renderer must upload the atlas again afterwards.
void load_fonts(float size, float ratio);

// Adds files of a fallback face (TrueType bytes: the whole face, or slices of it that each hold a
// range of its characters) and sets the code points to take from the face, then rebuilds the
// atlas at the current size and ratio. The renderer must upload the atlas again afterwards.
void add_fallback_fonts(FallbackFace face, std::vector<std::vector<unsigned char>> fonts, const std::vector<ImWchar>& codepoints);
// The code points to take from a face whose files were added before (a later plan needs more of
// it); rebuilds the atlas. Does nothing when the face has no files yet.
void set_fallback_codepoints(FallbackFace face, const std::vector<ImWchar>& codepoints);

}  // namespace pm::ui
