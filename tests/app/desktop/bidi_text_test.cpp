// The label preparation and bidi runs (FriBidi) on their own: direction from the first strong
// character, visual order of mixed runs, neutralised controls, the bound on long labels.
#include "app/desktop/shaping/bidi_text.h"

#include <gtest/gtest.h>

namespace pm::shaping {
namespace {

std::string run_text(const BidiText& text, const BidiRun& run) {
    return text.utf8.substr(text.byte_offset[run.start], text.byte_offset[run.start + run.length] - text.byte_offset[run.start]);
}

TEST(BidiText, LatinIsOneLeftToRightRun) {
    const BidiText text = prepare_bidi_text("Total (USD)");
    EXPECT_FALSE(text.right_to_left);
    ASSERT_EQ(text.runs.size(), 1u);
    EXPECT_EQ(run_text(text, text.runs[0]), "Total (USD)");
    EXPECT_EQ(text.runs[0].level, 0);
}

TEST(BidiText, MixedRunsComeInVisualOrder) {
    // LTR paragraph: the Latin first, then the Arabic.
    const BidiText ltr = prepare_bidi_text("Total (USD) الإجمالي");
    EXPECT_FALSE(ltr.right_to_left);
    ASSERT_EQ(ltr.runs.size(), 2u);
    EXPECT_EQ(run_text(ltr, ltr.runs[0]), "Total (USD) ");
    EXPECT_FALSE(ltr.runs[0].right_to_left());
    EXPECT_EQ(run_text(ltr, ltr.runs[1]), "الإجمالي");
    EXPECT_TRUE(ltr.runs[1].right_to_left());

    // RTL paragraph of two Arabic words around a number: the later Arabic word is leftmost, the
    // number (a left-to-right run) in the middle, the first word rightmost.
    const BidiText rtl = prepare_bidi_text("المبلغ 250 دولار");
    EXPECT_TRUE(rtl.right_to_left);
    ASSERT_EQ(rtl.runs.size(), 3u);
    EXPECT_EQ(run_text(rtl, rtl.runs[0]), " دولار");
    EXPECT_EQ(run_text(rtl, rtl.runs[1]), "250");
    EXPECT_FALSE(rtl.runs[1].right_to_left());
    EXPECT_EQ(run_text(rtl, rtl.runs[2]), "المبلغ ");
}

TEST(BidiText, NoStrongCharacterIsLeftToRight) {
    const BidiText text = prepare_bidi_text("123 - 456");
    EXPECT_FALSE(text.right_to_left);
}

TEST(BidiText, ControlsBecomeMarks) {
    const BidiText text = prepare_bidi_text("a\u202Eb\nc\u2067d");
    EXPECT_EQ(text.utf8, "a\uFFFDb\uFFFDc\uFFFDd");
    EXPECT_FALSE(text.right_to_left);
    ASSERT_EQ(text.runs.size(), 1u);
    EXPECT_EQ(text.runs[0].length, 7u);
    // Zero-width joiner and non-joiner are kept: Persian and Indic spelling needs them.
    EXPECT_EQ(prepare_bidi_text("می\u200Cخواهم").utf8, "می\u200Cخواهم");
}

TEST(BidiText, LongLabelsAreCut) {
    std::string long_label(5000, 'x');
    const BidiText text = prepare_bidi_text(long_label);
    EXPECT_TRUE(text.truncated);
    EXPECT_EQ(text.text.size(), kMaxShapedCodePoints + 1);
    EXPECT_EQ(text.text.back(), U'\u2026');
    EXPECT_EQ(text.byte_offset.size(), text.text.size() + 1);
    EXPECT_TRUE(prepare_bidi_text("").runs.empty());
}

}  // namespace
}  // namespace pm::shaping
