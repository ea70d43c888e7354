// Each action is checked before it touches anything: unknown keys and wrong types are refused with
// a sentence, never an abort (the wasm has no exceptions; the JSON is read without throwing).
#include "app/mirror_actions.h"

#include "app/suggestions.h"
#include "matcher/plan_matcher.h"
#include "ui/destination_picker.h"
#include "ui/enum_editor.h"
#include "ui/panel_header.h"
#include "ui/panel_widgets.h"

#include <cstring>
#include <optional>

namespace pm {

namespace {

std::string text_member(const Json& json, const char* name) {
    auto it = json.find(name);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag_member(const Json& json, const char* name) {
    auto it = json.find(name);
    return it != json.end() && it->is_boolean() && it->get<bool>();
}

MirrorOutcome refused(std::string why) { return MirrorOutcome{false, std::move(why), false}; }

// The outcome of an edit: the session's refusal, "Nothing changed.", or the change in words.
MirrorOutcome edited(const Session& session, const Change& change, const std::string& prefix = {}) {
    if (!change.refused.empty()) return refused(change.refused);
    if (change.empty()) return MirrorOutcome{true, "Nothing changed.", false};
    return MirrorOutcome{true, prefix + describe_change(session, change, false) + ".", false};
}

unsigned chip_bit(const std::string& name) {
    if (name == "unmapped") return ui::kChipUnmapped;
    if (name == "requiredMissing") return ui::kChipRequiredMissing;
    if (name == "lowConfidence") return ui::kChipLowConfidence;
    if (name == "changed") return ui::kChipChanged;
    return 0;
}

std::string rows_shown(ui::PanelState& state, const Session& session) {
    state.view.update(session, state.filter, state.chips);
    state.lines_dirty = true;
    const std::size_t shown = state.view.sources().size();
    const std::size_t total = session.counts().sources();
    return std::to_string(shown) + " of " + std::to_string(total) + " source column" + (total == 1 ? "" : "s") + " shown.";
}

MirrorOutcome set_enum(Session& session, const Json& action) {
    const std::string destination = text_member(action, "destination");
    const Edge* edge = session.edge_to(destination);
    if (!edge) return refused("No source is mapped to " + session.destination_name(destination) + ".");
    auto value = action.find("value");
    if (value == action.end()) return refused("No source value was given.");
    std::optional<Json> option;
    if (auto it = action.find("option"); it != action.end() && !it->is_null()) option = *it;
    std::string option_text = "no value";
    if (option) {
        option_text = ui::enum_value_text(*option);
        for (const EnumOption& o : edge->destination.enum_options)
            if (o.value == *option && !o.label.empty()) option_text = o.label;
    }
    const std::string what = "Value " + ui::enum_value_text(*value) + " of " + edge->destination.display_name();
    const Change change = session.set_enum_value(destination, *value, option);
    if (!change.refused.empty()) return refused(change.refused);
    if (change.empty()) return MirrorOutcome{true, "Nothing changed.", false};
    return MirrorOutcome{true, what + " set to " + option_text + ".", false};
}

MirrorOutcome bulk(Session& session, ui::PanelState& state, const Json& action) {
    const std::string which = text_member(action, "action");
    if (which == "ignoreUnmapped") {
        const std::size_t n = ui::ignore_unmapped(session);
        return MirrorOutcome{true, std::to_string(n) + " unmapped column" + (n == 1 ? "" : "s") + " set to Do not import.", false};
    }
    if (which == "reset") return edited(session, session.reset_to_server(), "Back to the server's plan: ");
    if (which == "clear") {
        const Change change = session.clear_all();
        return MirrorOutcome{true, std::to_string(change.unlinked.size()) + " mapping" + (change.unlinked.size() == 1 ? "" : "s") + " cleared.", false};
    }
    if (which == "acceptSuggestions") {
        if (!state.suggestions) return refused("Suggestions are not ready yet.");
        double threshold = state.accept_threshold;
        if (auto it = action.find("threshold"); it != action.end() && it->is_number()) threshold = it->get<double>();
        if (!(threshold >= 0.5 && threshold <= 1.0)) return refused("The score must be between 0.5 and 1.");
        const std::size_t n = accept_assignment(session, threshold);
        return MirrorOutcome{true, std::to_string(n) + " suggestion" + (n == 1 ? "" : "s") + " accepted.", false};
    }
    if (which == "acceptSuggested" || which == "rejectSuggested") {
        const bool accept = which == "acceptSuggested";
        const std::size_t n = accept ? accept_all_suggested(session) : reject_all_suggested(session);
        return MirrorOutcome{
            true, std::to_string(n) + " suggested mapping" + (n == 1 ? "" : "s") + (accept ? " accepted." : " rejected."), false};
    }
    return refused("Unknown bulk action.");
}

}  // namespace

std::string describe_change(const Session& session, const Change& change, bool reversed) {
    const auto& linked = reversed ? change.unlinked : change.linked;
    const auto& unlinked = reversed ? change.linked : change.unlinked;
    const auto& ignored = reversed ? change.unignored : change.ignored;
    const auto& unignored = reversed ? change.ignored : change.unignored;
    std::vector<std::string> parts;
    for (const Link& l : linked) parts.push_back(session.source_name(l.source_key) + " mapped to " + session.destination_name(l.destination_key));
    for (const Link& l : unlinked) parts.push_back(session.source_name(l.source_key) + " unmapped from " + session.destination_name(l.destination_key));
    for (const std::string& k : ignored) parts.push_back(session.source_name(k) + " will not be imported");
    for (const std::string& k : unignored) parts.push_back(session.source_name(k) + " will be imported");
    for (const Link& l : change.edited) parts.push_back("values of " + session.destination_name(l.destination_key) + " changed");
    constexpr std::size_t kNamed = 3;          // a bulk change is summed up, not read out in full
    std::string text;
    for (std::size_t i = 0; i < parts.size() && i < kNamed; ++i) text += (i ? "; " : "") + parts[i];
    if (parts.size() > kNamed) text += "; and " + std::to_string(parts.size() - kNamed) + " more";
    return ui::shown_text(text);
}

bool read_mirror_request(const std::string& action_json, ui::PanelRequests& requests) {
    const Json action = Json::parse(action_json, nullptr, false);
    if (!action.is_object()) return false;
    const std::string op = text_member(action, "op");
    if (op == "restoreDraft") requests.restore_draft = true;
    else if (op == "discardDraft") requests.discard_draft = true;
    else if (op == "useServerPlan") requests.use_server_plan = true;
    else if (op == "keepOwnPlan") requests.keep_own_plan = true;
    else if (op == "copyPlan") requests.copy_plan = true;
    else if (op == "stopReading") requests.stop_reading = true;
    else return false;
    return true;
}

MirrorOutcome apply_mirror_action(Session* session, ui::PanelState& state, const std::string& action_json) {
    const Json action = Json::parse(action_json, nullptr, false);
    if (!action.is_object()) return refused("The action could not be read.");
    const std::string op = text_member(action, "op");
    if (!session) return refused("The plan is not loaded yet.");
    const std::string source = text_member(action, "source");
    if (op == "map" || op == "notMapped" || op == "ignore") {
        if (!session->source_field(source)) return refused("Unknown source column.");
        std::string current;
        if (const auto edges = session->edges_from(source); !edges.empty()) current = edges.front()->destination.key;
        if (op == "notMapped" && !text_member(action, "destination").empty()) current = text_member(action, "destination");
        const std::uint64_t before = session->revision();
        if (op == "map") {
            const std::string destination = text_member(action, "destination");
            if (!session->destination_field(destination)) return refused("Unknown destination field.");
            ui::apply_destination_pick(*session, source, current, ui::PickKind::Map, destination);
        } else {
            ui::apply_destination_pick(*session, source, current, op == "ignore" ? ui::PickKind::Ignore : ui::PickKind::NotMapped);
        }
        if (session->revision() == before) return MirrorOutcome{true, "Nothing changed.", false};
        std::string words;
        if (op == "map") words = session->source_name(source) + " mapped to " + session->destination_name(text_member(action, "destination"));
        else if (op == "ignore") words = session->source_name(source) + " will not be imported";
        else words = session->source_name(source) + " is not mapped";
        return MirrorOutcome{true, words + ".", false};
    }
    if (op == "acceptSuggested" || op == "rejectSuggested") {
        const std::string destination = text_member(action, "destination");
        const Edge* edge = session->edge_to(destination);
        if (!edge || !match::is_pending_suggestion(*edge)) return refused("That mapping is not a suggestion.");
        const std::string words = session->source_name(edge->source.key) + " to " + session->destination_name(destination);
        const bool accept = op == "acceptSuggested";
        if (!(accept ? accept_suggested(*session, destination) : reject_suggested(*session, destination)))
            return MirrorOutcome{true, "Nothing changed.", false};
        return MirrorOutcome{true, std::string(accept ? "Accepted: " : "Rejected: ") + words + ".", false};
    }
    if (op == "setEnum") return set_enum(*session, action);
    if (op == "expand") {
        const std::string destination = text_member(action, "destination");
        if (!session->edge_to(destination)) return refused("No source is mapped to that field.");
        if (flag_member(action, "open")) state.expanded_enums.insert(destination);
        else state.expanded_enums.erase(destination);
        state.lines_dirty = true;
        return MirrorOutcome{true, {}, false};
    }
    if (op == "undo" || op == "redo") {
        const bool undo = op == "undo";
        if (undo ? !session->can_undo() : !session->can_redo()) return refused(undo ? "Nothing to undo." : "Nothing to redo.");
        const Change change = undo ? session->undo() : session->redo();
        return MirrorOutcome{true, std::string(undo ? "Undid: " : "Redid: ") + describe_change(*session, change, undo) + ".", false};
    }
    if (op == "filter") {
        const std::string text = text_member(action, "text");
        if (text.size() >= sizeof(state.filter)) return refused("The search text is too long.");
        std::memcpy(state.filter, text.c_str(), text.size() + 1);
        return MirrorOutcome{true, rows_shown(state, *session), false};
    }
    if (op == "chip") {
        const unsigned bit = chip_bit(text_member(action, "chip"));
        if (!bit) return refused("Unknown filter.");
        if (flag_member(action, "on")) state.chips |= bit;
        else state.chips &= ~bit;
        return MirrorOutcome{true, rows_shown(state, *session), false};
    }
    if (op == "review") {
        state.review_open = flag_member(action, "open");
        return MirrorOutcome{true, {}, false};
    }
    if (op == "send") {
        state.review_open = false;
        return MirrorOutcome{true, "Sending the plan...", true};
    }
    if (op == "focus") {
        state.mirror_focus_source = source;
        state.scroll_to_mirror_focus = !source.empty() && flag_member(action, "scroll");
        return MirrorOutcome{true, {}, false};
    }
    if (op == "bulk") return bulk(*session, state, action);
    return refused("Unknown action.");
}

}  // namespace pm
