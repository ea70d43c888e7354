// The desktop TextRunSource in a real OpenGL 3.3 context (a hidden GLFW window, under Xvfb in
// ctest): the pixels uploaded are the shaper's, runs are cached and evicted by page, runs are
// pending rather than made past a frame's budget, and a missing font gives no run. Writes
// test-artifacts/desktop-shaped-labels.png: the labels as the page textures hold them.
#include "app/desktop/desktop_text_runs.h"
#include "app/desktop/png_writer.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <gtest/gtest.h>

#include <cmath>
#include <sys/stat.h>

namespace pm {
namespace {

class GlContext : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        ASSERT_TRUE(glfwInit()) << "no display: run under xvfb-run";
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        window_ = glfwCreateWindow(64, 64, "pm-text-runs-test", nullptr, nullptr);
        ASSERT_NE(window_, nullptr);
        glfwMakeContextCurrent(window_);
    }
    static void TearDownTestSuite() {
        if (window_) glfwDestroyWindow(window_);
        glfwTerminate();
    }
    static GLFWwindow* window_;
};
GLFWwindow* GlContext::window_ = nullptr;

// The page texture's pixels (one coverage byte each).
std::vector<std::uint8_t> read_page(const ui::TextRun& run) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(DesktopTextRunSource::kPageWidth) *
                                     DesktopTextRunSource::kPageHeight);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(run.texture)));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RED, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
}

struct PageRect {
    int x, y, width, height;
};
PageRect rect_of(const ui::TextRun& run) {
    const int x = static_cast<int>(std::lround(run.uv0.x * DesktopTextRunSource::kPageWidth));
    const int y = static_cast<int>(std::lround(run.uv0.y * DesktopTextRunSource::kPageHeight));
    return {x, y, static_cast<int>(std::lround(run.uv1.x * DesktopTextRunSource::kPageWidth)) - x,
            static_cast<int>(std::lround(run.uv1.y * DesktopTextRunSource::kPageHeight)) - y};
}

// What the source renders for `label` at `font_size` × `ratio`, made independently.
std::optional<shaping::CoverageBitmap> expected_bitmap(const std::string& label, float font_size, float ratio) {
    shaping::Shaper shaper;
    const auto latin = shaper.latin_extents();
    const float em = font_size * ratio / (latin.ascender + latin.descender);
    return shaper.render(label, em,
                         shaping::LineBox{static_cast<int>(std::lround(em * latin.ascender)),
                                          static_cast<int>(std::lround(em * latin.descender))});
}

TEST_F(GlContext, UploadsTheShapersPixelsAndCachesTheRun) {
    DesktopTextRunSource source(2.0f, nullptr);
    const std::string label = "العنوان الكامل";
    const ui::TextRun* run = source.run(label, 16.0f);
    ASSERT_NE(run, nullptr);
    EXPECT_TRUE(run->right_to_left);
    EXPECT_NE(run->texture, ImTextureID{});
    EXPECT_EQ(source.run(label, 16.0f), run) << "the second ask is the cached run";
    EXPECT_EQ(source.runs_made(), 1u);

    const auto bitmap = expected_bitmap(label, 16.0f, 2.0f);
    ASSERT_TRUE(bitmap.has_value());
    // Sizes are in ImGui units: device pixels / ratio; the line is about the font size.
    EXPECT_FLOAT_EQ(run->size.x, bitmap->width / 2.0f);
    EXPECT_FLOAT_EQ(run->size.y, bitmap->height / 2.0f);
    EXPECT_GE(run->size.y, 15.0f);
    const PageRect rect = rect_of(*run);
    ASSERT_EQ(rect.width, bitmap->width);
    ASSERT_EQ(rect.height, bitmap->height);
    const std::vector<std::uint8_t> page = read_page(*run);
    int differing = 0;
    for (int y = 0; y < rect.height; ++y)
        for (int x = 0; x < rect.width; ++x)
            differing += page[static_cast<std::size_t>(rect.y + y) * DesktopTextRunSource::kPageWidth + rect.x + x] !=
                bitmap->alpha[static_cast<std::size_t>(y) * bitmap->width + x];
    EXPECT_EQ(differing, 0);
    // The gap right of and below the run stays empty (linear filtering cannot bleed).
    for (int y = 0; y <= rect.height; ++y)
        EXPECT_EQ(page[static_cast<std::size_t>(rect.y + y) * DesktopTextRunSource::kPageWidth + rect.x + rect.width], 0);
}

