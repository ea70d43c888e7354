// The panel's side of shaped text (ui/text_runs.h, ui/shaped_text.h): which strings need the
// platform's shaping, which ones the panel asks a run source for (never Latin text), that a run is
// drawn as one tinted image (right-aligned in its cell when it runs right to left) and that
// without a run the text is drawn by ImGui as before. A fake source stands in for the platform.
#include "ui/shaped_field.h"
#include "ui/shaped_text.h"
#include "ui/text_runs.h"
#include "ui_driver.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>  // ImRect

#include <map>
#include <string>
#include <vector>

namespace pm::ui {
namespace {

const ImTextureID kFakeTexture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(0x5EA7));

// A run source that hands out a fixed-size image for every string (or nothing, while "pending")
// and remembers what it was asked for.
class FakeRunSource final : public TextRunSource {
public:
    const TextRun* run(std::string_view utf8, float font_size, float max_width = 0) override {
        asked.emplace_back(utf8);
        sizes.push_back(font_size);
        max_widths.push_back(max_width);
        if (pending) return nullptr;
        TextRun& run = runs[std::to_string(max_width) + std::string(utf8)];
        run.texture = kFakeTexture;
        // 48 pixels wide, or 8 per byte for a long text; cut to max_width as a platform does.
        const float natural = utf8.size() > 40 ? 8.0f * static_cast<float>(utf8.size()) : 48.0f;
        run.size = ImVec2(max_width > 0 && natural > max_width ? max_width : natural, font_size * 1.5f);
        run.right_to_left = paragraph_is_rtl(utf8);
        return &run;
    }
    bool asked_for(const std::string& text) const {
        for (const std::string& s : asked)
            if (s == text) return true;
        return false;
    }
    std::vector<std::string> asked;
    std::vector<float> sizes;
    std::vector<float> max_widths;
    std::map<std::string, TextRun> runs;
    bool pending = false;
};

// Installs the source for one test and takes it away after.
struct SourceScope {
    explicit SourceScope(TextRunSource* source) { set_text_run_source(source); }
    ~SourceScope() { set_text_run_source(nullptr); }
};

// The rectangles of every image drawn with the fake texture in the last frame.
std::vector<ImRect> fake_images() {
    std::vector<ImRect> out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return out;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.GetTexID() != kFakeTexture) continue;
            for (unsigned i = 0; i + 5 < cmd.ElemCount; i += 6) {
                ImRect rect(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
                for (unsigned k = 0; k < 6; ++k)
                    rect.Add(list->VtxBuffer[list->IdxBuffer[cmd.IdxOffset + i + k] + cmd.VtxOffset].pos);
                out.push_back(rect);
            }
        }
    }
    return out;
}

