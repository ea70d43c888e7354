// The table of source fields: name, samples, the destination picker, certainty and marks; enum
// edges expand into one line per value. Virtualised with ImGuiListClipper.
#pragma once

#include "core/session/session.h"
#include "ui/panel_state.h"

namespace pm::ui {

// Drag-and-drop payload types: a source dragged onto a destination maps it; a mapped
// destination's source dragged back onto the source table unmaps it.
inline constexpr const char* kDragSource = "PM_SOURCE";
inline constexpr const char* kDragMapped = "PM_MAPPED";

void draw_source_table(Session& session, PanelState& state);

}  // namespace pm::ui
