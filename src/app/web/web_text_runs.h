// The web's text runs (ui/text_runs.h): the page lays the text out with the browser, which shapes
// every script (web/widget/text-runs.js: a canvas 2D context, the Noto script faces fetched only
// for the scripts a text has), and hands back a white coverage image; this packs the images into a
// few atlas textures the WebGL renderer draws like the font atlas. Requests are asynchronous: the
// first frame gets nullptr (ImGui draws the text meanwhile) and the page asks for a frame when the
// image has arrived.
#pragma once

#include "ui/text_runs.h"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace pm {

class WebTextRuns final : public ui::TextRunSource {
public:
    // Asks the page to lay out `text` at `pixels` device pixels (right to left or not) and to
    // answer with deliver(id, ...). False when the page cannot (the run is then never asked again).
    using Request = std::function<bool(int id, const std::string& text, int pixels, bool right_to_left)>;
    explicit WebTextRuns(Request request);
    ~WebTextRuns() override;
    WebTextRuns(const WebTextRuns&) = delete;
    WebTextRuns& operator=(const WebTextRuns&) = delete;

    const ui::TextRun* run(std::string_view utf8, float font_size) override;
    void end_frame() override;

    // The display's pixel ratio: runs are rasterised at it, so a change drops them all.
    void set_pixel_ratio(float ratio);
    // The page's answer to request `id`: a width x height RGBA image (white, alpha = coverage), or
    // width 0 when it could not make one. Needs the GL context current.
    void deliver(int id, int width, int height, const unsigned char* rgba);
    // Deletes the textures (the GL context must be current).
    void release();

    struct Stats {
        double requested = 0;  // runs asked of the page
        double delivered = 0;  // images received and packed
        double failed = 0;     // answers without an image
        double drawn = 0;      // run() calls answered with a run
        double evicted = 0;    // runs dropped with their page to make room
        int pages = 0;
    };
    const Stats& stats() const { return stats_; }

    static constexpr int kPageSize = 1024;  // device pixels; also the widest run
    static constexpr int kMaxPages = 4;

private:
    enum class State { Pending, Ready, Failed };
    struct Entry {
        State state = State::Pending;
        ui::TextRun run;
        int page = -1;
        std::uint64_t last_used = 0;
    };
    struct Page {
        unsigned texture = 0;
        int x = 0, y = 0, shelf_height = 0;  // the shelf packer's cursor
        std::uint64_t last_used = 0;
    };
    // Where a width x height image goes: a page and its top-left corner; -1 when it cannot fit.
    int place(int width, int height, int& x, int& y);
    void clear_page(int page);

    Request request_;
    float ratio_ = 1.0f;
    std::uint64_t frame_ = 1;
    int next_id_ = 1;
    std::unordered_map<std::string, Entry> entries_;  // by device pixel size and text
    std::unordered_map<int, std::string> in_flight_;  // request id -> entry key
    std::vector<Page> pages_;
    Stats stats_;
};

}  // namespace pm
