// "Review changes" before submit: what differs from the server's plan, with warnings (required
// fields still missing, values without options), then Send or Keep editing.
#pragma once

#include "core/session/session.h"
#include "ui/panel_state.h"

#include <string>
#include <vector>

namespace pm::ui {

// The review's lines in words, one per change ("Email: from E-mail (was: Email address)"), the
// same for the canvas and the accessibility mirror.
std::vector<std::string> review_lines(const Session& session, const PanelState& state);
// What will not import, per mapped edge with a problem, from the source rows (state.value_problems).
std::vector<std::string> value_problem_lines(const Session& session, const PanelState& state);

// Opens the review when state.review_open is set; returns true when the person chose Send.
bool draw_review_popup(const Session& session, PanelState& state);

}  // namespace pm::ui
