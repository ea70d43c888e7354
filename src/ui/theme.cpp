// Colours and metrics. Sizes derive from the font size so the panel scales with it.
#include "ui/theme.h"

#include "ui/fonts.h"

#include <imgui.h>

namespace pm::ui {

namespace {
constexpr float kFontSize = 15.0f;             // logical pixels
}

void apply_theme(bool dark) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
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
