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
// High contrast: each text reaches 7:1 (WCAG AAA, 1.4.6) on pure white or black.
const TextPalette kLightHigh{ImVec4(0.20f, 0.20f, 0.20f, 1.0f), ImVec4(0.60f, 0.00f, 0.00f, 1.0f),
                             ImVec4(0.00f, 0.35f, 0.00f, 1.0f), ImVec4(0.45f, 0.20f, 0.00f, 1.0f),
                             ImVec4(0.10f, 0.15f, 0.60f, 1.0f), ImVec4(0.00f, 0.25f, 0.45f, 1.0f),
                             ImVec4(0.00f, 0.00f, 0.80f, 1.0f)};
const TextPalette kDarkHigh{ImVec4(0.80f, 0.80f, 0.80f, 1.0f), ImVec4(1.00f, 0.55f, 0.55f, 1.0f),
                            ImVec4(0.40f, 1.00f, 0.40f, 1.0f), ImVec4(1.00f, 0.85f, 0.30f, 1.0f),
                            ImVec4(0.70f, 0.80f, 1.00f, 1.0f), ImVec4(0.50f, 0.85f, 1.00f, 1.0f),
                            ImVec4(1.00f, 1.00f, 0.00f, 1.0f)};
bool g_dark = false;
bool g_high_contrast = false;
float g_text_scale = 1.0f;
float font_size() { return kFontSize * g_text_scale; }

// Pure background and text, the controls outlined in the text colour, fills that keep the text
// readable when hovered or pressed.
void apply_high_contrast(ImGuiStyle& style, bool dark) {
    const ImVec4 back = dark ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1);
    const ImVec4 text = dark ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1);
    const ImVec4 hover = dark ? ImVec4(0.15f, 0.20f, 0.40f, 1) : ImVec4(0.80f, 0.87f, 1.00f, 1);
    const ImVec4 pressed = dark ? ImVec4(0.25f, 0.30f, 0.55f, 1) : ImVec4(0.65f, 0.75f, 1.00f, 1);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = dark ? ImVec4(0.75f, 0.75f, 0.75f, 1) : ImVec4(0.25f, 0.25f, 0.25f, 1);
    for (ImGuiCol fill :
         {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_MenuBarBg})
        c[fill] = back;
    for (ImGuiCol fill : {ImGuiCol_FrameBgHovered, ImGuiCol_ButtonHovered, ImGuiCol_HeaderHovered}) c[fill] = hover;
    for (ImGuiCol fill : {ImGuiCol_FrameBgActive, ImGuiCol_ButtonActive, ImGuiCol_HeaderActive, ImGuiCol_Header})
        c[fill] = pressed;
    c[ImGuiCol_TableHeaderBg] = dark ? ImVec4(0.12f, 0.12f, 0.12f, 1) : ImVec4(0.90f, 0.90f, 0.90f, 1);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = dark ? ImVec4(1, 1, 1, 0.06f) : ImVec4(0, 0, 0, 0.04f);
    for (ImGuiCol line :
         {ImGuiCol_Border, ImGuiCol_Separator, ImGuiCol_TableBorderStrong, ImGuiCol_TableBorderLight, ImGuiCol_CheckMark})
        c[line] = text;
    style.FrameBorderSize = 1.0f;
    style.PopupBorderSize = 1.0f;
}
}

const TextPalette& text_palette(bool dark, bool high_contrast) {
    if (high_contrast) return dark ? kDarkHigh : kLightHigh;
    return dark ? kDark : kLight;
}
const TextPalette& text_palette() { return text_palette(g_dark, g_high_contrast); }

void apply_theme(bool dark, bool high_contrast) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    g_dark = dark;
    g_high_contrast = high_contrast;
    // Placeholder text ("Search fields") is drawn in TextDisabled: it must read too.
    style.Colors[ImGuiCol_TextDisabled] = dark ? ImVec4(0.62f, 0.62f, 0.62f, 1.0f) : ImVec4(0.36f, 0.36f, 0.36f, 1.0f);
    if (high_contrast) apply_high_contrast(style, dark);
    style.Colors[ImGuiCol_NavHighlight] = text_palette(dark, high_contrast).focus;
    const float em = font_size();
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

void set_pixel_ratio(float ratio) { load_fonts(font_size(), ratio); }

bool set_text_scale(float scale, float ratio) {
    if (!(scale >= 1.0f)) scale = 1.0f;  // never smaller than designed (NaN too)
    if (scale > 3.0f) scale = 3.0f;
    if (scale == g_text_scale) return false;
    g_text_scale = scale;
    load_fonts(font_size(), ratio);
    apply_theme(g_dark, g_high_contrast);
    return true;
}

}  // namespace pm::ui
