// Each action is checked before it touches anything: unknown keys and wrong types are refused with
// a sentence, never an abort (the wasm has no exceptions; the JSON is read without throwing).
#include "app/mirror_actions.h"

#include "app/suggestions.h"
#include "matcher/plan_matcher.h"
#include "ui/destination_picker.h"
#include "ui/enum_editor.h"
#include "ui/messages.h"
#include "ui/panel_header.h"
#include "ui/panel_widgets.h"

#include <cstring>
#include <optional>

namespace pm {

using ui::tr;
using ui::trn;

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

MirrorOutcome nothing_changed() { return MirrorOutcome{true, tr("say.nothingChanged"), false}; }

// The outcome of an edit: the session's refusal, "Nothing changed.", or the change in words
// (`key`'s message with {changes} filled).
MirrorOutcome edited(const Session& session, const Change& change, const char* key = "say.change") {
    if (!change.refused.empty()) return refused(tr(change.refused_text));
    if (change.empty()) return nothing_changed();
    return MirrorOutcome{true, tr(key, {{"changes", describe_change(session, change, false)}}), false};
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
    return trn("say.rowsShown", static_cast<long long>(total), {{"shown", std::to_string(shown)}});
}

MirrorOutcome set_enum(Session& session, const Json& action) {
    const std::string destination = text_member(action, "destination");
    const Edge* edge = session.edge_to(destination);
    if (!edge) return refused(tr("say.noSourceFor", {{"field", session.destination_name(destination)}}));
    auto value = action.find("value");
    if (value == action.end()) return refused(tr("say.noValueGiven"));
    std::optional<Json> option;
    if (auto it = action.find("option"); it != action.end() && !it->is_null()) option = *it;
    std::string option_text = tr("say.noValue");
    if (option) {
        option_text = ui::enum_value_text(*option);
        for (const EnumOption& o : edge->destination.enum_options)
            if (o.value == *option && !o.label.empty()) option_text = o.label;
    }
    const std::string field = edge->destination.display_name();
    const Change change = session.set_enum_value(destination, *value, option);
    if (!change.refused.empty()) return refused(tr(change.refused_text));
    if (change.empty()) return nothing_changed();
    return MirrorOutcome{
        true, tr("say.valueSet", {{"value", ui::enum_value_text(*value)}, {"field", field}, {"option", option_text}}), false};
}

MirrorOutcome bulk(Session& session, ui::PanelState& state, const Json& action) {
    const std::string which = text_member(action, "action");
    if (which == "ignoreUnmapped") {
        const std::size_t n = ui::ignore_unmapped(session);
        return MirrorOutcome{true, trn("say.ignoredUnmapped", static_cast<long long>(n)), false};
    }
    if (which == "reset") return edited(session, session.reset_to_server(), "say.backToServer");
    if (which == "clear") {
        const Change change = session.clear_all();
        return MirrorOutcome{true, trn("say.cleared", static_cast<long long>(change.unlinked.size())), false};
    }
    if (which == "acceptSuggestions") {
        if (!state.suggestions) return refused(tr("say.suggestionsNotReady"));
        double threshold = state.accept_threshold;
        if (auto it = action.find("threshold"); it != action.end() && it->is_number()) threshold = it->get<double>();
        if (!(threshold >= 0.5 && threshold <= 1.0)) return refused(tr("say.scoreRange"));
        const std::size_t n = accept_assignment(session, threshold);
        return MirrorOutcome{true, trn("say.suggestionsAccepted", static_cast<long long>(n)), false};
    }
    if (which == "acceptSuggested" || which == "rejectSuggested") {
        const bool accept = which == "acceptSuggested";
        const std::size_t n = accept ? accept_all_suggested(session) : reject_all_suggested(session);
        return MirrorOutcome{true, trn(accept ? "say.suggestedAccepted" : "say.suggestedRejected", static_cast<long long>(n)),
                             false};
    }
    return refused(tr("say.unknownBulk"));
}

}  // namespace

