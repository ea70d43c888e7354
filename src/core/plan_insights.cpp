// Derived facts about a plan; see plan_insights.h.
#include "core/plan_insights.h"

#include "core/json_problems.h"
#include "core/plan_write.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace pm {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool remove_prefix(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

// Digits, optionally grouped by commas in threes ("1,234,567"). Consumes what it accepts.
bool digits(std::string_view& text, bool allow_grouping) {
    std::size_t n = 0;
    while (n < text.size() && is_digit(text[n])) ++n;
    if (n == 0) return false;
    text.remove_prefix(n);
    while (allow_grouping && text.size() >= 4 && text[0] == ',' && is_digit(text[1]) && is_digit(text[2]) &&
           is_digit(text[3]) && (text.size() == 4 || !is_digit(text[4]))) {
        text.remove_prefix(4);
    }
    return true;
}

std::string enum_value_text(const Json& value) {
    return value.is_string() ? value.get<std::string>() : dump_json(value);
}

}  // namespace

bool looks_like_number(std::string_view text) {
    text = trim(text);
    for (std::string_view currency : {"$", "\xE2\x82\xAC", "\xC2\xA3"}) remove_prefix(text, currency);  // $ € £
    if (!text.empty() && text.back() == '%') text.remove_suffix(1);
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
    const bool whole = digits(text, true);
    bool fraction = false;
    if (!text.empty() && text.front() == '.') {
        text.remove_prefix(1);
        fraction = digits(text, false);
        if (!whole && !fraction) return false;
    } else if (!whole) {
        return false;
    }
    if (!text.empty() && (text.front() == 'e' || text.front() == 'E')) {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
        if (!digits(text, false)) return false;
    }
    return text.empty();
}

bool looks_like_boolean(std::string_view text) {
    static const std::unordered_set<std::string> words = {"true", "false", "yes", "no", "y", "n",
                                                          "t",    "f",     "on",  "off", "1", "0"};
    return words.count(lower(trim(text))) > 0;
}

bool looks_like_date(std::string_view text) {
    return std::any_of(text.begin(), text.end(), is_digit);
}

std::vector<std::string> required_unmapped_destinations(const ExecutionPlan& plan) {
    std::vector<std::string> out;
    for (const auto& entry : plan.unmapped_destinations)
        if (entry.field.required) out.push_back(entry.field.key);
    return out;
}

std::optional<EnumGap> enum_gap(const Edge& edge) {
    if (edge.destination.type != FieldType::Enum && edge.destination.type != FieldType::EnumList) return std::nullopt;
    EnumGap gap{{edge.source.key, edge.destination.key}, {}};
    auto add = [&](const Json& value) {
        if (std::find(gap.values.begin(), gap.values.end(), value) == gap.values.end()) gap.values.push_back(value);
    };
    if (edge.enum_details) {
        for (const auto& value : edge.enum_details->unused_source_values) add(value);
        for (const auto& pair : edge.enum_details->mapping)
            if (pair.source_value && !pair.destination_value) add(*pair.source_value);
        return gap;
    }
    std::unordered_set<std::string> names;
    for (const auto& option : edge.destination.enum_options) {
        names.insert(lower(enum_value_text(option.value)));
        if (!option.label.empty()) names.insert(lower(option.label));
        for (const auto& alt : option.alternative_names) names.insert(lower(alt));
    }
    for (const auto& sample : edge.preview) {
        if (trim(sample).empty() || names.count(lower(trim(sample)))) continue;
        add(Json(sample));
    }
    return gap;
}

std::vector<EnumGap> enum_gaps(const ExecutionPlan& plan) {
    std::vector<EnumGap> out;
    for (const auto& edge : plan.field_mapping)
        if (auto gap = enum_gap(edge); gap && !gap->values.empty()) out.push_back(std::move(*gap));
    return out;
}

std::vector<TypeWarning> type_warnings(const ExecutionPlan& plan) {
    std::vector<TypeWarning> out;
    for (const auto& edge : plan.field_mapping) {
        bool (*fits)(std::string_view) = nullptr;
        const char* kind = "";
        switch (edge.destination.type) {
            case FieldType::Number: fits = looks_like_number; kind = "numbers"; break;
            case FieldType::Boolean: fits = looks_like_boolean; kind = "yes/no values"; break;
            case FieldType::Date: fits = looks_like_date; kind = "dates"; break;
            default: break;
        }
        if (!fits) continue;
        std::size_t considered = 0;
        std::size_t misfits = 0;
        TypeWarning warning{{edge.source.key, edge.destination.key}, "", {}};
        for (const auto& sample : edge.preview) {
            if (trim(sample).empty()) continue;
            ++considered;
            if (fits(sample)) continue;
            ++misfits;
            if (warning.samples.size() < 3) warning.samples.push_back(sample);
        }
        if (misfits == 0) continue;
        warning.message = std::to_string(misfits) + " of " + std::to_string(considered) +
                          " preview values do not look like " + kind;
        out.push_back(std::move(warning));
    }
    return out;
}

bool PlanDiff::destination_changed(const std::string& key) const {
    return std::any_of(destinations.begin(), destinations.end(), [&](const DestinationChange& c) { return c.key == key; }) ||
           std::any_of(edited.begin(), edited.end(), [&](const Link& l) { return l.destination_key == key; });
}

bool PlanDiff::source_changed(const std::string& key) const {
    return std::any_of(sources.begin(), sources.end(), [&](const SourceChange& c) { return c.key == key; }) ||
           std::any_of(edited.begin(), edited.end(), [&](const Link& l) { return l.source_key == key; });
}

PlanDiff diff_plans(const ExecutionPlan& base, const ExecutionPlan& current) {
    PlanDiff diff;
    // destination -> edge, for both plans; ordered key lists keep the output deterministic.
    std::unordered_map<std::string, const Edge*> before, after;
    std::vector<std::string> destination_order;
    for (const auto& edge : current.field_mapping)
        if (after.emplace(edge.destination.key, &edge).second) destination_order.push_back(edge.destination.key);
    for (const auto& edge : base.field_mapping)
        if (before.emplace(edge.destination.key, &edge).second && !after.count(edge.destination.key))
            destination_order.push_back(edge.destination.key);

    std::map<std::string, std::vector<std::string>> sources_before, sources_after;
    for (const auto& [key, edge] : before) sources_before[edge->source.key].push_back(key);
    for (const auto& [key, edge] : after) sources_after[edge->source.key].push_back(key);

    for (const auto& key : destination_order) {
        const auto b = before.find(key);
        const auto a = after.find(key);
        std::optional<std::string> from = b == before.end() ? std::nullopt : std::optional<std::string>(b->second->source.key);
        std::optional<std::string> to = a == after.end() ? std::nullopt : std::optional<std::string>(a->second->source.key);
        if (from != to) diff.destinations.push_back({key, from, to});
        else if (write_edge(*b->second) != write_edge(*a->second)) diff.edited.push_back({*to, key});
    }

    std::set<std::string> source_keys;
    for (const auto& entry : sources_before) source_keys.insert(entry.first);
    for (const auto& entry : sources_after) source_keys.insert(entry.first);
    for (const auto& key : source_keys) {
        std::vector<std::string> b = sources_before.count(key) ? sources_before[key] : std::vector<std::string>{};
        std::vector<std::string> a = sources_after.count(key) ? sources_after[key] : std::vector<std::string>{};
        std::sort(b.begin(), b.end());
        std::sort(a.begin(), a.end());
        if (a != b) diff.sources.push_back({key, std::move(b), std::move(a)});
    }
    return diff;
}

}  // namespace pm