TEST_F(GlContext, AWideRightToLeftRunKeepsItsStartAndEndsWithAnEllipsis) {
    DesktopTextRunSource source(1.0f, nullptr);
    std::string label;
    for (int i = 0; i < 300; ++i) label += "بم ";
    const ui::TextRun* run = source.run(label, 24.0f);
    ASSERT_NE(run, nullptr);
    const auto whole = expected_bitmap(label, 24.0f, 1.0f);
    ASSERT_TRUE(whole.has_value());
    ASSERT_GT(whole->width, DesktopTextRunSource::kPageWidth);
    // Wider than a page: cut to it with "…" (Shaper::fit), so the run is the start of the label
    // (its right end, right to left) and the ellipsis, whole, not the label clipped mid-letter.
    shaping::Shaper shaper;
    const auto latin = shaper.latin_extents();
    const float em = 24.0f / (latin.ascender + latin.descender);
    const std::string cut = shaper.fit(label, em, DesktopTextRunSource::kPageWidth - 4);
    EXPECT_EQ(cut.substr(cut.size() - 3), "\u2026");
    EXPECT_EQ(label.rfind(cut.substr(0, cut.size() - 3), 0), 0u);
    const auto bitmap = expected_bitmap(cut, 24.0f, 1.0f);
    ASSERT_TRUE(bitmap.has_value());
    const PageRect rect = rect_of(*run);
    EXPECT_EQ(rect.width, bitmap->width);
    EXPECT_LT(rect.width, DesktopTextRunSource::kPageWidth);
    EXPECT_GT(rect.width, DesktopTextRunSource::kPageWidth - 64);  // as much as fits
    const std::vector<std::uint8_t> page = read_page(*run);
    int differing = 0;
    for (int y = 0; y < rect.height; ++y)
        for (int x = 0; x < rect.width; ++x)
            differing += page[static_cast<std::size_t>(rect.y + y) * DesktopTextRunSource::kPageWidth + rect.x + x] !=
                bitmap->alpha[static_cast<std::size_t>(y) * bitmap->width + x];
    EXPECT_EQ(differing, 0);
}

TEST_F(GlContext, ARunAskedNarrowerIsCutToThatWidth) {
    DesktopTextRunSource source(2.0f, nullptr);
    source.set_frame_budget_ms(1e6);  // a debug build's fit may take longer than a frame's budget
    const std::string label = "Total amount including shipping (USD) الإجمالي الكامل";
    const ui::TextRun* whole = source.run(label, 16.0f);
    ASSERT_NE(whole, nullptr);
    ASSERT_GT(whole->size.x, 120.0f);
    const ui::TextRun* cut = source.run(label, 16.0f, 120.0f);
    ASSERT_NE(cut, nullptr);
    EXPECT_NE(cut, whole);  // cached apart
    EXPECT_LE(cut->size.x, 120.0f);
    EXPECT_GT(cut->size.x, 80.0f);
    EXPECT_FALSE(cut->right_to_left);
    EXPECT_EQ(source.run(label, 16.0f, 120.0f), cut);
}

TEST_F(GlContext, FullPagesAreEvictedLeastRecentlyUsedFirst) {
    DesktopTextRunSource source(1.0f, nullptr);
    // Large runs: a few fill a page. One new label a frame, far more than the pages hold.
    for (int i = 0; i < 120; ++i) {
        const ui::TextRun* run = source.run("שלום עולם " + std::to_string(i), 180.0f);
        ASSERT_NE(run, nullptr) << "label " << i;
        source.end_frame();
    }
    EXPECT_EQ(source.page_count(), DesktopTextRunSource::kMaxPages);
    EXPECT_LT(source.cached_runs(), 120u);
    EXPECT_EQ(source.runs_made(), 120u);
    // The first label's page was the least recently used: evicted, so asking again makes it anew.
    ASSERT_NE(source.run("שלום עולם 0", 180.0f), nullptr);
    EXPECT_EQ(source.runs_made(), 121u);
    source.end_frame();
    // Within one frame nothing drawn in it is evicted: past what the pages hold, new labels wait
    // (with no time budget, so that is the only reason they can wait).
    source.set_frame_budget_ms(1e9);
    std::vector<std::pair<std::string, const ui::TextRun*>> this_frame;
    int refused = 0;
    for (int i = 0; i < 80; ++i) {
        const std::string label = "ברוך הבא " + std::to_string(i);
        if (const ui::TextRun* run = source.run(label, 180.0f)) {
            this_frame.emplace_back(label, run);
        } else {
            ++refused;
        }
    }
    EXPECT_GT(refused, 0);
    EXPECT_GT(this_frame.size(), 10u);
    // Every run handed out this frame is still there, unchanged: asked again, the same, none remade.
    const std::size_t made = source.runs_made();
    for (const auto& [label, run] : this_frame) EXPECT_EQ(source.run(label, 180.0f), run) << label;
    EXPECT_EQ(source.runs_made(), made);
}

