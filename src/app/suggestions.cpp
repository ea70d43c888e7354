// Thin glue between pm_matcher and the panel's candidate lists.
#include "app/suggestions.h"

#include "matcher/field_matcher.h"
#include "matcher/plan_matcher.h"

#include <set>

namespace pm {

namespace {

ui::Candidate to_ui(const match::Candidate& c) {
    return ui::Candidate{c.destination_key, c.score, c.certainty, c.reason_messages};
}

// Every destination as its unmapped entry (mapped ones are made from their edge).
std::vector<UnmappedField> all_destinations(const ExecutionPlan& plan) {
    std::vector<UnmappedField> out;
    out.reserve(plan.field_mapping.size() + plan.unmapped_destinations.size());
    for (const Edge& edge : plan.field_mapping) {
        UnmappedField destination;
        destination.field = edge.destination;
        out.push_back(std::move(destination));
    }
    for (const auto& d : plan.unmapped_destinations) out.push_back(d);
    return out;
}

match::MatchOptions ranking_options(const match::ColumnValuesByKey* columns) {
    match::MatchOptions options;
    options.max_candidates = 5;
    options.columns = columns;
    return options;
}

}  // namespace

std::unique_ptr<match::DestinationRanker> make_ranker(const Session& session, const match::ColumnValuesByKey* columns) {
    return std::make_unique<match::DestinationRanker>(all_destinations(session.plan()), ranking_options(columns));
}

std::vector<ui::Candidate> rank_source(match::DestinationRanker& ranker, const Session& session, const std::string& source_key) {
    const Field* field = session.source_field(source_key);
    if (!field) return {};
    UnmappedField source;
    source.field = *field;
    source.preview = session.preview_of_source(source_key);
    std::vector<ui::Candidate> out;
    for (const match::Candidate& c : ranker.rank(source)) out.push_back(to_ui(c));
    return out;
}

std::vector<std::string> sources_to_rank(const Session& session) {
    const ExecutionPlan& plan = session.plan();
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const auto& s : plan.unmapped_sources)
        if (seen.insert(s.field.key).second) keys.push_back(s.field.key);
    for (const Edge& edge : plan.field_mapping)
        if (seen.insert(edge.source.key).second) keys.push_back(edge.source.key);
    return keys;
}

std::size_t accept_assignment(Session& session, double threshold, const match::ColumnValuesByKey* columns) {
    match::MatchOptions options;
    options.columns = columns;
    const match::PlanMatch found = match::match_plan(session.plan(), options, session.ignored());
    std::size_t accepted = 0;
    for (const Suggestion& suggestion : found.suggestions) {
        const Json& metadata = suggestion.metadata;
        const double score = metadata.is_object() && metadata.contains("confidence") && metadata["confidence"].is_number()
                                 ? metadata["confidence"].get<double>()
                                 : 0.0;
        if (score < threshold) continue;
        accepted += session.accept(suggestion).empty() ? 0 : 1;
    }
    return accepted;
}

std::optional<AutoApply> parse_auto_apply(std::string_view text) {
    if (text == "confident") return AutoApply::Confident;
    if (text == "all") return AutoApply::All;
    if (text == "none") return AutoApply::None;
    return std::nullopt;
}

std::size_t apply_suggested(Session& session, AutoApply mode, double threshold) {
    if (mode == AutoApply::None) return 0;
    const match::PlanMatch found = match::match_plan(session.plan(), {}, session.ignored());
    std::size_t applied = 0;
    for (Suggestion suggestion : found.suggestions) {
        const Json& confidence = suggestion.metadata["confidence"];
        if (mode == AutoApply::Confident && (!confidence.is_number() || confidence.get<double>() < threshold)) continue;
        suggestion.metadata["source"] = match::kPendingSuggestionSource;
        applied += session.accept(suggestion).empty() ? 0 : 1;
    }
    return applied;
}

std::vector<std::string> pending_suggestions(const Session& session) {
    std::vector<std::string> out;
    for (const Edge& edge : session.plan().field_mapping)
        if (match::is_pending_suggestion(edge)) out.push_back(edge.destination.key);
    return out;
}

bool accept_suggested(Session& session, const std::string& destination_key) {
    const Edge* edge = session.edge_to(destination_key);
    if (!edge || !match::is_pending_suggestion(*edge)) return false;
    Suggestion reviewed;
    reviewed.source_key = edge->source.key;
    reviewed.destination_key = destination_key;
    reviewed.metadata = edge->raw.to_json()["metadata"];
    reviewed.metadata["source"] = "plan-mapper";
    return !session.accept(reviewed).empty();
}

bool reject_suggested(Session& session, const std::string& destination_key) {
    const Edge* edge = session.edge_to(destination_key);
    if (!edge || !match::is_pending_suggestion(*edge)) return false;
    return !session.unmap_edge(edge->source.key, destination_key).empty();
}

std::size_t accept_all_suggested(Session& session) {
    std::size_t n = 0;
    for (const std::string& key : pending_suggestions(session)) n += accept_suggested(session, key) ? 1 : 0;
    return n;
}

std::size_t reject_all_suggested(Session& session) {
    std::size_t n = 0;
    for (const std::string& key : pending_suggestions(session)) n += reject_suggested(session, key) ? 1 : 0;
    return n;
}

}  // namespace pm
