// The fallback faces of one widget: which characters of a plan the built-in font lacks, asking
// the host for the files of each face that hold them (one request per face at a time; the web
// host fetches only the slices it has not handed over yet), and merging what arrived into the font
// atlas between frames.
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

    // Asks the host for the files of the faces that hold characters of `plan` not asked for yet
    // (a face with a request in flight is asked again when it lands).
    void request_for(const ExecutionPlan& plan);
    // Between frames (before ImGui::NewFrame): merges what arrived into the atlas and tells the
    // host to upload it again.
    void apply_pending();
    // Something waits for apply_pending(): the next frame is wanted at once.
    bool pending() const { return !pending_->empty(); }

private:
    // The files of a face that arrived for one request (none: nothing new was needed).
    struct PendingFont {
        ui::FallbackFace face;
        std::vector<std::vector<unsigned char>> files;
    };
    void ask(ui::FallbackFace face);

    AppHost& host_;
    // Filled by the host's callbacks, which may outlive this object (a fetch in flight when the
    // widget is destroyed): they hold it weakly.
    std::shared_ptr<std::vector<PendingFont>> pending_ = std::make_shared<std::vector<PendingFont>>();
    bool in_flight_[ui::kFallbackFaceCount] = {};
    bool unavailable_[ui::kFallbackFaceCount] = {};     // the host has no such face
    std::size_t asked_[ui::kFallbackFaceCount] = {};    // how many of wanted_ the last request covered
    std::size_t applied_[ui::kFallbackFaceCount] = {};  // how many of wanted_ the atlas holds
    std::set<ImWchar> wanted_[ui::kFallbackFaceCount];  // every character wanted from each face so far
};

}  // namespace pm
