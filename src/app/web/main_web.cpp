// The web platform layer: one widget instance per module instance. The page's glue
// (web/widget/plan-mapper.js) owns the canvas and the DOM events and calls these exports; this file turns
// them into Dear ImGui input, draws through the app's frame (app/frame_loop.h) and renders with
// WebGL2 through its own small renderer (app/web/webgl_renderer.h, not ImGui's OpenGL 3 backend),
// and draws a frame only when the page asks (input, network, resize), so an idle widget costs nothing.
#include "app/app_host.h"
#include "app/frame_loop.h"
#include "app/mapper_app.h"
#include "app/suggestions.h"
#include "app/web/dom_keys.h"
#include "app/web/http_client_fetch.h"
#include "app/web/web_text_runs.h"
#include "app/web/webgl_renderer.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_field.h"
#include "ui/messages.h"
#include "ui/theme.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>  // HoveredWindow and scroll limits, for pm_wheel
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace {

// Calls Module.planMapper.onEvent(name, json) set by the glue; text crosses as data, never markup.
EM_JS(void, pm_js_notify, (const char* name, const char* json), {
    const hooks = Module["planMapper"];
    if (hooks && hooks.onEvent) hooks.onEvent(UTF8ToString(name), UTF8ToString(json));
});

// Asks the glue for a frame (network results arrived while the widget was idle).
EM_JS(void, pm_js_wake, (), {
    const hooks = Module["planMapper"];
    if (hooks && hooks.wake) hooks.wake();
});

// Asks the page for a new token (options.getToken); it answers later through pm_set_token.
EM_JS(int, pm_js_request_token, (), {
    const hooks = Module["planMapper"];
    return hooks && hooks.requestToken ? (hooks.requestToken() ? 1 : 0) : 0;
});

// Copy goes straight to the system clipboard; paste arrives as a DOM paste event (pm_paste).
EM_JS(void, pm_js_copy, (const char* text), {
    const hooks = Module["planMapper"];
    if (hooks && hooks.copyText) hooks.copyText(UTF8ToString(text));
});

// Asks the page to fetch the slices of a fallback face (a ui::FallbackFace number;
// wasm_interface.json names its slice index under dist/fonts/) that hold the code points (decimal,
// comma-separated) and that it has not handed over yet; it answers once through pm_fallback_font.
// Returns 0 when the page cannot.
EM_JS(int, pm_js_load_fallback_font, (int face, const char* codepoints), {
    const hooks = Module["planMapper"];
    return hooks && hooks.loadFallbackFont ? (hooks.loadFallbackFont(face, UTF8ToString(codepoints)) ? 1 : 0) : 0;
});

class WebHost final : public pm::AppHost {
public:
    void notify(pm::AppEvent event, const std::string& json) override { pm_js_notify(pm::app_event_name(event), json.c_str()); }
    bool request_token() override { return pm_js_request_token() != 0; }
    // Faces cross the JS boundary as their ui::FallbackFace number (wasm_interface.json).
    // FallbackFonts has one request per face in flight at most: one slot per face.
    bool load_fallback_font(pm::ui::FallbackFace face, const std::vector<ImWchar>& codepoints,
                            std::function<void(std::vector<std::vector<unsigned char>>)> done) override {
        const int index = static_cast<int>(face);
        std::string list;
        for (ImWchar cp : codepoints) {
            if (!list.empty()) list += ',';
            list += std::to_string(static_cast<unsigned>(cp));
        }
        font_done[index] = std::move(done);
        if (pm_js_load_fallback_font(index, list.c_str())) return true;
        font_done[index] = nullptr;
        return false;
    }
    void fonts_changed() override;
    std::function<void(std::vector<std::vector<unsigned char>>)> font_done[pm::ui::kFallbackFaceCount];
};

struct Widget {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    pm::WebGLRenderer renderer;
    ImGuiContext* imgui = nullptr;
    WebHost host;
    std::unique_ptr<pm::FetchHttpClient> http;
    std::unique_ptr<pm::MapperApp> app;
    std::string clipboard;                      // the last text copied or pasted
    // Test hook (config testHooks): where the panel drew its items in the last frame, so browser
    // tests can aim real mouse events at them. Off by default: it costs a map insert per item.
    nlohmann::json items = nlohmann::json::object();
    nlohmann::json frame_items = nlohmann::json::object();
    float css_width = 800, css_height = 600, pixel_ratio = 1;
    // Arabic, Hebrew, Indic, Thai...: laid out by the browser (the panel's run source once the page
    // has loaded the shaping code: pm_text_runs_start).
    pm::WebTextRuns text_runs{pixel_ratio};
    // pm_text_field's part for a field edited natively (set by pm_text_runs_start, in the shaping wasm).
    void (*shaped_field)(std::string& out) = nullptr;
    double last_frame_ms = 0;
    double frames_drawn = 0;
    bool dark = false;
    bool high_contrast = false;  // prefers-contrast: more or forced-colors (pm_set_look)
    bool test_hooks = false;     // config testHooks: items are recorded
    std::string composition;     // the IME's text being composed (pm_ime_composition), not typed yet
    std::string text_field;      // pm_text_field's answer
};

// One widget per module instance: several widgets on a page are several module instances.
std::unique_ptr<Widget> g_widget;

void WebHost::fonts_changed() {
    if (g_widget) g_widget->renderer.invalidate_fonts();
}

// For pm_text_field, once the shaping code is loaded: a field whose text needs shaping is edited
// in the page's own input, laid over its frame (ui/shaped_field.h): its frame, the font size, the
// text's inset, its colour (0xAABBGGRR), then (after a line feed) the text.
void describe_shaped_field(std::string& out) {
    const pm::ui::ActiveTextField& field = pm::ui::active_text_field();
    if (field.id == 0 || !field.shaped) return;
    for (const float value :
         {field.min.x, field.min.y, field.max.x - field.min.x, field.max.y - field.min.y, field.font_size, field.padding_x})
        out += ',' + std::to_string(value);
    out += ',' + std::to_string(field.text_colour) + '\n' + field.text;
}

// The text an input method is composing (Japanese kana before conversion, a dead key's accent...)
// is drawn in place, at the active text field's cursor, underlined as platforms show it, over
// what follows the cursor. It reaches the field itself only when composed (pm_text).
// Returns where it drew it (nothing: an empty rectangle).
ImRect draw_composition(const std::string& composition) {
    const ImGuiPlatformImeData& ime = ImGui::GetCurrentContext()->PlatformImeData;
    if (composition.empty() || !ime.WantVisible) return ImRect();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 at(ime.InputPos.x + 1.0f, ime.InputPos.y);
    const ImVec2 size = ImGui::CalcTextSize(composition.c_str());
    const ImVec2 end(at.x + size.x, at.y + ime.InputLineHeight);
    draw->AddRectFilled(at, ImVec2(end.x + 1.0f, end.y), ImGui::GetColorU32(ImGuiCol_WindowBg, 1.0f));
    draw->AddRectFilled(at, ImVec2(end.x + 1.0f, end.y), ImGui::GetColorU32(ImGuiCol_FrameBg));
    draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), composition.c_str());
    draw->AddLine(ImVec2(at.x, end.y - 1.0f), ImVec2(end.x, end.y - 1.0f), ImGui::GetColorU32(ImGuiCol_Text), 1.0f);
    return ImRect(at, end);
}

