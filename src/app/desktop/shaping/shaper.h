// Shapes a label into positioned glyphs and renders it into a coverage bitmap: FriBidi for the
// direction and the visual order of its runs, HarfBuzz for each run with the font of its script,
// FreeType for the glyph images. No ImGui or OpenGL: src/app/desktop/shaped_text_runs.* turns the
// bitmaps into the panel's TextRuns.
#pragma once

#include "app/desktop/shaping/bidi_text.h"
#include "app/desktop/shaping/script_fonts.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::shaping {

// Positions are in 1/64 pixel (26.6 fixed point), as HarfBuzz gives them at the asked size.
struct ShapedGlyph {
    std::uint32_t glyph = 0;    // glyph id in the run's font
    std::uint32_t cluster = 0;  // UTF-8 byte offset of its cluster in ShapedText::text
    std::int32_t x_advance = 0;
    std::int32_t y_advance = 0;
    std::int32_t x_offset = 0;
    std::int32_t y_offset = 0;
};

// A run of one direction and one font, its glyphs in visual order (left to right).
struct ShapedRun {
    FontId font = kNoFont;
    bool right_to_left = false;
    std::size_t byte_start = 0;  // the run's text: ShapedText::text.substr(byte_start, byte_length)
    std::size_t byte_length = 0;
    std::vector<ShapedGlyph> glyphs;
};

struct ShapedText {
    std::string text;             // what was shaped: the label bounded, controls made visible
    std::vector<ShapedRun> runs;  // in visual order, left to right
    bool right_to_left = false;   // the paragraph's direction (first strong character)
    bool truncated = false;
    std::int32_t advance = 0;  // total width, 1/64 px
};

// A white-on-transparent image of a label: one byte of coverage per pixel, rows top first.
struct CoverageBitmap {
    int width = 0;
    int height = 0;
    int baseline = 0;  // rows from the top to the baseline
    bool right_to_left = false;
    std::vector<std::uint8_t> alpha;
};

// A line's extents above and below the baseline, in pixels (both positive).
struct LineBox {
    int ascender = 0;
    int descender = 0;
};

class Shaper {
public:
    explicit Shaper(std::string font_directory = kDebianNotoDirectory);

    // The label shaped at an em size of `pixel_size` pixels; nullopt when a font it needs is
    // missing, when it is empty, or when the size is not within 1 to 512 pixels.
    std::optional<ShapedText> shape(std::string_view utf8, float pixel_size);
    // The label rendered; nullopt in the same cases as shape(). Without `line`, the image spans
    // the tallest ascender and deepest descender of the fonts used (or the ink, when it reaches
    // further). With it, the image is that line box (in pixels), grown by the same amount above
    // and below when the ink reaches beyond it: the baseline then stays where `line` puts it
    // relative to the image's centre, so centring the image on a line of text lines the
    // baselines up.
    std::optional<CoverageBitmap> render(std::string_view utf8, float pixel_size, std::optional<LineBox> line = std::nullopt);

    // `utf8` when it is at most `max_width` pixels wide at `pixel_size`; else its longest start
    // (cut between code points, trailing spaces dropped) that fits with "…" after it, and the
    // "…". The ellipsis is at the text's logical end: the right of a left-to-right paragraph, the
    // left of a right-to-left one (the bidi layout puts it there), so what shows is the start.
    std::string fit(std::string_view utf8, float pixel_size, float max_width);

    // Noto Sans's ascender and descender per em (both positive; 1.069 and 0.293 when the file is
    // missing). ImGui's font size is a line height (ascender + descender of the panel's Noto
    // Sans), so an ImGui size divided by their sum is the em size that matches the panel's text.
    struct EmExtents {
        float ascender = 1.069f;
        float descender = 0.293f;
    };
    EmExtents latin_extents();

private:
    FontSet fonts_;
};

}  // namespace pm::shaping
