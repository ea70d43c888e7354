// Helpers for the panel. Text goes through TextUnformatted so '%' in data is just a character.
#include "ui/panel_widgets.h"

#include <algorithm>
#include <cctype>

namespace pm::ui {

namespace {
ItemRecorder g_recorder;
}

void text(const std::string& s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

void coloured_text(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void muted_text(const std::string& s) { coloured_text(kMutedColour, s); }

void tooltip_text(const std::string& s) {
    if (s.empty() || !ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    text(s);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

ImVec4 certainty_colour(Certainty certainty) {
    switch (certainty) {
        case Certainty::Absolute: return kGoodColour;
        case Certainty::Strong: return ImVec4(0.20f, 0.55f, 0.75f, 1.0f);
        case Certainty::Moderate: return kWarnColour;
        case Certainty::Weak: return kErrorColour;
        case Certainty::None: break;
    }
    return kMutedColour;
}

void certainty_badge(Certainty certainty) {
    if (certainty == Certainty::None) return;
    coloured_text(certainty_colour(certainty), to_string(certainty));
}

std::string safe_label(std::string s) {
    for (size_t at = s.find("##"); at != std::string::npos; at = s.find("##", at + 2)) s.insert(at + 1, " ");
    return s;
}

std::string to_lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool field_matches(const std::string& filter_lower, const Field& field) {
    return filter_lower.empty() || to_lower_ascii(field.key).find(filter_lower) != std::string::npos ||
           to_lower_ascii(field.label).find(filter_lower) != std::string::npos;
}

void set_item_recorder(ItemRecorder recorder) { g_recorder = std::move(recorder); }

void record_item(const std::string& name) {
    if (g_recorder) g_recorder(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

}  // namespace pm::ui
