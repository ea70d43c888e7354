// See headless_panel.h.
#include "headless_panel.h"

#include "ui/panel_state.h"
#include "ui/panel_widgets.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <vector>

namespace pm::test {

namespace {

struct Frames {
    Session* session;
    const ui::PanelStatus& status;
    ui::PanelState state;
    std::vector<ImVec2> item_centres;
    int drawn = 0;

    void frame() {
        item_centres.clear();
        ImGui::NewFrame();
        (void)ui::draw_mapping_panel(session, status, state);
        ImGui::Render();
        ++drawn;
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
};

// Copies the start of `text` into a fixed buffer the way a paste would (a cut may split a UTF-8
// sequence: ImGui must cope with that too).
void type_into(char* buffer, std::size_t size, const std::string& text) {
    const std::size_t n = std::min(size - 1, text.size());
    std::memcpy(buffer, text.data(), n);
    buffer[n] = '\0';
}

}  // namespace

HeadlessPanel::HeadlessPanel() {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext() keeps an existing context current
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DeltaTime = 1.0f / 60.0f;
    ui::apply_theme(false);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // the atlas must exist; nothing uploads it
}

HeadlessPanel::~HeadlessPanel() {
    ui::set_item_recorder(nullptr);
    ImGui::DestroyContext(context_);
}

int HeadlessPanel::draw(Session* session, const ui::PanelStatus& status, Depth depth) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    const bool full = depth == Depth::Full;
    const std::size_t hover_items = full ? 6 : 0;
    Frames f{session, status, {}, {}, 0};
    // Remembers the first items the panel reports in a frame, to hover them afterwards.
    ui::set_item_recorder([&f, hover_items](const std::string&, const ImVec2& min, const ImVec2& max) {
        if (f.item_centres.size() < hover_items) f.item_centres.emplace_back((min.x + max.x) / 2, (min.y + max.y) / 2);
    });
    io.DisplaySize = ImVec2(1280, 800);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    f.frames(full ? 2 : 1);
    // Rest the mouse on the first items: tooltips draw previews and descriptions.
    const std::vector<ImVec2> targets = f.item_centres;
    for (const ImVec2& at : targets) {
        io.AddMousePosEvent(at.x, at.y);
        f.frame();
    }
    if (session) {
        for (const Edge& edge : session->plan().field_mapping)
            if (!edge.destination.enum_options.empty()) f.state.expanded_enums.insert(edge.destination.key);
        f.state.lines_dirty = true;
        // Search for the plan's own (hostile) text, then open the review.
        const auto& sources = session->plan().unmapped_sources;
        if (full && !sources.empty()) {
            type_into(f.state.filter, sizeof(f.state.filter), sources.front().field.label);
            f.frame();
            f.state.filter[0] = '\0';
        }
        f.state.review_open = true;
        f.frames(2);
    }
    // A display far too small for the panel: clipping and negative sizes must hold.
    io.DisplaySize = ImVec2(64, 48);
    f.frame();
    ui::set_item_recorder(nullptr);
    return f.drawn;
}

}  // namespace pm::test
