// Every destination field with the source that feeds it, required ones marked, descriptions in
// tooltips. Each row accepts a dragged source (maps it); a mapped row's source can be dragged out
// onto the source table (unmaps it).
#pragma once

#include "core/session/session.h"
#include "ui/panel_state.h"

namespace pm::ui {

void draw_destination_list(Session& session, PanelState& state);

}  // namespace pm::ui
