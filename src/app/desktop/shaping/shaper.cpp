// Shaping (FriBidi runs -> font runs -> HarfBuzz) and rendering (FreeType) of one label.
#include "app/desktop/shaping/shaper.h"

#include "core/json/text.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace pm::shaping {

namespace {

constexpr float kMinPixelSize = 1.0f;
constexpr float kMaxPixelSize = 512.0f;
// A rendered label is cut to this width (its start kept: the left for LTR, the right for RTL).
constexpr int kMaxBitmapWidth = 8192;

bool definite_script(hb_script_t script) {
    return script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED && script != HB_SCRIPT_UNKNOWN;
}

// The font of every code point: its script's font; a character of no script (digits, spaces,
// punctuation) takes the font before it, or after it at the start, or Noto Sans when that font
// lacks it; a combining mark (inherited script) always stays with the font of its base.
// False when a font the text needs is missing.
bool assign_fonts(const std::u32string& text, FontSet& fonts, std::vector<FontId>& out) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<hb_script_t> scripts(text.size());
    out.assign(text.size(), kNoFont);
    for (std::size_t i = 0; i < text.size(); ++i) {
        scripts[i] = hb_unicode_script(unicode, text[i]);
        if (!definite_script(scripts[i])) continue;
        out[i] = font_for_script(scripts[i]);
        if (out[i] == kNoFont || !fonts.get(out[i])) return false;
    }
    FontId next = kLatinFont;  // for the characters before the first of a definite script
    for (std::size_t i = text.size(); i-- > 0;)
        if (out[i] != kNoFont) next = out[i];
    FontId previous = next;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (out[i] == kNoFont) {
            out[i] = previous;
            if (scripts[i] != HB_SCRIPT_INHERITED && out[i] != kLatinFont && !fonts.get(out[i])->has_glyph(text[i])) {
                const LoadedFont* latin = fonts.get(kLatinFont);
                if (latin && latin->has_glyph(text[i])) out[i] = kLatinFont;
            }
        }
        previous = out[i];
    }
    return fonts.get(kLatinFont) || std::find(out.begin(), out.end(), kLatinFont) == out.end();
}

ShapedRun shape_run(const BidiText& prepared, std::size_t first, std::size_t end, FontId font_id, const LoadedFont& font,
                    bool right_to_left, float pixel_size) {
    ShapedRun run;
    run.font = font_id;
    run.right_to_left = right_to_left;
    run.byte_start = prepared.byte_offset[first];
    run.byte_length = prepared.byte_offset[end] - run.byte_start;

    hb_font_t* hb_font = font.hb();
    const int scale = static_cast<int>(std::lround(pixel_size * 64.0f));
    hb_font_set_scale(hb_font, scale, scale);
    hb_buffer_t* buffer = hb_buffer_create();
    // The whole label goes in as context (Arabic letters join across a change of font), the run as
    // the item; clusters are UTF-8 offsets into the label.
    hb_buffer_add_utf8(buffer, prepared.utf8.data(), static_cast<int>(prepared.utf8.size()),
                       static_cast<unsigned>(run.byte_start), static_cast<int>(run.byte_length));
    hb_buffer_set_direction(buffer, right_to_left ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);  // script from the run's text, default language
    hb_shape(hb_font, buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer, &count);
    run.glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i)  // HarfBuzz gives a right-to-left run in visual order too
        run.glyphs.push_back(ShapedGlyph{info[i].codepoint, info[i].cluster, position[i].x_advance, position[i].y_advance,
                                         position[i].x_offset, position[i].y_offset});
    hb_buffer_destroy(buffer);
    return run;
}

int floor_div64(std::int64_t value) { return static_cast<int>(value >= 0 ? value / 64 : -((-value + 63) / 64)); }

struct GlyphImage {
    int left = 0;  // pixels from the pen origin, x right
    int top = 0;   // pixels above the baseline
    int width = 0;
    int rows = 0;
    std::vector<std::uint8_t> coverage;
};

}  // namespace

