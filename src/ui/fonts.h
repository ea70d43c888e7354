// The panel's font: Noto Sans (Latin with accents, Greek, Cyrillic), embedded at build time.
#pragma once

namespace pm::ui {

// Rebuilds the font atlas with the UI font rasterised at size × ratio device pixels.
void load_fonts(float size, float ratio);

}  // namespace pm::ui
