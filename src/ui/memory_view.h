// The mapping memory's view, a popup opened from the header's "Memory" button: the schema's
// remembered pairs (header, destination, how often, when last, rejected) each with "Remove", and
// "Clear", "Copy as JSON" (export) and "Import from clipboard". The app lists the rows and carries
// out what was asked (PanelState::memory); the same in the accessibility mirror's memory view.
#pragma once

#include "ui/panel_state.h"

namespace pm::ui {

void draw_memory_view(PanelState& state);

}  // namespace pm::ui