std::string describe_change(const Session& session, const Change& change, bool reversed) {
    const auto& linked = reversed ? change.unlinked : change.linked;
    const auto& unlinked = reversed ? change.linked : change.unlinked;
    const auto& ignored = reversed ? change.unignored : change.ignored;
    const auto& unignored = reversed ? change.ignored : change.unignored;
    std::vector<std::string> parts;
    auto pair = [&](const char* key, const Link& l) {
        return tr(key,
                  {{"source", session.source_name(l.source_key)}, {"destination", session.destination_name(l.destination_key)}});
    };
    for (const Link& l : linked) parts.push_back(pair("say.mapped", l));
    for (const Link& l : unlinked) parts.push_back(pair("say.unmapped", l));
    for (const std::string& k : ignored) parts.push_back(tr("say.willNotImport", {{"source", session.source_name(k)}}));
    for (const std::string& k : unignored) parts.push_back(tr("say.willImport", {{"source", session.source_name(k)}}));
    for (const Link& l : change.edited)
        parts.push_back(tr("say.valuesChanged", {{"destination", session.destination_name(l.destination_key)}}));
    constexpr std::size_t kNamed = 3;          // a bulk change is summed up, not read out in full
    std::string text;
    for (std::size_t i = 0; i < parts.size() && i < kNamed; ++i) text += (i ? "; " : "") + parts[i];
    if (parts.size() > kNamed) text += "; " + trn("say.andMore", static_cast<long long>(parts.size() - kNamed));
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
    if (!action.is_object()) return refused(tr("say.unreadable"));
    const std::string op = text_member(action, "op");
    if (!session) return refused(tr("say.notLoaded"));
    const std::string source = text_member(action, "source");
    if (op == "map" || op == "notMapped" || op == "ignore") {
        if (!session->source_field(source)) return refused(tr("say.unknownSource"));
        std::string current;
        if (const auto edges = session->edges_from(source); !edges.empty()) current = edges.front()->destination.key;
        if (op == "notMapped" && !text_member(action, "destination").empty()) current = text_member(action, "destination");
        const std::uint64_t before = session->revision();
        if (op == "map") {
            const std::string destination = text_member(action, "destination");
            if (!session->destination_field(destination)) return refused(tr("say.unknownDestination"));
            ui::apply_destination_pick(*session, source, current, ui::PickKind::Map, destination);
        } else {
            ui::apply_destination_pick(*session, source, current, op == "ignore" ? ui::PickKind::Ignore : ui::PickKind::NotMapped);
        }
        if (session->revision() == before) return nothing_changed();
        std::string words;
        if (op == "map")
            words = tr("say.mapped",
                       {{"source", session->source_name(source)},
                        {"destination", session->destination_name(text_member(action, "destination"))}});
        else words = tr(op == "ignore" ? "say.willNotImport" : "say.isNotMapped", {{"source", session->source_name(source)}});
        return MirrorOutcome{true, tr("say.change", {{"changes", words}}), false};
    }
    if (op == "acceptSuggested" || op == "rejectSuggested") {
        const std::string destination = text_member(action, "destination");
        const Edge* edge = session->edge_to(destination);
        if (!edge || !match::is_pending_suggestion(*edge)) return refused(tr("say.notSuggestion"));
        const ui::MessageArgs words = {{"source", session->source_name(edge->source.key)},
                                       {"destination", session->destination_name(destination)}};
        const bool accept = op == "acceptSuggested";
        if (!(accept ? accept_suggested(*session, destination) : reject_suggested(*session, destination)))
            return nothing_changed();
        return MirrorOutcome{true, tr(accept ? "say.accepted" : "say.rejected", words), false};
    }
    if (op == "setEnum") return set_enum(*session, action);
    if (op == "expand") {
        const std::string destination = text_member(action, "destination");
        if (!session->edge_to(destination)) return refused(tr("say.noSourceMapped"));
        if (flag_member(action, "open")) state.expanded_enums.insert(destination);
        else state.expanded_enums.erase(destination);
        state.lines_dirty = true;
        return MirrorOutcome{true, {}, false};
    }
    if (op == "undo" || op == "redo") {
        const bool undo = op == "undo";
        if (undo ? !session->can_undo() : !session->can_redo())
            return refused(tr(undo ? "say.nothingToUndo" : "say.nothingToRedo"));
        const Change change = undo ? session->undo() : session->redo();
        return MirrorOutcome{true, tr(undo ? "say.undid" : "say.redid", {{"changes", describe_change(*session, change, undo)}}),
                             false};
    }
    if (op == "filter") {
        const std::string text = text_member(action, "text");
        if (text.size() >= sizeof(state.filter)) return refused(tr("say.searchTooLong"));
        std::memcpy(state.filter, text.c_str(), text.size() + 1);
        return MirrorOutcome{true, rows_shown(state, *session), false};
    }
    if (op == "chip") {
        const unsigned bit = chip_bit(text_member(action, "chip"));
        if (!bit) return refused(tr("say.unknownFilter"));
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
        return MirrorOutcome{true, tr("say.sending"), true};
    }
    if (op == "focus") {
        state.mirror_focus_source = source;
        state.scroll_to_mirror_focus = !source.empty() && flag_member(action, "scroll");
        return MirrorOutcome{true, {}, false};
    }
    if (op == "bulk") return bulk(*session, state, action);
    return refused(tr("say.unknownAction"));
}

}  // namespace pm
