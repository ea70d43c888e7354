// Which characters of a plan the embedded UI font cannot draw (CJK names, mostly), so the app
// can load a fallback font for exactly those, lazily and only when a plan needs it.
#pragma once

#include "core/plan_model.h"

#include <imgui.h>

#include <vector>

namespace pm::ui {

// True when the embedded font's glyph ranges (ui/fonts.cpp) cover the code point.
bool embedded_font_covers(unsigned codepoint);

// The distinct code points in the plan's text (keys, labels, descriptions, previews, enum option
// labels and values) that the embedded font lacks, sorted. Capped, so hostile input stays cheap.
std::vector<ImWchar> missing_codepoints(const ExecutionPlan& plan, std::size_t cap = 20000);

}  // namespace pm::ui
