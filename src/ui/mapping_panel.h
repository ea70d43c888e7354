// The mapping panel: a header with the job, live counts and the actions (undo, redo, reset,
// submit); one row per source field with its samples, the destination it feeds (chosen from a
// searchable drop-down) and the certainty; and the list of destination fields. Rows are
// virtualised with ImGuiListClipper so thousands of columns stay cheap.
#pragma once

#include "core/session.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pm::ui {

// What the panel shows besides the session itself.
struct PanelStatus {
    std::string job_id;
    std::string file_id;
    std::string job_status;
    bool loading = false;
    bool submitting = false;
    std::string message;                       // a problem to show, e.g. a load or submit error
    std::string submit_message;                // e.g. "Plan saved."
};

// One source row as drawn: its key and, when mapped, its destination's key.
struct SourceRow {
    std::string source_key;
    std::string destination_key;               // empty when not mapped
};

// State the panel keeps between frames; owned by the app.
struct PanelState {
    char filter[256] = {};
    char destination_filter[128] = {};
    // Rows are rebuilt only when the session or the filter changed.
    std::vector<SourceRow> rows;
    std::uint64_t rows_revision = ~std::uint64_t{0};
    std::string rows_filter;
    const Session* rows_session = nullptr;
};

// What the person asked for that the panel cannot do itself.
struct PanelRequests {
    bool submit = false;
};

// session may be null (still loading, or failed).
PanelRequests draw_mapping_panel(Session* session, const PanelStatus& status, PanelState& state);

}  // namespace pm::ui
