// The panel's header: job, counts, actions (undo, redo, bulk actions, submit) and filters.
#pragma once

#include "core/session/session.h"
#include "ui/mapping_panel.h"

namespace pm::ui {

void draw_panel_header(Session* session, const PanelStatus& status, PanelState& state, PanelRequests& requests);

// "Ignore all unmapped": marks every unmapped source "Do not import". Returns how many.
std::size_t ignore_unmapped(Session& session);

}  // namespace pm::ui
