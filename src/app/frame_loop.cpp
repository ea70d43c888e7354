// One frame of the widget, shared by the desktop and web drivers; see frame_loop.h.
#include "app/frame_loop.h"

#include "app/mapper_app.h"
#include "ui/theme.h"

#include <imgui_internal.h>  // the input queue, to keep drawing while it holds events

namespace pm {

ImGuiContext* create_imgui_context() {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                  // nothing is stored, on disk or in the browser
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    return context;
}

void style_imgui_context(bool dark_theme, float pixel_ratio, bool high_contrast) {
    ui::set_pixel_ratio(pixel_ratio > 0 ? pixel_ratio : 1.0f);
    ui::apply_theme(dark_theme, high_contrast);
}

ImVec4 frame_clear_color() {
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return ImVec4(background.x, background.y, background.z, 1.0f);
}

double run_frame(MapperApp& app, double now_ms, const FramePlatform& platform) {
    app.update(now_ms, ImGui::GetCurrentContext()->InputEventsQueue.Size > 0);
    if (platform.new_frame) platform.new_frame();
    ImGui::NewFrame();
    app.draw();
    if (platform.overlay) platform.overlay();
    ImGui::Render();
    if (platform.render) platform.render(*ImGui::GetDrawData());
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) return 0;
    return app.next_frame_delay_ms(now_ms);
}

}  // namespace pm
