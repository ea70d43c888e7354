// A minimal ImGui renderer for WebGL2 (GLSL ES 3.00): one program, one vertex array, buffers
// re-specified per command list, scissor per command. The render state is set up the same way
// every frame and nothing is read back.
#include "app/web/webgl_renderer.h"

#include <GLES3/gl3.h>

#include <cstdint>
#include <cstdio>

namespace pm {

namespace {

const char* kVertexShader = R"(#version 300 es
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
    frag_uv = uv;
    frag_colour = colour;
    gl_Position = projection * vec4(position, 0.0, 1.0);
})";

const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_colour;
out vec4 out_colour;
void main() {
    out_colour = frag_colour * texture(atlas, frag_uv);
})";

// No status query here: each one waits for the GPU process. Compile errors show in the link
// status, which init() reads once, after the font atlas was built on this side meanwhile.
unsigned compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

void report_failure(GLuint program, GLuint vertex, GLuint fragment) {
    char log[512] = {};
    for (GLuint shader : {vertex, fragment}) {
        glGetShaderInfoLog(shader, sizeof(log), nullptr, log);
        if (log[0]) std::fprintf(stderr, "shader compile failed: %s\n", log);
    }
    glGetProgramInfoLog(program, sizeof(log), nullptr, log);
    std::fprintf(stderr, "shader link failed: %s\n", log);
}

}  // namespace

void WebGLRenderer::start_link() {
    if (program_) return;
    vertex_shader_ = compile(GL_VERTEX_SHADER, kVertexShader);
    fragment_shader_ = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vertex_shader_);
    glAttachShader(program_, fragment_shader_);
    glBindAttribLocation(program_, 0, "position");
    glBindAttribLocation(program_, 1, "uv");
    glBindAttribLocation(program_, 2, "colour");
    glLinkProgram(program_);
}

bool WebGLRenderer::init(const std::function<void()>& while_linking) {
    // The GPU process compiles and links (since start_link()) while this thread rasterises the
    // font atlas; the link status is read (the one wait) only after that. In a browser without a
    // GPU, both take tens to hundreds of ms at start-up.
    start_link();
    if (while_linking) while_linking();
    GLint linked = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (!linked) report_failure(program_, vertex_shader_, fragment_shader_);
    glDeleteShader(vertex_shader_);
    glDeleteShader(fragment_shader_);
    vertex_shader_ = fragment_shader_ = 0;
    if (!linked) return false;
    projection_location_ = glGetUniformLocation(program_, "projection");
    texture_location_ = glGetUniformLocation(program_, "atlas");

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGui::GetIO().BackendRendererName = "plan-mapper-webgl2";
    upload_fonts();
    return true;
}

void WebGLRenderer::upload_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (!font_texture_) glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
}

void WebGLRenderer::invalidate_fonts() { upload_fonts(); }

void WebGLRenderer::shutdown() {
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    if (vertex_buffer_) glDeleteBuffers(1, &vertex_buffer_);
    if (index_buffer_) glDeleteBuffers(1, &index_buffer_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (vertex_shader_) glDeleteShader(vertex_shader_);  // linked but never read (init not run)
    if (fragment_shader_) glDeleteShader(fragment_shader_);
    if (program_) glDeleteProgram(program_);
    font_texture_ = vertex_buffer_ = index_buffer_ = vao_ = program_ = vertex_shader_ = fragment_shader_ = 0;
}

void WebGLRenderer::render(const ImDrawData* draw_data, int framebuffer_width, int framebuffer_height) {
    if (!draw_data || framebuffer_width <= 0 || framebuffer_height <= 0) return;
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // Orthographic projection from ImGui's display rectangle to clip space.
    const float left = draw_data->DisplayPos.x, right = left + draw_data->DisplaySize.x;
    const float top = draw_data->DisplayPos.y, bottom = top + draw_data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (right - left), 0, 0, 0,
        0, 2.0f / (top - bottom), 0, 0,
        0, 0, -1, 0,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1,
    };
    glUseProgram(program_);
    glUniform1i(texture_location_, 0);
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);

    const ImVec2 clip_offset = draw_data->DisplayPos;
    const ImVec2 clip_scale = draw_data->FramebufferScale;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert), list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx), list->IdxBuffer.Data,
                     GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clip_offset.x) * clip_scale.x;
            const float y0 = (cmd.ClipRect.y - clip_offset.y) * clip_scale.y;
            const float x1 = (cmd.ClipRect.z - clip_offset.x) * clip_scale.x;
            const float y1 = (cmd.ClipRect.w - clip_offset.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            // GL's scissor origin is the bottom-left corner.
            glScissor(static_cast<int>(x0), static_cast<int>(framebuffer_height - y1), static_cast<int>(x1 - x0),
                      static_cast<int>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
}

}  // namespace pm