// The widget's WebGL2 context (the attributes plan-mapper.js created it with, so this is the same
// context); <= 0 when there is none.
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE create_context(const char* canvas_selector) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;  // ImGui anti-aliases its own shapes
    attrs.preserveDrawingBuffer = false;
    // Emscripten otherwise asks for every extension the browser has, one synchronous round trip
    // to the GPU process each: 330 ms of start-up in headless Chromium (CPU profile). WebGL2's
    // core is all the renderer uses.
    attrs.enableExtensionsByDefault = false;
    return emscripten_webgl_create_context(canvas_selector, &attrs);
}

pm::AppConfig parse_config(const char* config_json) {
    pm::AppConfig config;
    const auto json = nlohmann::json::parse(config_json ? config_json : "", nullptr, false);
    if (!json.is_object()) return config;
    auto text = [&](const char* name) {
        auto it = json.find(name);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    config.api_url = text("apiUrl");
    config.job_id = text("jobId");
    config.file_id = text("fileId");
    config.token = text("token");
    config.page_origin = text("pageOrigin");
    config.dark_theme = text("theme") == "dark";
    if (auto it = json.find("plan"); it != json.end() && !it->is_null())
        config.plan_json = it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto it = json.find("records"); it != json.end() && !it->is_null())
        config.records_json = it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto it = json.find("draft"); it != json.end() && !it->is_null())
        config.draft_json = it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto flag = [&](const char* name) {
        auto it = json.find(name);
        return it != json.end() && it->is_boolean() && it->get<bool>();
    };
    config.allow_one_to_many = flag("allowOneToMany");
    config.execute_on_submit = flag("executeOnSubmit");
    config.can_refresh_token = flag("canRefreshToken");
    config.read_records = flag("readRecords");
    config.submit_with_patch = text("submitMethod") == "patch";
    if (const auto mode = pm::parse_auto_apply(text("autoApply"))) config.auto_apply = *mode;
    config.memory = flag("memory");
    return config;
}

}  // namespace

