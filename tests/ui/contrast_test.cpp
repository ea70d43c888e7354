// Every text colour of the panel reaches 4.5:1 against every background it is drawn on, in both
// themes (WCAG 2.1 AA, 1.4.3), 7:1 in the two high-contrast themes (AAA, 1.4.6), and the focus
// ring 3:1 against the window (1.4.11). Computed from
// the colours ui/theme.cpp sets, composited the way the renderer blends them.
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace pm::ui {
namespace {

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `top` drawn with its alpha over an opaque `under`.
ImVec4 over(const ImVec4& top, const ImVec4& under) {
    const float a = top.w;
    return ImVec4(top.x * a + under.x * (1 - a), top.y * a + under.y * (1 - a), top.z * a + under.z * (1 - a), 1.0f);
}

// (dark, high contrast)
class Contrast : public ::testing::TestWithParam<std::pair<bool, bool>> {
protected:
    void SetUp() override {
        context_ = ImGui::CreateContext();
        apply_theme(dark(), high());
    }
    bool dark() const { return GetParam().first; }
    bool high() const { return GetParam().second; }
    double needed() const { return high() ? 7.0 : 4.5; }
    void TearDown() override { ImGui::DestroyContext(context_); }
    ImGuiContext* context_ = nullptr;
};

TEST_P(Contrast, EveryTextColourReachesFourAndAHalfToOneOnEveryBackground) {
    const ImVec4* colours = ImGui::GetStyle().Colors;
    // The page clears with WindowBg's colour, so the window is that colour, opaque.
    const ImVec4 window = over(colours[ImGuiCol_WindowBg], ImVec4(colours[ImGuiCol_WindowBg].x, colours[ImGuiCol_WindowBg].y, colours[ImGuiCol_WindowBg].z, 1));
    const std::vector<std::pair<std::string, ImVec4>> backgrounds = {
        {"window", window},
        {"alternate table row", over(colours[ImGuiCol_TableRowBgAlt], window)},
        {"popup", over(colours[ImGuiCol_PopupBg], window)},
    };
    const TextPalette& palette = text_palette(dark(), high());
    const std::vector<std::pair<std::string, ImVec4>> texts = {
        {"text", colours[ImGuiCol_Text]},     {"placeholder", colours[ImGuiCol_TextDisabled]},
        {"muted", palette.muted},             {"error", palette.error},
        {"good", palette.good},               {"warn", palette.warn},
        {"edited", palette.edited},           {"strong", palette.strong},
    };
    for (const auto& [background_name, background] : backgrounds)
        for (const auto& [text_name, text] : texts)
            EXPECT_GE(contrast(text, background), needed()) << text_name << " on " << background_name;
    // The widgets' own text on their resting fills.
    for (const ImGuiCol fill : {ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_TableHeaderBg}) {
        const ImVec4 behind = over(colours[fill], window);
        EXPECT_GE(contrast(colours[ImGuiCol_Text], behind), needed()) << ImGui::GetStyleColorName(fill);
    }
    EXPECT_GE(contrast(colours[ImGuiCol_TextDisabled], over(colours[ImGuiCol_FrameBg], window)), needed())
        << "placeholder in a text field";
    // High contrast: hovered and pressed controls keep their text at 7:1 too.
    if (high()) {
        for (const ImGuiCol fill : {ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive, ImGuiCol_FrameBgHovered,
                                    ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive}) {
            EXPECT_GE(contrast(colours[ImGuiCol_Text], over(colours[fill], window)), needed()) << ImGui::GetStyleColorName(fill);
        }
    }
}

TEST_P(Contrast, TheFocusRingStandsOutThreeToOne) {
    const ImVec4* colours = ImGui::GetStyle().Colors;
    const ImVec4 window(colours[ImGuiCol_WindowBg].x, colours[ImGuiCol_WindowBg].y, colours[ImGuiCol_WindowBg].z, 1);
    EXPECT_GE(contrast(text_palette(dark(), high()).focus, window), 3.0);
    EXPECT_GE(contrast(colours[ImGuiCol_NavHighlight], window), 3.0);
}

TEST(ContrastFormula, MatchesTheWcagExamples) {
    EXPECT_NEAR(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)), 21.0, 1e-9);
    EXPECT_NEAR(contrast(ImVec4(0.5f, 0.5f, 0.5f, 1), ImVec4(1, 1, 1, 1)), 3.98, 0.01);
}

TEST(HighContrast, IsPureWhiteOrBlackWithOutlinedControls) {
    ImGuiContext* context = ImGui::CreateContext();
    for (const bool dark : {false, true}) {
        apply_theme(dark, true);
        const ImGuiStyle& style = ImGui::GetStyle();
        const float back = dark ? 0.0f : 1.0f;
        EXPECT_EQ(style.Colors[ImGuiCol_WindowBg].x, back);
        EXPECT_EQ(style.Colors[ImGuiCol_Text].x, 1.0f - back);
        EXPECT_GE(style.FrameBorderSize, 1.0f);
        EXPECT_NEAR(contrast(style.Colors[ImGuiCol_Border], style.Colors[ImGuiCol_WindowBg]), 21.0, 1e-6);
    }
    apply_theme(false, false);
    EXPECT_EQ(ImGui::GetStyle().FrameBorderSize, 0.0f);
    ImGui::DestroyContext(context);
}

INSTANTIATE_TEST_SUITE_P(Themes, Contrast,
                         ::testing::Values(std::make_pair(false, false), std::make_pair(true, false), std::make_pair(false, true),
                                           std::make_pair(true, true)),
                         [](const ::testing::TestParamInfo<std::pair<bool, bool>>& param_info) {
                             return std::string(param_info.param.first ? "Dark" : "Light") +
                                 (param_info.param.second ? "HighContrast" : "");
                         });

}  // namespace
}  // namespace pm::ui
