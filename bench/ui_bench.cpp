// Panel figures, headless (no GPU: the cost of building ImGui's draw lists, which is what the
// widget pays per frame): 5,000 source × 5,000 destination fields, one frame at rest, while
// scrolling, and the frame in which a filter keystroke lands.
#include "bench_util.h"
#include "core/session/session.h"
#include "support/synthetic_plan.h"
#include "ui/mapping_panel.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstring>

int main() {
    using namespace pm;
    test::SyntheticShape shape;
    shape.edges = 4000;
    shape.previews = 5;
    shape.unmapped_sources = 1000;
    shape.unmapped_destinations = 1000;
    Session session(test::make_synthetic_plan(shape));

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1440, 900);
    io.DeltaTime = 1.0f / 60.0f;
    ui::apply_theme(false);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ui::PanelStatus status;
    status.job_id = "us_jb_bench";
    ui::PanelState state;
    auto frame = [&] {
        ImGui::NewFrame();
        ui::draw_mapping_panel(&session, status, state);
        ImGui::Render();
    };
    for (int i = 0; i < 5; ++i) frame();  // settle layout and caches

    const int runs = 101;
    bench::report("ui.frame_5000x5000_idle", bench::median_ms(runs, frame), "ms", runs);
    // Scrolling: the wheel over the source table, a few rows per frame.
    io.AddMousePosEvent(300, 400);
    bench::report("ui.frame_5000x5000_scrolling", bench::median_ms(runs, [&] {
        io.AddMouseWheelEvent(0, -1);
        frame();
    }), "ms", runs);
    // Filter keystroke: the frame after the text changes rebuilds the visible rows.
    int keystroke = 0;
    bench::report("ui.frame_5000x5000_filter_keystroke", bench::median_ms(31, [&] {
        const char* filters[] = {"src_1", "src_12", "field 3", "dst_4"};
        std::strcpy(state.filter, filters[keystroke++ % 4]);
        frame();
    }), "ms", 31);
    // An edit: the frame after it re-derives marks (changes against the server, warnings).
    state.filter[0] = '\0';
    frame();
    int edit = 0;
    bench::report("ui.frame_5000x5000_after_edit", bench::median_ms(31, [&] {
        if (edit++ % 2) session.undo();
        else session.map("src_4500", "dst_100");
        frame();
    }), "ms", 31);
    bench::report("ui.visible_rows_after_filter", static_cast<double>(state.view.sources().size()), "rows", 1);
    ImGui::DestroyContext();
    return 0;
}
