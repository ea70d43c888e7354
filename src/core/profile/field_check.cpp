// Checking a column against a destination field; see field_check.h.
#include "core/profile/field_check.h"

#include "core/json/problems.h"
#include "core/json/text.h"

#include <algorithm>
#include <unordered_set>

namespace pm::profile {

namespace {

CheckRule rule_for(const Field& destination) {
    switch (destination.type) {
        case FieldType::Number: return CheckRule::Number;
        case FieldType::Date: return CheckRule::Date;
        case FieldType::Boolean: return CheckRule::Boolean;
        case FieldType::Enum: return CheckRule::Enum;
        default: return CheckRule::None;       // strings take anything; lists and references are not judged here
    }
}

Shape shape_for(CheckRule rule) {
    switch (rule) {
        case CheckRule::Number: return kShapeNumber;
        case CheckRule::Date: return kShapeDate;
        default: return kShapeBoolean;
    }
}

const char* rule_noun(CheckRule rule) {
    switch (rule) {
        case CheckRule::Number: return "numbers";
        case CheckRule::Date: return "dates";
        case CheckRule::Boolean: return "yes/no values";
        case CheckRule::Enum: return "options of the field";
        case CheckRule::None: return "";
    }
    return "";
}

}  // namespace

std::string enum_value_text(const Json& value) {
    if (value.is_string()) return std::string(trim_ascii(value.get_ref<const std::string&>()));
    return dump_json(value);
}

std::vector<Json> mapped_source_values(const Edge& edge) {
    std::vector<Json> out;
    if (!edge.enum_details) return out;
    for (const CategoryMapping& pair : edge.enum_details->mapping)
        if (pair.source_value && pair.destination_value) out.push_back(*pair.source_value);
    return out;
}

FieldCheck check_column(const SheetProfile& sheet, const ColumnProfile& column, const Field& destination,
                        const std::vector<Json>& mapped_values) {
    FieldCheck check;
    check.rule = rule_for(destination);
    check.rows = sheet.rows();
    check.blank = sheet.blanks(column);
    check.required = destination.required;
    if (check.rule == CheckRule::None) return check;

    std::unordered_set<std::string> accepted;
    if (check.rule == CheckRule::Enum) {
        for (const EnumOption& option : destination.enum_options) accepted.insert(enum_value_text(option.value));
        for (const Json& value : mapped_values) accepted.insert(enum_value_text(value));
    }
    const auto fits = [&](const std::string& value) {
        if (check.rule == CheckRule::Enum) return accepted.count(value) > 0;
        return (classify(value).shapes & shape_for(check.rule)) != 0;
    };

    std::vector<ValueCount> offending;
    std::size_t fitting_in_table = 0;
    column.counts().each([&](std::string_view value, std::size_t count) {
        const std::string text(value);
        if (fits(text)) fitting_in_table += count;
        else offending.push_back({text, count});
    });
    if (check.rule == CheckRule::Enum) {
        // Values outside the table (only once the distinct cap was passed) are counted as not fitting.
        check.invalid = column.filled() - fitting_in_table;
        check.invalid_estimated = column.distinct_estimated();
    } else {
        check.invalid = column.filled() - column.shape_count(shape_for(check.rule));
    }
    const std::size_t keep = std::min(kCheckExamples, offending.size());
    std::partial_sort(offending.begin(), offending.begin() + static_cast<std::ptrdiff_t>(keep), offending.end(),
                      [](const ValueCount& a, const ValueCount& b) {
                          return a.count != b.count ? a.count > b.count : a.value < b.value;
                      });
    offending.resize(keep);
    check.examples = std::move(offending);
    return check;
}

std::string describe_check(const std::string& name, const FieldCheck& check) {
    std::vector<std::string> parts;
    if (check.invalid > 0)
        parts.push_back((check.invalid_estimated ? "about " : "") + with_thousands(check.invalid) + " of " +
                        with_thousands(check.rows) + " values are not " + rule_noun(check.rule));
    if (check.blank > 0 && (check.required || check.invalid > 0))
        parts.push_back(with_thousands(check.blank) + (check.required ? " blank in a required field" : " blank"));
    if (parts.empty()) return {};
    std::string out = name + ": " + parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i) out += ", " + parts[i];
    return out;
}

}  // namespace pm::profile
