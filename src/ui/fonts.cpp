// Loads the built-in font into ImGui's atlas. Its glyph ranges match the subset made by
// cmake/embed_font.py: glyphs outside them come from a fallback face when one is loaded, else
// they fall back to U+FFFD.
#include "ui/fonts.h"

#include <array>
#include <cstddef>

extern const unsigned char pm_font_regular[];
extern const std::size_t pm_font_regular_size;

namespace pm::ui {

namespace {

const ImWchar kBuiltinRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F,            // Basic Latin, Latin-1, Latin Extended-A
    0x2000, 0x206F, 0x20A0, 0x20CF,            // punctuation, currency signs
    0x2190, 0x21FF, 0x25A0, 0x25FF,            // arrows, shapes
    0xFFFD, 0xFFFD,
    0,
};

const ImWchar kExtraRanges[] = {
    0x0180, 0x036F,                            // Latin Extended-B, IPA, modifier letters, combining marks
    0x0370, 0x03FF,                            // Greek
    0x0400, 0x052F,                            // Cyrillic and its supplement
    0x1E00, 0x1EFF,                            // Latin Extended Additional (Vietnamese, ...)
    0x2100, 0x218F,                            // letterlike symbols, number forms
    0x2200, 0x22FF,                            // mathematical operators
    0,
};

bool in_ranges(const ImWchar* ranges, unsigned codepoint) {
    for (int i = 0; ranges[i] != 0; i += 2)
        if (codepoint >= ranges[i] && codepoint <= ranges[i + 1]) return true;
    return false;
}

// A fallback face: its files (ImGui keeps pointers, so they live here), each merged with the same
// ranges of single code points, so the atlas holds only the characters the plan uses (ImGui takes
// each character from the first file that has it and skips it in the others).
struct Fallback {
    std::vector<std::vector<unsigned char>> fonts;
    std::vector<ImWchar> ranges;
};
std::array<Fallback, kFallbackFaceCount> g_fallbacks;
float g_size = 15.0f, g_ratio = 1.0f;

}  // namespace

const ImWchar* embedded_glyph_ranges() { return kBuiltinRanges; }
const ImWchar* noto_extra_glyph_ranges() { return kExtraRanges; }
FallbackFace fallback_face_for(unsigned codepoint) {
    return in_ranges(kExtraRanges, codepoint) ? FallbackFace::NotoExtra : FallbackFace::Cjk;
}

void load_fonts(float size, float ratio) {
    g_size = size;
    g_ratio = ratio;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;       // the bytes are static data in the binary
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    // ImGui's API takes a non-const pointer; with FontDataOwnedByAtlas false it never writes to it.
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(pm_font_regular), static_cast<int>(pm_font_regular_size),
                                   size * ratio, &config, kBuiltinRanges);
    for (std::size_t i = 0; i < g_fallbacks.size(); ++i) {
        Fallback& fallback = g_fallbacks[i];
        if (fallback.ranges.size() <= 1) continue;
        for (std::vector<unsigned char>& font : fallback.fonts) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.FontDataOwnedByAtlas = false;
            // The Noto extra face matches the built-in one; CJK glyphs are dense, keep the atlas small.
            merge.OversampleH = static_cast<FallbackFace>(i) == FallbackFace::NotoExtra ? 2 : 1;
            merge.OversampleV = 1;
            io.Fonts->AddFontFromMemoryTTF(font.data(), static_cast<int>(font.size()), size * ratio, &merge,
                                           fallback.ranges.data());
        }
    }
    io.FontGlobalScale = 1.0f / ratio;         // lay out in logical pixels, rasterise in device pixels
    io.Fonts->Build();
}

void add_fallback_fonts(FallbackFace face, std::vector<std::vector<unsigned char>> fonts,
                        const std::vector<ImWchar>& codepoints) {
    std::vector<std::vector<unsigned char>>& kept = g_fallbacks[static_cast<std::size_t>(face)].fonts;
    for (std::vector<unsigned char>& font : fonts)
        if (!font.empty()) kept.push_back(std::move(font));
    set_fallback_codepoints(face, codepoints);
}

void set_fallback_codepoints(FallbackFace face, const std::vector<ImWchar>& codepoints) {
    Fallback& fallback = g_fallbacks[static_cast<std::size_t>(face)];
    if (fallback.fonts.empty()) return;
    fallback.ranges.clear();
    for (ImWchar cp : codepoints) {
        fallback.ranges.push_back(cp);
        fallback.ranges.push_back(cp);
    }
    fallback.ranges.push_back(0);
    load_fonts(g_size, g_ratio);
}

}  // namespace pm::ui
