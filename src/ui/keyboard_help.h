// The keyboard map as a popup, opened with F1 or "?" (when no text field has the keyboard); the
// same on desktop and web. docs/ACCESSIBILITY.md lists the same keys.
#pragma once

#include "ui/panel_state.h"

#include <vector>

namespace pm::ui {

// Both are keys of the message catalog (ui/messages.h): "keys.undo" -> "Ctrl+Z" / "Strg+Z".
struct KeyBinding {
    const char* keys;
    const char* does;
};
const std::vector<KeyBinding>& keyboard_map();

// True in the frame F1 or "?" asks for the help.
bool keyboard_help_requested();
void draw_keyboard_help(PanelState& state);

}  // namespace pm::ui
