// plan-mapper-desktop: the mapping panel in a native GLFW + OpenGL 3.3 window, for debugging and
// for tests under Xvfb. Talks to the API through libcurl, or works offline on a plan file.
#include "app/app_host.h"
#include "app/desktop/desktop_options.h"
#include "app/desktop/desktop_text_runs.h"
#include "app/desktop/http_client_curl.h"
#include "app/desktop/png_writer.h"
#include "app/frame_loop.h"
#include "app/mapper_app.h"
#include "matcher/mapping_memory.h"
#include "ui/messages.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/stat.h>

#include <GL/gl.h>

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

bool read_file_bytes(const std::string& path, std::string& text) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
    return true;
}

// Prints events to stderr (never the token: events carry plans and messages only) and saves the
// plan back to the plan file when working offline.
class DesktopHost final : public pm::AppHost {
public:
    DesktopHost(std::string plan_file, std::string memory_file, pm::match::MappingMemory memory)
        : plan_file_(std::move(plan_file)), memory_file_(std::move(memory_file)), memory_(std::move(memory)) {}
    void notify(pm::AppEvent event, const std::string& json) override {
        if (event == pm::AppEvent::Memory && !memory_file_.empty()) save_memory(json);
        if (event == pm::AppEvent::Error) std::fprintf(stderr, "plan-mapper: error %s\n", json.c_str());
        if (event == pm::AppEvent::Ready || event == pm::AppEvent::Error) settled = true;
        if (event == pm::AppEvent::Submit && !plan_file_.empty()) {
            std::ofstream(plan_file_) << json << "\n";
            std::fprintf(stderr, "plan-mapper: saved %s\n", plan_file_.c_str());
        }
    }
    // Scripts the built-in font lacks, read on demand from Debian's fonts, each whole file once:
    // Noto Sans (fonts-noto-core) for Greek, Cyrillic, Vietnamese...; WenQuanYi Micro Hei for CJK.
    bool load_fallback_font(pm::ui::FallbackFace face, const std::vector<ImWchar>&,
                            std::function<void(std::vector<std::vector<unsigned char>>)> done) override {
        const bool noto = face == pm::ui::FallbackFace::NotoExtra;
        bool& given = given_[static_cast<int>(face)];
        if (given) {
            done({});  // the whole face is in the atlas already
            return true;
        }
        const char* path = std::getenv(noto ? "PM_NOTO_EXTRA_FONT" : "PM_FALLBACK_FONT");
        const char* debian = noto ? "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
                                  : "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
        std::string text;
        if (!read_file_bytes(path ? path : debian, text)) return false;
        given = true;
        std::vector<std::vector<unsigned char>> files;
        files.emplace_back(text.begin(), text.end());
        done(std::move(files));
        return true;
    }
    void fonts_changed() override { ImGui_ImplOpenGL3_DestroyDeviceObjects(); }  // recreated next frame
    bool settled = false;

private:
    // The schema's new state replaces its old one in the file (which keeps every schema); written
    // to a temporary file and renamed, so a crash mid-write leaves the old file.
    void save_memory(const std::string& event_json) {
        const auto event = nlohmann::json::parse(event_json, nullptr, false);
        if (!event.is_object() || !event.contains("memory")) return;
        std::string message;
        if (!memory_.replace_json_text(event["memory"].dump(), message)) {
            std::fprintf(stderr, "plan-mapper: memory not saved: %s\n", message.c_str());
            return;
        }
        const std::string directory = memory_file_.substr(0, memory_file_.find_last_of('/'));
        if (!directory.empty() && directory != memory_file_) make_directories(directory);
        const std::string temporary = memory_file_ + ".tmp";
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out << memory_.to_json_text() << "\n";
            if (!out.flush()) {
                std::fprintf(stderr, "plan-mapper: cannot write %s\n", temporary.c_str());
                return;
            }
        }
        if (std::rename(temporary.c_str(), memory_file_.c_str()) != 0)
            std::fprintf(stderr, "plan-mapper: cannot replace %s\n", memory_file_.c_str());
    }
    static void make_directories(const std::string& path) {
        for (std::size_t at = 1; at <= path.size(); ++at)
            if (at == path.size() || path[at] == '/') ::mkdir(path.substr(0, at).c_str(), 0700);
    }

    std::string plan_file_;
    std::string memory_file_;
    pm::match::MappingMemory memory_;
    bool given_[pm::ui::kFallbackFaceCount] = {};
};

bool save_screenshot(GLFWwindow* window, const std::string& path) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    std::vector<std::uint8_t> pixels(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up; PNG's top-down.
    std::vector<std::uint8_t> flipped(pixels.size());
    const size_t stride = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + (height - 1 - y) * stride, stride, flipped.begin() + y * stride);
    return pm::write_png(path, width, height, flipped);
}

}  // namespace

