// Loads the embedded font into ImGui's atlas. The glyph ranges match the subset made by
// cmake/embed_font.py: glyphs outside them come from the fallback font when one is loaded, else
// they fall back to U+FFFD.
#include "ui/fonts.h"

#include <cstddef>

extern const unsigned char pm_font_regular[];
extern const std::size_t pm_font_regular_size;

namespace pm::ui {

namespace {

const ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x024F,            // Basic Latin, Latin-1, Latin Extended-A/B
    0x0370, 0x03FF,                            // Greek
    0x0400, 0x052F,                            // Cyrillic and its supplement
    0x1E00, 0x1EFF,                            // Latin Extended Additional (Vietnamese…)
    0x2000, 0x206F, 0x20A0, 0x20CF,            // punctuation, currency signs
    0x2190, 0x21FF, 0x25A0, 0x25FF,            // arrows, shapes
    0xFFFD, 0xFFFD,
    0,
};

// The fallback: its bytes (ImGui keeps a pointer, so they live here) and ranges of single code
// points, so the atlas holds only the characters the plan uses.
std::vector<unsigned char> g_fallback_font;
std::vector<ImWchar> g_fallback_ranges;
float g_size = 15.0f, g_ratio = 1.0f;

}  // namespace

const ImWchar* embedded_glyph_ranges() { return kGlyphRanges; }

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
                                   size * ratio, &config, kGlyphRanges);
    if (!g_fallback_font.empty() && g_fallback_ranges.size() > 1) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.FontDataOwnedByAtlas = false;
        merge.OversampleH = 1;                 // CJK glyphs are dense; keep the atlas small
        merge.OversampleV = 1;
        io.Fonts->AddFontFromMemoryTTF(g_fallback_font.data(), static_cast<int>(g_fallback_font.size()), size * ratio, &merge,
                                       g_fallback_ranges.data());
    }
    io.FontGlobalScale = 1.0f / ratio;         // lay out in logical pixels, rasterise in device pixels
    io.Fonts->Build();
}

void set_fallback_font(std::vector<unsigned char> font, const std::vector<ImWchar>& codepoints) {
    g_fallback_font = std::move(font);
    g_fallback_ranges.clear();
    for (ImWchar cp : codepoints) {
        g_fallback_ranges.push_back(cp);
        g_fallback_ranges.push_back(cp);
    }
    g_fallback_ranges.push_back(0);
    load_fonts(g_size, g_ratio);
}

}  // namespace pm::ui
