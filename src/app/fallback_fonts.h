// The fallback faces of one widget: which characters of a plan the built-in font lacks, asking
// the host for each face once, and merging what arrived into the font atlas between frames (a
// later plan that needs more of a face already here extends the atlas without a new fetch).
// Part of MapperApp, kept apart because it only talks to the host and the UI's fonts.
#pragma once

#include "app/app_host.h"
#include "core/plan/model.h"
#include "ui/fonts.h"

#include <imgui.h>  // ImWchar

#include <memory>
#include <set>
#include <vector>

namespace pm {

class FallbackFonts {
public:
    explicit FallbackFonts(AppHost& host) : host_(host) {}

    // Asks the host for the faces `plan` needs characters from (each face once; one already here
    // is extended at the next apply_pending()).
    void request_for(const ExecutionPlan& plan);
    // Between frames (before ImGui::NewFrame): merges what arrived into the atlas and tells the
    // host to upload it again.
    void apply_pending();
    // Something waits for apply_pending(): the next frame is wanted at once.
    bool pending() const { return !pending_->empty(); }

private:
    // A face whose bytes arrived, or (no bytes) one already loaded that must take more characters.
    struct PendingFont {
        ui::FallbackFace face;
        std::vector<unsigned char> bytes;
    };

    AppHost& host_;
    // Filled by the host's callbacks, which may outlive this object (a fetch in flight when the
    // widget is destroyed): they hold it weakly.
    std::shared_ptr<std::vector<PendingFont>> pending_ = std::make_shared<std::vector<PendingFont>>();
    bool requested_[ui::kFallbackFaceCount] = {};
    bool loaded_[ui::kFallbackFaceCount] = {};
    std::set<ImWchar> wanted_[ui::kFallbackFaceCount];  // every character wanted from each face so far
};

}  // namespace pm
