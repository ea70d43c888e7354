// Editing around the mappings: undo/redo by button and keyboard, search and filter chips, bulk
// actions, and the review that issues the submit request.
#include "ui_driver.h"

namespace pm::test {
namespace {

const char* kPlan = "tests/data/contract/01-get-plan-response.json";

TEST(PanelEditing, UndoAndRedoByButtonsAndShortcuts) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("picker:notes");
    ui.click("picker-option:annual_revenue");
    ASSERT_NE(ui.edge_to("annual_revenue"), nullptr);
    ui.click("button:undo");
    EXPECT_EQ(ui.edge_to("annual_revenue"), nullptr);
    ui.click("button:redo");
    EXPECT_NE(ui.edge_to("annual_revenue"), nullptr);
    ui.key(ImGuiKey_Z, ImGuiMod_Ctrl);
    EXPECT_EQ(ui.edge_to("annual_revenue"), nullptr);
    ui.key(ImGuiKey_Y, ImGuiMod_Ctrl);
    EXPECT_NE(ui.edge_to("annual_revenue"), nullptr);
    ui.key(ImGuiKey_Z, ImGuiMod_Ctrl);
    ui.key(ImGuiKey_Z, ImGuiMod_Ctrl | ImGuiMod_Shift);
    EXPECT_NE(ui.edge_to("annual_revenue"), nullptr);
}

TEST(PanelEditing, SearchNarrowsBothLists) {
    UiDriver ui(load_plan_fixture(kPlan));
    const size_t all_sources = ui.state().view.sources().size();
    EXPECT_EQ(all_sources, 13u);
    ui.key(ImGuiKey_F, ImGuiMod_Ctrl);   // focuses the search field
    ui.type("mail");
    ASSERT_EQ(ui.state().view.sources().size(), 1u);
    EXPECT_EQ(ui.state().view.sources()[0].source_key, "e_mail_address");
    EXPECT_FALSE(ui.has("source:first"));
    ASSERT_EQ(ui.state().view.destinations().size(), 1u);
    EXPECT_EQ(ui.state().view.destinations()[0].key, "email");
}

TEST(PanelEditing, ChipsFilterUnmappedLowConfidenceAndChanged) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("chip:Unmapped");
    ASSERT_EQ(ui.state().view.sources().size(), 2u);  // notes, fax
    ui.click("chip:Unmapped");
    ui.click("chip:Low confidence");
    for (const auto& row : ui.state().view.sources()) EXPECT_TRUE(row.low_confidence) << row.source_key;
    EXPECT_FALSE(ui.state().view.sources().empty());
    ui.click("chip:Low confidence");
    ui.click("chip:Changed");
    EXPECT_TRUE(ui.state().view.sources().empty());
    ui.click("chip:Changed");
    ui.click("picker:notes");
    ui.click("picker-option:annual_revenue");
    ui.click("chip:Changed");
    ASSERT_EQ(ui.state().view.sources().size(), 1u);
    EXPECT_EQ(ui.state().view.sources()[0].source_key, "notes");
}

TEST(PanelEditing, BulkIgnoreUnmappedAndReset) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("button:bulk");
    ui.click("bulk:ignore-unmapped");
    EXPECT_TRUE(ui.session().is_ignored("notes"));
    EXPECT_TRUE(ui.session().is_ignored("fax"));
    ui.click("button:bulk");
    ui.click("bulk:clear");
    EXPECT_EQ(ui.session().counts().edges, 0u);
    ui.click("button:bulk");
    ui.click("bulk:reset");
    EXPECT_EQ(ui.session().counts().edges, 11u);
    EXPECT_FALSE(ui.session().is_ignored("notes"));
}

TEST(PanelEditing, ReviewThenSendRequestsTheSubmit) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("picker:notes");
    ui.click("picker-option:annual_revenue");
    ui.click("button:submit");
    EXPECT_FALSE(ui.submit_requested());       // the review comes first
    ASSERT_TRUE(ui.has("review-send"));
    ui.click("review-send");
    EXPECT_TRUE(ui.submit_requested());
}

TEST(PanelEditing, CtrlEnterOpensTheReview) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.key(ImGuiKey_Enter, ImGuiMod_Ctrl);
    EXPECT_TRUE(ui.has("review-send"));
    EXPECT_FALSE(ui.submit_requested());
}

TEST(PanelEditing, AnErrorOffersTheMappingAsJsonAndTheServersWordsSitOnTheirRow) {
    UiDriver ui(load_plan_fixture(kPlan));
    EXPECT_FALSE(ui.has("button:copy-plan"));
    ui.status().message = "Flatfile did not accept the request.";
    ui.state().field_messages["notes"] = "Notes cannot be imported here";
    ui.frames(2);
    EXPECT_TRUE(ui.has("field-message:notes"));
    EXPECT_FALSE(ui.has("field-message:first"));   // only the row the server named
    ASSERT_TRUE(ui.has("button:copy-plan"));
    ui.click("button:copy-plan");
    EXPECT_TRUE(ui.seen().copy_plan);
}

TEST(PanelEditing, AServerVersionIsOfferedBesideThePersonsPlan) {
    UiDriver ui(load_plan_fixture(kPlan));
    EXPECT_FALSE(ui.has("button:use-server-plan"));
    ui.status().server_changes = "Flatfile saved a plan that differs from the one you sent: ...";
    ui.frames(2);
    ASSERT_TRUE(ui.has("button:keep-own-plan"));
    ui.click("button:keep-own-plan");
    EXPECT_TRUE(ui.seen().keep_own_plan);
    EXPECT_FALSE(ui.seen().use_server_plan);
    ui.click("button:use-server-plan");
    EXPECT_TRUE(ui.seen().use_server_plan);
}

TEST(PanelText, LongTextIsCutAtACharacterBoundaryForDisplay) {
    std::string long_text(ui::kMaxShownBytes - 1, 'a');
    long_text += "\xC3\xA9\xC3\xA9";       // "éé": the cut falls inside the first one
    const std::string shown = ui::shown_text(long_text);
    EXPECT_EQ(shown, std::string(ui::kMaxShownBytes - 1, 'a') + "\xE2\x80\xA6");
    EXPECT_EQ(ui::shown_text("short"), "short");
    // A 1 MB label draws (cut) without filling ImGui's buffers with a million glyphs.
    ExecutionPlan plan = load_plan_fixture(kPlan);
    plan.unmapped_sources.front().field.label = std::string(1 << 20, 'x');
    UiDriver ui(std::move(plan));
    ui.frames(2);
    // ImGui reserves vertices for every character it is handed (4 each), drawn or clipped.
    const ImDrawData* draw_data = ImGui::GetDrawData();
    ASSERT_NE(draw_data, nullptr);
    int reserved = 0;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) reserved += draw_data->CmdLists[i]->VtxBuffer.Capacity;
    EXPECT_LT(reserved, 200000);
}

}  // namespace
}  // namespace pm::test
