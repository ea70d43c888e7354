// The script-to-font table (Debian's fonts-noto-core file names) and font loading.
#include "app/desktop/shaping/script_fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fstream>
#include <iterator>

namespace pm::shaping {

namespace {

struct ScriptFont {
    hb_script_t script;
    const char* file;
};

// The first entry is kLatinFont. The scripts are those ui::needs_shaping() sends here (plus Latin,
// Greek and Cyrillic for the rest of a mixed label).
constexpr ScriptFont kFonts[] = {
    {HB_SCRIPT_LATIN, "NotoSans-Regular.ttf"},
    {HB_SCRIPT_ARABIC, "NotoSansArabic-Regular.ttf"},
    {HB_SCRIPT_HEBREW, "NotoSansHebrew-Regular.ttf"},
    {HB_SCRIPT_DEVANAGARI, "NotoSansDevanagari-Regular.ttf"},
    {HB_SCRIPT_BENGALI, "NotoSansBengali-Regular.ttf"},
    {HB_SCRIPT_TAMIL, "NotoSansTamil-Regular.ttf"},
    {HB_SCRIPT_THAI, "NotoSansThai-Regular.ttf"},
    {HB_SCRIPT_GURMUKHI, "NotoSansGurmukhi-Regular.ttf"},
    {HB_SCRIPT_GUJARATI, "NotoSansGujarati-Regular.ttf"},
    {HB_SCRIPT_ORIYA, "NotoSansOriya-Regular.ttf"},
    {HB_SCRIPT_TELUGU, "NotoSansTelugu-Regular.ttf"},
    {HB_SCRIPT_KANNADA, "NotoSansKannada-Regular.ttf"},
    {HB_SCRIPT_MALAYALAM, "NotoSansMalayalam-Regular.ttf"},
    {HB_SCRIPT_SINHALA, "NotoSansSinhala-Regular.ttf"},
    {HB_SCRIPT_LAO, "NotoSansLao-Regular.ttf"},
    {HB_SCRIPT_MYANMAR, "NotoSansMyanmar-Regular.ttf"},
    {HB_SCRIPT_KHMER, "NotoSansKhmer-Regular.ttf"},
    {HB_SCRIPT_SYRIAC, "NotoSansSyriac-Regular.ttf"},
    {HB_SCRIPT_THAANA, "NotoSansThaana-Regular.ttf"},
    {HB_SCRIPT_NKO, "NotoSansNKo-Regular.ttf"},
    {HB_SCRIPT_SAMARITAN, "NotoSansSamaritan-Regular.ttf"},
    {HB_SCRIPT_MANDAIC, "NotoSansMandaic-Regular.ttf"},
    {HB_SCRIPT_MONGOLIAN, "NotoSansMongolian-Regular.ttf"},
    {HB_SCRIPT_BUGINESE, "NotoSansBuginese-Regular.ttf"},
    {HB_SCRIPT_TAI_THAM, "NotoSansTaiTham-Regular.ttf"},
    {HB_SCRIPT_BALINESE, "NotoSansBalinese-Regular.ttf"},
    {HB_SCRIPT_SUNDANESE, "NotoSansSundanese-Regular.ttf"},
    {HB_SCRIPT_BATAK, "NotoSansBatak-Regular.ttf"},
    {HB_SCRIPT_SYLOTI_NAGRI, "NotoSansSylotiNagri-Regular.ttf"},
    {HB_SCRIPT_JAVANESE, "NotoSansJavanese-Regular.ttf"},
    {HB_SCRIPT_ADLAM, "NotoSansAdlam-Regular.ttf"},
    {HB_SCRIPT_MENDE_KIKAKUI, "NotoSansMendeKikakui-Regular.ttf"},
    {HB_SCRIPT_HANIFI_ROHINGYA, "NotoSansHanifiRohingya-Regular.ttf"},
};

// Beyond this a "font" file is not one of the fonts above (the largest, Noto Sans, is ~0.5 MB).
constexpr std::streamoff kMaxFontBytes = 32 << 20;

bool read_file(const std::string& path, std::vector<unsigned char>& bytes) {
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) return false;
    const std::streamoff size = file.tellg();
    if (size <= 0 || size > kMaxFontBytes) return false;
    bytes.resize(static_cast<std::size_t>(size));
    file.seekg(0);
    return static_cast<bool>(file.read(reinterpret_cast<char*>(bytes.data()), size));
}

}  // namespace

FontId font_for_script(hb_script_t script) {
    if (script == HB_SCRIPT_GREEK || script == HB_SCRIPT_CYRILLIC) return kLatinFont;
    for (int i = 0; i < font_count(); ++i)
        if (kFonts[i].script == script) return i;
    return kNoFont;
}

int font_count() { return static_cast<int>(std::size(kFonts)); }

const char* font_file_name(FontId font) { return font >= 0 && font < font_count() ? kFonts[font].file : ""; }

std::unique_ptr<LoadedFont> LoadedFont::load(const std::string& path, FT_Library library) {
    std::unique_ptr<LoadedFont> font(new LoadedFont());
    if (!library || !read_file(path, font->bytes_)) return nullptr;
    font->blob_ = hb_blob_create(reinterpret_cast<const char*>(font->bytes_.data()), static_cast<unsigned>(font->bytes_.size()),
                                 HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    font->hb_face_ = hb_face_create(font->blob_, 0);
    if (hb_face_get_glyph_count(font->hb_face_) == 0) return nullptr;  // not a font HarfBuzz reads
    font->hb_font_ = hb_font_create(font->hb_face_);
    font->units_per_em_ = static_cast<int>(hb_face_get_upem(font->hb_face_));
    if (FT_New_Memory_Face(library, font->bytes_.data(), static_cast<FT_Long>(font->bytes_.size()), 0, &font->ft_face_) != 0) {
        font->ft_face_ = nullptr;
        return nullptr;
    }
    hb_font_extents_t extents{};
    hb_font_get_h_extents(font->hb_font_, &extents);  // at the default scale: font units
    font->ascender_ = extents.ascender;
    font->descender_ = extents.descender;
    return font;
}

LoadedFont::~LoadedFont() {
    if (ft_face_) FT_Done_Face(ft_face_);
    hb_font_destroy(hb_font_);
    hb_face_destroy(hb_face_);
    hb_blob_destroy(blob_);
}

bool LoadedFont::has_glyph(char32_t cp) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(hb_font_, cp, &glyph) != 0;
}

FontSet::FontSet(std::string directory)
    : directory_(std::move(directory)),
      fonts_(static_cast<std::size_t>(font_count())),
      tried_(static_cast<std::size_t>(font_count()), false) {
    if (FT_Init_FreeType(&library_) != 0) library_ = nullptr;
}

FontSet::~FontSet() {
    fonts_.clear();  // the faces before their library
    if (library_) FT_Done_FreeType(library_);
}

const LoadedFont* FontSet::get(FontId font) {
    if (font < 0 || font >= font_count()) return nullptr;
    const auto at = static_cast<std::size_t>(font);
    if (!tried_[at]) {
        tried_[at] = true;
        fonts_[at] = LoadedFont::load(directory_ + "/" + kFonts[at].file, library_);
    }
    return fonts_[at].get();
}

}  // namespace pm::shaping
