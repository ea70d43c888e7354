// What one frame of the widget is, on every platform: the app's pending work, an ImGui frame with
// the panel, the draw data handed to the platform's renderer, and when the next frame is wanted.
// The desktop loop (app/desktop/main_desktop.cpp) and the web module (app/web/main_web.cpp) call
// these; only the window, the GL flavour and the event source differ between them.
#pragma once

#include <imgui.h>

#include <functional>

namespace pm {

class MapperApp;

// Creates and makes current the ImGui context both platforms use: nothing stored (no ini or log
// file), keyboard navigation on. Then style_imgui_context once a GL context exists.
ImGuiContext* create_imgui_context();
// The fonts at the display's pixel ratio, then the theme (in that order, so the atlas is built once).
void style_imgui_context(bool dark_theme, float pixel_ratio, bool high_contrast = false);

// The colour the framebuffer is cleared to before the panel is drawn: the window background.
ImVec4 frame_clear_color();

struct FramePlatform {
    // Before ImGui::NewFrame (after the app's update, which may rebuild the font atlas): the
    // platform backends' own new-frame work (display size, time, device objects).
    std::function<void()> new_frame;
    // After ImGui::Render: clears the framebuffer and draws the draw data.
    std::function<void(ImDrawData& draw_data)> render;
    // After the panel, before ImGui::Render: what the platform draws over it (the web's IME
    // composition, in place in the active text field).
    std::function<void()> overlay;
};

// Runs one frame at `now_ms`. Returns when the next frame is wanted: 0 as soon as possible, >0
// after that many ms, -1 not until input arrives. ImGui hands queued input out over several
// frames (a key's down, text and up each take one), so while it holds input the answer is 0:
// sleeping then would lose fast typing.
double run_frame(MapperApp& app, double now_ms, const FramePlatform& platform);

}  // namespace pm
