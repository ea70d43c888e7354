// Colours and metrics. Sizes derive from the font size so the panel scales with it.
#include "ui/theme.h"

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

void set_pixel_ratio(float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = kFontSize * ratio;      // rasterise at device pixels…
    config.OversampleH = 1;
    config.PixelSnapH = true;
    io.Fonts->AddFontDefault(&config);
    io.FontGlobalScale = 1.0f / ratio;          // …and lay out in logical pixels
    io.Fonts->Build();
}

}  // namespace pm::ui
