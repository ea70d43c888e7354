// The matcher applied to an execution plan: Suggestions for the unmapped sources against the
// unmapped destinations (pairs already in fieldMapping stay as they are), ready for
// Session::accept. Each suggestion carries metadata {certainty, confidence, source:"plan-mapper"}
// and, for enum and enum-list destinations, enumDetails built from the source's preview values.
//
//   pm::match::MatchOptions options;
//   if (auto t = pm::match::mapping_confidence_threshold(sheet_json)) options.threshold = *t;
//   pm::match::PlanMatch m = pm::match::match_plan(session.plan(), options, session.ignored());
//   pm::match::apply_suggestions(session, m.suggestions);   // or accept them one by one
#pragma once

#include "matcher/field_matcher.h"
#include "core/session/session.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm::match {

struct PlanMatch {
    MatchResult result;                        // every considered source: candidates and reasons
    std::vector<Suggestion> suggestions;       // the assignment, in unmappedSourceFields order
};

// `skip_sources`: source keys to leave alone (e.g. the session's ignored columns).
PlanMatch match_plan(const ExecutionPlan& plan, const MatchOptions& options = {},
                     const std::set<std::string>& skip_sources = {});

// Shorthand for match_plan(...).suggestions.
std::vector<Suggestion> suggest_mappings(const ExecutionPlan& plan, const MatchOptions& options = {});

// Accepts every suggestion; returns how many changed the session.
std::size_t apply_suggestions(Session& session, const std::vector<Suggestion>& suggestions);

// An edge's metadata object: {"certainty", "confidence" (1 for absolute, else the score rounded
// to three decimals), "source": "plan-mapper"}.
Json suggestion_metadata(double score, Certainty certainty);

// Suggestions applied without the person (on load, issue 13 point 7) carry this metadata.source
// until the person accepts them (then "plan-mapper") or rejects them (the edge goes): "suggested by
// plan-mapper", counted and reviewed as such. Only a documented member changes (source is a free
// string in the contract), so the server sees an ordinary edge if the plan is sent as it is.
inline constexpr const char* kPendingSuggestionSource = "plan-mapper:suggested";
inline bool is_pending_suggestion(const Edge& edge) { return edge.metadata && edge.metadata->source == kPendingSuggestionSource; }

// SheetConfig.mappingConfidenceThreshold from a sheet response ({data:{config}}), a Sheet
// ({config}) or a SheetConfig; nullopt when absent or not a number in 0..1.
std::optional<double> mapping_confidence_threshold(const Json& sheet);

}  // namespace pm::match
