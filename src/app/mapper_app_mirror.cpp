// MapperApp's side of the accessibility mirror: the mirror reads the same session and panel state
// the canvas draws, and its edits tell the page at once (change, draft) as the canvas's do.
#include "app/mapper_app.h"

#include "app/mirror_actions.h"
#include "core/json/problems.h"
#include "ui/messages.h"

namespace pm {

std::string MapperApp::mirror_state(const MirrorWindow& window) {
    return mirror_state_json(session_.get(), status_, panel_state_, window);
}

// Everything mirror_state_json reads, short of the rows themselves: the session's revision (every
// edit, undo and redo), the filters, the review, the status texts, the enum rows open, the
// server's messages, and whether the matcher has finished (its suggestions add to the reasons
// shown; while it ranks a big plan slice by slice, the mirror is not rebuilt for every slice).
std::string MapperApp::mirror_key() const {
    std::string key = std::to_string(sessions_started_) + '/' + std::to_string(session_ ? session_->revision() : 0) + '/' +
                      (ranking() ? "r" : "-") + (panel_state_.suggestions ? "s" : "-") + '/' +
                      std::to_string(panel_state_.chips) + '/' + (panel_state_.review_open ? "r" : "-") +
                      (status_.loading ? "l" : "-") + (status_.submitting ? "u" : "-") + (status_.draft_offered ? "d" : "-");
    key += panel_state_.records ? 'R' : '-';
    for (const std::string* text : {&status_.message, &status_.submit_message, &status_.warning, &status_.server_changes, &status_.job_id,
                                    &status_.records_progress, &status_.records_note})
        key += '\x1f' + *text;
    key += '\x1f';
    key += panel_state_.filter;
    for (const std::string& destination : panel_state_.expanded_enums) key += '\x1e' + destination;
    for (const auto& [field, message] : panel_state_.field_messages) key += '\x1d' + field + '\x1d' + message;
    for (const auto& [source, reason] : panel_state_.remembered) key += '\x1c' + source + '\x1c' + reason;
    return key;
}

std::string MapperApp::mirror_state_if_changed(const MirrorWindow& window, bool full) {
    std::string key = mirror_key() + '/' + std::to_string(window.first_source) + '/' + std::to_string(window.source_count) + '/' +
                      std::to_string(window.first_destination) + '/' + std::to_string(window.destination_count);
    if (full) mirror_sent_ = {};  // the page has no rows: every one is written out
    else if (key == mirror_key_) return {};
    mirror_key_ = std::move(key);
    return mirror_state_json(session_.get(), status_, panel_state_, window, &mirror_sent_);
}

std::string MapperApp::mirror_options(const std::string& source_key, const std::string& query, std::size_t limit) const {
    if (!session_ || !session_->source_field(source_key)) return R"({"options":[],"more":0})";
    return mirror_options_json(*session_, panel_state_, source_key, query, limit);
}

// The header's app-level buttons (draft, the server's version, copy): carried out like the
// canvas's, and said back; asked for when there is nothing to do, they are refused in words.
MirrorOutcome MapperApp::mirror_request(const ui::PanelRequests& requests) {
    if (!session_) return MirrorOutcome{false, ui::tr("say.notLoaded"), false};
    if ((requests.restore_draft || requests.discard_draft) && !status_.draft_offered)
        return MirrorOutcome{false, ui::tr("app.draftNone"), false};
    if ((requests.use_server_plan || requests.keep_own_plan) && status_.server_changes.empty())
        return MirrorOutcome{false, ui::tr("app.noServerVersion"), false};
    if (requests.stop_reading && status_.records_progress.empty()) return MirrorOutcome{false, ui::tr("app.notReading"), false};
    apply_requests(requests);
    if (requests.stop_reading) {
        update_records();                      // the note replaces the progress now, not a frame later
        return MirrorOutcome{true, status_.records_note.empty() ? ui::tr("app.readingStopped") : status_.records_note, false};
    }
    if (requests.restore_draft) return MirrorOutcome{true, ui::tr("app.draftRestored"), false};
    if (requests.discard_draft) return MirrorOutcome{true, ui::tr("app.draftDiscarded"), false};
    return MirrorOutcome{true, status_.submit_message, false};
}

std::string MapperApp::mirror_action(const std::string& action_json) {
    ui::PanelRequests requests;
    const MirrorOutcome outcome = read_mirror_request(action_json, requests)
        ? mirror_request(requests)
        : apply_mirror_action(session_.get(), panel_state_, action_json);
    after_draw_changes();
    if (outcome.submit) submit();
    return Json{{"ok", outcome.ok}, {"announcement", outcome.announcement}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pm
