// What the app needs from the platform around it: telling the embedding page or the desktop shell
// that something happened (plan loaded, changed, submitted, failed), fresh tokens and fallback
// fonts. Implemented once per platform.
#pragma once

#include "ui/fonts.h"  // ui::FallbackFace

#include <functional>
#include <string>
#include <vector>

namespace pm {

// What the app tells its host. The names are what the page sees (plan-mapper.js turns them into
// callbacks and DOM events); src/app/web/wasm_interface.json declares the same list, and
// tests/web/wasm-interface.test.mjs checks the two agree.
enum class AppEvent {
    Ready,    // the plan is loaded: {jobId, sources, destinations, mapped, draftOffered}
    Change,   // the plan changed: {revision, counts{mapped, unmapped, ignored, edges, unmappedDestinations}}
    Submit,   // the server confirmed the plan: {data: {job, plan}}
    Execute,  // the import was started: {jobId, success}
    Error,    // something failed: {during, message, status, serverMessages, problems}
    Draft,    // the draft to keep until the server confirms: {version: 2, map, unmap, enumValues, ignored} or null
    Memory,   // the mapping memory changed: {schema:{id, slug, destinationKeys}, memory}
};
inline constexpr int kAppEventCount = 7;

inline const char* app_event_name(AppEvent event) {
    switch (event) {
        case AppEvent::Ready: return "ready";
        case AppEvent::Change: return "change";
        case AppEvent::Submit: return "submit";
        case AppEvent::Execute: return "execute";
        case AppEvent::Error: return "error";
        case AppEvent::Draft: return "draft";
        case AppEvent::Memory: return "memory";
    }
    return "";
}

class AppHost {
public:
    virtual ~AppHost() = default;
    // json: a JSON document with the details (see AppEvent).
    virtual void notify(AppEvent event, const std::string& json) = 0;
    // After a 401: asks the host for a fresh token, delivered later through MapperApp::set_token.
    // Returns false when the host cannot (then the person is asked to sign in again).
    virtual bool request_token() { return false; }
    // Loads the files of a fallback face (TrueType bytes: the whole face, or the slices of it that
    // hold `codepoints`) that it did not hand over before, and gives them to `done` once, now or
    // from a later frame (an empty list: nothing new was needed, or the load failed). Returns false
    // when the platform has none (such characters then show as U+FFFD). On the web the face
    // crosses to the page as its number (ui::FallbackFace's order, which
    // src/app/web/wasm_interface.json declares with each face's slice index).
    virtual bool load_fallback_font(ui::FallbackFace face, const std::vector<ImWchar>& codepoints,
                                    std::function<void(std::vector<std::vector<unsigned char>>)> done) {
        (void)face;
        (void)codepoints;
        (void)done;
        return false;
    }
    // The font atlas changed: the renderer must upload it again.
    virtual void fonts_changed() {}
};

}  // namespace pm
