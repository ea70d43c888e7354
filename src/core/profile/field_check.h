// Whether a profiled source column's values can go into a destination field: numbers for a
// number field, dates for a date field, yes/no words for a boolean field, an option (or a value
// the edge's enumDetails maps) for an enum field, and no blanks where the field is required.
// Counts are exact while the column's distinct count is exact (and for number, date and boolean
// fields always, since the profile counts shapes for every value).
#pragma once

#include "core/plan/model.h"
#include "core/profile/sheet_profile.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pm::profile {

enum class CheckRule { None, Number, Date, Boolean, Enum };

struct FieldCheck {
    CheckRule rule = CheckRule::None;          // what the values were checked against
    std::size_t rows = 0;
    std::size_t blank = 0;
    bool required = false;                     // the destination requires a value: blanks are problems
    std::size_t invalid = 0;                   // non-blank values that do not fit the rule
    bool invalid_estimated = false;            // the column had too many distinct values to be exact
    std::vector<ValueCount> examples;          // offending values, most common first (a few)

    // Anything that will not import: invalid values, or blanks in a required field.
    bool has_problems() const { return invalid > 0 || (required && blank > 0); }
};

inline constexpr std::size_t kCheckExamples = 5;

// `mapped_values`: the source values the edge's enumDetails maps to an option (enum fields).
FieldCheck check_column(const SheetProfile& sheet, const ColumnProfile& column, const Field& destination,
                        const std::vector<Json>& mapped_values = {});

// The source values an edge's enumDetails maps to some destination value.
std::vector<Json> mapped_source_values(const Edge& edge);

// "Amount: 118 of 9,000 values are not numbers, 12 blank"; "" when there is nothing to say.
std::string describe_check(const std::string& name, const FieldCheck& check);

// The text a JSON enum value is compared as: strings as they are, others as JSON.
std::string enum_value_text(const Json& value);

}  // namespace pm::profile
