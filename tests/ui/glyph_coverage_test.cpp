// Which characters need a fallback face, and which one: Western and Central European Latin are
// built in; Greek, Cyrillic and Vietnamese come from the Noto extra file; CJK from the CJK face.
#include "core/plan/documents.h"
#include "ui/glyph_coverage.h"

#include <gtest/gtest.h>

namespace pm::test {
namespace {

TEST(GlyphCoverage, OnlyCharactersTheBuiltInFontLacksEachFromItsFace) {
    auto parsed = parse_plan_document(R"json({"fieldMapping": [],
      "unmappedSourceFields": [{"sourceField": {"key": "shimei", "label": "氏名", "type": "string"},
                                "preview": ["café", "Łódź", "Ελ", "Дм", "Việt", "김"]}],
      "unmappedDestinationFields": [{"destinationField": {"key": "name", "label": "Name (名)", "type": "string"}}]})json");
    ASSERT_TRUE(parsed.ok());
    const std::vector<ImWchar> missing = ui::missing_codepoints(parsed.value->plan);
    // Latin-1 (é) and Latin Extended-A (Ł, ó, ź) are built in; the rest comes from a fallback face.
    const std::vector<ImWchar> greek_cyrillic_vietnamese = {0x0395 /* Ε */, 0x03BB /* λ */, 0x0414 /* Д */,
                                                            0x043C /* м */, 0x1EC7 /* ệ */};
    const std::vector<ImWchar> cjk = {0x540D /* 名 */, 0x6C0F /* 氏 */, 0xAE40 /* 김 */};
    EXPECT_EQ(ui::codepoints_for(missing, ui::FallbackFace::NotoExtra), greek_cyrillic_vietnamese);
    EXPECT_EQ(ui::codepoints_for(missing, ui::FallbackFace::Cjk), cjk);
    EXPECT_EQ(missing.size(), greek_cyrillic_vietnamese.size() + cjk.size());
}

TEST(GlyphCoverage, LatinPlansNeedNothingAndBadUtf8IsSkipped) {
    auto parsed = parse_plan_document("{\"fieldMapping\": [], \"unmappedSourceFields\": [{\"sourceField\": "
                                      "{\"key\": \"a\", \"label\": \"Zoë \\u00e9\", \"type\": \"string\"}, "
                                      "\"preview\": [\"ok\"]}], \"unmappedDestinationFields\": []}");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(ui::missing_codepoints(parsed.value->plan).empty());
    EXPECT_TRUE(ui::embedded_font_covers(0x00E9));
    EXPECT_FALSE(ui::embedded_font_covers(0x4E00));
}

}  // namespace
}  // namespace pm::test
