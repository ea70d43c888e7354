// What shaping must do for the panel beyond matching HarfBuzz: Arabic letters joined, RTL runs,
// Indic reordering, bidi controls that cannot reorder a label, missing or broken fonts that give
// no run instead of a crash, a bound on huge labels, and a bitmap with ink where the text is.
#include "app/desktop/shaping/shaper.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace pm::shaping {
namespace {

constexpr float kSize = 32.0f;

std::vector<std::uint32_t> glyph_ids(const ShapedText& shaped) {
    std::vector<std::uint32_t> ids;
    for (const ShapedRun& run : shaped.runs)
        for (const ShapedGlyph& glyph : run.glyphs) ids.push_back(glyph.glyph);
    return ids;
}

// The glyph of the cluster starting at byte `cluster` (the first one in visual order).
std::uint32_t glyph_of_cluster(const ShapedText& shaped, std::uint32_t cluster) {
    for (const ShapedRun& run : shaped.runs)
        for (const ShapedGlyph& glyph : run.glyphs)
            if (glyph.cluster == cluster) return glyph.glyph;
    return 0;
}

std::uint32_t isolated_glyph(Shaper& shaper, const std::string& letter) {
    const auto shaped = shaper.shape(letter, kSize);
    return shaped && shaped->runs.size() == 1 && shaped->runs[0].glyphs.size() == 1 ? shaped->runs[0].glyphs[0].glyph : 0;
}

TEST(Shaping, ArabicLettersTakeTheirContextualForms) {
    Shaper shaper;
    // بيت: beh (initial), yeh (medial), teh (final); each differs from its isolated form.
    const auto word = shaper.shape("بيت", kSize);
    ASSERT_TRUE(word.has_value());
    ASSERT_EQ(word->runs.size(), 1u);
    ASSERT_EQ(word->runs[0].glyphs.size(), 3u);
    const std::uint32_t beh = isolated_glyph(shaper, "ب"), yeh = isolated_glyph(shaper, "ي"), teh = isolated_glyph(shaper, "ت");
    ASSERT_NE(beh, 0u);
    ASSERT_NE(yeh, 0u);
    ASSERT_NE(teh, 0u);
    EXPECT_NE(glyph_of_cluster(*word, 0), beh);
    EXPECT_NE(glyph_of_cluster(*word, 2), yeh);
    EXPECT_NE(glyph_of_cluster(*word, 4), teh);
    // Letters that do not join (alef, dal, reh, waw) keep a form of their own around a space.
    const auto apart = shaper.shape("ا د", kSize);
    ASSERT_TRUE(apart.has_value());
    EXPECT_EQ(glyph_of_cluster(*apart, 0), isolated_glyph(shaper, "ا"));
}

TEST(Shaping, HebrewAndArabicRunRightToLeftInVisualOrder) {
    Shaper shaper;
    for (const std::string label : {"בית", "بيت"}) {
        SCOPED_TRACE(label);
        const auto shaped = shaper.shape(label, kSize);
        ASSERT_TRUE(shaped.has_value());
        EXPECT_TRUE(shaped->right_to_left);
        ASSERT_EQ(shaped->runs.size(), 1u);
        EXPECT_TRUE(shaped->runs[0].right_to_left);
        // Visual order: the last letter (byte 4) is drawn leftmost, the first (byte 0) rightmost.
        const auto& glyphs = shaped->runs[0].glyphs;
        ASSERT_EQ(glyphs.size(), 3u);
        EXPECT_EQ(glyphs.front().cluster, 4u);
        EXPECT_EQ(glyphs.back().cluster, 0u);
    }
    const auto latin = shaper.shape("Total", kSize);
    ASSERT_TRUE(latin.has_value());
    EXPECT_FALSE(latin->right_to_left);
}

TEST(Shaping, DevanagariIMatraIsDrawnBeforeItsConsonant) {
    Shaper shaper;
    // कि = KA + VOWEL SIGN I: typed after the consonant, drawn to its left.
    const auto shaped = shaper.shape("कि", kSize);
    ASSERT_TRUE(shaped.has_value());
    ASSERT_EQ(shaped->runs.size(), 1u);
    const auto& glyphs = shaped->runs[0].glyphs;
    ASSERT_EQ(glyphs.size(), 2u);
    const std::uint32_t ka = isolated_glyph(shaper, "क");
    ASSERT_NE(ka, 0u);
    EXPECT_NE(glyphs[0].glyph, ka);
    EXPECT_EQ(glyphs[1].glyph, ka);
    // And a conjunct: क्ष (KA, VIRAMA, SSA) is one glyph, not three.
    const auto conjunct = shaper.shape("क्ष", kSize);
    ASSERT_TRUE(conjunct.has_value());
    EXPECT_EQ(glyph_ids(*conjunct).size(), 1u);
}

TEST(Shaping, BidiControlsAreShownAndCannotReorderTheLabel) {
    Shaper shaper;
    // RIGHT-TO-LEFT OVERRIDE would draw "gnp.exe" as "exe.png": it becomes a visible mark and the
    // text after it stays in the order it is stored.
    const auto shaped = shaper.shape("invoice\u202Egnp.exe", kSize);
    ASSERT_TRUE(shaped.has_value());
    EXPECT_EQ(shaped->text, "invoice\uFFFDgnp.exe");
    EXPECT_FALSE(shaped->right_to_left);
    ASSERT_EQ(shaped->runs.size(), 1u);
    EXPECT_FALSE(shaped->runs[0].right_to_left);
    std::uint32_t previous = 0;
    for (const ShapedGlyph& glyph : shaped->runs[0].glyphs) {
        EXPECT_NE(glyph.glyph, 0u) << "the mark must be a glyph of the font, not .notdef";
        EXPECT_GE(glyph.cluster, previous) << "a glyph out of logical order";
        previous = glyph.cluster;
    }
    // Every control of the kind: embeddings, overrides, isolates, marks. None is left, and each
    // shows as the mark.
    const std::string controls[] = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
                                    "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"};
    for (const std::string& control : controls) {
        const auto marked = shaper.shape("ab" + control + "cd", kSize);
        ASSERT_TRUE(marked.has_value());
        EXPECT_EQ(marked->text, "ab\uFFFDcd");
        EXPECT_FALSE(marked->right_to_left);
    }
    // A left-to-right override inside Hebrew cannot turn the Hebrew after it around.
    const auto hebrew = shaper.shape("אב\u202Dגד", kSize);
    ASSERT_TRUE(hebrew.has_value());
    EXPECT_TRUE(hebrew->right_to_left);
    for (const ShapedRun& run : hebrew->runs) EXPECT_TRUE(run.right_to_left);
    // An isolate that is never closed does not decide the label's direction (it would make a
    // Latin label right to left): the first strong character does.
    const auto isolate = shaper.shape("\u2067abc", kSize);
    ASSERT_TRUE(isolate.has_value());
    EXPECT_FALSE(isolate->right_to_left);
}

