// The shaper's glyph runs for labels in Arabic, Hebrew, Persian, Urdu, Devanagari, Bengali, Tamil,
// Thai and a mixed LTR/RTL label, compared run by run with HarfBuzz's reference output (hb-shape)
// for the same font file: the same glyph ids, clusters and order, and the expected font, direction
// and run split.
#include "app/desktop/shaping/shaper.h"
#include "hb_reference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pm::shaping {
namespace {

struct ExpectedRun {
    std::string text;  // the run's part of the label
    std::string font_file;
    bool right_to_left;
};

struct LabelCase {
    const char* name;
    std::string label;
    bool paragraph_rtl;
    std::vector<ExpectedRun> runs;  // visual order
};

std::vector<LabelCase> label_cases() {
    return {
        {"Arabic", "العنوان الكامل", true, {{"العنوان الكامل", "NotoSansArabic-Regular.ttf", true}}},
        {"Hebrew", "כתובת מלאה", true, {{"כתובת מלאה", "NotoSansHebrew-Regular.ttf", true}}},
        {"Persian", "نام خانوادگی", true, {{"نام خانوادگی", "NotoSansArabic-Regular.ttf", true}}},
        {"Urdu", "مکمل پتہ", true, {{"مکمل پتہ", "NotoSansArabic-Regular.ttf", true}}},
        {"Devanagari", "पूरा पता", false, {{"पूरा पता", "NotoSansDevanagari-Regular.ttf", false}}},
        {"Bengali", "সম্পূর্ণ ঠিকানা", false, {{"সম্পূর্ণ ঠিকানা", "NotoSansBengali-Regular.ttf", false}}},
        {"Tamil", "முழு முகவரி", false, {{"முழு முகவரி", "NotoSansTamil-Regular.ttf", false}}},
        {"Thai", "ที่อยู่เต็ม", false, {{"ที่อยู่เต็ม", "NotoSansThai-Regular.ttf", false}}},
        {"MixedLatinFirst",
         "Total (USD) الإجمالي",
         false,
         {{"Total (USD) ", "NotoSans-Regular.ttf", false}, {"الإجمالي", "NotoSansArabic-Regular.ttf", true}}},
        // An RTL paragraph with a Latin word: the word is a left-to-right run inside it, drawn to
        // the left of the Arabic that comes before it.
        {"MixedArabicFirst",
         "المبلغ USD",
         true,
         {{"USD", "NotoSans-Regular.ttf", false}, {"المبلغ ", "NotoSansArabic-Regular.ttf", true}}},
    };
}

class ShapingReferenceTest : public ::testing::TestWithParam<LabelCase> {};

TEST_P(ShapingReferenceTest, RunsMatchHbShape) {
    const LabelCase& c = GetParam();
    Shaper shaper;
    const std::optional<ShapedText> shaped = shaper.shape(c.label, 32.0f);
    ASSERT_TRUE(shaped.has_value()) << "the Noto fonts (fonts-noto-core) must be installed";
    EXPECT_EQ(shaped->text, c.label);
    EXPECT_EQ(shaped->right_to_left, c.paragraph_rtl);
    ASSERT_EQ(shaped->runs.size(), c.runs.size());
    for (std::size_t i = 0; i < c.runs.size(); ++i) {
        const ShapedRun& run = shaped->runs[i];
        const ExpectedRun& expected = c.runs[i];
        SCOPED_TRACE("run " + std::to_string(i) + ": " + expected.text);
        EXPECT_EQ(shaped->text.substr(run.byte_start, run.byte_length), expected.text);
        EXPECT_STREQ(font_file_name(run.font), expected.font_file.c_str());
        EXPECT_EQ(run.right_to_left, expected.right_to_left);

        std::string error;
        const std::vector<test::ReferenceGlyph> reference = test::hb_shape_reference(
            std::string(kDebianNotoDirectory) + "/" + expected.font_file, expected.text, expected.right_to_left, error);
        ASSERT_TRUE(error.empty()) << error;
        ASSERT_FALSE(reference.empty());
        std::vector<test::ReferenceGlyph> ours;
        for (const ShapedGlyph& glyph : run.glyphs) {
            EXPECT_NE(glyph.glyph, 0u) << "a .notdef (missing glyph) in the run";
            ours.push_back(test::ReferenceGlyph{glyph.glyph, static_cast<std::uint32_t>(glyph.cluster - run.byte_start)});
        }
        EXPECT_EQ(ours, reference);
    }
}

INSTANTIATE_TEST_SUITE_P(Labels, ShapingReferenceTest, ::testing::ValuesIn(label_cases()),
                         [](const ::testing::TestParamInfo<LabelCase>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace pm::shaping
