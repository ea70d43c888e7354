// The web's text runs (ui/text_runs.h), kept to a hook so that a Latin plan downloads next to
// nothing for them: the page lays the text out with the browser, which shapes every script, and
// keeps the runs (web/widget/text-runs.js, imported on the first text that needs shaping: the
// canvas 2D layout, the Noto script faces, the atlas pages' packing and eviction). The module only
// asks the page, per frame, where a text's run is (a texture and its UV rectangle) and uploads the
// images the page hands it into textures (pm_text_run_upload in main_web.cpp).
#pragma once

#include "ui/text_runs.h"

namespace pm {

class WebTextRuns final : public ui::TextRunSource {
public:
    // nullptr until the page has the run (ImGui draws the text meanwhile; the page asks for a frame
    // when the run is ready) or when it cannot make one.
    const ui::TextRun* run(std::string_view utf8, float font_size, float max_width = 0) override;
    // The display's pixel ratio: runs are laid out at font size x ratio device pixels.
    void set_pixel_ratio(float ratio) {
        if (ratio > 0) ratio_ = ratio;
    }

private:
    float ratio_ = 1.0f;
    // The panel may hold a few runs at once (a combo's preview while its options are drawn): the
    // last answers are kept in a small ring.
    ui::TextRun runs_[8];
    unsigned next_ = 0;
};

}  // namespace pm