TEST(NeedsShaping, ScriptsThatShapeOrRunRightToLeft) {
    const std::map<std::string, bool> cases = {
        {"\xD8\xA7\xD9\x84\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86", true},                      // Arabic العنوان
        {"\xD7\xA9\xD7\x9D", true},                                                              // Hebrew שם
        {"\xD9\x86\xD8\xA7\xD9\x85 \xDA\xA9\xD8\xA7\xD9\x85\xD9\x84", true},                     // Persian نام کامل
        {"\xE0\xA4\xA8\xE0\xA4\xBE\xE0\xA4\xAE", true},                                          // Devanagari नाम
        {"\xE0\xA6\xA8\xE0\xA6\xBE\xE0\xA6\xAE", true},                                          // Bengali নাম
        {"\xE0\xAE\xAA\xE0\xAF\x86\xE0\xAE\xAF\xE0\xAE\xB0\xE0\xAF\x8D", true},                  // Tamil பெயர்
        {"\xE0\xB8\x8A\xE0\xB8\xB7\xE0\xB9\x88\xE0\xB8\xAD", true},                              // Thai ชื่อ
        {"Total (USD) \xD8\xA7\xD9\x84\xD8\xA5\xD8\xAC\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A", true},  // mixed
        {"file\xE2\x80\xAEtxt.exe", true},                                                       // an override (made visible)
        {"Full name", false},
        {"Nguy\xE1\xBB\x85n", false},                         // Vietnamese Latin
        {"\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7", false},  // Greek Ελένη
        {"\xD0\x98\xD0\xBC\xD1\x8F", false},                  // Cyrillic Имя
        {"\xE6\xB0\x8F\xE5\x90\x8D", false},                  // CJK 氏名
        {"\xEC\x84\x9C\xEC\x9A\xB8", false},                  // Hangul 서울
        {"\xF0\x9F\x93\xA6 box", false},                      // emoji
        {"", false},
        {"\xFF\xFE broken", false},  // invalid bytes
        // Around the first code point that needs shaping (U+0590, the first lead byte 0xD6 can start).
        {"\xD5\xBF", false},                 // U+057F, Armenian
        {"\xD6\x8F", false},                 // U+058F, Armenian
        {"\xD6\x90", true},                  // U+0590, Hebrew
        {"\xD8", false},                     // a lead with nothing after it
        {"\xD8\x41", false},                 // a lead followed by ASCII
        {"\xE0\xA4\xD8\xA7", true},          // a cut sequence, then Arabic
        {"\xC3\xA9\x80\xBF\xD7\xA9", true},  // é, stray continuation bytes, then Hebrew
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(needs_shaping(text), expected) << text;
}

TEST(ParagraphDirection, FirstStrongCharacterDecides) {
    EXPECT_TRUE(paragraph_is_rtl("\xD8\xA7\xD9\x84\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86"));
    EXPECT_TRUE(paragraph_is_rtl("123 (\xD7\xA9\xD7\x9D)"));  // digits and brackets do not decide
    EXPECT_FALSE(paragraph_is_rtl("Total (USD) \xD8\xA7\xD9\x84\xD8\xA5\xD8\xAC\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A"));
    EXPECT_FALSE(paragraph_is_rtl("\xE0\xA4\xA8\xE0\xA4\xBE\xE0\xA4\xAE"));  // Devanagari runs left to right
    EXPECT_FALSE(paragraph_is_rtl("42"));
    EXPECT_FALSE(paragraph_is_rtl(""));
}

TEST(VisibleControls, BidiControlsBecomeMarks) {
    // RLO would show "exe.txt" as "txt.exe"; every control becomes U+FFFD, the rest is kept.
    EXPECT_EQ(with_visible_controls("a\xE2\x80\xAE"
                                    "b\xE2\x81\xA6"
                                    "c\xE2\x80\x8F"
                                    "d\xD8\x9C"
                                    "e"),
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD"
              "d\xEF\xBF\xBD"
              "e");
    EXPECT_EQ(with_visible_controls("\xD7\xA9\xD7\x9D ok"), "\xD7\xA9\xD7\x9D ok");
}

// A bare ImGui frame with one window, for drawing single texts.
class ShapedTextFrame : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60.0f;
        // Distinct glyphs for RLO (a font may draw one for it, as Noto Sans does) and for U+FFFD,
        // the mark the panel means to show for it: which one a text draws is visible in its UVs.
        ImFont* font = io.Fonts->AddFontDefault();
        io.Fonts->AddCustomRectFontGlyph(font, 0x202E, 6, 13, 7.0f);
        io.Fonts->AddCustomRectFontGlyph(font, 0xFFFD, 7, 13, 8.0f);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    void TearDown() override { ImGui::DestroyContext(context_); }
    // The vertices text(s) added to the window's draw list.
    int vertices_for(const std::string& s) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("frame");
        ImDrawList* list = ImGui::GetWindowDrawList();
        const int before = list->VtxBuffer.Size;
        text(s);
        const int added = list->VtxBuffer.Size - before;
        ImGui::End();
        ImGui::Render();
        return added;
    }
    ImGuiContext* context_ = nullptr;
};

TEST_F(ShapedTextFrame, ARunIsOneTintedImage) {
    FakeRunSource source;
    SourceScope scope(&source);
    const std::string hebrew = "\xD7\xA9\xD7\x9D \xD7\x9E\xD7\x9C\xD7\x90";  // שם מלא
    EXPECT_EQ(vertices_for(hebrew), 4);                                      // one quad, whatever the length
    ASSERT_EQ(source.asked, std::vector<std::string>{hebrew});
    EXPECT_FLOAT_EQ(source.sizes[0], ImGui::GetFontSize());
    EXPECT_EQ(fake_images().size(), 1u);
}

