// The desktop's TextRunSource (ui/text_runs.h): labels in scripts ImGui cannot draw are shaped
// and rendered by the shaping module (HarfBuzz + FriBidi + FreeType, Debian's Noto fonts), packed
// into a few OpenGL texture pages and handed to the panel as TextRuns.
//
// Geometry of a run: its height is the ImGui line (the font size) when the ink fits in it, the
// baseline where ImGui's Noto Sans puts it; when marks reach above or below the line, the image
// grows by the same amount at the top and the bottom, so a run centred on a text line keeps the
// baseline of the text beside it.
//
// Needs the GL context current on the calling thread (the desktop's one thread): a new run's
// image is uploaded when it is made, so it is drawn in the frame that asked for it. At most a few
// milliseconds of rendering a frame; the labels over that are pending (nullptr) and another frame
// is asked for through the callback.
#pragma once

#include "app/desktop/shaping/shaper.h"
#include "app/desktop/shaping/shelf_packer.h"
#include "ui/text_runs.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace pm {

class DesktopTextRunSource final : public ui::TextRunSource {
public:
    // `pixel_ratio`: device pixels per ImGui unit. `request_frame`: wakes the event loop (the
    // desktop posts an empty GLFW event). `font_directory`: where the Noto files are.
    DesktopTextRunSource(float pixel_ratio, std::function<void()> request_frame,
                         std::string font_directory = shaping::kDebianNotoDirectory);
    ~DesktopTextRunSource() override;
    DesktopTextRunSource(const DesktopTextRunSource&) = delete;
    DesktopTextRunSource& operator=(const DesktopTextRunSource&) = delete;

    const ui::TextRun* run(std::string_view utf8, float font_size, float max_width = 0) override;
    void end_frame() override;

    // A new ratio (the window moved to another display) drops every run.
    void set_pixel_ratio(float pixel_ratio);
    // Rendering time allowed per frame before new runs wait for the next (kFrameBudgetMs).
    void set_frame_budget_ms(double budget_ms) { budget_ms_ = budget_ms; }

    // For tests and tools/bench: pages in use, runs cached, runs made so far.
    std::size_t page_count() const { return pages_.size(); }
    std::size_t cached_runs() const { return cache_.size(); }
    std::size_t runs_made() const { return runs_made_; }

    static constexpr int kPageWidth = 2048;
    static constexpr int kPageHeight = 1024;
    static constexpr std::size_t kMaxPages = 4;
    static constexpr double kFrameBudgetMs = 6.0;

private:
    struct Page {
        unsigned texture = 0;
        shaping::ShelfPacker packer{kPageWidth, kPageHeight};
        std::uint64_t last_used = 0;  // frame number
    };
    struct Entry {
        ui::TextRun run;
        bool made = false;  // false: it cannot be shaped (a font is missing)
        int page = -1;
        std::uint64_t last_used = 0;
    };

    Entry make(std::string_view utf8, float font_size, float max_width);
    // A page with room for width × height (a new one, or the least recently used one cleared when
    // all are full and that one was not drawn this frame); -1 when there is none.
    int find_room(int width, int height, shaping::PackedRect& at);
    void clear_page(int page);
    void drop_all();

    float pixel_ratio_;
    std::function<void()> request_frame_;
    shaping::Shaper shaper_;
    std::vector<Page> pages_;
    std::unordered_map<std::string, Entry> cache_;
    std::uint64_t frame_ = 1;
    double budget_ms_ = kFrameBudgetMs;
    double spent_ms_ = 0;  // rendering time this frame
    int imgui_frame_ = -1;
    bool pending_ = false;  // a run was put off this frame
    std::size_t runs_made_ = 0;
};

}  // namespace pm
