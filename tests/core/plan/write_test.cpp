// Writing plans back: lossless round trips (unknown members at every depth), PUT and PATCH bodies.
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"

#include "support/synthetic_plan.h"
#include "support/test_files.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

// The plan object as it came in, wherever it sat in the document.
Json incoming_plan(const Json& document) {
    if (document.contains("data")) return document["data"]["plan"];
    Json plan = document;
    plan.erase("jobId");
    plan.erase("fileId");
    return plan;
}

class RoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(RoundTrip, UneditedSessionSendsTheArraysThatCameIn) {
    const std::string text = test::read_fixture(GetParam());
    ASSERT_FALSE(text.empty()) << GetParam();
    const Json document = test::parse_or_null(text);
    const auto parsed = parse_plan_document(text);
    ASSERT_TRUE(parsed.ok()) << GetParam();

    const Session session(parsed.value->plan);
    EXPECT_TRUE(session.load_repairs().empty());
    const Json body = put_body(session.plan(), "job", "file");
    const Json in = incoming_plan(document);
    for (const char* name : {"fieldMapping", "unmappedSourceFields", "unmappedDestinationFields"}) {
        if (!in.contains(name)) continue;  // PATCH bodies carry only some arrays
        EXPECT_EQ(body[name], in[name]) << GetParam() << " " << name;
    }
    // Every other member of the plan object survives too.
    for (auto it = in.begin(); it != in.end(); ++it) EXPECT_EQ(body[it.key()], it.value()) << it.key();
    EXPECT_EQ(body["jobId"], "job");
    EXPECT_EQ(body["fileId"], "file");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RoundTrip,
                         ::testing::Values("tests/data/contract/01-get-plan-response.json",
                                           "tests/data/contract/02-put-plan-request.json",
                                           "tests/data/contract/03-patch-plan-request.json",
                                           "tests/data/plans/unknown-members.json"));

TEST(PlanWrite, ResponseRoundTripKeepsDataAndJobMembers) {
    const Json document = test::parse_or_null(test::read_fixture("tests/data/plans/unknown-members.json"));
    const auto parsed = parse_job_plan_response(dump_json(document));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(write_job_plan_response(*parsed.value)["data"], document["data"]);
    EXPECT_EQ(write_plan(parsed.value->plan), document["data"]["plan"]);
}

TEST(PlanWrite, SyntheticPlanWithUnknownMembersRoundTrips) {
    test::SyntheticShape shape;
    shape.edges = 50;
    shape.unknown_members = true;
    const Json plan_json = test::make_synthetic_plan_json(shape);
    EXPECT_EQ(write_plan(test::make_synthetic_plan(shape)), plan_json);
}

TEST(PlanWrite, PutBodyHasTheRequestMembers) {
    ExecutionPlan plan = test::make_synthetic_plan(2, 1);
    plan.program_id = "prog";
    const Json body = put_body(plan, "us_jb_1", "us_fl_1");
    EXPECT_EQ(body["jobId"], "us_jb_1");
    EXPECT_EQ(body["fileId"], "us_fl_1");
    EXPECT_EQ(body["programId"], "prog");
    EXPECT_EQ(body["fieldMapping"].size(), 2u);
    EXPECT_TRUE(body["unmappedSourceFields"].is_array());
    EXPECT_TRUE(body["unmappedDestinationFields"].is_array());
    plan.program_id.reset();
    EXPECT_FALSE(put_body(plan, "j", "f").contains("programId"));
}

TEST(PlanWrite, PatchBodyCarriesOnlyTheChosenParts) {
    const ExecutionPlan plan = test::make_synthetic_plan(3, 1);
    PatchParts parts;
    parts.field_mapping = true;
    const Json body = patch_body(plan, "j", "f", parts);
    EXPECT_EQ(body["jobId"], "j");
    EXPECT_EQ(body["fileId"], "f");
    EXPECT_EQ(body["fieldMapping"], write_plan(plan)["fieldMapping"]);
    EXPECT_FALSE(body.contains("unmappedSourceFields"));
    EXPECT_FALSE(body.contains("unmappedDestinationFields"));
    EXPECT_FALSE(body.contains("programId"));
}

TEST(PlanWrite, ChangedPartsFollowTheEdits) {
    Session session(test::make_synthetic_plan(3, 1));
    EXPECT_FALSE(changed_parts(session.server_plan(), session.plan()).any());
    session.unmap("dst_0");
    const PatchParts parts = changed_parts(session.server_plan(), session.plan());
    EXPECT_TRUE(parts.field_mapping);
    EXPECT_TRUE(parts.unmapped_sources);
    EXPECT_TRUE(parts.unmapped_destinations);
    EXPECT_FALSE(parts.program_id);
}

TEST(PlanWrite, MakeEdgeJoinsTheRawFieldsAndTheSourcePreview) {
    const auto parsed = parse_plan_document(test::read_fixture("tests/data/plans/unknown-members.json"));
    ASSERT_TRUE(parsed.ok());
    const ExecutionPlan& plan = parsed.value->plan;
    const Edge edge = make_edge(plan.unmapped_sources[0], plan.unmapped_destinations[0]);
    EXPECT_EQ(edge.raw["sourceField"], plan.unmapped_sources[0].raw["sourceField"]);
    EXPECT_EQ(edge.raw["destinationField"], plan.unmapped_destinations[0].raw["destinationField"]);
    EXPECT_EQ(edge.raw["preview"], Json::array({"n1", ""}));
    EXPECT_EQ(edge.source.key, "notes");
    EXPECT_EQ(edge.destination.key, "amount");
    EXPECT_EQ(edge.destination.type, FieldType::Number);
}

TEST(PlanWrite, EdgesWithoutRawAreWrittenFromTheModel) {
    Edge edge;
    edge.source = field_from_raw({{"type", "string"}, {"key", "s"}});
    edge.destination = field_from_raw({{"type", "string"}, {"key", "d"}});
    edge.preview = {"p"};
    const Json out = write_edge(edge);
    EXPECT_EQ(out["sourceField"]["key"], "s");
    EXPECT_EQ(out["destinationField"]["key"], "d");
    EXPECT_EQ(out["preview"], Json::array({"p"}));
}

}  // namespace
}  // namespace pm
