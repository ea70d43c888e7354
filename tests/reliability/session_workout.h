// A fixed, bounded sequence of edits over any plan (map, unmap, ignore, swap, enum values,
// requests with unknown keys), then undo everything: the plan must come back exactly, and what
// the session would send must read back as a clean plan. Used on every hostile file that parses.
#pragma once

#include "core/session/session.h"

#include <string>
#include <vector>

namespace pm::test {

struct WorkoutResult {
    std::size_t steps = 0;                     // undo steps made
    std::vector<std::string> failures;
};

WorkoutResult work_session(Session& session);

}  // namespace pm::test
