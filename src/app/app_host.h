// What the app needs from the platform around it: telling the embedding page or the desktop shell
// that something happened (plan loaded, changed, submitted, failed). Implemented once per platform.
#pragma once

#include <string>

namespace pm {

class AppHost {
public:
    virtual ~AppHost() = default;
    // name: "ready", "change", "submit", "error"; json: a JSON document with the details.
    virtual void notify(const std::string& name, const std::string& json) = 0;
};

}  // namespace pm
