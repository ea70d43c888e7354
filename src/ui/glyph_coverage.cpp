// UTF-8 is decoded leniently: invalid bytes are skipped (they render as U+FFFD anyway).
#include "ui/glyph_coverage.h"

#include "ui/fonts.h"

#include <set>
#include <string>

namespace pm::ui {

namespace {

void collect(const std::string& text, std::set<ImWchar>& out, std::size_t cap) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end && out.size() < cap) {
        unsigned cp = *p;
        int extra = 0;
        if (cp < 0x80) { ++p; continue; }  // ASCII is always covered
        if ((cp & 0xE0) == 0xC0) { cp &= 0x1F; extra = 1; }
        else if ((cp & 0xF0) == 0xE0) { cp &= 0x0F; extra = 2; }
        else if ((cp & 0xF8) == 0xF0) { cp &= 0x07; extra = 3; }
        else { ++p; continue; }
        if (end - p <= extra) break;
        bool valid = true;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) valid = false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        p += valid ? extra + 1 : 1;
        // ImGui is built with 16-bit ImWchar: code points beyond the BMP cannot be drawn anyway.
        if (valid && cp <= 0xFFFF && !embedded_font_covers(cp)) out.insert(static_cast<ImWchar>(cp));
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
