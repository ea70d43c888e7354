// Session operations one by one: what they change, what they report, and undo/redo.
#include "core/session/session.h"

#include "core/plan/documents.h"
#include "core/plan/write.h"

#include "support/test_files.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

ExecutionPlan example_plan() {
    auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

std::optional<std::string> source_of(const Session& s, const std::string& destination) {
    const Edge* edge = s.edge_to(destination);
    return edge ? std::optional<std::string>(edge->source.key) : std::nullopt;
}

bool unmapped_source_listed(const Session& s, const std::string& key) {
    for (const auto& e : s.plan().unmapped_sources)
        if (e.field.key == key) return true;
    return false;
}

bool unmapped_destination_listed(const Session& s, const std::string& key) {
    for (const auto& e : s.plan().unmapped_destinations)
        if (e.field.key == key) return true;
    return false;
}

TEST(Session, StartsFromTheServerPlan) {
    const Session s(example_plan());
    EXPECT_EQ(write_plan(s.plan()), write_plan(s.server_plan()));
    const SessionCounts c = s.counts();
    EXPECT_EQ(c.edges, 11u);
    EXPECT_EQ(c.mapped_sources, 11u);
    EXPECT_EQ(c.unmapped_sources, 2u);
    EXPECT_EQ(c.ignored_sources, 0u);
    EXPECT_EQ(c.unmapped_destinations, 3u);
    EXPECT_EQ(c.sources(), 13u);
    EXPECT_EQ(c.destinations(), 14u);
    EXPECT_FALSE(s.can_undo());
    EXPECT_TRUE(s.changes().empty());
    ASSERT_NE(s.source_field("notes"), nullptr);
    EXPECT_EQ(s.source_field("notes")->label, "Notes");
    ASSERT_NE(s.destination_field("account"), nullptr);
    EXPECT_EQ(s.destination_field("nope"), nullptr);
}

TEST(Session, MapMovesFieldsOutOfTheUnmappedLists) {
    Session s(example_plan());
    const Change c = s.map("notes", "annual_revenue");
    EXPECT_TRUE(c.refused.empty());
    ASSERT_EQ(c.linked.size(), 1u);
    EXPECT_EQ(c.linked[0], (Link{"notes", "annual_revenue"}));
    EXPECT_TRUE(c.unlinked.empty());
    EXPECT_EQ(source_of(s, "annual_revenue"), "notes");
    EXPECT_FALSE(unmapped_source_listed(s, "notes"));
    EXPECT_FALSE(unmapped_destination_listed(s, "annual_revenue"));
    // The new edge is built from the raw fields plus the source's preview.
    const Edge* edge = s.edge_to("annual_revenue");
    EXPECT_EQ(edge->raw["preview"], Json::array({"met at expo", "", "call back in May"}));
    EXPECT_EQ(edge->raw["destinationField"]["config"]["decimalPlaces"], 2);
    EXPECT_FALSE(edge->raw.contains("metadata"));
    EXPECT_EQ(s.counts().edges, 12u);
}

TEST(Session, MapOntoATakenDestinationFreesItsSource) {
    Session s(example_plan());
    const Change c = s.map("notes", "email");
    EXPECT_EQ(c.unlinked, (std::vector<Link>{{"e_mail_address", "email"}}));
    EXPECT_EQ(c.linked, (std::vector<Link>{{"notes", "email"}}));
    EXPECT_TRUE(unmapped_source_listed(s, "e_mail_address"));
    // Back to unmapped with an entry built from the edge (the field was never unmapped before).
    const auto& entry = s.plan().unmapped_sources.back();
    EXPECT_EQ(entry.field.key, "e_mail_address");
    EXPECT_EQ(entry.raw["sourceField"]["label"], "E-mail Address");
}

TEST(Session, MapAMappedSourceMovesItWithoutOneToMany) {
    Session s(example_plan());
    const Change c = s.map("first", "annual_revenue");
    EXPECT_EQ(c.unlinked, (std::vector<Link>{{"first", "first_name"}}));
    EXPECT_EQ(source_of(s, "first_name"), std::nullopt);
    EXPECT_TRUE(unmapped_destination_listed(s, "first_name"));
    EXPECT_FALSE(unmapped_source_listed(s, "first"));
}

TEST(Session, OneToManyKeepsTheOtherEdge) {
    Session s(example_plan(), SessionOptions{true});
    const Change c = s.map("first", "annual_revenue");
    EXPECT_TRUE(c.unlinked.empty());
    EXPECT_EQ(source_of(s, "first_name"), "first");
    EXPECT_EQ(source_of(s, "annual_revenue"), "first");
    EXPECT_EQ(s.edges_from("first").size(), 2u);
    EXPECT_EQ(s.counts().mapped_sources, 11u);
    // Unmapping one of them leaves the source mapped: it must not appear as unmapped.
    s.unmap("first_name");
    EXPECT_FALSE(unmapped_source_listed(s, "first"));
    s.unmap("annual_revenue");
    EXPECT_TRUE(unmapped_source_listed(s, "first"));
}

TEST(Session, NoOpsAndRefusals) {
    Session s(example_plan());
    EXPECT_TRUE(s.map("first", "first_name").empty());
    EXPECT_TRUE(s.unmap("annual_revenue").empty());
    EXPECT_TRUE(s.unignore("notes").empty());
    EXPECT_TRUE(s.swap("annual_revenue", "tags").empty());
    EXPECT_TRUE(s.unmap_edge("last", "first_name").empty());
    EXPECT_FALSE(s.can_undo());
    EXPECT_EQ(s.revision(), 0u);

    const Change unknown = s.map("nope", "email");
    EXPECT_TRUE(unknown.empty());
    EXPECT_NE(unknown.refused.find("unknown source field \"nope\""), std::string::npos);
    EXPECT_FALSE(s.map("first", "nope").refused.empty());
    EXPECT_FALSE(s.ignore("nope").refused.empty());
    EXPECT_FALSE(s.set_enum_value("email", "x", Json("y")).refused.empty());  // not an enum
    EXPECT_FALSE(s.set_enum_value("tags", "x", Json("vip")).refused.empty()); // not mapped
    EXPECT_FALSE(s.can_undo());
}

TEST(Session, UnmapReturnsBothFieldsWithTheirServerEntries) {
    Session s(example_plan());
    s.map("notes", "annual_revenue");
    const Change c = s.unmap("annual_revenue");
    EXPECT_EQ(c.unlinked, (std::vector<Link>{{"notes", "annual_revenue"}}));
    // The original unmapped entries (with their previews) come back, byte for byte.
    const Session fresh(example_plan());
    EXPECT_EQ(s.plan().unmapped_sources.back().raw, fresh.plan().unmapped_sources[0].raw);
    EXPECT_EQ(s.plan().unmapped_destinations.back().raw, fresh.plan().unmapped_destinations[0].raw);
    EXPECT_TRUE(s.changes().empty());  // by key, nothing differs from the server
}

TEST(Session, RemakingAServerPairRestoresTheServerEdge) {
    Session s(example_plan());
    const Json server_edge = s.edge_to("country")->raw;
    s.unmap("country");
    const Change c = s.map("country", "country");
    EXPECT_EQ(c.linked.size(), 1u);
    EXPECT_EQ(s.edge_to("country")->raw, server_edge);  // metadata and enumDetails included
    EXPECT_TRUE(s.changes().empty());
}

TEST(Session, IgnoreUnmapsAndFlags) {
    Session s(example_plan());
    const Change c = s.ignore("tier");
    EXPECT_EQ(c.unlinked, (std::vector<Link>{{"tier", "priority"}}));
    EXPECT_EQ(c.ignored, (std::vector<std::string>{"tier"}));
    EXPECT_TRUE(s.is_ignored("tier"));
    EXPECT_TRUE(unmapped_source_listed(s, "tier"));  // the plan format keeps ignored columns here
    EXPECT_EQ(s.counts().ignored_sources, 1u);
    EXPECT_EQ(s.counts().unmapped_sources, 2u);
    EXPECT_TRUE(s.ignore("tier").empty());

    // Mapping an ignored source un-ignores it.
    const Change m = s.map("tier", "priority");
    EXPECT_EQ(m.unignored, (std::vector<std::string>{"tier"}));
    EXPECT_FALSE(s.is_ignored("tier"));
    s.ignore("notes");
    EXPECT_EQ(s.unignore("notes").unignored, (std::vector<std::string>{"notes"}));
}

TEST(Session, SwapExchangesSources) {
    Session s(example_plan());
    const Change c = s.swap("first_name", "last_name");
    EXPECT_EQ(source_of(s, "first_name"), "last");
    EXPECT_EQ(source_of(s, "last_name"), "first");
    EXPECT_EQ(c.linked.size(), 2u);
    EXPECT_EQ(c.unlinked.size(), 2u);
    // With one side unmapped, the source moves over.
    s.swap("first_name", "annual_revenue");
    EXPECT_EQ(source_of(s, "annual_revenue"), "last");
    EXPECT_EQ(source_of(s, "first_name"), std::nullopt);
    EXPECT_TRUE(unmapped_destination_listed(s, "first_name"));
}

TEST(Session, AcceptCarriesTheSuggestionsMetadata) {
    Session s(example_plan());
    Suggestion suggestion{"fax", "account", {{"certainty", "moderate"}, {"confidence", 0.7}, {"source", "matcher"}}, nullptr};
    const Change c = s.accept(suggestion);
    EXPECT_EQ(c.linked, (std::vector<Link>{{"fax", "account"}}));
    const Edge* edge = s.edge_to("account");
    ASSERT_TRUE(edge->metadata);
    EXPECT_EQ(edge->metadata->certainty, Certainty::Moderate);
    EXPECT_EQ(edge->raw["metadata"]["source"], "matcher");
    // Accepting again with other metadata edits the edge in place.
    suggestion.metadata["certainty"] = "strong";
    const Change again = s.accept(suggestion);
    EXPECT_EQ(again.edited, (std::vector<Link>{{"fax", "account"}}));
    EXPECT_TRUE(s.accept(suggestion).empty());
    EXPECT_FALSE(s.accept({"fax", "account", Json(3), nullptr}).refused.empty());
}

TEST(Session, SetEnumValueMaintainsEnumDetails) {
    Session s(example_plan());
    const Change c = s.set_enum_value("status", "Dead", Json("lost"));
    EXPECT_EQ(c.edited, (std::vector<Link>{{"lead_status", "status"}}));
    const Json& details = s.edge_to("status")->raw["enumDetails"];
    EXPECT_EQ(details["mapping"].back(), (Json{{"sourceValue", "Dead"}, {"destinationValue", "lost"}}));
    EXPECT_EQ(details["unusedSourceValues"], Json::array());
    EXPECT_EQ(details["unusedDestinationValues"], Json::array());
    EXPECT_TRUE(s.set_enum_value("status", "Dead", Json("lost")).empty());

    // Re-pointing a value frees the old destination value.
    s.set_enum_value("status", "Dead", Json("new"));
    EXPECT_EQ(s.edge_to("status")->raw["enumDetails"]["unusedDestinationValues"], Json::array({"lost"}));
    // Removing a value's mapping returns it to unusedSourceValues.
    s.set_enum_value("status", "Dead", std::nullopt);
    EXPECT_EQ(s.edge_to("status")->raw["enumDetails"]["unusedSourceValues"], Json::array({"Dead"}));
    // Numeric option values work, values outside the options are refused (allowCustom unset).
    EXPECT_TRUE(s.set_enum_value("priority", "Gold", Json(2)).refused.empty());
    EXPECT_FALSE(s.set_enum_value("priority", "Gold", Json(9)).refused.empty());
    EXPECT_FALSE(s.set_enum_value("priority", Json::array(), Json(1)).refused.empty());
}

TEST(Session, JoinedUndoStepsAreTakenBackByOneUndo) {
    Session s(example_plan());
    s.ignore("notes");                         // the person's own step stays separate
    const std::size_t depth = s.undo_depth();
    const Json before = s.edge_to("status")->raw["enumDetails"];
    s.set_enum_value("status", "Dead", Json("lost"));
    s.set_enum_value("status", "Cold", Json("new"));
    s.set_enum_value("status", "Won", Json("lost"));
    s.join_undo_steps(depth);
    EXPECT_EQ(s.undo_depth(), depth + 1);
    EXPECT_FALSE(s.undo().empty());
    EXPECT_EQ(s.edge_to("status")->raw["enumDetails"], before) << "one Undo takes back all three values";
    EXPECT_TRUE(s.is_ignored("notes"));
    // Redo makes them again, all three, in one step.
    EXPECT_FALSE(s.redo().empty());
    EXPECT_EQ(s.edge_to("status")->raw["enumDetails"]["mapping"].size(), before["mapping"].size() + 3);
    // One step or none made since: nothing to join.
    const std::size_t now = s.undo_depth();
    s.join_undo_steps(now);
    s.set_enum_value("status", "Dead", Json("new"));
    s.join_undo_steps(now);
    EXPECT_EQ(s.undo_depth(), now + 1);
}

TEST(Session, SetEnumValueOnANewEdgeCreatesEnumDetails) {
    Session s(example_plan());
    s.map("notes", "tags");  // enum-list destination, no enumDetails yet
    EXPECT_FALSE(s.edge_to("tags")->enum_details);
    s.set_enum_value("tags", "met at expo", Json("vip"));
    ASSERT_TRUE(s.edge_to("tags")->enum_details);
    EXPECT_EQ(s.edge_to("tags")->enum_details->mapping.size(), 1u);
}

TEST(Session, ClearAllAndResetToServer) {
    Session s(example_plan());
    s.ignore("notes");
    const Change cleared = s.clear_all();
    EXPECT_EQ(cleared.unlinked.size(), 11u);
    EXPECT_EQ(s.counts().edges, 0u);
    EXPECT_EQ(s.counts().unmapped_sources, 12u);
    EXPECT_EQ(s.counts().ignored_sources, 1u);
    EXPECT_EQ(s.counts().unmapped_destinations, 14u);
    EXPECT_TRUE(s.clear_all().empty());

    const Change reset = s.reset_to_server();
    EXPECT_EQ(reset.linked.size(), 11u);
    EXPECT_EQ(reset.unignored, (std::vector<std::string>{"notes"}));
    EXPECT_EQ(write_plan(s.plan()), write_plan(s.server_plan()));
    EXPECT_TRUE(s.reset_to_server().empty());
    s.undo();
    EXPECT_EQ(s.counts().edges, 0u);
}

TEST(Session, UndoRedoRestoreExactly) {
    Session s(example_plan());
    const Json start = write_plan(s.plan());
    s.map("notes", "email");
    const Json after_map = write_plan(s.plan());
    s.ignore("fax");
    s.set_enum_value("status", "Dead", Json("lost"));
    EXPECT_EQ(s.undo_depth(), 3u);

    const Change u = s.undo();
    EXPECT_EQ(u.edited, (std::vector<Link>{{"lead_status", "status"}}));
    const Change u2 = s.undo();
    EXPECT_EQ(u2.unignored, (std::vector<std::string>{"fax"}));
    EXPECT_EQ(write_plan(s.plan()), after_map);
    const Change u3 = s.undo();
    EXPECT_EQ(u3.linked, (std::vector<Link>{{"e_mail_address", "email"}}));
    EXPECT_EQ(u3.unlinked, (std::vector<Link>{{"notes", "email"}}));
    EXPECT_EQ(write_plan(s.plan()), start);
    EXPECT_FALSE(s.can_undo());
    EXPECT_TRUE(s.undo().empty());

    s.redo();
    EXPECT_EQ(write_plan(s.plan()), after_map);
    EXPECT_TRUE(s.can_redo());
    s.map("fax", "account");  // a new edit drops the redo steps
    EXPECT_FALSE(s.can_redo());
    EXPECT_EQ(s.revision(), 8u);
}

TEST(Session, RebaseMakesTheConfirmedPlanTheBase) {
    Session s(example_plan());
    s.ignore("fax");
    s.map("notes", "annual_revenue");
    const ExecutionPlan confirmed = s.plan();
    s.rebase(confirmed);
    EXPECT_TRUE(s.changes().empty());
    EXPECT_FALSE(s.can_undo());
    EXPECT_TRUE(s.is_ignored("fax"));
    EXPECT_EQ(source_of(s, "annual_revenue"), "notes");
    // The base moved: resetting now returns to the confirmed plan.
    s.unmap("annual_revenue");
    s.reset_to_server();
    EXPECT_EQ(source_of(s, "annual_revenue"), "notes");
}

TEST(Session, ChangesAgainstTheServerByKey) {
    Session s(example_plan());
    s.map("notes", "email");
    s.set_enum_value("country", "UK", Json("DE"));
    const PlanDiff diff = s.changes();
    ASSERT_EQ(diff.destinations.size(), 1u);
    EXPECT_EQ(diff.destinations[0].key, "email");
    EXPECT_EQ(diff.destinations[0].before, "e_mail_address");
    EXPECT_EQ(diff.destinations[0].after, "notes");
    EXPECT_EQ(diff.edited, (std::vector<Link>{{"country", "country"}}));
    EXPECT_TRUE(diff.source_changed("notes"));
    EXPECT_TRUE(diff.source_changed("e_mail_address"));
    EXPECT_TRUE(diff.destination_changed("country"));
    EXPECT_FALSE(diff.destination_changed("first_name"));
}

}  // namespace
}  // namespace pm
