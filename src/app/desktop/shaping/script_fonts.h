// Which font file draws which script, and the fonts once loaded: HarfBuzz shapes with them and
// FreeType rasterises them, both from one copy of the file's bytes. Debian's Noto files are read
// directly (package fonts-noto-core); a file that is missing or does not load leaves its scripts
// without a font, and the labels that need them are not shaped (the panel draws them with ImGui).
#pragma once

#include <hb.h>

#include <memory>
#include <string>
#include <vector>

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;

namespace pm::shaping {

// Where Debian installs the Noto fonts.
inline constexpr const char* kDebianNotoDirectory = "/usr/share/fonts/truetype/noto";

// Index of a font in the table below; kLatinFont (Noto Sans) also draws digits, punctuation and
// symbols that a script's font lacks.
using FontId = int;
inline constexpr FontId kLatinFont = 0;
inline constexpr FontId kNoFont = -1;

// The font for a script (Persian and Urdu are written in the Arabic script, so NotoSansArabic),
// kLatinFont for Latin, Greek and Cyrillic, kNoFont for a script with no font in the table.
FontId font_for_script(hb_script_t script);
int font_count();
const char* font_file_name(FontId font);  // "NotoSansArabic-Regular.ttf"

// One loaded font file.
class LoadedFont {
public:
    ~LoadedFont();
    LoadedFont(const LoadedFont&) = delete;
    LoadedFont& operator=(const LoadedFont&) = delete;

    // nullptr when the file cannot be read or is not a font HarfBuzz and FreeType both accept.
    static std::unique_ptr<LoadedFont> load(const std::string& path, FT_Library library);

    hb_font_t* hb() const { return hb_font_; }
    FT_Face ft() const { return ft_face_; }
    bool has_glyph(char32_t cp) const;
    // Line extents in font units (ascender > 0, descender < 0) and units per em.
    int ascender() const { return ascender_; }
    int descender() const { return descender_; }
    int units_per_em() const { return units_per_em_; }

private:
    LoadedFont() = default;
    std::vector<unsigned char> bytes_;  // the file; HarfBuzz and FreeType point into it
    hb_blob_t* blob_ = nullptr;
    hb_face_t* hb_face_ = nullptr;
    hb_font_t* hb_font_ = nullptr;
    FT_Face ft_face_ = nullptr;
    int ascender_ = 0;
    int descender_ = 0;
    int units_per_em_ = 1000;
};

// The fonts of one directory, each loaded on first use and kept; a missing one is tried once.
class FontSet {
public:
    explicit FontSet(std::string directory);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    const LoadedFont* get(FontId font);  // nullptr when missing

private:
    std::string directory_;
    FT_Library library_ = nullptr;
    std::vector<std::unique_ptr<LoadedFont>> fonts_;
    std::vector<bool> tried_;
};

}  // namespace pm::shaping
