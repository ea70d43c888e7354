// What the app needs from the platform around it: telling the embedding page or the desktop shell
// that something happened (plan loaded, changed, submitted, failed). Implemented once per platform.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pm {

class AppHost {
public:
    virtual ~AppHost() = default;
    // name: "ready", "change", "submit", "error", "draft"; json: a JSON document with the details.
    virtual void notify(const std::string& name, const std::string& json) = 0;
    // After a 401: asks the host for a fresh token, delivered later through MapperApp::set_token.
    // Returns false when the host cannot (then the person is asked to sign in again).
    virtual bool request_token() { return false; }
    // Loads a fallback face (TrueType bytes; face "noto-extra" for Greek, Cyrillic, Vietnamese...,
    // "cjk" for the rest) and hands it to `done`, now or from a later frame. Returns false when the
    // platform has none (such characters then show as U+FFFD).
    virtual bool load_fallback_font(const std::string& face, std::function<void(std::vector<unsigned char>)> done) {
        (void)face;
        (void)done;
        return false;
    }
    // The font atlas changed: the renderer must upload it again.
    virtual void fonts_changed() {}
};

}  // namespace pm
