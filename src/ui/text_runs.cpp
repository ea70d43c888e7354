// Which text needs the platform's shaping (see text_runs.h), and the process-wide run source.
#include "ui/text_runs.h"

#include "core/json/text.h"

#include <iterator>

namespace pm::ui {

namespace {

TextRunSource* g_source = nullptr;
void (*g_request)() = nullptr;

// Blocks of scripts that are written right to left or whose letters change form, join or reorder
// (so one glyph per code point, left to right, draws them wrong). Sorted, inclusive.
struct Range {
    char32_t first;
    char32_t last;
};
constexpr Range kShapedRanges[] = {
    {0x0590, 0x08FF},    // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, NKo, Samaritan, Mandaic, Arabic Ext.
    {0x0900, 0x0DFF},    // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    {0x0E00, 0x0FFF},    // Thai, Lao, Tibetan
    {0x1000, 0x109F},    // Myanmar
    {0x1780, 0x17FF},    // Khmer
    {0x1800, 0x18AF},    // Mongolian
    {0x1A00, 0x1AAF},    // Buginese, Tai Tham
    {0x1B00, 0x1BFF},    // Balinese, Sundanese, Batak
    {0x200E, 0x200F},    // LRM, RLM
    {0x202A, 0x202E},    // bidi embeddings and overrides
    {0x2066, 0x2069},    // bidi isolates
    {0xA800, 0xA82F},    // Syloti Nagri
    {0xA8E0, 0xA8FF},    // Devanagari Extended
    {0xA980, 0xA9FF},    // Javanese
    {0xAA60, 0xAA7F},    // Myanmar Extended-A
    {0xFB1D, 0xFDFF},    // Hebrew and Arabic presentation forms
    {0xFE70, 0xFEFF},    // Arabic presentation forms B
    {0x10800, 0x10FFF},  // historic RTL scripts, Hanifi Rohingya, Yezidi, ...
    {0x1E800, 0x1EFFF},  // Mende Kikakui, Adlam, Arabic mathematical symbols
};

bool shaped_code_point(char32_t cp) {
    for (const Range& range : kShapedRanges) {
        if (cp < range.first) return false;
        if (cp <= range.last) return true;
    }
    return false;
}

// Strong right-to-left letters: Hebrew to NKo (and their supplements), the presentation forms and
// the historic RTL blocks. Sorted, inclusive.
constexpr Range kRtlRanges[] = {
    {0x0590, 0x08FF}, {0xFB1D, 0xFDFF}, {0xFE70, 0xFEFF}, {0x10800, 0x10FFF}, {0x1E800, 0x1EFFF},
};

bool in_ranges(const Range* begin, const Range* end, char32_t cp) {
    for (const Range* range = begin; range != end; ++range) {
        if (cp < range->first) return false;
        if (cp <= range->last) return true;
    }
    return false;
}

bool rtl_letter(char32_t cp) { return in_ranges(std::begin(kRtlRanges), std::end(kRtlRanges), cp); }

// Strong left-to-right: ASCII letters, and letters of the other scripts (Latin-1 to Armenian; the
// Indic, South-East Asian, CJK and other blocks). Digits, punctuation and symbols are not.
bool ltr_letter(char32_t cp) {
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return true;
    if (cp >= 0x00C0 && cp <= 0x058F) return cp != 0x00D7 && cp != 0x00F7;  // not × and ÷
    if (cp >= 0x0900 && cp <= 0x1FFF) return true;
    if (cp >= 0x2C00 && cp <= 0x2DFF) return true;
    if (cp >= 0x3040 && cp <= 0x9FFF) return true;
    if (cp >= 0xA000 && cp <= 0xD7FF) return true;
    if (cp >= 0xF900 && cp <= 0xFAFF) return true;
    return cp >= 0x20000 && cp <= 0x3FFFF;
}

bool bidi_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

bool paragraph_is_rtl(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = 0;
        if (!decode_utf8(utf8, pos, cp)) continue;
        if (rtl_letter(cp)) return true;
        if (ltr_letter(cp)) return false;
    }
    return false;
}

std::string with_visible_controls(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t start = pos;
        char32_t cp = 0;
        const bool valid = decode_utf8(utf8, pos, cp);
        if (valid && bidi_control(cp)) {
            append_utf8(out, 0xFFFD);
        } else {
            out.append(utf8.substr(start, pos - start));
        }
    }
    return out;
}

namespace {

// Whether `utf8` has a code point that needs shaping; with `controls` false, a bidi control does
// not count (it is shown as a mark, which needs no run).
bool has_shaped(std::string_view utf8, bool controls) {
    // Every code point that needs shaping is U+0590 or above, so its UTF-8 starts with a byte of
    // 0xD6 or more; ASCII, continuation bytes and the leads of U+0080..U+057F (Latin, Greek,
    // Cyrillic, Armenian) are all below it. So Latin text costs one compare per byte, and only such
    // a lead is decoded (from the same place a decoding from the start would decode it: no byte of
    // 0xC0 or more is ever inside a well-formed sequence).
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0xD6) {
            ++pos;
            continue;
        }
        char32_t cp = 0;  // an invalid byte is skipped
        if (decode_utf8(utf8, pos, cp) && shaped_code_point(cp) && (controls || !bidi_control(cp))) return true;
    }
    return false;
}

}  // namespace

bool needs_shaping(std::string_view utf8) { return has_shaped(utf8, true); }

bool needs_shaping(char32_t codepoint) { return shaped_code_point(codepoint); }

void set_text_run_source(TextRunSource* source) { g_source = source; }
TextRunSource* text_run_source() { return g_source; }
void set_text_run_request(void (*request)()) { g_request = request; }

TextRunSource* text_run_source(std::string_view utf8) {
    // A bidi control alone needs no source (it is shown as a mark): no request for it. One scan,
    // no copy (as needs_shaping(with_visible_controls(utf8)) would make).
    if (!g_source && g_request && has_shaped(utf8, false)) g_request();
    return g_source;
}

}  // namespace pm::ui
