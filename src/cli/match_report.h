// Matching a plan for the CLI: runs the matcher on the unmapped columns, accepts the assignment
// into a session, and prints a readable table (source, destination, certainty, reason).
#pragma once

#include "core/session/session.h"

#include <iosfwd>
#include <optional>

namespace pm::cli {

// Returns how many pairs were added. `threshold`: the score a pair needs (default: the matcher's).
std::size_t match_into(Session& session, std::optional<double> threshold, std::ostream& table);

}  // namespace pm::cli