TEST_F(ShapedTextFrame, LatinTextIsNeverAskedFor) {
    FakeRunSource source;
    SourceScope scope(&source);
    EXPECT_EQ(vertices_for("Full name"), 4 * 8);  // ImGui's glyphs (the space has none)
    EXPECT_EQ(vertices_for("\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7"), 4 * 5);
    EXPECT_TRUE(source.asked.empty());
}

TEST_F(ShapedTextFrame, NoRunYetFallsBackToImGuiText) {
    FakeRunSource source;
    source.pending = true;
    SourceScope scope(&source);
    const std::string arabic = "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86";  // 6 letters
    EXPECT_EQ(vertices_for(arabic), 4 * 7);                                                 // ImGui's fallback glyphs, as before
    EXPECT_TRUE(fake_images().empty());
    EXPECT_EQ(source.asked.size(), 1u);
    set_text_run_source(nullptr);
    EXPECT_EQ(vertices_for(arabic), 4 * 7);  // no source at all: the same
}

TEST_F(ShapedTextFrame, ControlsAreMadeVisibleBeforeTheSourceSeesThem) {
    FakeRunSource source;
    SourceScope scope(&source);
    vertices_for(
        "\xD7\xA9\xD7\x9D\xE2\x80\xAE"
        "abc");
    ASSERT_EQ(source.asked.size(), 1u);
    EXPECT_EQ(source.asked[0],
              "\xD7\xA9\xD7\x9D\xEF\xBF\xBD"
              "abc");
    // Only a control and Latin: nothing to shape once it is a mark; ImGui draws it.
    source.asked.clear();
    EXPECT_GT(vertices_for("file\xE2\x80\xAEtxt.exe"), 4);
    EXPECT_TRUE(source.asked.empty());
}

// True when the last frame drew a quad with `codepoint`'s glyph of the default font.
bool drew_glyph(char32_t codepoint) {
    const ImFontGlyph* glyph = ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(codepoint));
    if (!glyph) return false;
    // Both corners: packed glyphs touch, so one glyph's top-left is its neighbour's top-right.
    bool top_left = false, bottom_right = false;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data && l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            top_left = top_left || (v.uv.x == glyph->U0 && v.uv.y == glyph->V0);
            bottom_right = bottom_right || (v.uv.x == glyph->U1 && v.uv.y == glyph->V1);
        }
    return top_left && bottom_right;
}

TEST_F(ShapedTextFrame, ABidiControlAloneInLatinTextShowsTheMarkNotTheFontsGlyph) {
    FakeRunSource source;
    SourceScope scope(&source);
    EXPECT_GT(vertices_for("invoice\xE2\x80\xAEgnp.exe"), 4);
    EXPECT_TRUE(drew_glyph(0xFFFD));
    EXPECT_FALSE(drew_glyph(0x202E));
    EXPECT_TRUE(source.asked.empty());  // nothing to shape: ImGui draws it
    // Without a source (tests, hosts without one) the same.
    set_text_run_source(nullptr);
    vertices_for("invoice\xE2\x80\xAEgnp.exe");
    EXPECT_TRUE(drew_glyph(0xFFFD));
    EXPECT_FALSE(drew_glyph(0x202E));
}

TEST(SafeLabel, BidiControlsInAWidgetsLabelBecomeMarksAndLatinIsKept) {
    EXPECT_EQ(safe_label("invoice\xE2\x80\xAEgnp.exe"), "invoice\xEF\xBF\xBDgnp.exe");
    EXPECT_EQ(safe_label("Full name"), "Full name");
    EXPECT_EQ(safe_label("\xD7\xA9\xD7\x9D"), "\xD7\xA9\xD7\x9D");
}

TEST_F(ShapedTextFrame, AShapedSampleSitsOnTheLineLikeTheLatinTextBesideIt) {
    FakeRunSource source;
    SourceScope scope(&source);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 400));
    ImGui::Begin("frame");
    ImGui::AlignTextToFramePadding();  // as in a table row with a combo: the text sits lower
    text("\xD7\xA9\xD7\x9D \xD7\x9E\xD7\x9C\xD7\x90");
    const ImVec2 shaped_min = ImGui::GetItemRectMin();
    ImGui::SameLine();
    ImGui::TextUnformatted("Latin");
    const float latin_top = ImGui::GetItemRectMin().y;
    const float line = ImGui::GetTextLineHeight();
    ImGui::End();
    ImGui::Render();
    ASSERT_GT(ImGui::GetStyle().FramePadding.y, 1.0f);
    const std::vector<ImRect> images = fake_images();
    ASSERT_EQ(images.size(), 1u);
    EXPECT_NEAR((images[0].Min.y + images[0].Max.y) / 2, latin_top + line / 2, 0.5f);  // centred on the Latin line
    EXPECT_NEAR(shaped_min.y, latin_top, 0.5f);  // and the item is where ImGui's text would be
}

