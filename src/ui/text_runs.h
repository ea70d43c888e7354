// Text that Dear ImGui cannot draw by itself: scripts that need shaping (Arabic, Hebrew, Persian,
// Indic scripts, Thai, ...) or right-to-left layout. ImGui draws one glyph per code point, left to
// right; for such a string the platform shapes and rasterises it into an image (a "run"), and the
// panel draws that image where it would have drawn the text. Latin, Greek, Cyrillic and CJK text
// never comes here and costs nothing extra.
//
// The platform side lives in src/app/web (the browser lays the text out) and src/app/desktop
// (HarfBuzz + FriBidi + FreeType); the panel only knows this interface.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace pm::ui {

class ShapedField;
class ShapedLabel;

// True when `utf8` holds a code point of a script that needs shaping or runs right to left.
// Linear in the text and stops at the first such code point.
bool needs_shaping(std::string_view utf8);
// The same for one code point.
bool needs_shaping(char32_t codepoint);

// True when the paragraph's direction is right to left: its first strong character (a letter) is
// of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, NKo, ...). Digits and punctuation
// are weak or neutral and do not decide; a text with no strong character is left to right.
bool paragraph_is_rtl(std::string_view utf8);

// `utf8` with every bidi control (LRM, RLM, ALM, embeddings, overrides, isolates) replaced by
// U+FFFD, the mark the panel's font shows for them: text from a file cannot reorder itself (an
// override turning "exe.txt" around) nor reach outside its own run. Each run is laid out as its
// own paragraph, so a label's right-to-left text never moves text around it.
std::string with_visible_controls(std::string_view utf8);

// One rendered string: a white-on-transparent (coverage) image, tinted with the text colour when
// drawn, so one run serves every colour.
struct TextRun {
    ImTextureID texture = 0;
    ImVec2 uv0{0.0f, 0.0f};
    ImVec2 uv1{1.0f, 1.0f};
    ImVec2 size{0.0f, 0.0f};      // in ImGui units (logical pixels) for the font size asked
    bool right_to_left = false;   // the paragraph's direction (first strong character)
};

// Provided by the platform. Runs are cached by text and font size; the source owns them.
class TextRunSource {
public:
    virtual ~TextRunSource() = default;
    // The run for `utf8` at `font_size` logical pixels. nullptr when it is not ready yet (the
    // caller draws the text with ImGui meanwhile; the source asks for another frame when it is)
    // or when it cannot be made.
    // With `max_width` (logical pixels, > 0) a text wider than that is cut at a character and
    // ended with an ellipsis ("…", at its logical end: the right of a left-to-right paragraph, the
    // left of a right-to-left one), as the panel ends a label cut at its length limit; so a run
    // too wide for its cell never shows a middle or an end without its start ("Total (USD) الإجمالي"
    // clipped on the right shows the end of the Arabic word). Every run is also cut so, at the
    // platform's widest image.
    virtual const TextRun* run(std::string_view utf8, float font_size, float max_width = 0) = 0;
    // Once per frame after the panel is drawn: upload what was rasterised, evict what was unused.
    virtual void end_frame() {}

    // The panel's side of shaped text (ui/run_drawing.cpp, ui/shaped_field.cpp): what ShapedLabel,
    // ShapedField and text() do once there is a source. The panel's code only scans a text
    // (needs_shaping) and calls these through the source, so they are never inlined into it: on the
    // web they come in a deferred wasm (web/bundle/split-shaping.mjs) that the page loads before it
    // sets the source, so a plan without such text never downloads or calls them.
    virtual void begin_label(ShapedLabel& label, const std::string& text, int kind);
    virtual void begin_field(ShapedField& field, const char* label, const char* buffer);
    virtual void end_field(ShapedField& field, const char* buffer);
    virtual bool draw_text(const std::string& s);  // text(): false leaves it to ImGui
    virtual void draw_over(ShapedLabel& label, float room_after);  // a Selectable's label or a combo's preview
    // Called by the above only (so in the same deferred wasm).
    void draw_text_item(const TextRun& run, const std::string& s);
    void draw_field_run(const TextRun& run, const char* buffer, const ImVec2& min, const ImVec2& max, ImU32 colour);
    void draw_field_preview(const TextRun& run, const std::string& text);
};

// The source the panel uses; nullptr (the default: tests, hosts without one) draws with ImGui.
void set_text_run_source(TextRunSource* source);
TextRunSource* text_run_source();
// The source, if there is one; while there is none, a text that needs shaping (more than its bidi
// controls, which are shown as marks) calls the platform's request (set_text_run_request) each
// time: the web loads its shaping code on the first such text and sets the source once it has it
// (until then ImGui draws the text, and a text field holding such text is ImGui's).
TextRunSource* text_run_source(std::string_view utf8);
void set_text_run_request(void (*request)());

}  // namespace pm::ui
