// The field matcher: for every source column, ranked destination candidates with a score in 0..1
// and a reason a person can read, and one globally optimal one-to-one assignment.
//
//   MatchResult r = pm::match::match_fields(plan.unmapped_sources, plan.unmapped_destinations, {});
//
// How a pair is scored: the best of its name comparisons (source key/label against destination
// key/label/alternativeNames; levels in name_score.h), then adjusted by value evidence from the
// source's preview (field_evidence.h): fitting values add up to +0.1, contradicting ones take up to
// 45 % off (15 % off an exact name, which also loses "absolute"). Pairs with no name in common
// can still be listed on distinctive values alone (emails, URLs, phone numbers) but score at most
// 0.45, so they are never assigned at the default threshold.
//
// Assignment: pairs at or above the threshold; exact/normalized pairs that nothing else claims
// are fixed first, the rest is solved as a max-weight matching (assignment.h). An assigned pair is
// then dropped as ambiguous when a free rival is within the margin: another free destination for
// its source, another unassigned source for its destination, or a swap with another assigned pair
// that is nearly as good. Exact text matches are never ambiguous unless they tie with another.
//
// Certainty bands (metadata.certainty), from the final score:
//   absolute  exact or normalized equality of a key, label or alias, values not contradicting
//   strong    score > 0.9
//   moderate  0.7 < score <= 0.9
//   weak      score <= 0.7
//
// Order independence: sources and destinations are processed sorted by key (then label), and
// every tie is broken by key, so shuffling the inputs never changes the result.
#pragma once

#include "matcher/enum_matcher.h"
#include "matcher/value_evidence.h"
#include "core/json/message_ref.h"
#include "core/plan/model.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace pm::match {

struct MatchOptions {
    double threshold = 0.5;                    // the sheet's mappingConfidenceThreshold when known
    double ambiguity_margin = 0.05;
    double candidate_floor = 0.25;             // weaker candidates are not listed
    std::size_t max_candidates = 5;            // per source (the assigned one is always included)
    bool use_values = true;                    // value evidence from previews
    EnumMatchOptions enum_values;              // for enum destinations' value evidence
    // Whole-column summaries by source key (value_evidence.h), from the source rows when they
    // were read: a source found here is judged by them instead of its preview. Not owned.
    const ColumnValuesByKey* columns = nullptr;
};

struct Candidate {
    std::string destination_key;
    double score = 0;                          // 0..1
    Certainty certainty = Certainty::None;
    std::string reason;                        // "synonym of label \"Date of birth\"; 3 of 3 values are dates"
    // The same reason as catalog messages (reason_messages.h), for the panel's language; the
    // panel joins them with "; " as `reason` does.
    std::vector<MessageRef> reason_messages;
};

struct SourceMatch {
    std::string source_key;
    std::vector<Candidate> candidates;         // best first; ties by destination key
    std::string destination_key;               // the assignment; empty when unmapped
    double score = 0;
    Certainty certainty = Certainty::None;
    std::string reason;
    std::vector<MessageRef> reason_messages;   // as Candidate's
    bool ambiguous = false;                    // reached the threshold, left unmapped: a rival was too close

    bool assigned() const { return !destination_key.empty(); }
};

struct MatchResult {
    std::vector<SourceMatch> sources;          // in the order of the input
    std::size_t assigned = 0;
};

// Sources with their preview values; destinations' previews are not used. Fields with an empty
// name never match anything.
MatchResult match_fields(const std::vector<UnmappedField>& sources, const std::vector<UnmappedField>& destinations,
                         const MatchOptions& options = {});
// The same on fields held elsewhere (none may be null).
MatchResult match_fields(const std::vector<const UnmappedField*>& sources,
                         const std::vector<const UnmappedField*>& destinations, const MatchOptions& options = {});

// Ranks destinations for one source at a time over destinations prepared once, for a UI that
// spreads the work over frames (preparing 5,000 destinations costs more than ranking one source
// against them). Candidates as match_fields lists them (best first, at most max_candidates, none
// under candidate_floor), without the assignment. Owns the destinations it is given.
class DestinationRanker {
public:
    explicit DestinationRanker(std::vector<UnmappedField> destinations, const MatchOptions& options = {});
    ~DestinationRanker();
    DestinationRanker(const DestinationRanker&) = delete;
    DestinationRanker& operator=(const DestinationRanker&) = delete;
    std::vector<Candidate> rank(const UnmappedField& source);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The band of a score (see above).
Certainty certainty_for(double score, bool absolute);

}  // namespace pm::match
