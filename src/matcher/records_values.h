// The matcher's view of the source rows: one ColumnValues summary (value_evidence.h) per profiled
// column of a sheet profile (core/profile), keyed by source key, for MatchOptions::columns.
#pragma once

#include "core/profile/sheet_profile.h"
#include "matcher/value_evidence.h"

namespace pm::match {

// Kinds are counted over every value the column's count table holds, each weighted by its count:
// the whole column while its distinct count is exact, else the values first seen up to the cap.
ColumnValuesByKey column_values(const profile::SheetProfile& sheet);

}  // namespace pm::match
