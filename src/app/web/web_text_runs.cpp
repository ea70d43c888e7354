// Asks the page for a text's run; see web_text_runs.h.
#include "app/web/web_text_runs.h"

#include <emscripten/emscripten.h>

#include <cmath>
#include <cstdint>

namespace {

// The page's answer for `length` bytes of UTF-8 at `pixels` device pixels, at most `max_width`
// device pixels wide (0: no limit; a longer text is cut with an ellipsis): 1 with out[] = texture,
// u0, v0, u1, v1, width and height in device pixels, right to left (0/1); 0 when it has no run (yet).
// Before the page has the shaping code (text-runs.js) the call only starts loading it.
// The text is data: the page only lays it out in a canvas. Only this forwarder is in the glue.
EM_JS(int, pm_js_text_run, (const char* text, int length, int pixels, int max_width, float* out), {
    const hooks = Module["planMapper"];
    return hooks && hooks.textRun ? hooks.textRun(UTF8ToString(text, length), pixels, max_width, out) : 0;
});

}  // namespace

namespace pm {

void request_text_runs() { pm_js_text_run(nullptr, 0, 0, 0, nullptr); }

const ui::TextRun* WebTextRuns::run(std::string_view utf8, float font_size, float max_width) {
    const int pixels = static_cast<int>(std::lround(font_size * ratio_));
    const int max_pixels = max_width > 0 ? static_cast<int>(max_width * ratio_) : 0;
    float out[8];
    if (pixels <= 0 || utf8.empty() || !pm_js_text_run(utf8.data(), static_cast<int>(utf8.size()), pixels, max_pixels, out))
        return nullptr;
    ui::TextRun& run = runs_[next_++ % 8];
    run.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(out[0]));
    run.uv0 = ImVec2(out[1], out[2]);
    run.uv1 = ImVec2(out[3], out[4]);
    run.size = ImVec2(out[5] / ratio_, out[6] / ratio_);
    run.right_to_left = out[7] != 0;
    return &run;
}

}  // namespace pm
