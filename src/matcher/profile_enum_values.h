// Enum values from the whole column: each enum edge whose source column has a profile
// (core/profile) gets every distinct source value matched to the destination's options with the
// enum matcher (case, accents, synonyms), not only the few values of the preview. Values that
// already have a mapping keep it (the server's or the person's), values the person unmapped from
// the server's mapping stay unmapped, and values no option fits stay unmapped.
#pragma once

#include "core/profile/sheet_profile.h"
#include "core/session/session.h"
#include "matcher/enum_matcher.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pm::match {

struct EnumFill {
    std::size_t edges = 0;                     // enum edges with a profiled source column
    std::size_t mapped = 0;                    // source values newly mapped
    std::size_t unmatched = 0;                 // distinct values no option fits
};

// At most this many distinct values per edge, the most common (each mapping is one session edit;
// a column with thousands of distinct values is not a category anyway).
inline constexpr std::size_t kMaxProfileEnumValues = 500;

// A column's distinct values, most common first (the order the enum editor lists them).
std::vector<std::string> column_values(const profile::ColumnProfile& column);

// Maps the unmapped distinct values of every profiled enum edge (one session edit per value).
EnumFill map_enum_values_from_profile(Session& session, const profile::SheetProfile& sheet,
                                      const EnumMatchOptions& options = {});

}  // namespace pm::match
