// Helpers for the panel. Text goes through TextUnformatted so '%' in data is just a character.
#include "ui/panel_widgets.h"

#include "ui/messages.h"
#include "ui/shaped_text.h"

#include <algorithm>

namespace pm::ui {

namespace {
ItemRecorder g_recorder;

// Where to cut a text for display: at most kMaxShownBytes, on a UTF-8 character boundary.
std::size_t shown_length(const std::string& s) {
    if (s.size() <= kMaxShownBytes) return s.size();
    std::size_t end = kMaxShownBytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return end;
}
}  // namespace

std::string shown_text(const std::string& s) {
    const std::size_t end = shown_length(s);
    return end == s.size() ? s : s.substr(0, end) + "\xE2\x80\xA6";  // "…"
}

void text(const std::string& s) {
    // Latin, Greek, CJK...: one scan, then ImGui as always.
    if (needs_shaping(s)) {
        // Arabic, Hebrew, Indic, Thai... with the platform's run (asked for by the source).
        if (TextRunSource* source = text_run_source(s); source && source->draw_text(s)) return;
        // No run (none yet, no source) or only a bidi control (U+202E...): the controls are shown
        // as marks, as a run shows them, not as whatever glyph the font has for them.
        const std::string shown = with_visible_controls(shown_text(s));
        ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
        return;
    }
    // ImGui lays out and tessellates every character it is given, visible or not: a 10 MB label
    // would take hundreds of MB of vertex buffers (more than a wasm heap can grow to).
    const std::size_t end = shown_length(s);
    ImGui::TextUnformatted(s.data(), s.data() + end);
    if (end != s.size()) {
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted("\xE2\x80\xA6");
    }
}

void coloured_text(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void muted_text(const std::string& s) { coloured_text(muted_colour(), s); }

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
        case Certainty::Absolute: return good_colour();
        case Certainty::Strong: return text_palette().strong;
        case Certainty::Moderate: return warn_colour();
        case Certainty::Weak: return error_colour();
        case Certainty::None: break;
    }
    return muted_colour();
}

void certainty_badge(Certainty certainty) {
    if (certainty == Certainty::None) return;
    coloured_text(certainty_colour(certainty), tr(std::string("certainty.") + to_string(certainty)));
}

std::string safe_label(std::string s) {
    if (s.size() > kMaxShownBytes) s = shown_text(s);
    if (needs_shaping(s)) s = with_visible_controls(s);  // bidi controls as marks (a scan for Latin text)
    for (size_t at = s.find("##"); at != std::string::npos; at = s.find("##", at + 2)) s.insert(at + 1, " ");
    return s;
}


bool field_matches(const std::string& filter_lower, const Field& field) {
    return filter_lower.empty() || lower_ascii(field.key).find(filter_lower) != std::string::npos ||
           lower_ascii(field.label).find(filter_lower) != std::string::npos;
}

void set_item_recorder(ItemRecorder recorder) { g_recorder = std::move(recorder); }

void record_item(const std::string& name) {
    if (g_recorder) g_recorder(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

}  // namespace pm::ui
