// The panel's text fields (the search, a picker's type-ahead) holding text that needs shaping
// (ui/text_runs.h): Arabic, Hebrew, Indic, Thai... ImGui's InputText stores, edits and draws code
// points left to right, which reads wrong for such text and puts the cursor in the wrong place.
// - Not being edited: the field's glyphs are hidden and the platform's run is drawn in the frame
//   (right-aligned when the text runs right to left), as labels are.
// - Being edited: a platform that edits text natively (the web page lays a real <input dir=auto>
//   over the field: the browser's own bidi cursor and selection) says so with
//   set_native_text_editing; the field's glyphs are then hidden, the page reads the field's place
//   and text from active_text_field() and sends every edit back whole
//   (replace_active_field_text), so the panel filters as it does for typed text. Without it (the
//   desktop) ImGui edits in logical order and the shaped text is shown just under the field
//   (shaped_field_preview).
#pragma once

#include "ui/shaped_text.h"
#include "ui/text_runs.h"

#include <imgui.h>

#include <string>

namespace pm::ui {

// The platform edits fields whose text needs shaping in a native text field (the web).
void set_native_text_editing(bool native);

// The field being edited, as drawn in the last frame; id 0 when no field drawn with ShapedField is
// active.
struct ActiveTextField {
    ImGuiID id = 0;
    ImVec2 min{0, 0}, max{0, 0};  // the frame, in ImGui's coordinates (CSS pixels on the web)
    float font_size = 0;
    float padding_x = 0;          // where the text starts inside the frame
    ImU32 text_colour = 0;
    bool shaped = false;          // edited natively: its text needed shaping since it was opened
    const char* text = "";        // the field's buffer (the panel's state: it outlives the frame)
};
const ActiveTextField& active_text_field();

// The native field's whole text after an edit: becomes the active field's text (cut to its
// buffer on a character boundary) at the field's next frame, with the cursor at its end.
void replace_active_field_text(std::string text);

// Around an InputText: made before it (with the InputText's label and buffer), its flags() and
// callback given to it, after() called right after it.
class ShapedField {
public:
    ShapedField(const char* label, const char* buffer);
    ShapedField(const ShapedField&) = delete;
    ShapedField& operator=(const ShapedField&) = delete;

    // With a source only: the callback (which applies replace_active_field_text) comes with it.
    static int flags(int flags) { return text_run_source() ? flags | ImGuiInputTextFlags_CallbackAlways : flags; }
    static int callback(ImGuiInputTextCallbackData* data);
    void after(const char* buffer);

private:
    friend class TextRunSource;  // the constructor and after() hand the field to the source (begin_field, end_field)
    const TextRun* run_ = nullptr;
    HiddenGlyphs hidden_;
};

}  // namespace pm::ui
