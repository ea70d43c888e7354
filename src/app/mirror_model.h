// The accessibility mirror's view of the panel: what web/widget/a11y-mirror.js shows as real DOM
// controls beside the canvas (counts, filters, a window of source rows, the destinations, the
// review), built from the same session and panel state the canvas draws, as compact JSON. No
// ImGui here: the model is plain data, so it is tested natively and costs only the rows asked for.
#pragma once

#include "core/session/session.h"
#include "ui/mapping_panel.h"
#include "ui/panel_state.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace pm {

// Which rows the mirror shows: a window of the filtered source rows and of the destination rows
// (the mirror is virtualized like the canvas's table: a 5,000-row plan never becomes 5,000 rows).
struct MirrorWindow {
    std::size_t first_source = 0;
    std::size_t source_count = 40;
    std::size_t first_destination = 0;
    std::size_t destination_count = 40;
};

// The rows the page was last given, by key, as the text each was written as. With it, a row
// written again exactly as before is sent as its key alone ("src_5" instead of {"key":"src_5",…}):
// after an edit the page parses and patches only the rows that changed (and the ones that came
// into the window), not every visible row. Rebuilt by every call that is given it.
struct MirrorRowsSent {
    std::unordered_map<std::string, std::string> sources;
    std::unordered_map<std::string, std::string> destinations;
};

// The whole mirror state for `window` (session may be null: still loading or failed). Brings the
// panel's cached view up to date first (the same call the canvas makes; free when nothing changed).
// Keys: loaded, loading, reading (the source rows are being read: Stop reading shows), submitting, message, submitMessage, warning, serverChanges, counts{...},
// canUndo, canRedo, filter, chips{unmapped, requiredMissing, lowConfidence, changed}, reviewOpen,
// review{lines, requiredMissing}, rowCount, firstRow, rows[...], destinationCount,
// firstDestination, destinations[...]. See the .cpp for a row's members. With `sent`, rows and
// destinations the page already has as they are now are written as their key strings.
std::string mirror_state_json(const Session* session, const ui::PanelStatus& status, ui::PanelState& state,
                              const MirrorWindow& window, MirrorRowsSent* sent = nullptr);

// The destination options for one source's combobox: "Not mapped" and "Do not import" (when the
// query is empty or part of their names), then the matcher's candidates, then every destination whose key or label
// contains `query` (ASCII case-insensitive), each with who takes it; at most `limit` destinations.
// {"options":[{"kind":"none"|"ignore"|"destination","key","label","takenBy","required",
// "selected","score"}],"more":N} where N counts the matching destinations left out.
std::string mirror_options_json(const Session& session, const ui::PanelState& state, const std::string& source_key,
                                const std::string& query, std::size_t limit);

}  // namespace pm
