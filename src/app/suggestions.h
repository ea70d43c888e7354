// Suggestions for the panel from the auto-matcher: every source's ranked candidates over all
// destination fields (taken ones included, so the picker can rank them too), and accepting the
// matcher's global assignment for the unmapped columns above a score.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "app/app_config.h"
#include "matcher/field_matcher.h"
#include "core/session/session.h"
#include "ui/panel_view.h"

namespace pm {

// Every destination of the plan, prepared once for ranking one source at a time (a big plan is
// then ranked a slice of sources per frame; each source's candidates do not depend on the others).
// `columns`: whole-column summaries from the source rows (matcher/value_evidence.h), when read;
// they must outlive the ranker.
std::unique_ptr<match::DestinationRanker> make_ranker(const Session& session, const match::ColumnValuesByKey* columns = nullptr);
// One source's candidates; empty when the key is unknown.
std::vector<ui::Candidate> rank_source(match::DestinationRanker& ranker, const Session& session, const std::string& source_key);

// Every source key, the unmapped ones first (they need suggestions most), each in plan order.
std::vector<std::string> sources_to_rank(const Session& session);

// "confident" | "all" | "none" (the web option and the desktop flag); nullopt for anything else.
std::optional<AutoApply> parse_auto_apply(std::string_view text);

// The threshold of AutoApply::Confident when the destination sheet names none.
inline constexpr double kDefaultAutoApplyThreshold = 0.9;

// Applies the matcher's assignment for the unmapped columns as *suggested* edges (metadata.source
// match::kPendingSuggestionSource): with Confident those scoring at least `threshold`, with All
// every pair. Only unmapped sources and destinations take part, so an edge from the server or
// the person is never replaced. One undo step each; returns how many were applied.
std::size_t apply_suggested(Session& session, AutoApply mode, double threshold);

// The destinations whose edge is still a suggestion nobody reviewed, in fieldMapping order.
std::vector<std::string> pending_suggestions(const Session& session);
// Accepting keeps the edge and makes it the person's ("source": "plan-mapper"); rejecting breaks
// it. Each is one undo step; false when `destination_key`'s edge is not a pending suggestion.
bool accept_suggested(Session& session, const std::string& destination_key);
bool reject_suggested(Session& session, const std::string& destination_key);
// All at once (one undo step per edge); how many were accepted / rejected.
std::size_t accept_all_suggested(Session& session);
std::size_t reject_all_suggested(Session& session);

// Runs the matcher's one-to-one assignment on the unmapped sources and destinations and accepts
// the pairs scoring at least `threshold`. Returns how many were accepted (one undo step each).
std::size_t accept_assignment(Session& session, double threshold, const match::ColumnValuesByKey* columns = nullptr);

}  // namespace pm
