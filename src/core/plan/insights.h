// What a plan says beyond its lists, for the UI: required fields left unmapped, enum values with
// no destination value, previews that do not fit their destination's type, and the differences
// between two plans (what the user changed against the server's plan).
// All functions are O(size of the plan); callers that draw every frame should cache by
// Session::revision().
#pragma once

#include "core/json/message_ref.h"
#include "core/plan/model.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pm {

// A mapped pair, by keys.
struct Link {
    std::string source_key;
    std::string destination_key;
    bool operator==(const Link& other) const {
        return source_key == other.source_key && destination_key == other.destination_key;
    }
};

// Keys of required destinations ({"type":"required"} constraint) that have no source, in plan order.
std::vector<std::string> required_unmapped_destinations(const ExecutionPlan& plan);

// Source values of an enum edge that have no destination value yet.
struct EnumGap {
    Link link;
    std::vector<Json> values;
};
// With enumDetails: its unusedSourceValues plus mapping entries without a destinationValue.
// Without (e.g. an edge the user just made): the distinct non-empty preview values that do not
// name an option (its value, label or an alternative name, ignoring case).
std::optional<EnumGap> enum_gap(const Edge& edge);
std::vector<EnumGap> enum_gaps(const ExecutionPlan& plan);

// Previews that do not look like the destination's type. Deliberately simple, to flag obvious
// mistakes (a name column mapped to a number field) rather than to validate data:
//   number:  [+-]digits[.digits][e[+-]digits], optional thousands commas, a leading currency
//            sign ($ € £) and a trailing %;
//   boolean: true/false, yes/no, y/n, t/f, on/off, 1/0 (any case);
//   date:    anything with at least one digit.
// Empty values are ignored everywhere.
struct TypeWarning {
    Link link;
    std::string message;                       // "2 of 3 preview values do not look like numbers"
    std::vector<std::string> samples;          // up to 3 offending values
    MessageRef text;                           // the message as a catalog key ("insights.*"), for the panel
};
std::vector<TypeWarning> type_warnings(const ExecutionPlan& plan);
bool looks_like_number(std::string_view text);
bool looks_like_boolean(std::string_view text);
bool looks_like_date(std::string_view text);

// Differences between two plans, by key.
struct PlanDiff {
    struct DestinationChange {
        std::string key;
        std::optional<std::string> before;     // source key in the base plan
        std::optional<std::string> after;      // source key now
    };
    struct SourceChange {
        std::string key;
        std::vector<std::string> before;       // destination keys in the base plan (sorted)
        std::vector<std::string> after;
    };
    std::vector<DestinationChange> destinations;
    std::vector<SourceChange> sources;
    std::vector<Link> edited;                  // same pair, different edge (enum values, metadata)

    bool empty() const { return destinations.empty() && sources.empty() && edited.empty(); }
    bool destination_changed(const std::string& key) const;
    bool source_changed(const std::string& key) const;
};
PlanDiff diff_plans(const ExecutionPlan& base, const ExecutionPlan& current);

}  // namespace pm
