// Thin glue between pm_matcher and the panel's candidate lists.
#include "app/suggestions.h"

#include "core/matcher/field_matcher.h"
#include "core/matcher/plan_matcher.h"

namespace pm {

ui::SuggestionsBySource rank_destinations(const Session& session) {
    const ExecutionPlan& plan = session.plan();
    std::vector<const UnmappedField*> sources, destinations;
    // Every field as its unmapped entry (the session keeps them for every key, mapped or not).
    std::vector<UnmappedField> from_edges_sources, from_edges_destinations;
    from_edges_sources.reserve(plan.field_mapping.size());
    from_edges_destinations.reserve(plan.field_mapping.size());
    for (const Edge& edge : plan.field_mapping) {
        UnmappedField source;
        source.field = edge.source;
        source.preview = edge.preview;
        from_edges_sources.push_back(std::move(source));
        UnmappedField destination;
        destination.field = edge.destination;
        from_edges_destinations.push_back(std::move(destination));
    }
    for (const auto& s : from_edges_sources) sources.push_back(&s);
    for (const auto& s : plan.unmapped_sources) sources.push_back(&s);
    for (const auto& d : from_edges_destinations) destinations.push_back(&d);
    for (const auto& d : plan.unmapped_destinations) destinations.push_back(&d);

    match::MatchOptions options;
    options.max_candidates = 5;
    const match::MatchResult result = match::match_fields(sources, destinations, options);
    ui::SuggestionsBySource out;
    for (const match::SourceMatch& source : result.sources) {
        auto& list = out[source.source_key];
        for (const match::Candidate& c : source.candidates)
            list.push_back(ui::Candidate{c.destination_key, c.score, c.certainty, c.reason});
    }
    return out;
}

std::size_t accept_assignment(Session& session, double threshold) {
    const match::PlanMatch found = match::match_plan(session.plan(), {}, session.ignored());
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

}  // namespace pm
