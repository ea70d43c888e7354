// The web's text runs (ui/text_runs.h), kept to a hook so that a Latin plan downloads next to
// nothing for them: the page lays the text out with the browser, which shapes every script, and
// keeps the runs (web/widget/text-runs.js, imported on the first text that needs shaping: the
// canvas 2D layout, the Noto script faces, the atlas pages' packing and eviction). The module only
// asks the page, per frame, where a text's run is (a texture and its UV rectangle) and uploads the
// images the page hands it into textures (pm_text_run_upload in main_web.cpp). Until the page has
// loaded text-runs.js and the shaping wasm, the panel has no source: the first text that needs one
// asks the page for them (request_text_runs), which then sets it (pm_text_runs_start).
#pragma once

#include "ui/text_runs.h"

namespace pm {

class WebTextRuns final : public ui::TextRunSource {
public:
    // `pixel_ratio`: the display's, which the widget keeps up to date; runs are laid out at font
    // size x ratio device pixels.
    explicit WebTextRuns(const float& pixel_ratio) : ratio_(pixel_ratio) {}
    // nullptr until the page has the run (ImGui draws the text meanwhile; the page asks for a frame
    // when the run is ready) or when it cannot make one. Called only once the page has loaded the
    // shaping code (the panel reaches it through the source, set then): in that deferred wasm.
    const ui::TextRun* run(std::string_view utf8, float font_size, float max_width = 0) override;

private:
    const float& ratio_;
    // The panel may hold a few runs at once (a combo's preview while its options are drawn): the
    // last answers are kept in a small ring.
    ui::TextRun runs_[8];
    unsigned next_ = 0;
};

// The panel's request (ui::set_text_run_request): the page starts loading the shaping code (once).
void request_text_runs();

}  // namespace pm
