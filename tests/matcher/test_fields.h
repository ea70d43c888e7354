// Fields for the matcher's tests: an unmapped field made from a key, a label, a type and preview
// values, as a plan's unmapped list would hold it.
#pragma once

#include "core/plan/parse.h"
#include "core/plan/model.h"

#include <string>
#include <utility>
#include <vector>

namespace pm::match::test {

inline UnmappedField field(const std::string& key, const std::string& label, const std::string& type = "string",
                           std::vector<std::string> preview = {}) {
    UnmappedField entry;
    entry.field = field_from_raw({{"key", key}, {"label", label}, {"type", type}});
    entry.preview = std::move(preview);
    return entry;
}

}  // namespace pm::match::test
