// A label prepared for shaping: decoded, bounded, its bidi controls made visible, and split by
// FriBidi into the runs of one direction in visual order. No HarfBuzz, FreeType or ImGui here.
//
// Safety: label text is untrusted (it comes from the plan or the uploaded file). Each label is its
// own isolated paragraph, and the bidi controls in it (embeddings, overrides, isolates, marks) are
// replaced by a visible mark before FriBidi sees them, so they cannot reorder the text around them
// into something that reads differently from what the data holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pm::shaping {

// At most this many code points of a label are shaped (the rest is cut and an ellipsis added),
// as the matcher caps long text: a label never costs more than this to shape or draw.
inline constexpr std::size_t kMaxShapedCodePoints = 512;

// What replaces a bidi control or another control character: U+FFFD, a neutral (bidi class ON)
// character that Noto Sans draws, and the mark the panel shows for them (ui::with_visible_controls).
inline constexpr char32_t kControlMark = 0xFFFD;

// True for the characters that are replaced by kControlMark: the bidi embeddings, overrides and
// isolates, LRM, RLM and ALM, C0 and C1 controls, and the line and paragraph separators.
bool is_neutralised_control(char32_t cp);

// One run of the same embedding level, as a range of the prepared text's code points.
struct BidiRun {
    std::size_t start = 0;  // first code point (logical order)
    std::size_t length = 0;
    int level = 0;  // odd: right to left
    bool right_to_left() const { return (level & 1) != 0; }
};

struct BidiText {
    std::u32string text;                   // the prepared code points (decoded, bounded, controls replaced)
    std::string utf8;                      // the same text as UTF-8
    std::vector<std::size_t> byte_offset;  // UTF-8 offset of each code point, plus one past the end
    std::vector<BidiRun> runs;             // in visual order, left to right
    bool right_to_left = false;            // the paragraph's direction (first strong character; LTR if none)
    bool truncated = false;                // the label was longer than kMaxShapedCodePoints
};

// Decodes `utf8` (a malformed byte becomes U+FFFD), keeps the first kMaxShapedCodePoints code
// points (plus "…" when cut), replaces controls and resolves the levels and the visual order of
// the one-line paragraph with FriBidi. An empty text has no runs.
BidiText prepare_bidi_text(std::string_view utf8);

}  // namespace pm::shaping
