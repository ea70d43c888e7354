// Which characters need the fallback font: CJK yes; Latin with accents, Greek, Cyrillic no.
#include "core/plan_parse.h"
#include "ui/glyph_coverage.h"

#include <gtest/gtest.h>

namespace pm::test {
namespace {

TEST(GlyphCoverage, OnlyCharactersTheEmbeddedFontLacks) {
    auto parsed = parse_plan_document(R"json({"fieldMapping": [],
      "unmappedSourceFields": [{"sourceField": {"key": "shimei", "label": "氏名", "type": "string"},
                                "preview": ["café", "Ελένη", "Дмитрий", "김"]}],
      "unmappedDestinationFields": [{"destinationField": {"key": "name", "label": "Name (名)", "type": "string"}}]})json");
    ASSERT_TRUE(parsed.ok());
    const std::vector<ImWchar> missing = ui::missing_codepoints(parsed.value->plan);
    const std::vector<ImWchar> expected = {0x540D /* 名 */, 0x6C0F /* 氏 */, 0xAE40 /* 김 */};
    EXPECT_EQ(missing, expected);
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
