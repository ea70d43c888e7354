// The searchable drop-down that chooses a source's destination: type-ahead search, the matcher's
// candidates first with their confidence, every field after, taken ones marked with their
// source, plus "Not mapped" and "Do not import".
#pragma once

#include "core/session/session.h"
#include "ui/panel_state.h"

#include <string>

namespace pm::ui {

// What a person can pick for a source, applied the same way from the canvas's drop-down and from
// the accessibility mirror (app/mirror_actions.h), so both make the same undo steps.
enum class PickKind { Map, NotMapped, Ignore };
void apply_destination_pick(Session& session, const std::string& source_key, const std::string& current_destination,
                            PickKind kind, const std::string& destination_key = {});

void draw_destination_picker(Session& session, const std::string& source_key, const std::string& destination_key,
                             PanelState& state);

}  // namespace pm::ui
