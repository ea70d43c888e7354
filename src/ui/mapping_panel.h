// The mapping panel: a header with the job and live counts, one row per source field (its samples
// and the destination it feeds), and the list of destination fields. Drawn with Dear ImGui from
// the plan it is given; rows are virtualised with ImGuiListClipper so thousands of columns stay cheap.
#pragma once

#include "core/plan_model.h"

#include <string>

namespace pm::ui {

// What the panel shows besides the plan itself.
struct PanelStatus {
    std::string job_id;
    std::string file_id;
    std::string job_status;
    bool loading = false;
    std::string message;                       // a problem to show above the fields, e.g. a load error
};

// State the panel keeps between frames (filters, selection); owned by the app.
struct PanelState {
    char filter[256] = {};
};

void draw_mapping_panel(const ExecutionPlan* plan, const PanelStatus& status, PanelState& state);

}  // namespace pm::ui
