// Shaped labels as OpenGL textures for the panel (see desktop_text_runs.h).
#include "app/desktop/desktop_text_runs.h"

#include <GL/gl.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

namespace pm {

namespace {

// Labels that agree on their first 2,100 bytes agree on more than 512 code points (4 bytes at
// most each), all the shaper reads of them, so the key needs no more of a huge label.
constexpr std::size_t kKeyBytes = 2100;
// A label that could not be shaped is tried again after this many frames unused.
constexpr std::uint64_t kForgetFailedAfterFrames = 600;

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::string cache_key(std::string_view utf8, float device_size, float max_width) {
    std::string key(utf8.substr(0, kKeyBytes));
    const std::int32_t numbers[] = {static_cast<std::int32_t>(std::lround(device_size * 16.0f)),
                                    static_cast<std::int32_t>(std::lround(max_width))};
    key.push_back('\0');
    key.append(reinterpret_cast<const char*>(numbers), sizeof numbers);
    return key;
}

// The GL state an upload changes, put back afterwards: ImGui's backend sets what it needs when it
// draws, but nothing else should find it changed.
class SavedUploadState {
public:
    SavedUploadState() {
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment_);
        glGetIntegerv(GL_UNPACK_ROW_LENGTH, &row_length_);
        glGetIntegerv(GL_UNPACK_SKIP_PIXELS, &skip_pixels_);
        glGetIntegerv(GL_UNPACK_SKIP_ROWS, &skip_rows_);
    }
    ~SavedUploadState() {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_));
        glPixelStorei(GL_UNPACK_ALIGNMENT, alignment_);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, row_length_);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, skip_pixels_);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, skip_rows_);
    }
    SavedUploadState(const SavedUploadState&) = delete;
    SavedUploadState& operator=(const SavedUploadState&) = delete;

private:
    GLint texture_ = 0, alignment_ = 4, row_length_ = 0, skip_pixels_ = 0, skip_rows_ = 0;
};

// A page: one coverage byte per pixel (GL_R8), read by ImGui's shader as white with that alpha.
void fill_page(GLuint texture, bool create) {
    const std::vector<std::uint8_t> zeros(static_cast<std::size_t>(DesktopTextRunSource::kPageWidth) *
                                          DesktopTextRunSource::kPageHeight);
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
    if (create) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, DesktopTextRunSource::kPageWidth, DesktopTextRunSource::kPageHeight, 0, GL_RED,
                     GL_UNSIGNED_BYTE, zeros.data());
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, DesktopTextRunSource::kPageWidth, DesktopTextRunSource::kPageHeight, GL_RED,
                        GL_UNSIGNED_BYTE, zeros.data());
    }
}

}  // namespace

DesktopTextRunSource::DesktopTextRunSource(float pixel_ratio, std::function<void()> request_frame, std::string font_directory)
    : pixel_ratio_(pixel_ratio > 0 ? pixel_ratio : 1.0f),
      request_frame_(std::move(request_frame)),
      shaper_(std::move(font_directory)) {}

DesktopTextRunSource::~DesktopTextRunSource() { drop_all(); }

void DesktopTextRunSource::set_pixel_ratio(float pixel_ratio) {
    if (!(pixel_ratio > 0) || pixel_ratio == pixel_ratio_) return;
    pixel_ratio_ = pixel_ratio;
    drop_all();
}

void DesktopTextRunSource::drop_all() {
    cache_.clear();
    for (Page& page : pages_) glDeleteTextures(1, &page.texture);
    pages_.clear();
}

const ui::TextRun* DesktopTextRunSource::run(std::string_view utf8, float font_size, float max_width) {
    if (!(font_size >= 1.0f && font_size <= 256.0f) || utf8.empty()) return nullptr;
    if (ImGui::GetCurrentContext()) {  // the budget is per ImGui frame, even if end_frame were missed
        const int frame = ImGui::GetFrameCount();
        if (frame != imgui_frame_) {
            imgui_frame_ = frame;
            spent_ms_ = 0;
        }
    }
    const std::string key = cache_key(utf8, font_size * pixel_ratio_, max_width);
    if (auto found = cache_.find(key); found != cache_.end()) {
        Entry& entry = found->second;
        entry.last_used = frame_;
        if (!entry.made) return nullptr;
        pages_[static_cast<std::size_t>(entry.page)].last_used = frame_;
        return &entry.run;
    }
    if (spent_ms_ >= budget_ms_) {
        pending_ = true;  // made in a later frame
        return nullptr;
    }
    const double start = now_ms();
    Entry entry = make(utf8, font_size, max_width);
    spent_ms_ += now_ms() - start;
    entry.last_used = frame_;
    Entry& stored = cache_.emplace(key, entry).first->second;
    return stored.made ? &stored.run : nullptr;
}

