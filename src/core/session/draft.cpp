// Drafts as decisions: taken from a session's changes, written and read as JSON, applied again.
#include "core/session/draft.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>

namespace pm {

namespace {

bool is_enum_value(const Json& value) { return value.is_string() || value.is_number() || value.is_boolean(); }

// The chosen (source value, destination value) pairs of an edge's enumDetails.
std::vector<std::pair<Json, Json>> enum_choices(const Edge& edge) {
    std::vector<std::pair<Json, Json>> choices;
    if (!edge.enum_details) return choices;
    for (const CategoryMapping& m : edge.enum_details->mapping)
        if (m.source_value && m.destination_value) choices.emplace_back(*m.source_value, *m.destination_value);
    return choices;
}

}  // namespace

Draft draft_of(const Session& session) { return draft_of(session, session.server_plan()); }

Draft draft_of(const Session& session, const ExecutionPlan& base) {
    Draft draft;
    const PlanDiff diff = diff_plans(base, session.plan());
    std::set<std::string> touched;             // destinations whose edge may carry enum choices
    for (const auto& change : diff.destinations) {
        if (change.after) {
            draft.map.push_back(Link{*change.after, change.key});
            touched.insert(change.key);
        } else {
            draft.unmap.push_back(change.key);
        }
    }
    for (const Link& link : diff.edited) touched.insert(link.destination_key);
    for (const std::string& key : touched) {
        const Edge* edge = session.edge_to(key);
        if (edge && edge->enum_details) draft.enum_values.emplace_back(key, enum_choices(*edge));
    }
    draft.ignored.assign(session.ignored().begin(), session.ignored().end());
    draft.base = plan_fingerprint(base);
    return draft;
}

std::string plan_fingerprint(const ExecutionPlan& plan) {
    std::uint64_t hash = 1469598103934665603ULL;
    const auto add = [&](const std::string& text, char separator) {
        for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
        hash = (hash ^ static_cast<unsigned char>(separator)) * 1099511628211ULL;
    };
    for (const Edge& edge : plan.field_mapping) {
        add(edge.source.key, '\x1f');
        add(edge.destination.key, '\x1e');
    }
    for (const UnmappedField& entry : plan.unmapped_sources) add(entry.field.key, '\x1d');
    for (const UnmappedField& entry : plan.unmapped_destinations) add(entry.field.key, '\x1c');
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

Json write_draft(const Draft& draft) {
    Json map = Json::array();
    for (const Link& link : draft.map) map.push_back(Json::array({link.source_key, link.destination_key}));
    Json enum_values = Json::object();
    for (const auto& [key, choices] : draft.enum_values) {
        Json pairs = Json::array();
        for (const auto& [source_value, destination_value] : choices) pairs.push_back(Json::array({source_value, destination_value}));
        enum_values[key] = std::move(pairs);
    }
    Json document{{"version", 2},
                  {"map", std::move(map)},
                  {"unmap", draft.unmap},
                  {"enumValues", std::move(enum_values)},
                  {"ignored", draft.ignored}};
    if (!draft.base.empty()) document["base"] = draft.base;
    return document;
}

std::optional<Draft> read_draft(const Json& document) {
    if (!document.is_object() || document.value("version", Json()) != Json(2)) return std::nullopt;
    Draft draft;
    const auto array = [&](const char* name) -> const Json& {
        static const Json empty = Json::array();
        const auto it = document.find(name);
        return it != document.end() && it->is_array() ? *it : empty;
    };
    for (const Json& pair : array("map"))
        if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
            draft.map.push_back(Link{pair[0].get<std::string>(), pair[1].get<std::string>()});
    for (const Json& key : array("unmap"))
        if (key.is_string()) draft.unmap.push_back(key.get<std::string>());
    for (const Json& key : array("ignored"))
        if (key.is_string()) draft.ignored.push_back(key.get<std::string>());
    if (const auto it = document.find("base"); it != document.end() && it->is_string() && it->get<std::string>().size() <= 16)
        draft.base = it->get<std::string>();
    if (const auto it = document.find("enumValues"); it != document.end() && it->is_object()) {
        for (const auto& [key, pairs] : it->items()) {
            if (!pairs.is_array()) continue;
            std::vector<std::pair<Json, Json>> choices;
            for (const Json& pair : pairs)
                if (pair.is_array() && pair.size() == 2 && is_enum_value(pair[0]) && is_enum_value(pair[1]))
                    choices.emplace_back(pair[0], pair[1]);
            draft.enum_values.emplace_back(key, std::move(choices));
        }
    }
    return draft;
}

bool apply_draft(Session& session, const Draft& draft) {
    bool changed = false;
    const auto note = [&](const Change& change) { changed = changed || !change.empty(); };
    for (const std::string& key : draft.unmap) note(session.unmap(key));
    for (const Link& link : draft.map) note(session.map(link.source_key, link.destination_key));
    for (const auto& [key, choices] : draft.enum_values) {
        const Edge* edge = session.edge_to(key);
        if (!edge) continue;
        // Choices the edge has and the draft does not are taken back first.
        for (const auto& choice : enum_choices(*edge)) {
            const Json& source_value = choice.first;
            const bool kept = std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.first == source_value; });
            if (!kept) note(session.set_enum_value(key, source_value, std::nullopt));
        }
        for (const auto& [source_value, destination_value] : choices)
            note(session.set_enum_value(key, source_value, destination_value));
    }
    for (const std::string& key : draft.ignored) note(session.ignore(key));
    return changed;
}

}  // namespace pm