class TemporaryDirectory {
public:
    TemporaryDirectory() {
        char pattern[] = "/tmp/pm-fonts-XXXXXX";
        path_ = ::mkdtemp(pattern) ? pattern : "";
    }
    ~TemporaryDirectory() {
        if (!path_.empty()) std::system(("rm -rf '" + path_ + "'").c_str());
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

TEST(Shaping, MissingOrBrokenFontsGiveNoRun) {
    Shaper nowhere("/nonexistent/fonts");
    EXPECT_FALSE(nowhere.shape("العنوان", kSize).has_value());
    EXPECT_FALSE(nowhere.render("العنوان", kSize).has_value());
    EXPECT_FALSE(nowhere.shape("Total", kSize).has_value());

    // Noto Sans only: Latin shapes, Arabic does not (no .notdef boxes drawn as if it did).
    TemporaryDirectory directory;
    ASSERT_FALSE(directory.path().empty());
    ASSERT_EQ(::symlink((std::string(kDebianNotoDirectory) + "/NotoSans-Regular.ttf").c_str(),
                        (directory.path() + "/NotoSans-Regular.ttf").c_str()),
              0);
    // A "font" that is not one: read, refused, no crash.
    std::ofstream(directory.path() + "/NotoSansArabic-Regular.ttf") << "not a font";
    std::ofstream(directory.path() + "/NotoSansHebrew-Regular.ttf");  // empty
    Shaper latin_only(directory.path());
    EXPECT_TRUE(latin_only.shape("Total", kSize).has_value());
    EXPECT_FALSE(latin_only.shape("Total (USD) الإجمالي", kSize).has_value());
    EXPECT_FALSE(latin_only.shape("כתובת", kSize).has_value());
    EXPECT_FALSE(latin_only.render("כתובת", kSize).has_value());
}

TEST(Shaping, HugeLabelsAreBounded) {
    std::string huge;
    for (int i = 0; i < 100000; ++i) huge += "ب";
    Shaper shaper;
    const auto shaped = shaper.shape(huge, 16.0f);
    ASSERT_TRUE(shaped.has_value());
    EXPECT_TRUE(shaped->truncated);
    const std::size_t glyphs = glyph_ids(*shaped).size();
    EXPECT_GT(glyphs, 0u);
    EXPECT_LE(glyphs, kMaxShapedCodePoints + 1);  // the letters kept and the ellipsis
    EXPECT_EQ(shaped->text.substr(shaped->text.size() - 3), "\u2026");
    const auto bitmap = shaper.render(huge, 16.0f);
    ASSERT_TRUE(bitmap.has_value());
    EXPECT_LE(bitmap->width, 8192);
    // Malformed UTF-8 and other nonsense: shaped as replacement characters, no crash.
    const auto malformed = shaper.shape(std::string("\xFF\xC3(\xE2\x82", 5), 16.0f);
    ASSERT_TRUE(malformed.has_value());
    EXPECT_FALSE(shaper.shape("", 16.0f).has_value());
    EXPECT_FALSE(shaper.shape("abc", 0.0f).has_value());
    EXPECT_FALSE(shaper.shape("abc", 1e9f).has_value());
}

TEST(Shaping, TooWideTextIsCutWithAnEllipsisKeepingItsStart) {
    Shaper shaper;
    const std::string label = "Total amount including shipping (USD) الإجمالي الكامل للطلب";
    const auto width_of = [&](const std::string& text) {
        const auto shaped = shaper.shape(text, 16.0f);
        return shaped ? shaped->advance / 64.0f : -1.0f;
    };
    EXPECT_EQ(shaper.fit(label, 16.0f, 10000.0f), label);  // fits: untouched
    ASSERT_GT(width_of(label), 200.0f);
    // Starting in Latin: the start kept, cut between characters, "…" at the logical end.
    const std::string cut = shaper.fit(label, 16.0f, 200.0f);
    ASSERT_GE(cut.size(), 4u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "\u2026");
    EXPECT_EQ(label.rfind(cut.substr(0, cut.size() - 3), 0), 0u) << cut;  // a start of the label
    EXPECT_NE(cut.substr(cut.size() - 4, 1), " ");                         // no space before "…"
    EXPECT_LE(width_of(cut), 200.0f);
    EXPECT_GT(width_of(cut), 150.0f);  // as much as fits, not a stub
    // Right to left: the same, so the right-hand start shows and "…" is on the left.
    const std::string arabic = "العنوان الكامل للمرسل إليه في المدينة";
    const std::string rtl_cut = shaper.fit(arabic, 16.0f, 100.0f);
    EXPECT_EQ(arabic.rfind(rtl_cut.substr(0, rtl_cut.size() - 3), 0), 0u) << rtl_cut;
    EXPECT_LE(width_of(rtl_cut), 100.0f);
    const auto bitmap = shaper.render(rtl_cut, 16.0f);
    ASSERT_TRUE(bitmap.has_value());
    EXPECT_TRUE(bitmap->right_to_left);
    // Nothing fits but the ellipsis: the ellipsis alone.
    EXPECT_EQ(shaper.fit(label, 16.0f, 1.0f), "\u2026");
}

TEST(Shaping, RenderPutsInkInTheLineBox) {
    Shaper shaper;
    const LineBox line{30, 8};
    const auto bitmap = shaper.render("العنوان الكامل", 28.0f, line);
    ASSERT_TRUE(bitmap.has_value());
    EXPECT_TRUE(bitmap->right_to_left);
    ASSERT_EQ(bitmap->alpha.size(), static_cast<std::size_t>(bitmap->width) * bitmap->height);
    // The box is the line's, grown evenly when marks reach beyond it.
    const int grown = bitmap->baseline - line.ascender;
    EXPECT_GE(grown, 0);
    EXPECT_EQ(bitmap->height - bitmap->baseline, line.descender + grown);
    // Ink above and below the baseline, none outside the glyphs' span, width near the advance.
    int ink = 0, above = 0;
    for (int y = 0; y < bitmap->height; ++y)
        for (int x = 0; x < bitmap->width; ++x)
            if (bitmap->alpha[static_cast<std::size_t>(y) * bitmap->width + x] > 128) {
                ++ink;
                if (y < bitmap->baseline) ++above;
            }
    EXPECT_GT(ink, 200);
    EXPECT_GT(above, ink / 2);
    const auto shaped = shaper.shape("العنوان الكامل", 28.0f);
    ASSERT_TRUE(shaped.has_value());
    EXPECT_NEAR(bitmap->width, shaped->advance / 64.0, 4.0);
}

}  // namespace
}  // namespace pm::shaping