Shaper::Shaper(std::string font_directory) : fonts_(std::move(font_directory)) {}

Shaper::EmExtents Shaper::latin_extents() {
    EmExtents out;
    const LoadedFont* latin = fonts_.get(kLatinFont);
    if (!latin || latin->ascender() - latin->descender() <= 0) return out;
    const auto em = static_cast<float>(latin->units_per_em());
    out.ascender = static_cast<float>(latin->ascender()) / em;
    out.descender = -static_cast<float>(latin->descender()) / em;
    return out;
}

std::string Shaper::fit(std::string_view utf8, float pixel_size, float max_width) {
    const auto width_of = [&](std::string_view text) {
        const std::optional<ShapedText> shaped = shape(text, pixel_size);
        return shaped ? static_cast<float>(shaped->advance) / 64.0f : 0.0f;
    };
    if (width_of(utf8) <= max_width) return std::string(utf8);
    // Where each code point ends (as many as are ever shaped), then the longest start that fits.
    std::vector<std::size_t> ends;
    for (std::size_t pos = 0; pos < utf8.size() && ends.size() < kMaxShapedCodePoints;) {
        char32_t cp = 0;
        decode_utf8(utf8, pos, cp);
        ends.push_back(pos);
    }
    const auto cut = [&](std::size_t count) {
        std::string text(utf8.substr(0, count ? ends[count - 1] : 0));
        while (!text.empty() && text.back() == ' ') text.pop_back();
        return text + "\xE2\x80\xA6";  // "…"
    };
    std::size_t low = 0, high = ends.size();  // cut(low) fits (or low is 0)
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        if (width_of(cut(mid)) <= max_width) low = mid;
        else high = mid - 1;
    }
    return cut(low);
}

std::optional<ShapedText> Shaper::shape(std::string_view utf8, float pixel_size) {
    if (!(pixel_size >= kMinPixelSize && pixel_size <= kMaxPixelSize)) return std::nullopt;
    const BidiText prepared = prepare_bidi_text(utf8);
    if (prepared.text.empty()) return std::nullopt;
    std::vector<FontId> font_of;
    if (!assign_fonts(prepared.text, fonts_, font_of)) return std::nullopt;

    ShapedText out;
    out.text = prepared.utf8;
    out.right_to_left = prepared.right_to_left;
    out.truncated = prepared.truncated;
    for (const BidiRun& bidi : prepared.runs) {
        // The bidi run's pieces of one font, in logical order; reversed for a right-to-left run.
        std::vector<ShapedRun> pieces;
        const std::size_t end = bidi.start + bidi.length;
        for (std::size_t first = bidi.start; first < end;) {
            std::size_t last = first + 1;
            while (last < end && font_of[last] == font_of[first]) ++last;
            pieces.push_back(
                shape_run(prepared, first, last, font_of[first], *fonts_.get(font_of[first]), bidi.right_to_left(), pixel_size));
            first = last;
        }
        if (bidi.right_to_left()) std::reverse(pieces.begin(), pieces.end());
        for (ShapedRun& piece : pieces) {
            for (const ShapedGlyph& glyph : piece.glyphs) out.advance += glyph.x_advance;
            out.runs.push_back(std::move(piece));
        }
    }
    return out;
}

