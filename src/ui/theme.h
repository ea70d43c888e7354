// Look of the panel: colours, spacing in font units, and the font atlas at the device pixel ratio.
#pragma once

namespace pm::ui {

void apply_theme(bool dark);
// Rebuilds the font atlas for the given device pixel ratio so text stays crisp on HiDPI screens;
// the renderer backend must re-upload the font texture afterwards.
void set_pixel_ratio(float ratio);

}  // namespace pm::ui
