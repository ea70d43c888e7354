// Derived facts about a plan; see insights.h.
#include "core/plan/insights.h"

#include "core/json/problems.h"
#include "core/json/text.h"
#include "core/plan/key_index.h"
#include "core/plan/write.h"

#include <algorithm>
#include <unordered_set>

namespace pm {

namespace {

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
    text = trim_ascii(text);
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
    return words.count(lower_ascii(trim_ascii(text))) > 0;
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
        names.insert(lower_ascii(enum_value_text(option.value)));
        if (!option.label.empty()) names.insert(lower_ascii(option.label));
        for (const auto& alt : option.alternative_names) names.insert(lower_ascii(alt));
    }
    for (const auto& sample : edge.preview) {
        if (trim_ascii(sample).empty() || names.count(lower_ascii(trim_ascii(sample)))) continue;
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
        const char* key = "";  // the panel's words (ui/messages.json)
        switch (edge.destination.type) {
            case FieldType::Number:
                fits = looks_like_number;
                kind = "numbers";
                key = "insights.notNumbers";
                break;
            case FieldType::Boolean:
                fits = looks_like_boolean;
                kind = "yes/no values";
                key = "insights.notYesNo";
                break;
            case FieldType::Date:
                fits = looks_like_date;
                kind = "dates";
                key = "insights.notDates";
                break;
            default: break;
        }
        if (!fits) continue;
        std::size_t considered = 0;
        std::size_t misfits = 0;
        TypeWarning warning{{edge.source.key, edge.destination.key}, "", {}, {}};
        for (const auto& sample : edge.preview) {
            if (trim_ascii(sample).empty()) continue;
            ++considered;
            if (fits(sample)) continue;
            ++misfits;
            if (warning.samples.size() < 3) warning.samples.push_back(sample);
        }
        if (misfits == 0) continue;
        warning.message = std::to_string(misfits) + " of " + std::to_string(considered) +
                          " preview values do not look like " + kind;
        warning.text =
            MessageRef(key).with_number("misfits", static_cast<long long>(misfits)).counting(static_cast<long long>(considered));
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

// Linear in the plans' size, with one flat index per plan: the UI recomputes this after every
// edit of plans with 10,000+ edges.
PlanDiff diff_plans(const ExecutionPlan& base, const ExecutionPlan& current) {
    using detail::PositionIndex;
    PlanDiff diff;
    // destination -> its first edge, for both plans.
    const auto first_edges = [](const std::vector<Edge>& edges, PositionIndex& index, std::vector<std::uint32_t>& firsts) {
        const auto key_of = [&](std::uint32_t i) -> const std::string& { return edges[i].destination.key; };
        index.reserve(edges.size());
        firsts.reserve(edges.size());
        for (std::size_t i = 0; i < edges.size(); ++i) {
            if (index.find(edges[i].destination.key, key_of) != PositionIndex::kNone) continue;
            index.insert(edges[i].destination.key, static_cast<std::uint32_t>(i));
            firsts.push_back(static_cast<std::uint32_t>(i));
        }
        return key_of;
    };
    PositionIndex before, after;
    std::vector<std::uint32_t> before_firsts, after_firsts;
    const auto before_key = first_edges(base.field_mapping, before, before_firsts);
    const auto after_key = first_edges(current.field_mapping, after, after_firsts);

    // Destinations in the current plan's order, then those only the base plan maps.
    std::vector<std::string> moved_sources;  // sources on either side of a changed destination
    auto compare = [&](const std::string& key, const Edge* b, const Edge* a) {
        if (b && a && b->source.key == a->source.key) {
            if (!same_written(*b, *a)) diff.edited.push_back({a->source.key, key});
            return;
        }
        std::optional<std::string> from, to;
        if (b) moved_sources.push_back(*(from = b->source.key));
        if (a) moved_sources.push_back(*(to = a->source.key));
        diff.destinations.push_back({key, std::move(from), std::move(to)});
    };
    for (const std::uint32_t i : after_firsts) {
        const std::string& key = current.field_mapping[i].destination.key;
        const std::uint32_t b = before.find(key, before_key);
        compare(key, b == PositionIndex::kNone ? nullptr : &base.field_mapping[b], &current.field_mapping[i]);
    }
    for (const std::uint32_t i : before_firsts) {
        const std::string& key = base.field_mapping[i].destination.key;
        if (after.find(key, after_key) == PositionIndex::kNone) compare(key, &base.field_mapping[i], nullptr);
    }

    // A source's destinations can differ only if it is on a side of a changed destination.
    std::sort(moved_sources.begin(), moved_sources.end());
    moved_sources.erase(std::unique(moved_sources.begin(), moved_sources.end()), moved_sources.end());
    if (moved_sources.empty()) return diff;
    detail::KeyMap<std::size_t> candidate;
    candidate.reserve(moved_sources.size());
    for (std::size_t i = 0; i < moved_sources.size(); ++i) candidate.put(moved_sources[i], i, false);
    std::vector<PlanDiff::SourceChange> lists(moved_sources.size());
    for (const std::uint32_t i : before_firsts)
        if (const std::size_t* c = candidate.find(base.field_mapping[i].source.key))
            lists[*c].before.push_back(base.field_mapping[i].destination.key);
    for (const std::uint32_t i : after_firsts)
        if (const std::size_t* c = candidate.find(current.field_mapping[i].source.key))
            lists[*c].after.push_back(current.field_mapping[i].destination.key);
    for (std::size_t c = 0; c < lists.size(); ++c) {
        auto& change = lists[c];
        std::sort(change.before.begin(), change.before.end());
        std::sort(change.after.begin(), change.after.end());
        if (change.before == change.after) continue;
        change.key = moved_sources[c];
        diff.sources.push_back(std::move(change));
    }
    return diff;
}

}  // namespace pm
