// Mapping through the panel with synthetic input: the destination drop-down (click and
// type-ahead), "Do not import", drag and drop both ways, and enum value mapping.
#include "ui_driver.h"

namespace pm::test {
namespace {

const char* kPlan = "tests/data/contract/01-get-plan-response.json";

TEST(PanelMapping, PickerMapsAnUnmappedSourceByClick) {
    UiDriver ui(load_plan_fixture(kPlan));
    ASSERT_EQ(ui.edge_to("annual_revenue"), nullptr);
    ui.click("picker:notes");
    ASSERT_TRUE(ui.has("picker-option:annual_revenue"));
    ui.click("picker-option:annual_revenue");
    const Edge* edge = ui.edge_to("annual_revenue");
    ASSERT_NE(edge, nullptr);
    EXPECT_EQ(edge->source.key, "notes");
    EXPECT_TRUE(ui.session().can_undo());
}

TEST(PanelMapping, PickerTypeAheadAndEnterTakesTheFirstMatch) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("picker:fax");
    ui.type("revenue");
    ui.key(ImGuiKey_Enter);
    const Edge* edge = ui.edge_to("annual_revenue");
    ASSERT_NE(edge, nullptr);
    EXPECT_EQ(edge->source.key, "fax");
}

TEST(PanelMapping, PickerEnterPrefersAFreeExactMatchOverATakenOne) {
    // "name" matches "Full name" (fed by "a", listed first) and "Name" (free): Enter takes "Name".
    auto parsed = parse_plan_document(R"({"data": {"plan": {
        "fieldMapping": [{"sourceField": {"key": "a", "type": "string"}, "destinationField": {"key": "full_name", "label": "Full name", "type": "string"}}],
        "unmappedSourceFields": [{"sourceField": {"key": "b", "type": "string"}}],
        "unmappedDestinationFields": [{"destinationField": {"key": "name_field", "label": "Name", "type": "string"}}]}}})");
    ASSERT_TRUE(parsed.value.has_value());
    UiDriver ui(parsed.value->plan);
    ui.click("picker:b");
    ui.type("name");
    ui.key(ImGuiKey_Enter);
    ASSERT_NE(ui.edge_to("name_field"), nullptr);
    EXPECT_EQ(ui.edge_to("name_field")->source.key, "b");
    ASSERT_NE(ui.edge_to("full_name"), nullptr);
    EXPECT_EQ(ui.edge_to("full_name")->source.key, "a") << "the taken field stays with its column";
}

TEST(PanelMapping, PickerMarksTakenDestinationsAndMovesThem) {
    UiDriver ui(load_plan_fixture(kPlan));
    // "email" is fed by e_mail_address; choosing it for notes moves it (a destination has one source).
    ui.click("picker:notes");
    ui.click("picker-option:email");
    ASSERT_NE(ui.edge_to("email"), nullptr);
    EXPECT_EQ(ui.edge_to("email")->source.key, "notes");
    EXPECT_TRUE(ui.session().edges_from("e_mail_address").empty());
}

TEST(PanelMapping, DoNotImportIgnoresTheSource) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("picker:title");
    ui.click("picker-option:(do not import)");
    EXPECT_TRUE(ui.session().is_ignored("title"));
    EXPECT_EQ(ui.edge_to("job_title"), nullptr);
}

TEST(PanelMapping, DraggingASourceOntoADestinationMapsIt) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.drag("source:notes", "destination:annual_revenue");
    const Edge* edge = ui.edge_to("annual_revenue");
    ASSERT_NE(edge, nullptr);
    EXPECT_EQ(edge->source.key, "notes");
}

TEST(PanelMapping, DraggingAMappedSourceOutUnmapsIt) {
    UiDriver ui(load_plan_fixture(kPlan));
    ASSERT_NE(ui.edge_to("phone"), nullptr);
    ui.drag("from:phone", "source:notes");
    EXPECT_EQ(ui.edge_to("phone"), nullptr);
}

TEST(PanelMapping, EnumValueMappingThroughTheExpandedRow) {
    UiDriver ui(load_plan_fixture(kPlan));
    ui.click("expand:status");
    ASSERT_TRUE(ui.has("enum-value:status:Dead"));
    ui.click("enum-value:status:Dead");
    ui.click("enum-option:lost");
    const Edge* edge = ui.edge_to("status");
    ASSERT_NE(edge, nullptr);
    ASSERT_TRUE(edge->enum_details.has_value());
    bool mapped = false;
    for (const CategoryMapping& m : edge->enum_details->mapping)
        mapped = mapped || (m.source_value == Json("Dead") && m.destination_value == Json("lost"));
    EXPECT_TRUE(mapped);
}

}  // namespace
}  // namespace pm::test
