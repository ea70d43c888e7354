// The mapping panel: a header with the job, live counts, filters and actions; the table of source
// fields (samples, destination picker, certainty, marks, enum values); the list of destination
// fields; and the review before submit. Everything works from the keyboard:
//   Tab/arrows/Enter/Esc move and choose; Ctrl+Z undo; Ctrl+Shift+Z or Ctrl+Y redo;
//   Ctrl+F search; Ctrl+Enter review and submit; F1 or "?" the keyboard map (ui/keyboard_help.h).
#pragma once

#include "core/session/session.h"
#include "ui/panel_state.h"

#include <string>

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
    bool draft_offered = false;                // unsaved edits from an earlier visit can be restored
    std::string warning;                       // e.g. a secret key used on a page anyone can open
    // The server confirmed a plan that differs from the one sent: what differs, for a person.
    // The person's plan stays on screen until they choose.
    std::string server_changes;
    // Reading the source rows: progress while it runs ("Reading the file: 12,000 of 48,000
    // rows"), then a quiet note when it ended early or could not read them.
    std::string records_progress;
    std::string records_note;
};

// What the person asked for that the panel cannot do itself.
struct PanelRequests {
    bool submit = false;
    bool restore_draft = false;
    bool discard_draft = false;
    double accept_threshold = 0;               // > 0: accept the matcher's assignment at or above it
    bool copy_plan = false;                    // put the plan as it stands on the clipboard as JSON
    bool use_server_plan = false;              // take the plan the server confirmed instead
    bool keep_own_plan = false;                // dismiss the server's version; ours goes with the next submit
    // Edges plan-mapper applied on load ("suggested"): one destination's, or all of them.
    std::string accept_suggested;
    std::string reject_suggested;
    bool accept_all_suggested = false;
    bool reject_all_suggested = false;
    bool stop_reading = false;                 // stop reading the source rows (what was read is kept)
};

// session may be null (still loading, or failed).
PanelRequests draw_mapping_panel(Session* session, const PanelStatus& status, PanelState& state);

}  // namespace pm::ui
