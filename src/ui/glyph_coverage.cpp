// UTF-8 is decoded leniently: invalid bytes are skipped (they render as U+FFFD anyway).
#include "ui/glyph_coverage.h"

#include "core/json/text.h"
#include "ui/fonts.h"
#include "ui/text_runs.h"

#include <set>
#include <string>

namespace pm::ui {

namespace {

void collect(const std::string& text, std::set<ImWchar>& out, std::size_t cap) {
    for (std::size_t pos = 0; pos < text.size() && out.size() < cap;) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;                             // ASCII is always covered
            continue;
        }
        char32_t cp = 0;
        if (!decode_utf8(text, pos, cp)) continue;
        // ImGui is built with 16-bit ImWchar: code points beyond the BMP cannot be drawn anyway.
        // Scripts that need shaping are drawn as the platform's runs (ui/text_runs.h), not from
        // the atlas: no fallback face is fetched for them.
        if (cp <= 0xFFFF && !embedded_font_covers(cp) && !needs_shaping(cp)) out.insert(static_cast<ImWchar>(cp));
    }
}

void collect_field(const Field& field, std::set<ImWchar>& out, std::size_t cap) {
    collect(field.key, out, cap);
    collect(field.label, out, cap);
    collect(field.description, out, cap);
    for (const EnumOption& option : field.enum_options) {
        collect(option.label, out, cap);
        if (option.value.is_string()) collect(option.value.get_ref<const std::string&>(), out, cap);
    }
}

void collect_preview(const std::vector<std::string>& preview, std::set<ImWchar>& out, std::size_t cap) {
    for (const std::string& value : preview) collect(value, out, cap);
}

}  // namespace

bool embedded_font_covers(unsigned codepoint) {
    const ImWchar* ranges = embedded_glyph_ranges();
    for (int i = 0; ranges[i] != 0; i += 2)
        if (codepoint >= ranges[i] && codepoint <= ranges[i + 1]) return true;
    return false;
}

std::vector<ImWchar> codepoints_for(const std::vector<ImWchar>& missing, FallbackFace face) {
    std::vector<ImWchar> out;
    for (ImWchar cp : missing)
        if (fallback_face_for(cp) == face) out.push_back(cp);
    return out;
}

std::vector<ImWchar> missing_codepoints(const ExecutionPlan& plan, std::size_t cap) {
    std::set<ImWchar> found;
    for (const Edge& edge : plan.field_mapping) {
        collect_field(edge.source, found, cap);
        collect_field(edge.destination, found, cap);
        collect_preview(edge.preview, found, cap);
    }
    for (const UnmappedField& entry : plan.unmapped_sources) {
        collect_field(entry.field, found, cap);
        collect_preview(entry.preview, found, cap);
    }
    for (const UnmappedField& entry : plan.unmapped_destinations) collect_field(entry.field, found, cap);
    return {found.begin(), found.end()};
}

}  // namespace pm::ui
