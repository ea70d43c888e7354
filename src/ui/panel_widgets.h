// Small drawing helpers shared by the panel's parts: untrusted text drawn as text, tooltips,
// certainty badges, and the item recorder that lets tests find what the panel drew.
#pragma once

#include "core/json/text.h"  // lower_ascii, for the filters
#include "core/plan/model.h"
#include "ui/theme.h"

#include <imgui.h>

#include <functional>
#include <string>

namespace pm::ui {

// The theme's text colours (ui/theme.h TextPalette: 4.5:1 on the panel's backgrounds).
inline const ImVec4& muted_colour() { return text_palette().muted; }
inline const ImVec4& error_colour() { return text_palette().error; }
inline const ImVec4& good_colour() { return text_palette().good; }
inline const ImVec4& warn_colour() { return text_palette().warn; }

// Text from the server or the file: never a format string, never markup, and never more than
// kMaxShownBytes of it drawn (then cut at a character boundary and ended with "…").
inline constexpr std::size_t kMaxShownBytes = 2000;
std::string shown_text(const std::string& s);
void text(const std::string& s);
void coloured_text(const ImVec4& colour, const std::string& s);
void muted_text(const std::string& s);
// A wrapped tooltip on the last item, when hovered and `s` is not empty.
void tooltip_text(const std::string& s);
// "absolute" / "strong" / "moderate" / "weak" as a small coloured label.
void certainty_badge(Certainty certainty);
ImVec4 certainty_colour(Certainty certainty);

// ImGui reads "##" in a widget label as the start of a hidden ID; data must not be able to do that.
std::string safe_label(std::string s);

// True when `filter_lower` is empty or found in the field's key or label (ASCII case-insensitive).
bool field_matches(const std::string& filter_lower, const Field& field);

// Tests (and the web build's test hook) find the panel's items by name through this recorder:
// the panel reports the screen rectangle of each interactive item it draws. Null in normal use.
using ItemRecorder = std::function<void(const std::string& name, const ImVec2& min, const ImVec2& max)>;
void set_item_recorder(ItemRecorder recorder);
// Reports the last item under `name` when a recorder is set.
void record_item(const std::string& name);

}  // namespace pm::ui
