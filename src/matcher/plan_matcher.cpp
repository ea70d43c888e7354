// Suggestions for a plan (see plan_matcher.h).
#include "matcher/plan_matcher.h"

#include "matcher/enum_matcher.h"

#include <cmath>
#include <unordered_map>

namespace pm::match {

Json suggestion_metadata(double score, Certainty certainty) {
    const double confidence = certainty == Certainty::Absolute ? 1.0 : std::round(score * 1000.0) / 1000.0;
    return {{"certainty", to_string(certainty)}, {"confidence", confidence}, {"source", "plan-mapper"}};
}

PlanMatch match_plan(const ExecutionPlan& plan, const MatchOptions& options, const std::set<std::string>& skip_sources) {
    std::vector<const UnmappedField*> sources, destinations;
    for (const UnmappedField& entry : plan.unmapped_sources)
        if (!skip_sources.count(entry.field.key)) sources.push_back(&entry);
    for (const UnmappedField& entry : plan.unmapped_destinations) destinations.push_back(&entry);

    PlanMatch out;
    out.result = match_fields(sources, destinations, options);
    std::unordered_map<std::string, const UnmappedField*> destination_by_key;
    for (const UnmappedField* entry : destinations) destination_by_key.emplace(entry->field.key, entry);

    for (std::size_t i = 0; i < sources.size(); ++i) {
        const SourceMatch& match = out.result.sources[i];
        if (!match.assigned()) continue;
        Suggestion suggestion;
        suggestion.source_key = match.source_key;
        suggestion.destination_key = match.destination_key;
        suggestion.metadata = suggestion_metadata(match.score, match.certainty);
        const auto found = destination_by_key.find(match.destination_key);
        if (found == destination_by_key.end()) continue;   // cannot happen: assigned from this list
        const Field& destination = found->second->field;
        if (destination.type == FieldType::Enum || destination.type == FieldType::EnumList) {
            const EnumMatch values = match_enum_values(sources[i]->preview, destination.enum_options, options.enum_values);
            suggestion.enum_details = enum_details_json(values, destination.enum_options);
        }
        out.suggestions.push_back(std::move(suggestion));
    }
    return out;
}

std::vector<Suggestion> suggest_mappings(const ExecutionPlan& plan, const MatchOptions& options) {
    return match_plan(plan, options).suggestions;
}

std::size_t apply_suggestions(Session& session, const std::vector<Suggestion>& suggestions) {
    std::size_t changed = 0;
    for (const Suggestion& suggestion : suggestions)
        if (!session.accept(suggestion).empty()) ++changed;
    return changed;
}

std::optional<double> mapping_confidence_threshold(const Json& sheet) {
    const Json* config = &sheet;
    if (sheet.is_object() && sheet.contains("data") && sheet["data"].is_object()) config = &sheet["data"];
    if (config->is_object() && config->contains("config") && (*config)["config"].is_object()) config = &(*config)["config"];
    if (!config->is_object()) return std::nullopt;
    const auto it = config->find("mappingConfidenceThreshold");
    if (it == config->end() || !it->is_number()) return std::nullopt;
    const double value = it->get<double>();
    if (!(value >= 0.0 && value <= 1.0)) return std::nullopt;
    return value;
}

}  // namespace pm::match