extern "C" {

// Creates the widget on the canvas the selector names. Returns 0, or a negative error code.
EMSCRIPTEN_KEEPALIVE int pm_create(const char* canvas_selector, const char* config_json) {
    if (g_widget) return -1;
    auto widget = std::make_unique<Widget>();
    // The WebGL context first (the page created it while the wasm loaded: this gets it back) and
    // the panel's shaders sent to be linked: the GPU process works on them while the config, the
    // words, the plan request and the font atlas are set up below; renderer.init reads the link
    // status, the one wait (19 ms of pm_create in a Chromium trace when it was sent later).
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = create_context(canvas_selector);
    if (gl > 0) {
        emscripten_webgl_make_context_current(gl);
        widget->renderer.start_link();
    }
    widget->imgui = pm::create_imgui_context();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "plan-mapper-web";
    io.SetClipboardTextFn = [](void*, const char* text) {
        if (!g_widget || !text) return;
        g_widget->clipboard = text;
        pm_js_copy(text);
    };
    io.GetClipboardTextFn = [](void*) -> const char* { return g_widget ? g_widget->clipboard.c_str() : ""; };
    pm::AppConfig config = parse_config(config_json);
    const auto raw_config = nlohmann::json::parse(config_json ? config_json : "", nullptr, false);
    if (raw_config.is_object() && raw_config.value("testHooks", false) == true) {
        widget->test_hooks = true;
        pm::ui::set_item_recorder([](const std::string& name, const ImVec2& min, const ImVec2& max) {
            if (g_widget) g_widget->frame_items[name] = {min.x, min.y, max.x, max.y};
        });
    }
    widget->dark = config.dark_theme;
    // The words: a shipped language (config lang) with the host's overrides (config strings) on
    // top, chosen before the app says anything (ui/messages.h). Problems are the page's to report.
    if (raw_config.is_object()) {
        pm::ui::Messages& messages = pm::ui::messages();
        const auto lang = raw_config.find("lang");
        // A language other than English comes from the page (dist/messages/<lang>.json, fetched
        // only when a host asks for it): {"de": {key: text}}.
        if (const auto fetched = raw_config.find("catalog"); fetched != raw_config.end() && fetched->is_object())
            for (auto it = fetched->begin(); it != fetched->end(); ++it) messages.add_language(it.key(), it.value());
        messages.select(lang != raw_config.end() && lang->is_string() ? lang->get<std::string>() : std::string());
        if (const auto strings = raw_config.find("strings"); strings != raw_config.end()) messages.override_with(*strings);
    }
    // The page's pixel ratio, so the atlas is not built twice (once at 1, again on the first resize).
    if (raw_config.is_object()) {
        const auto it = raw_config.find("pixelRatio");
        const double ratio = it != raw_config.end() && it->is_number() ? it->get<double>() : 1.0;
        if (ratio > 0 && ratio <= 8) widget->pixel_ratio = static_cast<float>(ratio);
    }

    // The plan request goes out before the font atlas is built and the link status read below.
    widget->http = std::make_unique<pm::FetchHttpClient>([] { pm_js_wake(); });
    widget->app = std::make_unique<pm::MapperApp>(std::move(config), *widget->http, widget->host);
    g_widget = std::move(widget);
    g_widget->app->start(emscripten_get_now());

    int failure = 0;
    if (gl <= 0) {
        failure = -2;
    } else {
        g_widget->gl = gl;
        emscripten_webgl_make_context_current(gl);
        pm::ui::set_text_run_request(pm::request_text_runs);  // the source comes with the shaping code
        // The font atlas is built (once, at the page's pixel ratio) while the GPU process links
        // the shaders.
        if (!g_widget->renderer.init(
                [] { pm::style_imgui_context(g_widget->dark, g_widget->pixel_ratio, g_widget->high_contrast); }))
            failure = -3;
    }
    if (failure != 0) {
        pm::ui::set_item_recorder(nullptr);
        pm::ui::set_text_run_request(nullptr);
        g_widget->app.reset();                  // cancels the request
        g_widget->http.reset();
        ImGui::DestroyContext(g_widget->imgui);
        if (gl > 0) emscripten_webgl_destroy_context(gl);
        g_widget.reset();
    }
    return failure;
}

EMSCRIPTEN_KEEPALIVE void pm_resize(double css_width, double css_height, double pixel_ratio) {
    if (!g_widget) return;
    g_widget->css_width = static_cast<float>(css_width > 1 ? css_width : 1);
    g_widget->css_height = static_cast<float>(css_height > 1 ? css_height : 1);
    const float ratio = static_cast<float>(pixel_ratio > 0 ? pixel_ratio : 1);
    if (ratio != g_widget->pixel_ratio) {
        g_widget->pixel_ratio = ratio;
        pm::ui::set_pixel_ratio(ratio);  // rebuilds the font atlas for crisp text
        g_widget->renderer.invalidate_fonts();
    }
}

EMSCRIPTEN_KEEPALIVE void pm_pointer_move(double x, double y) {
    if (g_widget) ImGui::GetIO().AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
}

EMSCRIPTEN_KEEPALIVE void pm_pointer_leave() {
    if (g_widget) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

EMSCRIPTEN_KEEPALIVE void pm_pointer_button(int button, int down) {
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    static const int kToImGui[] = {0, 2, 1};
    if (g_widget && button >= 0 && button < 3) ImGui::GetIO().AddMouseButtonEvent(kToImGui[button], down != 0);
}

// True when a window under the pointer (or one of its parents) can still scroll that way, or a
// popup is open. Otherwise the wheel belongs to the page: the widget never traps page scrolling.
bool widget_can_scroll(float wheel_x, float wheel_y) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return true;
    for (const ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow) {
        if (wheel_y > 0 && w->Scroll.y > 0.5f) return true;              // up, not at the top
        if (wheel_y < 0 && w->Scroll.y < w->ScrollMax.y - 0.5f) return true;
        if (wheel_x > 0 && w->Scroll.x > 0.5f) return true;
        if (wheel_x < 0 && w->Scroll.x < w->ScrollMax.x - 0.5f) return true;
    }
    return false;
}

// Returns 1 when the widget takes the wheel event (the page must not scroll), else 0.
EMSCRIPTEN_KEEPALIVE int pm_wheel(double dx, double dy) {
    if (!g_widget) return 0;
    const float wheel_x = static_cast<float>(-dx), wheel_y = static_cast<float>(-dy);
    if (!widget_can_scroll(wheel_x, wheel_y)) return 0;
    ImGui::GetIO().AddMouseWheelEvent(wheel_x, wheel_y);
    return 1;
}

EMSCRIPTEN_KEEPALIVE int pm_key(const char* code, int down, int ctrl, int shift, int alt, int meta) {
    if (!g_widget) return 0;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl != 0);
    io.AddKeyEvent(ImGuiMod_Shift, shift != 0);
    io.AddKeyEvent(ImGuiMod_Alt, alt != 0);
    io.AddKeyEvent(ImGuiMod_Super, meta != 0);
    const ImGuiKey key = pm::imgui_key_from_dom_code(code);
    if (key == ImGuiKey_None) return 0;
    io.AddKeyEvent(key, down != 0);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void pm_text(const char* utf8) {
    if (g_widget && utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// The page's paste event: the text becomes ImGui's clipboard and a Ctrl+V pastes it.
EMSCRIPTEN_KEEPALIVE void pm_paste(const char* utf8) {
    if (!g_widget || !utf8) return;
    g_widget->clipboard = utf8;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

EMSCRIPTEN_KEEPALIVE void pm_focus(int focused) {
    if (g_widget) ImGui::GetIO().AddFocusEvent(focused != 0);
}

// Draws one frame. Returns the delay in ms after which another frame is wanted (0: as soon as
// possible, e.g. while ImGui settles after input), or -1 when nothing is pending.
EMSCRIPTEN_KEEPALIVE double pm_frame(double now_ms) {
    if (!g_widget) return -1;
    Widget& w = *g_widget;
    emscripten_webgl_make_context_current(w.gl);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(w.css_width, w.css_height);
    io.DisplayFramebufferScale = ImVec2(w.pixel_ratio, w.pixel_ratio);
    io.DeltaTime = w.last_frame_ms > 0 ? static_cast<float>((now_ms - w.last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60.0f;
    w.last_frame_ms = now_ms;

    w.frame_items = nlohmann::json::object();
    const double delay = pm::run_frame(
        *w.app, now_ms,
        pm::FramePlatform{nullptr,
                          [&w](ImDrawData& draw_data) {
                              const int framebuffer_width = static_cast<int>(w.css_width * w.pixel_ratio + 0.5f);
                              const int framebuffer_height = static_cast<int>(w.css_height * w.pixel_ratio + 0.5f);
                              glViewport(0, 0, framebuffer_width, framebuffer_height);
                              const ImVec4 clear = pm::frame_clear_color();
                              glClearColor(clear.x, clear.y, clear.z, clear.w);
                              glClear(GL_COLOR_BUFFER_BIT);
                              w.renderer.render(&draw_data, framebuffer_width, framebuffer_height);
                          },
                          [&w] {
                              const ImRect drawn = draw_composition(w.composition);
                              if (w.test_hooks && drawn.GetWidth() > 0)
                                  w.frame_items["ime-composition"] = {drawn.Min.x, drawn.Min.y, drawn.Max.x, drawn.Max.y};
                          }});
    w.items = std::move(w.frame_items);
    ++w.frames_drawn;
    return delay;
}

// The text field the person is typing into, from the last frame (ImGui's IME data): "x,y,h",
// its cursor's top left and line height in CSS pixels, or "" when no field is active. The page
// keeps a real <input> there while one is (web/widget/text-entry.js), so input methods, dead
// keys and on-screen keyboards work and place their windows at the cursor.
EMSCRIPTEN_KEEPALIVE const char* pm_text_field() {
    if (!g_widget) return "";
    const ImGuiPlatformImeData& ime = ImGui::GetCurrentContext()->PlatformImeData;
    g_widget->text_field.clear();
    if (!ime.WantVisible) return "";
    g_widget->text_field =
        std::to_string(ime.InputPos.x) + ',' + std::to_string(ime.InputPos.y) + ',' + std::to_string(ime.InputLineHeight);
    // A field whose text needs shaping is edited in the page's own input, laid over its frame:
    // then more follows (describe_shaped_field).
    if (g_widget->shaped_field) g_widget->shaped_field(g_widget->text_field);
    return g_widget->text_field.c_str();
}

// The page has loaded the shaping code (web/widget/text-runs.js, plan-mapper-shaping.wasm, which
// holds this function's body): from now on the panel asks it for the runs of text that needs
// shaping, and the page's <input> edits fields holding such text (text-entry.js).
EMSCRIPTEN_KEEPALIVE void pm_text_runs_start() {
    if (!g_widget) return;
    pm::ui::set_text_run_source(&g_widget->text_runs);
    pm::ui::set_native_text_editing(true);
    g_widget->shaped_field = describe_shaped_field;
}

// The page's input after an edit of a field it edits natively (see pm_text_field): the field's
// whole text, which becomes the panel's (it filters as for typed text).
EMSCRIPTEN_KEEPALIVE void pm_text_field_set(const char* utf8) {
    if (g_widget && utf8) pm::ui::replace_active_field_text(utf8);
}

// The input method's composition in progress ("" once it ends): drawn in place (draw_composition).
EMSCRIPTEN_KEEPALIVE void pm_ime_composition(const char* utf8) {
    if (g_widget) g_widget->composition = utf8 ? utf8 : "";
}

// The plan as it stands now (what a submit would send), as JSON; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* pm_get_plan() {
    static std::string text;
    text = g_widget ? g_widget->app->plan_json() : "null";
    return text.c_str();
}

// The message catalog as the page's accessibility mirror uses it: {lang, messages: {key: text or
// {category: text}}, problems: [text]} (the host's unknown keys and wrong placeholders, said once).
EMSCRIPTEN_KEEPALIVE const char* pm_messages() {
    static std::string text;
    const pm::ui::Messages& messages = pm::ui::messages();
    text =
        nlohmann::json{{"lang", messages.language()}, {"messages", messages.resolved()}, {"problems", messages.problems()}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.c_str();
}

// Test hooks: the items of the last frame as {name: [x0, y0, x1, y1]} in CSS pixels, and the
// number of frames drawn (an idle widget draws none).
EMSCRIPTEN_KEEPALIVE const char* pm_debug_items() {
    static std::string text;
    text = g_widget ? g_widget->items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "{}";
    return text.c_str();
}
EMSCRIPTEN_KEEPALIVE double pm_frames_drawn() { return g_widget ? g_widget->frames_drawn : 0; }

// The answer to pm_js_load_fallback_font: the slices the page fetched, each as its length (4 bytes,
// little-endian) then its bytes (size 0: none were new, or the fetches failed). A length that
// runs past the end ends the list.
EMSCRIPTEN_KEEPALIVE void pm_fallback_font(int face, const unsigned char* bytes, int size) {
    if (!g_widget || face < 0 || face >= pm::ui::kFallbackFaceCount || !g_widget->host.font_done[face]) return;
    auto done = std::move(g_widget->host.font_done[face]);
    g_widget->host.font_done[face] = nullptr;
    std::vector<std::vector<unsigned char>> files;
    const std::size_t total = bytes && size > 0 ? static_cast<std::size_t>(size) : 0;
    for (std::size_t at = 0; at + 4 <= total;) {
        const std::size_t length =
            bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (static_cast<std::size_t>(bytes[at + 3]) << 24);
        at += 4;
        if (length == 0 || length > total - at) break;
        files.emplace_back(bytes + at, bytes + at + length);
        at += length;
    }
    done(std::move(files));
}

// For web/widget/text-runs.js, which keeps the runs: with `texture` 0, makes a width x height
// atlas page (empty RGBA) and returns its texture; else puts the width x height RGBA image (white,
// alpha = coverage) at x, y of page `texture`. Returns 0 when there is no context.
EMSCRIPTEN_KEEPALIVE int pm_text_run_upload(int texture, int x, int y, int width, int height, const unsigned char* rgba) {
    if (!g_widget) return 0;
    emscripten_webgl_make_context_current(g_widget->gl);
    GLuint name = static_cast<GLuint>(texture);
    if (!name) {
        glGenTextures(1, &name);
        glBindTexture(GL_TEXTURE_2D, name);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        return static_cast<int>(name);
    }
    glBindTexture(GL_TEXTURE_2D, name);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return texture;
}

// The platform's look, from the page's media queries and text size (plan-mapper.js): dark (the host's theme, or
// the system's colours under forced-colors), high contrast (prefers-contrast: more or
// forced-colors: active) and reduced motion (prefers-reduced-motion: the text cursor stops blinking).
// text_scale: the browser's text size over the design's (its root font size / 16 px): the font
// atlas is rebuilt at that size, so larger text stays sharp rather than being stretched.
EMSCRIPTEN_KEEPALIVE void pm_set_look(int dark, int high_contrast, int reduced_motion, double text_scale) {
    if (!g_widget) return;
    g_widget->dark = dark != 0;
    g_widget->high_contrast = high_contrast != 0;
    pm::ui::apply_theme(g_widget->dark, g_widget->high_contrast);
    ImGui::GetIO().ConfigInputTextCursorBlink = reduced_motion == 0;
    if (pm::ui::set_text_scale(static_cast<float>(text_scale), g_widget->pixel_ratio)) g_widget->renderer.invalidate_fonts();
}

// Controller calls from the page; each returns 1 when it did something.
EMSCRIPTEN_KEEPALIVE int pm_set_plan(const char* json) { return g_widget && json && g_widget->app->set_plan(json) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void pm_submit() { if (g_widget) g_widget->app->submit(); }
EMSCRIPTEN_KEEPALIVE int pm_undo() { return g_widget && g_widget->app->undo() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int pm_redo() { return g_widget && g_widget->app->redo() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void pm_set_token(const char* token) { if (g_widget && token) g_widget->app->set_token(token); }

// The accessibility mirror (web/widget/a11y-mirror.js): its state for a window of source and
// destination rows ("" when nothing changed since the last call; rows the last answer gave
// unchanged as their keys; whole when `full` is not 0), one source's destination options, and its
// actions. JSON, valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* pm_mirror_state(double first_row, double row_count, double first_destination,
                                                 double destination_count, double full) {
    static std::string text;
    auto count = [](double v) { return v > 0 && v < 1e9 ? static_cast<std::size_t>(v) : std::size_t{0}; };
    text = g_widget ? g_widget->app->mirror_state_if_changed(
                          {count(first_row), count(row_count), count(first_destination), count(destination_count)}, full > 0)
                    : "{}";
    return text.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* pm_mirror_options(const char* source_key, const char* query, int limit) {
    static std::string text;
    text = g_widget && source_key && query ? g_widget->app->mirror_options(source_key, query, limit > 0 ? static_cast<std::size_t>(limit) : 0)
                                           : R"({"options":[],"more":0})";
    return text.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* pm_mirror_action(const char* action_json) {
    static std::string text;
    text = g_widget && action_json ? g_widget->app->mirror_action(action_json) : R"({"ok":false,"announcement":""})";
    return text.c_str();
}

// The mapping memory (app/app_memory.h): one JSON request, one JSON answer (MapperApp::memory_request),
// valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* pm_memory(const char* request_json) {
    static std::string text;
    text = g_widget && request_json ? g_widget->app->memory_request(request_json) : R"({"ok":false,"message":"not running"})";
    return text.c_str();
}

// The page is going away or hidden: the draft of edits still waiting for a pause is handed over
// now (AppEvent::Draft), so a reload right after an edit still finds it.
EMSCRIPTEN_KEEPALIVE void pm_flush_draft() {
    if (g_widget && g_widget->app) g_widget->app->flush_draft();
}

EMSCRIPTEN_KEEPALIVE void pm_destroy() {
    if (!g_widget) return;
    emscripten_webgl_make_context_current(g_widget->gl);
    pm::ui::set_item_recorder(nullptr);
    pm::ui::set_text_run_source(nullptr);
    pm::ui::set_text_run_request(nullptr);
    if (g_widget->app) g_widget->app->flush_draft();  // the page keeps the last edits' draft
    g_widget->app.reset();
    g_widget->http.reset();
    g_widget->renderer.shutdown();
    ImGui::DestroyContext(g_widget->imgui);
    emscripten_webgl_destroy_context(g_widget->gl);
    g_widget.reset();
}

}  // extern "C"
