// Value evidence from whole-column summaries (see value_evidence.h).
#include "matcher/value_evidence.h"

#include <algorithm>
#include <cmath>

namespace pm::match {

namespace {

constexpr double kFits = 0.8;                  // as field_evidence.cpp: at or above, the values fit
constexpr double kMisfits = 0.34;              // at or below, they contradict
constexpr double kMiddleMisfit = 0.9;          // evidence against at a share just over kMisfits

// The kinds whose share over a whole column says how many values would not import (or are not
// what the field holds); words and codes fit too loosely for that.
bool telling(unsigned kind) {
    return kind == kKindDate || kind == kKindNumber || kind == kKindMoney || kind == kKindBoolean || kind == kKindEmail ||
           kind == kKindPhone || kind == kKindUrl;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

ColumnValues summarize_column(std::size_t rows, const std::vector<std::pair<std::string, std::size_t>>& counted) {
    ColumnValues column;
    column.rows = rows;
    std::vector<const std::pair<std::string, std::size_t>*> order;
    order.reserve(counted.size());
    for (const auto& entry : counted) {
        if (entry.first.empty() || entry.second == 0) continue;
        order.push_back(&entry);
        column.sampled += entry.second;
        // One classification per distinct value, weighted by how often it occurs.
        const unsigned kinds = classify_value(entry.first);
        for (unsigned bit = 0; bit < kKindCount; ++bit)
            if (kinds & (1u << bit)) column.kinds[bit] += entry.second;
    }
    const std::size_t keep = std::min(order.size(), kCommonValues);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [](const auto* a, const auto* b) { return a->second != b->second ? a->second > b->second : a->first < b->first; });
    for (std::size_t i = 0; i < keep; ++i) column.common.push_back(order[i]->first);
    return column;
}

ValueProfile column_value_profile(const ColumnValues& column) {
    ValueProfile profile;
    profile.total = column.sampled;
    profile.non_empty = column.sampled;
    std::copy(std::begin(column.kinds), std::end(column.kinds), std::begin(profile.counts));
    profile.distinct_values = column.common;
    profile.distinct = column.common.size();
    return profile;
}

Evidence column_evidence(const ColumnValues& column, const ValueProfile& profile, const Expectation& expected,
                         std::size_t enum_matched) {
    Evidence evidence = value_evidence(profile, expected, enum_matched);
    if (profile.non_empty == 0) return evidence;
    evidence.rows = column.rows;
    if (expected.enum_options || !telling(expected.kind) || evidence.total == 0) return evidence;
    evidence.expected_kind = expected.kind;
    const double share = static_cast<double>(evidence.fitting) / static_cast<double>(evidence.total);
    if (share > kMisfits && share < kFits) {
        // Between the bands: the further from fitting, the stronger the evidence against.
        evidence.value = -kMiddleMisfit * std::max(0.2, (kFits - share) / (kFits - kMisfits));
        const unsigned seen = dominant_kind(profile);
        if (seen != expected.kind) evidence.seen_kind = seen;
    }
    return evidence;
}

bool column_misfits(const Evidence& evidence) {
    if (evidence.rows == 0 || evidence.enum_options || !telling(evidence.expected_kind) || evidence.total == 0) return false;
    return static_cast<double>(evidence.fitting) / static_cast<double>(evidence.total) < kFits;
}

std::string column_evidence_note(const Evidence& evidence) {
    if (evidence.value == 0) return "";
    const std::string in_rows = thousands(evidence.rows) + (evidence.rows == 1 ? " row" : " rows");
    if (evidence.enum_options)
        return std::to_string(evidence.fitting) + " of " + std::to_string(evidence.total) +
               " common values are options of the field (" + in_rows + ")";
    const long percent = std::lround(100.0 * static_cast<double>(evidence.fitting) / static_cast<double>(evidence.total));
    std::string note = std::to_string(percent) + "% " + kind_plural(evidence.expected_kind) + " in " + in_rows;
    if (evidence.seen_kind) note += std::string(" (they look like ") + kind_plural(evidence.seen_kind) + ")";
    return note;
}

}  // namespace pm::match