DesktopTextRunSource::Entry DesktopTextRunSource::make(std::string_view utf8, float font_size, float max_width) {
    Entry entry;
    // ImGui's size is a line of Noto Sans (ascender + descender): the em size that matches it,
    // and that line box in device pixels.
    const float device_size = font_size * pixel_ratio_;
    const shaping::Shaper::EmExtents latin = shaper_.latin_extents();
    const float em = device_size / (latin.ascender + latin.descender);
    const shaping::LineBox line{static_cast<int>(std::lround(em * latin.ascender)),
                                static_cast<int>(std::lround(em * latin.descender))};
    // Wider than asked, or than a page: cut with an ellipsis (Shaper::fit), its start kept.
    const float widest = static_cast<float>(kPageWidth - 4);
    const float max_pixels = max_width > 0 ? std::min(max_width * pixel_ratio_, widest) : widest;
    const std::string text = shaper_.fit(utf8, em, max_pixels);
    const std::optional<shaping::CoverageBitmap> bitmap = shaper_.render(text, em, line);
    if (!bitmap || bitmap->height + 1 > kPageHeight) return entry;
    ++runs_made_;

    // Still wider than a page (ink beyond the advance): the start is kept (the left of LTR text,
    // the right of RTL).
    const int width = std::min(bitmap->width, kPageWidth - 1);
    const int skip = bitmap->right_to_left ? bitmap->width - width : 0;
    shaping::PackedRect at;
    const int page = find_room(width, bitmap->height, at);
    if (page < 0) return entry;

    {
        const SavedUploadState saved;
        glBindTexture(GL_TEXTURE_2D, pages_[static_cast<std::size_t>(page)].texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, bitmap->width);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, skip);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
        glTexSubImage2D(GL_TEXTURE_2D, 0, at.x, at.y, width, bitmap->height, GL_RED, GL_UNSIGNED_BYTE, bitmap->alpha.data());
    }
    pages_[static_cast<std::size_t>(page)].last_used = frame_;

    entry.made = true;
    entry.page = page;
    entry.run.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(pages_[static_cast<std::size_t>(page)].texture));
    entry.run.uv0 = ImVec2(static_cast<float>(at.x) / kPageWidth, static_cast<float>(at.y) / kPageHeight);
    entry.run.uv1 =
        ImVec2(static_cast<float>(at.x + width) / kPageWidth, static_cast<float>(at.y + bitmap->height) / kPageHeight);
    entry.run.size = ImVec2(static_cast<float>(width) / pixel_ratio_, static_cast<float>(bitmap->height) / pixel_ratio_);
    entry.run.right_to_left = bitmap->right_to_left;
    return entry;
}

int DesktopTextRunSource::find_room(int width, int height, shaping::PackedRect& at) {
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        if (auto place = pages_[i].packer.place(width, height)) {
            at = *place;
            return static_cast<int>(i);
        }
    }
    if (pages_.size() < kMaxPages) {
        Page page;
        glGenTextures(1, &page.texture);
        {
            const SavedUploadState saved;
            fill_page(page.texture, true);
        }
        pages_.push_back(std::move(page));
    } else {
        // Every page is full: the least recently drawn one is cleared, unless it was drawn this
        // frame (its runs are in this frame's draw list).
        auto oldest = std::min_element(pages_.begin(), pages_.end(),
                                       [](const Page& a, const Page& b) { return a.last_used < b.last_used; });
        if (oldest->last_used >= frame_) return -1;
        clear_page(static_cast<int>(oldest - pages_.begin()));
    }
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        if (auto place = pages_[i].packer.place(width, height)) {
            at = *place;
            return static_cast<int>(i);
        }
    }
    return -1;
}

void DesktopTextRunSource::clear_page(int page) {
    for (auto it = cache_.begin(); it != cache_.end();) it = it->second.page == page ? cache_.erase(it) : std::next(it);
    Page& cleared = pages_[static_cast<std::size_t>(page)];
    cleared.packer.clear();
    const SavedUploadState saved;
    fill_page(cleared.texture, false);  // no old ink in the gaps between the new runs
}

void DesktopTextRunSource::end_frame() {
    if (pending_ && request_frame_) request_frame_();
    pending_ = false;
    spent_ms_ = 0;
    ++frame_;
    if (frame_ % 256 == 0) {
        for (auto it = cache_.begin(); it != cache_.end();)
            it = !it->second.made && it->second.last_used + kForgetFailedAfterFrames < frame_ ? cache_.erase(it) : std::next(it);
    }
}

}  // namespace pm
