// The panel's header: job, counts, actions (undo, redo, bulk actions, submit) and filters.
#pragma once

#include "core/session.h"
#include "ui/mapping_panel.h"

namespace pm::ui {

void draw_panel_header(Session* session, const PanelStatus& status, PanelState& state, PanelRequests& requests);

// "Accept suggestions above": maps every unmapped source whose best candidate scores at least
// `threshold` and whose destination is free. Returns how many were accepted.
std::size_t accept_suggestions(Session& session, const SuggestionsBySource& suggestions, double threshold);
// "Ignore all unmapped": marks every unmapped source "Do not import". Returns how many.
std::size_t ignore_unmapped(Session& session);

}  // namespace pm::ui
