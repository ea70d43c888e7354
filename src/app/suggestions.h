// Suggestions for the panel from the auto-matcher: every source's ranked candidates over all
// destination fields (taken ones included, so the picker can rank them too), and accepting the
// matcher's global assignment for the unmapped columns above a score.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "matcher/field_matcher.h"
#include "core/session/session.h"
#include "ui/panel_view.h"

namespace pm {

// Every destination of the plan, prepared once for ranking one source at a time (a big plan is
// then ranked a slice of sources per frame; each source's candidates do not depend on the others).
std::unique_ptr<match::DestinationRanker> make_ranker(const Session& session);
// One source's candidates; empty when the key is unknown.
std::vector<ui::Candidate> rank_source(match::DestinationRanker& ranker, const Session& session, const std::string& source_key);

// Every source key, the unmapped ones first (they need suggestions most), each in plan order.
std::vector<std::string> sources_to_rank(const Session& session);

// Runs the matcher's one-to-one assignment on the unmapped sources and destinations and accepts
// the pairs scoring at least `threshold`. Returns how many were accepted (one undo step each).
std::size_t accept_assignment(Session& session, double threshold);

}  // namespace pm