// The whole panel: a plan with labels, keys and samples in several scripts.
ExecutionPlan mixed_plan() {
    auto parsed = parse_plan_document(R"json({"fieldMapping": [
        {"sourceField": {"key": "full_address", "label": "العنوان الكامل", "type": "string"},
         "destinationField": {"key": "address", "label": "כתובת", "type": "string"},
         "preview": ["ชื่อ", "x"]}],
      "unmappedSourceFields": [
        {"sourceField": {"key": "total", "label": "Total (USD) الإجمالي", "type": "string"}, "preview": ["12"]},
        {"sourceField": {"key": "email", "label": "Email", "type": "string"}, "preview": ["a@b.c"]}],
      "unmappedDestinationFields": [
        {"destinationField": {"key": "name", "label": "नाम", "type": "string"}},
        {"destinationField": {"key": "plain", "label": "Plain", "type": "string"}}]})json");
    EXPECT_TRUE(parsed.value.has_value());
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

TEST(ShapedPanel, AsksForEveryShapedLabelAndSampleAndNoLatinOne) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.frames(2);
    EXPECT_TRUE(source.asked_for("العنوان الكامل"));  // source label
    EXPECT_TRUE(source.asked_for("כתובת"));           // destination label
    EXPECT_TRUE(source.asked_for("ชื่อ, x"));           // samples
    EXPECT_TRUE(source.asked_for("Total (USD) الإجمالي"));
    EXPECT_TRUE(source.asked_for("नाम"));  // an unmapped destination
    for (const std::string& s : source.asked) EXPECT_TRUE(needs_shaping(s)) << s;
    EXPECT_FALSE(fake_images().empty());
}

TEST(ShapedPanel, RightToLeftLabelsAreRightAlignedInTheirCellOthersLeft) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.frames(2);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half_spacing = spacing * 0.5f;
    const test::ItemRect rtl = ui.rect("source:full_address");
    const test::ItemRect key = ui.rect("source-key:full_address");  // the key after the label
    const test::ItemRect ltr = ui.rect("source:total");
    bool saw_rtl = false, saw_ltr = false;
    for (const ImRect& image : fake_images()) {
        const float y = (image.Min.y + image.Max.y) / 2;
        if (y > rtl.min.y && y < rtl.max.y && image.Min.x >= rtl.min.x && image.Max.x <= rtl.max.x + 1) {
            // Right-aligned with its key: the label ends a space before the key, which ends at
            // the cell's right; they never overlap.
            EXPECT_NEAR(image.Max.x, key.min.x - spacing, 1.0f);
            EXPECT_LE(image.Max.x, key.min.x);
            EXPECT_NEAR(key.max.x, rtl.max.x - half_spacing, 1.0f);
            EXPECT_GT(image.Min.x, rtl.min.x + 10);
            saw_rtl = true;
        }
        if (y > ltr.min.y && y < ltr.max.y && image.Min.x >= ltr.min.x && image.Max.x <= ltr.max.x + 1) {
            EXPECT_LT(image.Min.x, ltr.min.x + 2 * half_spacing + 1);  // mixed, starting in Latin: left
            saw_ltr = true;
        }
    }
    EXPECT_TRUE(saw_rtl);
    EXPECT_TRUE(saw_ltr);
}

