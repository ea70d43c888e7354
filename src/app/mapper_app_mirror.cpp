// MapperApp's side of the accessibility mirror: the mirror reads the same session and panel state
// the canvas draws, and its edits tell the page at once (change, draft) as the canvas's do.
#include "app/mapper_app.h"

#include "app/mirror_actions.h"
#include "core/json/problems.h"

namespace pm {

std::string MapperApp::mirror_state(const MirrorWindow& window) {
    return mirror_state_json(session_.get(), status_, panel_state_, window);
}

std::string MapperApp::mirror_options(const std::string& source_key, const std::string& query, std::size_t limit) const {
    if (!session_ || !session_->source_field(source_key)) return R"({"options":[],"more":0})";
    return mirror_options_json(*session_, panel_state_, source_key, query, limit);
}

std::string MapperApp::mirror_action(const std::string& action_json) {
    const MirrorOutcome outcome = apply_mirror_action(session_.get(), panel_state_, action_json);
    after_draw_changes();
    if (outcome.submit) submit();
    return Json{{"ok", outcome.ok}, {"announcement", outcome.announcement}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pm
