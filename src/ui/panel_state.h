// What the panel keeps between frames: filters, the cached view, expanded enum rows, the open
// review. Owned by the app, one per widget.
#pragma once

#include "core/profile/sheet_profile.h"
#include "ui/destination_names.h"
#include "ui/enum_editor.h"
#include "ui/panel_view.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pm::ui {

// One line of the source table: a source row, or one value of an expanded enum edge under it.
struct TableLine {
    std::size_t source_row = 0;
    int value_index = -1;                      // -1: the source row itself
};

// The mapping memory's view (ui/memory_view.h): the schema's remembered pairs as the app lists
// them, and what the person asked of it, for the app to carry out after the frame.
struct MemoryRow {
    std::string header;
    std::string destination_key;  // empty: remembered as left unmapped
    std::string destination_label;
    unsigned count = 0;
    std::string last_used;  // YYYY-MM-DD
    bool rejected = false;
};
struct MemoryViewState {
    enum class Ask { None, Remove, Clear, Export, Import };
    bool available = false;  // the memory is on: the header offers "Memory"
    bool open = false;
    std::vector<MemoryRow> rows;
    Ask ask = Ask::None;
    std::size_t index = 0;  // the row of Ask::Remove
    std::string message;    // the last outcome, shown in the view
};

// Values of a mapped column its destination will not take, in words for the row and the review.
struct ValueProblem {
    std::string mark;                          // short, on the row: "118 not numbers"
    std::string text;                          // "Amount: 118 of 9,000 values are not numbers, 12 blank"
    std::string examples;                      // a few offending values: "n/a" (96), "TBD" (22)
};

struct PanelState {
    char filter[256] = {};
    unsigned chips = 0;                        // FilterChip bits
    char destination_filter[128] = {};         // search inside the destination drop-down
    DestinationNames destination_names;        // what that search reads, per plan revision
    float accept_threshold = 0.9f;             // "accept suggestions above"
    PanelView view;
    std::set<std::string> expanded_enums;      // destination keys of expanded enum edges
    // The table's lines, rebuilt with the view or when an enum row opens or closes.
    std::vector<TableLine> lines;
    std::vector<std::vector<EnumValueRow>> enum_values;  // per source row; filled when expanded
    bool lines_dirty = true;
    bool focus_filter = false;                 // Ctrl+F pressed
    bool review_open = false;
    bool help_open = false;                    // the keyboard map (F1 or "?")
    const SuggestionsBySource* suggestions = nullptr;  // from the matcher, when there is one
    // The source row whose control has the keyboard in the accessibility mirror (the DOM beside
    // the canvas): the table rings it and scrolls to it once each time it is set, so a sighted
    // keyboard user sees where the mirror's focus is. Empty: nothing in the mirror has focus.
    std::string mirror_focus_source;
    bool scroll_to_mirror_focus = false;
    // The server's words about a field (a 400's {"errors":[{key, message}]}), by source or
    // destination key, shown on that field's row until the next submit.
    std::map<std::string, std::string> field_messages;
    // A row's Accept / Reject of a suggested edge (destination key), handed on as PanelRequests.
    std::string accept_suggested;
    std::string reject_suggested;
    // Rows whose pair the mapping memory proposed (app/app_memory.h): source key -> the reason,
    // shown as the row's "remembered" mark with "Forget this" beside it.
    std::map<std::string, std::string> remembered;
    std::string forget_remembered;  // "Forget this" was pressed on this source's row
    MemoryViewState memory;
    // Evidence from the source rows (core/profile), once the app has read them; null before. The
    // enum editor lists every distinct value with its count from here.
    const profile::SheetProfile* records = nullptr;
    // What will not import, by destination key (app/records_evidence.h).
    std::map<std::string, ValueProblem> value_problems;
};

// The server's message about `key`, or null.
inline const std::string* field_message(const PanelState& state, const std::string& key) {
    if (key.empty()) return nullptr;
    auto it = state.field_messages.find(key);
    return it == state.field_messages.end() ? nullptr : &it->second;
}

}  // namespace pm::ui