TEST(ShapedPanel, AShapedComboPreviewKeepsItsArrow) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.frames(2);
    ASSERT_TRUE(source.asked_for("\xD7\x9B\xD7\xAA\xD7\x95\xD7\x91\xD7\xAA"));  // כתובת, the picker's preview
    // The arrow is drawn in the text colour in the square at the combo's right end.
    const test::ItemRect picker = ui.rect("picker:full_address");
    const float arrow_left = picker.max.x - ImGui::GetFrameHeight();
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    int arrow_vertices = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            if (v.col == text_colour && v.pos.x > arrow_left && v.pos.x < picker.max.x && v.pos.y > picker.min.y &&
                v.pos.y < picker.max.y)
                ++arrow_vertices;
    EXPECT_GE(arrow_vertices, 3);
    // And the preview's run is drawn left of the arrow.
    bool saw_preview = false;
    for (const ImRect& image : fake_images()) {
        const float y = (image.Min.y + image.Max.y) / 2;
        if (y > picker.min.y && y < picker.max.y && image.Min.x >= picker.min.x && image.Min.x < arrow_left) saw_preview = true;
    }
    EXPECT_TRUE(saw_preview);
}

TEST(ShapedPanel, ThePickersPreviewAndOptionsAreShapedAndPickingStillWorks) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.click("picker:total");  // its combo opens over the panel
    ui.frames(2);
    bool asked_option = false;
    for (const std::string& s : source.asked) asked_option = asked_option || s.rfind("नाम", 0) == 0;
    EXPECT_TRUE(asked_option);
    ui.click("picker-option:name");
    ui.frames(2);
    ASSERT_NE(ui.edge_to("name"), nullptr);
    EXPECT_EQ(ui.edge_to("name")->source.key, "total");
    EXPECT_TRUE(source.asked_for("नाम"));  // now the preview of the closed combo
}

TEST(ShapedPanel, ASearchFieldHoldingShapedTextShowsItShapedUnderTheField) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.click("filter");
    ui.type("\xD7\x97\xD7\x99\xD7\xA4\xD7\x95\xD7\xA9");  // חיפוש: typed code point by code point
    ui.frames(2);
    EXPECT_TRUE(source.asked_for("\xD7\x97\xD7\x99\xD7\xA4\xD7\x95\xD7\xA9"));
    EXPECT_STREQ(ui.state().filter, "\xD7\x97\xD7\x99\xD7\xA4\xD7\x95\xD7\xA9");  // typing is untouched
}

// The images drawn whose centre is inside `cell`.
std::vector<ImRect> images_in(const test::ItemRect& cell) {
    std::vector<ImRect> out;
    for (const ImRect& image : fake_images()) {
        const ImVec2 c = image.GetCenter();
        if (c.x > cell.min.x && c.x < cell.max.x && c.y > cell.min.y && c.y < cell.max.y) out.push_back(image);
    }
    return out;
}

TEST(ShapedPanel, ALongLabelStartingInLatinIsCutToItsCellWithAnEllipsisNotClipped) {
    // Clipped at the cell's right, "Total ... (USD) الإجمالي" would show the end of the Arabic
    // word and not its start: the platform is asked for the run cut to the cell, with "…".
    const std::string label = "Total amount including shipping and handling (USD) \xD8\xA7\xD9\x84\xD8\xA5\xD8\xAC\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A";
    auto parsed = parse_plan_document(R"json({"fieldMapping": [], "unmappedDestinationFields": [],
      "unmappedSourceFields": [{"sourceField": {"key": "total", "label": ")json" + label + R"json(", "type": "string"}, "preview": ["1"]}]})json");
    ASSERT_TRUE(parsed.value.has_value());
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(parsed.value->plan);
    ui.frames(2);
    const test::ItemRect cell = ui.rect("source:total");
    const test::ItemRect key = ui.rect("source-key:total");
    float asked_width = 0;
    for (std::size_t i = 0; i < source.asked.size(); ++i)
        if (source.asked[i] == label && source.max_widths[i] > 0) asked_width = source.max_widths[i];
    ASSERT_GT(asked_width, 0.0f) << "the label was never asked for cut to its cell";
    EXPECT_LE(asked_width, key.min.x - cell.min.x);  // room for the key after it
    EXPECT_EQ(static_cast<int>(asked_width) % 8, 0);  // in steps: a resized column asks for few runs
    const std::vector<ImRect> images = images_in(cell);
    ASSERT_EQ(images.size(), 1u);
    EXPECT_FLOAT_EQ(images[0].GetWidth(), asked_width);  // the cut run, whole, not the long one clipped
    EXPECT_LE(images[0].Max.x, key.min.x);
    EXPECT_LT(images[0].Min.x, cell.min.x + ImGui::GetStyle().ItemSpacing.x + 1);  // from the left
}

