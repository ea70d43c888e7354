// Suggestions for the panel from the auto-matcher: every source's ranked candidates over all
// destination fields (taken ones included, so the picker can rank them too), and accepting the
// matcher's global assignment for the unmapped columns above a score.
#pragma once

#include "core/session.h"
#include "ui/panel_view.h"

namespace pm {

// Candidates per source key over every destination of the plan. Fields do not change during a
// session, so this runs once per loaded plan.
ui::SuggestionsBySource rank_destinations(const Session& session);

// Runs the matcher's one-to-one assignment on the unmapped sources and destinations and accepts
// the pairs scoring at least `threshold`. Returns how many were accepted (one undo step each).
std::size_t accept_assignment(Session& session, double threshold);

}  // namespace pm
