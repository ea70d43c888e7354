// The searchable drop-down that chooses a source's destination: type-ahead search, the matcher's
// candidates first with their confidence, every field after, taken ones marked with their
// source, plus "Not mapped" and "Do not import".
#pragma once

#include "core/session/session.h"
#include "ui/panel_state.h"

#include <string>

namespace pm::ui {

void draw_destination_picker(Session& session, const std::string& source_key, const std::string& destination_key,
                             PanelState& state);

}  // namespace pm::ui
