// What the accessibility mirror (web/widget/a11y-mirror.js) can do, applied through the same
// calls the canvas makes (the picker's apply_destination_pick, Session::set_enum_value, undo,
// the bulk actions), so one undo history serves both, and said back in words for the live region.
#pragma once

#include "core/session/session.h"
#include "ui/mapping_panel.h"
#include "ui/panel_state.h"

#include <string>

namespace pm {

struct MirrorOutcome {
    bool ok = true;                            // false: refused or unreadable; `announcement` says why
    std::string announcement;                  // for the live region; empty: nothing to say
    bool submit = false;                       // the person chose Send plan: the app submits
};

// `action_json` is {"op": ..., ...}:
//   map {source, destination} · notMapped {source} · ignore {source}
//   setEnum {destination, value, option (null: no value)} · expand {destination, open}
//   undo · redo · filter {text} · chip {chip: unmapped|requiredMissing|lowConfidence|changed, on}
//   review {open} · send · focus {source (empty: none), scroll}
//   bulk {action: ignoreUnmapped|reset|clear|acceptSuggestions, threshold}
// session may be null (nothing loaded): every edit is then refused with a message.
MirrorOutcome apply_mirror_action(Session* session, ui::PanelState& state, const std::string& action_json);

// The header's buttons that the app itself carries out (app/mapper_app.cpp apply_requests), as
// the canvas's do: restoreDraft · discardDraft · useServerPlan · keepOwnPlan · copyPlan · stopReading.
// True when `action_json` is one of them (`requests` then says which).
bool read_mirror_request(const std::string& action_json, ui::PanelRequests& requests);

// A change in words, e.g. "Notes mapped to Account" or "E-mail will not be imported";
// `reversed` describes the opposite (what an undo took back).
std::string describe_change(const Session& session, const Change& change, bool reversed);

}  // namespace pm
