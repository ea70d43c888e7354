// Keyboard paths in the canvas panel: the review's default button (Enter sends, but not the key
// press that opened it, and not when Keep editing has the keyboard), the keyboard map (F1 or "?",
// but "?" typed into the search is text), and the mirror's focus scrolling its row into view.
#include "support/synthetic_plan.h"
#include "ui_driver.h"

namespace pm::test {
namespace {

const char* const kPlan = "tests/data/contract/01-get-plan-response.json";

TEST(PanelKeyboard, EnterInTheReviewSendsThePlan) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.key(ImGuiKey_Enter, ImGuiMod_Ctrl);
    ASSERT_TRUE(ui.has("review-send"));
    EXPECT_FALSE(ui.submit_requested());       // the chord that opened it does not send
    ui.key(ImGuiKey_Enter);
    EXPECT_TRUE(ui.submit_requested());
    EXPECT_FALSE(ui.state().review_open);
}

TEST(PanelKeyboard, EscapeLeavesTheReviewWithoutSending) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.key(ImGuiKey_Enter, ImGuiMod_Ctrl);
    ASSERT_TRUE(ui.has("review-keep-editing"));
    ui.key(ImGuiKey_Escape);
    ui.frames(2);
    EXPECT_FALSE(ui.has("review-send"));
    EXPECT_FALSE(ui.submit_requested());
}

TEST(PanelKeyboard, FOneOrAQuestionMarkOpensTheKeyboardMap) {
    UiDriver ui(load_plan_fixture(kPlan));
    EXPECT_FALSE(ui.has("help-close"));
    ui.key(ImGuiKey_F1);
    EXPECT_TRUE(ui.has("help-close"));
    ui.key(ImGuiKey_Escape);
    ui.frames(2);
    EXPECT_FALSE(ui.has("help-close"));
    ui.type("?");
    EXPECT_TRUE(ui.has("help-close"));
    ui.click("help-close");
    ui.frames(2);
    EXPECT_FALSE(ui.has("help-close"));
    // In the search field "?" is a character, not a request for help.
    ui.click("filter");
    ui.type("?");
    EXPECT_FALSE(ui.has("help-close"));
    EXPECT_EQ(std::string(ui.state().filter), "?");
}

TEST(PanelKeyboard, TheMirrorsFocusScrollsItsRowIntoView) {
    SyntheticShape shape;
    shape.edges = 300;
    UiDriver ui(make_synthetic_plan(shape));
    EXPECT_TRUE(ui.has("picker:src_5"));
    EXPECT_FALSE(ui.has("picker:src_250"));
    ui.state().mirror_focus_source = "src_250";
    ui.state().scroll_to_mirror_focus = true;
    ui.frames(3);
    ASSERT_TRUE(ui.has("picker:src_250"));
    const ItemRect row = ui.rect("picker:src_250");
    EXPECT_GT(row.min.y, 0.0f);                // on screen (the display is 800 high)
    EXPECT_LT(row.max.y, 800.0f);
    EXPECT_FALSE(ui.has("picker:src_5"));      // the table scrolled
    EXPECT_FALSE(ui.state().scroll_to_mirror_focus);   // once, then the person scrolls freely
}

}  // namespace
}  // namespace pm::test
