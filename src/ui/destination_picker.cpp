// The option list is built only while the drop-down is open, so closed pickers cost nothing.
#include "ui/destination_picker.h"

#include "ui/messages.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_field.h"
#include "ui/shaped_text.h"

#include <imgui.h>

#include <cmath>
#include <vector>

namespace pm::ui {

namespace {

std::string option_label(const Session& session, const Field& field, const std::string& source_key) {
    std::string label = field.display_name();
    if (field.required) label += " *";
    const Edge* taken = session.edge_to(field.key);
    if (taken && taken->source.key != source_key)
        label += "   (" + tr("picker.takenBy", {{"source", taken->source.display_name()}}) + ")";
    return safe_label(label);
}

// What Enter in the search takes: the first option whose key or label is exactly what was typed
// and that no other column feeds, else the first exact match, else the first option (typing
// "name" takes the free "Name", not "Full name" that another column already feeds).
const Field* enter_choice(const Session& session, const std::vector<std::pair<const Field*, const Candidate*>>& options,
                          const std::string& filter, const std::string& source_key) {
    const Field* exact = nullptr;
    for (const auto& option : options) {
        const Field& field = *option.first;
        if (lower_ascii(field.key) != filter && lower_ascii(field.label) != filter) continue;
        const Edge* taken = session.edge_to(field.key);
        if (!taken || taken->source.key == source_key) return &field;
        if (!exact) exact = &field;
    }
    return exact ? exact : options.front().first;
}

// What the person picked. Applied only after the list is drawn: the options point into the plan,
// and an edit rearranges it (ASan caught the list being drawn from freed memory).
struct Pick {
    bool picked = false;
    PickKind kind = PickKind::Map;
    std::string destination_key;
};

}  // namespace

void apply_destination_pick(Session& session, const std::string& source_key, const std::string& current_destination,
                            PickKind kind, const std::string& destination_key) {
    switch (kind) {
        case PickKind::Map:
            if (destination_key != current_destination) session.map(source_key, destination_key);
            break;
        case PickKind::NotMapped:
            if (!current_destination.empty()) session.unmap_edge(source_key, current_destination);
            if (session.is_ignored(source_key)) session.unignore(source_key);
            break;
        case PickKind::Ignore:
            session.ignore(source_key);
            break;
    }
}

void draw_destination_picker(Session& session, const std::string& source_key, const std::string& destination_key,
                             PanelState& state) {
    const Field* current = destination_key.empty() ? nullptr : session.destination_field(destination_key);
    const bool ignored = session.is_ignored(source_key);
    const std::string preview = current ? current->display_name() : tr(ignored ? "picker.ignore" : "picker.notMapped");
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string shown = safe_label(preview);
    ShapedLabel shaped(shown, ShapedLabel::Kind::ComboPreview);
    const bool open = ImGui::BeginCombo("##destination", shaped.combo_preview(shown), ImGuiComboFlags_HeightLarge);
    shaped.draw_over();
    record_item("picker:" + source_key);
    if (!open) return;
    if (ImGui::IsWindowAppearing()) {
        state.destination_filter[0] = '\0';
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ShapedField shaped_search("##search", state.destination_filter);
    const bool enter = ImGui::InputTextWithHint("##search", tr("picker.search").c_str(), state.destination_filter,
                                                sizeof(state.destination_filter),
                                                ShapedField::flags(ImGuiInputTextFlags_EnterReturnsTrue), ShapedField::callback);
    record_item("picker-search");
    shaped_search.after(state.destination_filter);
    const std::string filter = lower_ascii(state.destination_filter);

    // Candidates from the matcher first, then every field that matches the search.
    std::vector<std::pair<const Field*, const Candidate*>> options;
    if (state.suggestions) {
        if (auto it = state.suggestions->find(source_key); it != state.suggestions->end())
            for (const Candidate& candidate : it->second)
                if (const Field* field = session.destination_field(candidate.destination_key); field && field_matches(filter, *field))
                    options.emplace_back(field, &candidate);
    }
    const size_t suggested = options.size();
    for (const DestinationNames::Entry& entry : state.destination_names.of(session)) {
        if (!DestinationNames::matches(filter, entry)) continue;
        bool listed = false;
        for (size_t i = 0; i < suggested && !listed; ++i) listed = options[i].first->key == entry.key;
        if (const Field* field = listed ? nullptr : session.destination_field(entry.key)) options.emplace_back(field, nullptr);
    }

    Pick pick;
    if (enter && !options.empty()) {
        pick = {true, PickKind::Map, enter_choice(session, options, filter, source_key)->key};
        ImGui::CloseCurrentPopup();
        ImGui::EndCombo();
        if (pick.picked) apply_destination_pick(session, source_key, destination_key, pick.kind, pick.destination_key);
        return;
    }
    if (filter.empty()) {
        if (ImGui::Selectable(tr("picker.notMapped").c_str(), !current && !ignored)) pick = {true, PickKind::NotMapped, {}};
        record_item("picker-option:(not mapped)");
        if (ImGui::Selectable(tr("picker.ignore").c_str(), ignored)) pick = {true, PickKind::Ignore, {}};
        record_item("picker-option:(do not import)");
    }
    if (suggested > 0) ImGui::SeparatorText(tr("picker.suggested").c_str());
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(options.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& [field, candidate] = options[static_cast<size_t>(i)];
            if (static_cast<size_t>(i) == suggested && suggested > 0) ImGui::SeparatorText(tr("picker.allFields").c_str());
            ImGui::PushID(i);
            std::string label = option_label(session, *field, source_key);
            if (candidate) label += "   " + std::to_string(static_cast<int>(std::lround(candidate->score * 100))) + "%";
            const std::string option_shown = safe_label(label);
            ShapedLabel option_shaped(option_shown);
            if (ImGui::Selectable(option_shown.c_str(), current && current->key == field->key, option_shaped.selectable_flags(0),
                                  option_shaped.selectable_size()))
                pick = {true, PickKind::Map, field->key};
            option_shaped.draw_over();
            record_item("picker-option:" + field->key);
            tooltip_text(candidate ? tr(candidate->reason) : field->description);
            ImGui::PopID();
        }
    }
    if (options.empty()) muted_text(tr("picker.noMatch"));
    ImGui::EndCombo();
    if (pick.picked) apply_destination_pick(session, source_key, destination_key, pick.kind, pick.destination_key);
}

}  // namespace pm::ui
