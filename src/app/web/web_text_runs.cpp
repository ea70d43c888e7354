// Packs the browser's text-run images into atlas pages; see web_text_runs.h.
#include "app/web/web_text_runs.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

namespace pm {

namespace {
constexpr int kGap = 1;  // between runs on a page, so linear filtering never bleeds a neighbour in
}

WebTextRuns::WebTextRuns(Request request) : request_(std::move(request)) {}

WebTextRuns::~WebTextRuns() = default;

const ui::TextRun* WebTextRuns::run(std::string_view utf8, float font_size) {
    const int pixels = static_cast<int>(std::lround(font_size * ratio_));
    if (pixels <= 0 || utf8.empty()) return nullptr;
    std::string key = std::to_string(pixels);
    key += '\x1F';
    key.append(utf8.data(), utf8.size());
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        const int id = next_id_++;
        const bool right_to_left = ui::paragraph_is_rtl(utf8);
        Entry entry;
        entry.run.right_to_left = right_to_left;
        entry.last_used = frame_;
        it = entries_.emplace(key, entry).first;
        in_flight_.emplace(id, key);
        ++stats_.requested;
        if (!request_ || !request_(id, std::string(utf8), pixels, right_to_left)) {
            in_flight_.erase(id);
            it->second.state = State::Failed;
            ++stats_.failed;
        }
    }
    Entry& entry = it->second;
    entry.last_used = frame_;
    if (entry.state != State::Ready) return nullptr;
    pages_[static_cast<std::size_t>(entry.page)].last_used = frame_;
    ++stats_.drawn;
    return &entry.run;
}

void WebTextRuns::end_frame() { ++frame_; }

void WebTextRuns::set_pixel_ratio(float ratio) {
    if (ratio <= 0 || ratio == ratio_) return;
    ratio_ = ratio;
    entries_.clear();
    in_flight_.clear();  // answers still on their way find no entry and are dropped
    for (std::size_t i = 0; i < pages_.size(); ++i) pages_[i].x = pages_[i].y = pages_[i].shelf_height = 0;
}

void WebTextRuns::clear_page(int page) {
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second.state == State::Ready && it->second.page == page) {
            it = entries_.erase(it);  // asked again (and drawn by ImGui meanwhile) if still shown
            ++stats_.evicted;
        } else {
            ++it;
        }
    }
    Page& p = pages_[static_cast<std::size_t>(page)];
    p.x = p.y = p.shelf_height = 0;
}

int WebTextRuns::place(int width, int height, int& x, int& y) {
    if (width > kPageSize || height > kPageSize) return -1;
    auto fits = [&](Page& p) {
        if (p.x + width > kPageSize) {  // next shelf
            p.y += p.shelf_height + kGap;
            p.x = 0;
            p.shelf_height = 0;
        }
        if (p.y + height > kPageSize) return false;
        x = p.x;
        y = p.y;
        p.x += width + kGap;
        p.shelf_height = std::max(p.shelf_height, height);
        return true;
    };
    for (std::size_t i = 0; i < pages_.size(); ++i)
        if (fits(pages_[i])) return static_cast<int>(i);
    if (pages_.size() < static_cast<std::size_t>(kMaxPages)) {
        Page page;
        glGenTextures(1, &page.texture);
        glBindTexture(GL_TEXTURE_2D, page.texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, kPageSize, kPageSize, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        pages_.push_back(page);
        stats_.pages = static_cast<int>(pages_.size());
        if (fits(pages_.back())) return static_cast<int>(pages_.size() - 1);
        return -1;
    }
    // All pages full: the one used longest ago is emptied (its runs are asked for again when shown).
    const auto oldest =
        std::min_element(pages_.begin(), pages_.end(), [](const Page& a, const Page& b) { return a.last_used < b.last_used; });
    const int page = static_cast<int>(oldest - pages_.begin());
    clear_page(page);
    return fits(pages_[static_cast<std::size_t>(page)]) ? page : -1;
}

void WebTextRuns::deliver(int id, int width, int height, const unsigned char* rgba) {
    const auto flight = in_flight_.find(id);
    if (flight == in_flight_.end()) return;  // dropped meanwhile (pixel ratio change)
    const auto it = entries_.find(flight->second);
    in_flight_.erase(flight);
    if (it == entries_.end()) return;
    Entry& entry = it->second;
    int x = 0, y = 0;
    const int page = width > 0 && height > 0 && rgba ? place(width, height, x, y) : -1;
    if (page < 0) {
        entry.state = State::Failed;
        ++stats_.failed;
        return;
    }
    Page& p = pages_[static_cast<std::size_t>(page)];
    glBindTexture(GL_TEXTURE_2D, p.texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    p.last_used = frame_;
    const float size = static_cast<float>(kPageSize);
    entry.state = State::Ready;
    entry.page = page;
    entry.run.texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(p.texture));
    entry.run.uv0 = ImVec2(static_cast<float>(x) / size, static_cast<float>(y) / size);
    entry.run.uv1 = ImVec2(static_cast<float>(x + width) / size, static_cast<float>(y + height) / size);
    entry.run.size = ImVec2(static_cast<float>(width) / ratio_, static_cast<float>(height) / ratio_);
    ++stats_.delivered;
}

void WebTextRuns::release() {
    for (const Page& page : pages_)
        if (page.texture) glDeleteTextures(1, &page.texture);
    pages_.clear();
    entries_.clear();
    in_flight_.clear();
}

}  // namespace pm