int main(int argc, char** argv) {
    std::string message;
    bool help = false;
    auto options = pm::parse_desktop_options(argc, argv, message, help);
    if (!options) {
        std::fputs(message.c_str(), help ? stdout : stderr);
        return help ? 0 : 2;
    }
    if (!options->plan_file.empty() && !read_file_bytes(options->plan_file, options->app.plan_json)) {
        std::fprintf(stderr, "plan-mapper: cannot read %s\n", options->plan_file.c_str());
        return 1;
    }
    if (!options->records_file.empty() && !read_file_bytes(options->records_file, options->app.records_json)) {
        std::fprintf(stderr, "plan-mapper: cannot read %s\n", options->records_file.c_str());
        return 1;
    }

    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(options->width, options->height, "plan-mapper", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "plan-mapper: cannot open an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    pm::create_imgui_context();
    float scale_x = 1, scale_y = 1;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    pm::style_imgui_context(options->app.dark_theme, scale_x > 1 ? scale_x : 1.0f);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // Arabic, Hebrew, Indic, Thai... labels: shaped and rendered into textures at the device
    // pixels of an ImGui unit (the framebuffer's scale), drawn by the panel in place of ImGui text.
    const auto framebuffer_ratio = [window] {
        int window_width = 0, window_height = 0, width = 0, height = 0;
        glfwGetWindowSize(window, &window_width, &window_height);
        glfwGetFramebufferSize(window, &width, &height);
        return window_width > 0 && width > 0 ? static_cast<float>(width) / static_cast<float>(window_width) : 1.0f;
    };
    auto text_runs = std::make_unique<pm::DesktopTextRunSource>(framebuffer_ratio(), [] { glfwPostEmptyEvent(); });
    pm::ui::set_text_run_source(text_runs.get());

    // The mapping memory's file: read once (a missing file is an empty memory; one that does not
    // read is reported, ignored and never overwritten).
    pm::match::MappingMemory memory;
    std::string memory_file = options->memory_file;
    if (!memory_file.empty()) {
        std::string text;
        if (read_file_bytes(memory_file, text)) {
            std::string problem;
            if (memory.load_json_text(text, problem)) {
                options->app.memory_json = text;
            } else {
                std::fprintf(stderr, "plan-mapper: mapping memory %s ignored (and left as it is): %s\n", memory_file.c_str(),
                             problem.c_str());
                memory_file.clear();
            }
        }
    }
    pm::ui::messages().select(options->lang);  // before the app says anything
    pm::CurlHttpClient http;
    DesktopHost host(options->plan_file, memory_file, std::move(memory));
    pm::MapperApp app(options->app, http, host);
    app.start(now_ms());

    const pm::FramePlatform platform{
        [&text_runs, &framebuffer_ratio] {
            text_runs->set_pixel_ratio(framebuffer_ratio());  // nothing unless the window changed display
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
        },
        [window, &text_runs](ImDrawData& draw_data) {
            int width = 0, height = 0;
            glfwGetFramebufferSize(window, &width, &height);
            glViewport(0, 0, width, height);
            const ImVec4 clear = pm::frame_clear_color();
            glClearColor(clear.x, clear.y, clear.z, clear.w);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(&draw_data);
            text_runs->end_frame();  // runs put off this frame ask for the next one
        },
        {}};                                   // no overlay: GLFW hands IME text to ImGui itself

    // With --screenshot, wait for the plan (or its error) before counting frames, within a limit.
    const double deadline = now_ms() + 20000;
    int frames = 0;
    int exit_code = 0;
    double delay = 0;                          // when the last frame wanted the next one
    while (!glfwWindowShouldClose(window)) {
        if (options->frames > 0 || delay == 0)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(delay < 0 ? 0.5 : delay / 1000.0);  // idle: sleep until input or work
        delay = pm::run_frame(app, now_ms(), platform);

        if (options->frames > 0 && (host.settled || now_ms() > deadline) && ++frames >= options->frames) {
            if (!options->screenshot.empty() && !save_screenshot(window, options->screenshot)) {
                std::fprintf(stderr, "plan-mapper: cannot write %s\n", options->screenshot.c_str());
                exit_code = 1;
            }
            if (!host.settled) {
                std::fprintf(stderr, "plan-mapper: the plan did not load within 20 s\n");
                exit_code = 1;
            }
            break;
        }
        glfwSwapBuffers(window);
    }

    // With --frames (tests, screenshots): how many labels were shaped, for the scripts test.
    if (options->frames > 0) std::fprintf(stderr, "plan-mapper: %zu text runs shaped\n", text_runs->runs_made());
    pm::ui::set_text_run_source(nullptr);
    text_runs.reset();  // its textures, while the GL context is current
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
