// Colours and metrics. Sizes derive from the font size so the panel scales with it.
#include "ui/theme.h"

#include "ui/fonts.h"

#include <imgui.h>

namespace pm::ui {

namespace {
constexpr float kFontSize = 15.0f;             // logical pixels

// Dear ImGui's stock colours for these fall below 4.5:1 on their own backgrounds (light grey text,
// mid-tone red, green and orange); these keep the same hues, darker on light and lighter on dark.
const TextPalette kLight{
    ImVec4(0.33f, 0.34f, 0.37f, 1.0f), ImVec4(0.70f, 0.10f, 0.10f, 1.0f), ImVec4(0.05f, 0.42f, 0.18f, 1.0f),
    ImVec4(0.55f, 0.30f, 0.00f, 1.0f), ImVec4(0.20f, 0.30f, 0.75f, 1.0f), ImVec4(0.10f, 0.38f, 0.58f, 1.0f),
    ImVec4(0.00f, 0.30f, 0.75f, 1.0f)};
const TextPalette kDark{
    ImVec4(0.62f, 0.64f, 0.68f, 1.0f), ImVec4(1.00f, 0.45f, 0.42f, 1.0f), ImVec4(0.35f, 0.80f, 0.50f, 1.0f),
    ImVec4(0.95f, 0.70f, 0.30f, 1.0f), ImVec4(0.55f, 0.65f, 1.00f, 1.0f), ImVec4(0.40f, 0.75f, 0.95f, 1.0f),
    ImVec4(0.45f, 0.70f, 1.00f, 1.0f)};
bool g_dark = false;
}

const TextPalette& text_palette(bool dark) { return dark ? kDark : kLight; }
const TextPalette& text_palette() { return text_palette(g_dark); }

void apply_theme(bool dark) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    g_dark = dark;
    // Placeholder text ("Search fields") is drawn in TextDisabled: it must read too.
    style.Colors[ImGuiCol_TextDisabled] = dark ? ImVec4(0.62f, 0.62f, 0.62f, 1.0f) : ImVec4(0.36f, 0.36f, 0.36f, 1.0f);
    style.Colors[ImGuiCol_NavHighlight] = text_palette(dark).focus;
    const float em = kFontSize;
    style.WindowPadding = ImVec2(0.8f * em, 0.8f * em);
    style.FramePadding = ImVec2(0.5f * em, 0.25f * em);
    style.ItemSpacing = ImVec2(0.6f * em, 0.35f * em);
    style.CellPadding = ImVec2(0.4f * em, 0.25f * em);
    style.FrameRounding = 0.25f * em;
    style.GrabRounding = 0.25f * em;
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    if (ImGui::GetIO().Fonts->Fonts.empty()) set_pixel_ratio(1.0f);
}

void set_pixel_ratio(float ratio) { load_fonts(kFontSize, ratio); }

}  // namespace pm::ui
