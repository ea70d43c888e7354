// HarfBuzz's reference output for a text in a font: runs Debian's `hb-shape` (package
// libharfbuzz-bin) and reads its glyph ids and clusters. The shaping tests compare the runs the
// shaper makes with it: hb-shape shapes the run's text on its own, with the same font file and
// direction, so a wrong font choice, direction, run split or glyph order in the shaper shows.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace pm::test {

struct ReferenceGlyph {
    std::uint32_t glyph = 0;
    std::uint32_t cluster = 0;  // UTF-8 byte offset in the text
    bool operator==(const ReferenceGlyph& other) const { return glyph == other.glyph && cluster == other.cluster; }
};
// How GoogleTest prints one in a failed comparison: "gid=cluster", as hb-shape does.
inline void PrintTo(const ReferenceGlyph& glyph, std::ostream* out) { *out << glyph.glyph << "=" << glyph.cluster; }

// The glyphs hb-shape gives for `utf8` in `font_path`, in its output (visual) order; `error` says
// why when hb-shape cannot be run or its output does not read (the vector is then empty).
std::vector<ReferenceGlyph> hb_shape_reference(const std::string& font_path, const std::string& utf8, bool right_to_left,
                                               std::string& error);

}  // namespace pm::test
