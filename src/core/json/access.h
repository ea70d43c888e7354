// Checked access to JSON members: lookups that never throw and wording for type mismatches.
// Used by every reader of server JSON in the core.
#pragma once

#include "core/json/problems.h"
#include "core/json/value.h"

#include <string>

namespace pm {

// The member `name` of `object`, or nullptr when absent or when `object` is not an object.
inline const Json* member(const Json& object, const char* name) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

// Absent and null are the same for optional members (the SDK's raw types accept null).
inline const Json* optional_member(const Json& object, const char* name) {
    const Json* value = member(object, name);
    return value && !value->is_null() ? value : nullptr;
}

// "expected a string, got number 42"
inline std::string expected(const char* what, const Json& got) {
    return std::string("expected ") + what + ", got " + describe_json(got);
}

}  // namespace pm
