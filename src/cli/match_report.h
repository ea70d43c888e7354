// Matching a plan for the CLI: runs the matcher on the unmapped columns, accepts the assignment
// into a session, and prints a readable table (source, destination, certainty, reason).
#pragma once

#include "matcher/mapping_memory.h"
#include "matcher/value_evidence.h"
#include "core/session/session.h"

#include <iosfwd>
#include <optional>

namespace pm::cli {

// Returns how many pairs were added. `threshold`: the score a pair needs (default: the matcher's).
// With a `memory`, its remembered pairs for the plan's schema (`sheet_slug` when known) come first
// (matcher/memory_match.h) and the table gives their reasons. With `columns` (the source rows'
// whole-column summaries), the matcher weighs them instead of the previews.
std::size_t match_into(Session& session, std::optional<double> threshold, std::ostream& table,
                       const match::MappingMemory* memory = nullptr, const std::string& sheet_slug = "",
                       const match::ColumnValuesByKey* columns = nullptr);

}  // namespace pm::cli
