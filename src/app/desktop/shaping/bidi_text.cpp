// Label preparation and the bidi algorithm (FriBidi) for one-line, isolated labels.
#include "app/desktop/shaping/bidi_text.h"

#include "core/json/text.h"

#include <fribidi.h>

#include <numeric>

namespace pm::shaping {

bool is_neutralised_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||  // C0, DEL, C1 (a newline would break the run)
        cp == 0x061C ||                                // ARABIC LETTER MARK
        cp == 0x200E || cp == 0x200F ||                // LRM, RLM
        cp == 0x2028 || cp == 0x2029 ||                // line and paragraph separators
        (cp >= 0x202A && cp <= 0x202E) ||              // LRE, RLE, PDF, LRO, RLO
        (cp >= 0x2066 && cp <= 0x2069);                // LRI, RLI, FSI, PDI
}

BidiText prepare_bidi_text(std::string_view utf8) {
    BidiText out;
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (out.text.size() == kMaxShapedCodePoints) {
            out.truncated = true;
            out.text.push_back(0x2026);  // "…"
            break;
        }
        char32_t cp = 0;
        decode_utf8(utf8, pos, cp);  // a malformed byte gives U+FFFD, shown as such
        out.text.push_back(is_neutralised_control(cp) ? kControlMark : cp);
    }
    out.byte_offset.reserve(out.text.size() + 1);
    for (char32_t cp : out.text) {
        out.byte_offset.push_back(out.utf8.size());
        append_utf8(out.utf8, cp);
    }
    out.byte_offset.push_back(out.utf8.size());
    if (out.text.empty()) return out;

    // One paragraph, its direction from its first strong character (P2, P3); LTR when it has none.
    const auto length = static_cast<FriBidiStrIndex>(out.text.size());
    const auto* chars = reinterpret_cast<const FriBidiChar*>(out.text.data());
    static_assert(sizeof(FriBidiChar) == sizeof(char32_t));
    std::vector<FriBidiCharType> types(out.text.size());
    std::vector<FriBidiBracketType> brackets(out.text.size());
    std::vector<FriBidiLevel> levels(out.text.size());
    fribidi_get_bidi_types(chars, length, types.data());
    fribidi_get_bracket_types(chars, length, types.data(), brackets.data());
    FriBidiParType direction = FRIBIDI_PAR_ON;
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), length, &direction, levels.data()) == 0) {
        levels.assign(levels.size(), 0);  // out of memory in FriBidi: left to right, as ImGui would
        direction = FRIBIDI_PAR_LTR;
    }
    out.right_to_left = FRIBIDI_IS_RTL(direction);

    // The visual order of the line (L1 to L2); no flags: marks stay after their base, which is what
    // HarfBuzz expects of a right-to-left run.
    std::vector<FriBidiStrIndex> visual(out.text.size());
    std::iota(visual.begin(), visual.end(), 0);
    if (fribidi_reorder_line(0, types.data(), length, 0, direction, levels.data(), nullptr, visual.data()) == 0)
        std::iota(visual.begin(), visual.end(), 0);

    // Consecutive visual positions of one level whose logical positions follow each other (rising
    // left to right, falling right to left) form a run.
    for (std::size_t v = 0; v < visual.size(); ++v) {
        const auto logical = static_cast<std::size_t>(visual[v]);
        const int level = levels[logical];
        if (!out.runs.empty()) {
            BidiRun& run = out.runs.back();
            const bool rtl = run.right_to_left();
            const std::size_t previous = static_cast<std::size_t>(visual[v - 1]);
            if (run.level == level && (rtl ? logical + 1 == previous : previous + 1 == logical)) {
                if (rtl) run.start = logical;
                ++run.length;
                continue;
            }
        }
        out.runs.push_back(BidiRun{logical, 1, level});
    }
    return out;
}

}  // namespace pm::shaping