TEST_F(GlContext, PastTheFrameBudgetRunsArePendingAndAFrameIsAsked) {
    int frames_asked = 0;
    DesktopTextRunSource source(1.0f, [&frames_asked] { ++frames_asked; });
    // Enough labels that one frame's budget cannot make them all (each takes well over 6 ms / 400).
    int pending = 0;
    for (int i = 0; i < 400; ++i)
        if (!source.run("ที่อยู่เต็ม " + std::to_string(i), 40.0f)) ++pending;
    ASSERT_GT(pending, 0);
    source.end_frame();
    EXPECT_EQ(frames_asked, 1);
    // Later frames make the rest.
    for (int frame = 0; frame < 1000 && pending > 0; ++frame) {
        pending = 0;
        for (int i = 0; i < 400; ++i)
            if (!source.run("ที่อยู่เต็ม " + std::to_string(i), 40.0f)) ++pending;
        source.end_frame();
    }
    EXPECT_EQ(pending, 0);
}

TEST_F(GlContext, NoFontsNoRun) {
    DesktopTextRunSource source(1.0f, nullptr, "/nonexistent/fonts");
    EXPECT_EQ(source.run("العنوان", 16.0f), nullptr);
    EXPECT_EQ(source.run("العنوان", 16.0f), nullptr);  // remembered: not shaped again each frame
    EXPECT_EQ(source.page_count(), 0u);
    EXPECT_EQ(source.run("x", 0.0f), nullptr);
    EXPECT_EQ(source.run("", 16.0f), nullptr);
}

// The labels of issue 18 as the desktop holds them, dark on white, one per row: a picture for a
// person to read (test-artifacts/desktop-shaped-labels.png).
TEST_F(GlContext, WritesAPictureOfTheLabels) {
    const std::vector<std::string> labels = {
        "Arabic: العنوان الكامل",    "Hebrew: כתובת מלאה",    "Persian: نام خانوادگی", "Urdu: مکمل پتہ",
        "Devanagari: पूरा पता किताब", "Bengali: সম্পূর্ণ ঠিকানা", "Tamil: முழு முகவரி",    "Thai: ที่อยู่เต็ม",
        "Total (USD) الإجمالي",      "المبلغ 250 دولار",      "invoice\u202Egnp.exe",
    };
    DesktopTextRunSource source(1.0f, nullptr);
    constexpr int kWidth = 560, kMargin = 12;
    std::vector<const ui::TextRun*> runs;
    int height = kMargin;
    for (const std::string& label : labels) {
        const ui::TextRun* run = source.run(label, 26.0f);
        for (int frame = 0; !run && frame < 50; ++frame) {  // past a frame's budget: the next frame
            source.end_frame();
            run = source.run(label, 26.0f);
        }
        ASSERT_NE(run, nullptr) << label;
        runs.push_back(run);
        height += static_cast<int>(run->size.y) + 6;
    }
    height += kMargin;
    std::vector<std::uint8_t> image(static_cast<std::size_t>(kWidth) * height * 4, 255);
    int top = kMargin;
    for (const ui::TextRun* run : runs) {
        const std::vector<std::uint8_t> page = read_page(*run);
        const PageRect rect = rect_of(*run);
        // Right-to-left labels right-aligned, as the panel draws them.
        const int left = run->right_to_left ? kWidth - kMargin - rect.width : kMargin;
        for (int y = 0; y < rect.height; ++y)
            for (int x = 0; x < rect.width; ++x) {
                const int px = left + x;
                if (px < 0 || px >= kWidth) continue;
                const std::uint8_t coverage =
                    page[static_cast<std::size_t>(rect.y + y) * DesktopTextRunSource::kPageWidth + rect.x + x];
                std::uint8_t* pixel = &image[(static_cast<std::size_t>(top + y) * kWidth + px) * 4];
                const auto value = static_cast<std::uint8_t>(255 - coverage * (255 - 30) / 255);
                pixel[0] = pixel[1] = pixel[2] = value;
            }
        top += rect.height + 6;
    }
    ::mkdir("test-artifacts", 0755);
    ASSERT_TRUE(write_png("test-artifacts/desktop-shaped-labels.png", kWidth, height, image));
}

}  // namespace
}  // namespace pm
