// The destination fields as the picker's search reads them: every destination key in plan order
// (mapped ones first, then unmapped), with its key and label lower-cased once per plan revision
// rather than once per frame (5,000 destinations were 10,000 lower-cased copies a frame while a
// picker was open on a large plan).
#pragma once

#include "core/session/session.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pm::ui {

class DestinationNames {
public:
    struct Entry {
        std::string key;
        std::string key_lower;
        std::string label_lower;
    };

    // Brought up to date with the session (a no-op while its revision is the one read last).
    const std::vector<Entry>& of(const Session& session);

    // True when `filter_lower` is empty or found in the entry's key or label (as field_matches).
    static bool matches(const std::string& filter_lower, const Entry& entry) {
        return filter_lower.empty() || entry.key_lower.find(filter_lower) != std::string::npos ||
            entry.label_lower.find(filter_lower) != std::string::npos;
    }

private:
    std::vector<Entry> entries_;
    const Session* session_ = nullptr;
    std::uint64_t revision_ = 0;
};

}  // namespace pm::ui
