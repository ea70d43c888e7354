// Text fields holding text that needs shaping; see shaped_field.h.
#include "ui/shaped_field.h"

#include "ui/shaped_text.h"

#include <imgui_internal.h>  // GetActiveID: which field is being edited

#include <algorithm>
#include <cstring>
#include <utility>

namespace pm::ui {

namespace {
bool g_native = false;
ActiveTextField g_active;
int g_active_frame = -1;
ImGuiID g_native_id = 0;   // the field the platform edits natively, from its first shaped text until it closes
ImGuiID g_replace_id = 0;  // the field the pending replacement is for (0: none)
std::string g_replacement;
}  // namespace

void set_native_text_editing(bool native) { g_native = native; }

const ActiveTextField& active_text_field() {
    static const ActiveTextField none;
    const bool current = g_active_frame == ImGui::GetFrameCount() && g_active.id != 0 && g_active.id == ImGui::GetActiveID();
    return current ? g_active : none;
}

void replace_active_field_text(std::string text) {
    const ActiveTextField& field = active_text_field();
    if (field.id == 0) return;  // the field has closed meanwhile: the edit has nowhere to go
    g_replace_id = field.id;
    g_replacement = std::move(text);
}

// Without a source (the web before it has loaded its shaping code) the field is ImGui's, as for
// Latin text; the source's begin_field and end_field (below, in the deferred wasm on the web) do
// the rest, for every field once there is one (a field edited natively stays so).
ShapedField::ShapedField(const char* label, const char* buffer) {
    if (TextRunSource* source = text_run_source(buffer ? buffer : "")) source->begin_field(*this, label, buffer);
}

void ShapedField::after(const char* buffer) {
    if (TextRunSource* source = text_run_source()) source->end_field(*this, buffer);
}

void TextRunSource::begin_field(ShapedField& field, const char* label, const char* buffer) {
    if (!buffer) return;
    const ImGuiID id = ImGui::GetID(label);
    const bool active = ImGui::GetActiveID() == id;
    if (active && g_native && g_native_id == id) {
        // The page's input shows the text (even once it needs no shaping any more): hidden here.
    } else if (!needs_shaping(buffer)) {
        return;  // Latin...: a scan, ImGui as always
    } else if (active) {
        if (!g_native) return;  // ImGui shows the logical order; end_field adds the shaped preview
    } else {
        field.run_ = run_for(buffer);
        if (!field.run_) return;  // not ready yet: ImGui's glyphs meanwhile
    }
    field.hidden_.hide();
}

int ShapedField::callback(ImGuiInputTextCallbackData* data) {
    if (g_replace_id == 0 || data->EventFlag != ImGuiInputTextFlags_CallbackAlways || ImGui::GetActiveID() != g_replace_id)
        return 0;
    g_replace_id = 0;
    // The whole buffer is written (as ImGui lets a callback do, BufDirty set), not through
    // DeleteChars/InsertChars: the link inlines those here, code every plan would download.
    std::size_t end = std::min(g_replacement.size(), static_cast<std::size_t>(data->BufSize - 1));
    while (end > 0 && end < g_replacement.size() && (static_cast<unsigned char>(g_replacement[end]) & 0xC0) == 0x80)
        --end;  // a whole character
    std::memcpy(data->Buf, g_replacement.data(), end);
    data->Buf[end] = '\0';
    data->BufTextLen = data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(end);
    data->BufDirty = true;
    g_replacement.clear();
    return 0;
}

void TextRunSource::end_field(ShapedField& field, const char* buffer) {
    const ImU32 colour = field.hidden_.colour();
    field.hidden_.restore();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImGuiID id = ImGui::GetItemID();
    if (ImGui::IsItemActive()) {
        g_active.id = id;
        g_active.min = min;
        g_active.max = max;
        g_active.font_size = ImGui::GetFontSize();
        g_active.padding_x = ImGui::GetStyle().FramePadding.x;
        g_active.text_colour = colour ? colour : ImGui::GetColorU32(ImGuiCol_Text);
        g_active.text = buffer ? buffer : "";
        if (g_native && needs_shaping(std::string_view(g_active.text))) g_native_id = id;
        g_active.shaped = g_native_id == id;
        g_active_frame = ImGui::GetFrameCount();
    } else if (g_native_id == id) {
        g_native_id = 0;  // closed: ImGui edits it again until its text needs shaping
    }
    if (field.run_) {
        draw_field_run(*field.run_, buffer, min, max, colour);  // ui/run_drawing.cpp
    } else if (!g_native) {
        shaped_field_preview(buffer);  // the desktop: the shaped text under the field being edited
    }
}

}  // namespace pm::ui
