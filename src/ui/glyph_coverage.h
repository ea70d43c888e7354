// Which characters of a plan the built-in UI font cannot draw (Greek, Cyrillic, CJK, ...), so the
// app can load the fallback faces for exactly those, lazily and only when a plan needs them.
#pragma once

#include "core/plan/model.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <vector>

namespace pm::ui {

// True when the embedded font's glyph ranges (ui/fonts.cpp) cover the code point.
bool embedded_font_covers(unsigned codepoint);

// The distinct code points in the plan's text (keys, labels, descriptions, previews, enum option
// labels and values) that the embedded font lacks, sorted. Capped, so hostile input stays cheap.
std::vector<ImWchar> missing_codepoints(const ExecutionPlan& plan, std::size_t cap = 20000);

// Those of `missing` that `face` draws (see fallback_face_for), in the same order.
std::vector<ImWchar> codepoints_for(const std::vector<ImWchar>& missing, FallbackFace face);

}  // namespace pm::ui
