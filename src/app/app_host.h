// What the app needs from the platform around it: telling the embedding page or the desktop shell
// that something happened (plan loaded, changed, submitted, failed). Implemented once per platform.
#pragma once

#include <string>

namespace pm {

class AppHost {
public:
    virtual ~AppHost() = default;
    // name: "ready", "change", "submit", "error", "draft"; json: a JSON document with the details.
    virtual void notify(const std::string& name, const std::string& json) = 0;
    // After a 401: asks the host for a fresh token, delivered later through MapperApp::set_token.
    // Returns false when the host cannot (then the person is asked to sign in again).
    virtual bool request_token() { return false; }
};

}  // namespace pm
