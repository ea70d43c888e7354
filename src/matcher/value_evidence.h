// Value evidence from the whole column (issue 15, point 3): when the source rows have been read
// and profiled, the matcher judges a column by all its values instead of the three preview
// samples. The matcher takes a compact summary per column (ColumnValues), so it knows nothing of
// how the rows were read or profiled; matcher/records_values.h makes the summaries from
// core/profile's column profiles.
//
// Differences from preview evidence (field_evidence.h): the kinds' shares are over thousands of
// values, so a share between "contradicts" and "fits" means something: a column whose values are
// 40 % not dates is a poor date column, evidence against it, and its pair is never proposed with
// high certainty (at most moderate). The reason names the figure: "98% email addresses in 9,000
// rows".
#pragma once

#include "matcher/field_evidence.h"
#include "matcher/value_kinds.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace pm::match {

struct ColumnValues {
    std::size_t rows = 0;                      // rows read
    std::size_t sampled = 0;                   // non-blank values whose kinds were counted
    std::size_t kinds[kKindCount] = {};        // of those, compatible with each kind (ValueKind bits)
    std::vector<std::string> common;           // the most common distinct values, most common first
};

// Source key -> its column's summary.
using ColumnValuesByKey = std::unordered_map<std::string, ColumnValues>;

// At most this many distinct values are compared with enum options (the most common ones).
inline constexpr std::size_t kCommonValues = 50;

// Builds a summary from counted values: `counted` holds distinct non-blank values with how often
// each occurs, in any order (every value of the column, or a sample of them).
ColumnValues summarize_column(std::size_t rows, const std::vector<std::pair<std::string, std::size_t>>& counted);

// The summary as the ValueProfile the matcher's scoring reads (shares over the sampled values,
// the common values as its distinct values).
ValueProfile column_value_profile(const ColumnValues& column);

// Value evidence for a whole column: value_evidence's, plus evidence against a share between
// "contradicts" and "fits" for the telling kinds, and the rows for the note.
Evidence column_evidence(const ColumnValues& column, const ValueProfile& profile, const Expectation& expected,
                         std::size_t enum_matched);

// True when the evidence says many values would not fit (a fifth or more of the column, for a
// telling kind): the pair stays below high certainty.
bool column_misfits(const Evidence& evidence);

// The highest score such a pair gets (moderate).
inline constexpr double kMisfitScoreCap = 0.85;

// "98% email addresses in 9,000 rows", "12 of 14 distinct values are options of the field (9,000
// rows)"; "" when there is no evidence.
std::string column_evidence_note(const Evidence& evidence);

}  // namespace pm::match
