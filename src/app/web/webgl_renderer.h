// Draws Dear ImGui's draw data with WebGL2. Unlike ImGui's generic OpenGL 3 backend it never asks
// the context for its state (it owns the context, so it knows it): in Chromium each
// getParameter is a synchronous round trip to the GPU process, and the generic backend's state
// backup made every frame cost ~50 ms (measured with a CPU profile in headless Chromium).
#pragma once

#include <functional>

#include <imgui.h>

namespace pm {

class WebGLRenderer {
public:
    // Sends the shaders to be compiled and linked, without waiting: the GPU process works on them
    // while this thread goes on (the context must be current). init() calls it if nobody did.
    void start_link();
    // Runs `while_linking` (CPU work such as building the font atlas, which then overlaps the GPU
    // process's compile), reads the link status (the one wait), creates the buffers and uploads
    // the atlas. False on failure.
    bool init(const std::function<void()>& while_linking);
    void shutdown();
    // Uploads the font atlas again (after it was rebuilt, e.g. for another device pixel ratio).
    void invalidate_fonts();
    void render(const ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

private:
    void upload_fonts();

    unsigned program_ = 0, vao_ = 0, vertex_buffer_ = 0, index_buffer_ = 0, font_texture_ = 0;
    unsigned vertex_shader_ = 0, fragment_shader_ = 0;  // from start_link() until init() reads the link
    int projection_location_ = -1, texture_location_ = -1;
};

}  // namespace pm