std::optional<CoverageBitmap> Shaper::render(std::string_view utf8, float pixel_size, std::optional<LineBox> line) {
    std::optional<ShapedText> shaped = shape(utf8, pixel_size);
    if (!shaped) return std::nullopt;

    // The line box: the tallest ascender and deepest descender of the fonts used.
    float ascender = 0, descender = 0;
    for (const ShapedRun& run : shaped->runs) {
        const LoadedFont& font = *fonts_.get(run.font);
        const float per_unit = pixel_size / static_cast<float>(font.units_per_em());
        ascender = std::max(ascender, static_cast<float>(font.ascender()) * per_unit);
        descender = std::max(descender, -static_cast<float>(font.descender()) * per_unit);
    }

    // Every glyph rasterised at its position (pen and offsets at 1/64 px; the fraction goes into
    // the outline so glyphs keep HarfBuzz's spacing).
    std::vector<GlyphImage> images;
    int ink_left = 0, ink_right = 0, ink_top = 0, ink_bottom = 0;
    std::int64_t pen = 0;
    const auto char_size = static_cast<FT_F26Dot6>(std::lround(pixel_size * 64.0f));
    for (const ShapedRun& run : shaped->runs) {
        FT_Face face = fonts_.get(run.font)->ft();
        if (FT_Set_Char_Size(face, 0, char_size, 72, 72) != 0) return std::nullopt;
        for (const ShapedGlyph& glyph : run.glyphs) {
            const std::int64_t x = pen + glyph.x_offset;
            const std::int64_t y = glyph.y_offset;
            pen += glyph.x_advance;
            if (FT_Load_Glyph(face, glyph.glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) continue;
            FT_GlyphSlot slot = face->glyph;
            if (slot->format != FT_GLYPH_FORMAT_OUTLINE) continue;
            const int whole_x = floor_div64(x), whole_y = floor_div64(y);
            FT_Outline_Translate(&slot->outline, static_cast<FT_Pos>(x - whole_x * 64), static_cast<FT_Pos>(y - whole_y * 64));
            if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) continue;
            const FT_Bitmap& bitmap = slot->bitmap;
            if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY || bitmap.width == 0 || bitmap.rows == 0) continue;
            GlyphImage image;
            image.left = whole_x + slot->bitmap_left;
            image.top = whole_y + slot->bitmap_top;
            image.width = static_cast<int>(bitmap.width);
            image.rows = static_cast<int>(bitmap.rows);
            image.coverage.resize(static_cast<std::size_t>(image.width) * image.rows);
            for (int row = 0; row < image.rows; ++row)
                std::copy_n(bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch, image.width,
                            image.coverage.begin() + static_cast<std::ptrdiff_t>(row) * image.width);
            ink_left = std::min(ink_left, image.left);
            ink_right = std::max(ink_right, image.left + image.width);
            ink_top = std::max(ink_top, image.top);
            ink_bottom = std::max(ink_bottom, image.rows - image.top);
            images.push_back(std::move(image));
        }
    }

    CoverageBitmap out;
    out.right_to_left = shaped->right_to_left;
    int top = std::max(static_cast<int>(std::ceil(ascender)), ink_top);
    int bottom = std::max(static_cast<int>(std::ceil(descender)), ink_bottom);
    if (line) {
        const int grow = std::max({0, ink_top - line->ascender, ink_bottom - line->descender});
        top = line->ascender + grow;
        bottom = line->descender + grow;
    }
    const int left = std::min(0, ink_left);
    const int right = std::max(static_cast<int>((pen + 63) / 64), ink_right);
    int width = right - left;
    int origin_x = -left;  // bitmap column of the pen's origin
    if (width > kMaxBitmapWidth) {
        if (shaped->right_to_left) origin_x -= width - kMaxBitmapWidth;  // keep the right: where RTL text starts
        width = kMaxBitmapWidth;
    }
    out.width = std::max(width, 1);
    out.height = top + bottom;
    out.baseline = top;
    out.alpha.assign(static_cast<std::size_t>(out.width) * out.height, 0);
    for (const GlyphImage& image : images) {
        for (int row = 0; row < image.rows; ++row) {
            const int y = top - image.top + row;
            if (y < 0 || y >= out.height) continue;
            for (int column = 0; column < image.width; ++column) {
                const int x = origin_x + image.left + column;
                if (x < 0 || x >= out.width) continue;
                std::uint8_t& pixel = out.alpha[static_cast<std::size_t>(y) * out.width + x];
                pixel = std::max(pixel, image.coverage[static_cast<std::size_t>(row) * image.width + column]);
            }
        }
    }
    return out;
}

}  // namespace pm::shaping
