// The mapping memory applied before the matcher: remembered pairs are proposed first, with
// certainty absolute and a reason a person can read, and the matcher proposes the rest.
//
//   pm::match::MemoryPlanMatch m = pm::match::match_plan_with_memory(plan, memory, schema, today, options);
//   pm::match::apply_suggestions(session, m.match.suggestions);
//
// For each unmapped source, the memory's entries for its header (any spelling that normalizes the
// same) whose destination is unmapped in this plan and was not rejected are candidate pairs,
// weighted by how many imports confirmed them, then by whether the source key is the same, then
// by the day last used. The pairs go through the matcher's global one-to-one assignment, so two
// remembered sources for one destination never both get it: the stronger one is proposed and the
// other's reason says which column took it; an exact tie proposes neither (both go to the matcher).
// A header remembered as left unmapped more often than as mapped stays unmapped. A remembered enum
// destination whose options none of the column's values match, where the values did match when
// it was learned, is not proposed: the same header in another export can mean something else
// (a Salesforce lead's "Status" is no lifecycle stage). Sources the
// memory does not settle, and the destinations it left free, go to match_plan; a matcher pair the
// person rejected before is dropped from its suggestions.
#pragma once

#include "matcher/mapping_memory.h"
#include "matcher/plan_matcher.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace pm::match {

// What the memory decided for one source.
struct RememberedSource {
    enum class Outcome {
        Proposed,        // the remembered pair is among the suggestions
        LeftUnmapped,    // remembered as left unmapped: not matched
        Outvoted,        // its remembered destination went to another source (the reason says which)
        Tied,            // as strong as another source's claim on the same destination: neither proposed
        Rejected,        // the matcher proposed a pair the person rejected before: dropped
        ValuesDoNotFit,  // remembered for an enum field; its values matched options then, none now
    };
    std::string source_key;
    std::string destination_key;  // the remembered (or rejected) destination; empty for LeftUnmapped
    Outcome outcome = Outcome::Proposed;
    std::string reason;  // remembered: "Tel. (mobile)" → Mobile phone, 2 imports, last on 3 Dec
    // The same as a catalog message, for the panel's language: set for Proposed and LeftUnmapped
    // (the outcomes whose reason is remembered_reason alone; the panel shows the proposed ones).
    MessageRef reason_message;
};

struct MemoryPlanMatch {
    PlanMatch match;                           // result for every considered source; suggestions
    std::vector<RememberedSource> remembered;  // in unmappedSourceFields order
};

const char* to_string(RememberedSource::Outcome outcome);

// `today` (days since 1970-01-01) decides how the last-used day is written ("3 Dec" this year).
MemoryPlanMatch match_plan_with_memory(const ExecutionPlan& plan, const MappingMemory& memory, const SchemaIdentity& schema,
                                       std::int32_t today, const MatchOptions& options = {},
                                       const std::set<std::string>& skip_sources = {});

// The reason text of a remembered pair.
std::string remembered_reason(const MemoryEntry& entry, const std::string& destination_name, std::int32_t today);
// The same as a catalog message (match.remembered / match.rememberedUnmapped).
MessageRef remembered_reason_message(const MemoryEntry& entry, const std::string& destination_name, std::int32_t today);

}  // namespace pm::match
