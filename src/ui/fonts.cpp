// Loads the embedded font into ImGui's atlas. The glyph ranges match the subset made by
// cmake/embed_font.py: glyphs outside them fall back to U+FFFD.
#include "ui/fonts.h"

#include <imgui.h>

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

}  // namespace

void load_fonts(float size, float ratio) {
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
    io.FontGlobalScale = 1.0f / ratio;         // lay out in logical pixels, rasterise in device pixels
    io.Fonts->Build();
}

}  // namespace pm::ui