TEST(ShapedPanel, LabelsThatFitAreNeverAskedForCut) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.frames(2);
    ASSERT_FALSE(source.asked.empty());
    for (std::size_t i = 0; i < source.asked.size(); ++i) {
        EXPECT_EQ(source.max_widths[i], 0.0f) << source.asked[i];
    }
}

TEST(ShapedPanel, ASearchFieldNotBeingEditedShowsItsShapedTextInTheField) {
    FakeRunSource source;
    SourceScope scope(&source);
    test::UiDriver ui(mixed_plan());
    ui.click("filter");
    ui.type("\xD7\x97\xD7\x99\xD7\xA4\xD7\x95\xD7\xA9");  // חיפוש
    ui.key(ImGuiKey_Enter);                                     // done: the field is left
    ui.frames(2);
    ASSERT_STREQ(ui.state().filter, "\xD7\x97\xD7\x99\xD7\xA4\xD7\x95\xD7\xA9");
    const test::ItemRect field = ui.rect("filter");
    const std::vector<ImRect> images = images_in(field);
    ASSERT_EQ(images.size(), 1u);
    // Right to left: at the field's right, inside its frame.
    EXPECT_NEAR(images[0].Max.x, field.max.x - ImGui::GetStyle().FramePadding.x, 1.0f);
    EXPECT_GT(images[0].Min.x, field.min.x);
}

TEST(ShapedPanel, WithNativeEditingTheActiveFieldIsThePlatformsAndItsEditsComeBackWhole) {
    FakeRunSource source;
    SourceScope scope(&source);
    struct NativeScope {
        NativeScope() { set_native_text_editing(true); }
        ~NativeScope() { set_native_text_editing(false); }
    } native;
    test::UiDriver ui(mixed_plan());
    ui.click("filter");
    ui.frames(1);
    EXPECT_NE(active_text_field().id, 0u);
    EXPECT_FALSE(active_text_field().shaped);  // empty: ImGui edits it
    ui.type("\xD7\xA9");                       // ש: now the page's input takes over
    ui.frames(1);
    const ActiveTextField& field = active_text_field();
    ASSERT_TRUE(field.shaped);
    EXPECT_STREQ(field.text, "\xD7\xA9");
    const test::ItemRect rect = ui.rect("filter");
    EXPECT_NEAR(field.min.x, rect.min.x, 0.5f);
    EXPECT_NEAR(field.max.x, rect.max.x, 0.5f);
    EXPECT_GT(field.font_size, 0.0f);
    // The page's edit (the browser moved the cursor and deleted inside the text) comes back whole;
    // the rows filter on it. It stays the page's even once its text needs no shaping.
    replace_active_field_text("Email");
    ui.frames(2);
    EXPECT_STREQ(ui.state().filter, "Email");
    EXPECT_TRUE(active_text_field().shaped);
    EXPECT_TRUE(ui.has("source:email"));
    EXPECT_FALSE(ui.has("source:total"));
    // Nothing of the field's own glyphs is drawn while the page shows it: no tooltip preview either.
    EXPECT_TRUE(images_in(rect).empty());
    // An edit longer than the field's buffer is cut on a character boundary.
    std::string long_text;
    while (long_text.size() < sizeof(ui.state().filter) + 8) long_text += "\xD7\xA9";  // ש, 2 bytes each
    replace_active_field_text(long_text);  // 255 bytes fit: the last would be the first half of a ש
    ui.frames(2);
    EXPECT_EQ(std::string(ui.state().filter), long_text.substr(0, sizeof(ui.state().filter) - 2));
    replace_active_field_text("Email");
    ui.frames(2);
    ui.key(ImGuiKey_Enter);
    ui.frames(1);
    EXPECT_EQ(active_text_field().id, 0u);
    replace_active_field_text("lost");  // the field has closed: nowhere to go
    ui.frames(1);
    EXPECT_STREQ(ui.state().filter, "Email");
}

TEST(ShapedPanel, WithoutASourceThePanelDrawsAsBefore) {
    test::UiDriver ui(mixed_plan());
    ui.frames(2);
    EXPECT_TRUE(fake_images().empty());
    EXPECT_TRUE(ui.has("source:full_address"));
}

}  // namespace
}  // namespace pm::ui
