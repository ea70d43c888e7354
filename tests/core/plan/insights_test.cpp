// Derived state: required fields left unmapped, enum gaps, type warnings, plan differences.
#include "core/plan/insights.h"

#include "core/plan/documents.h"
#include "core/session/session.h"

#include "support/test_files.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

ExecutionPlan example_plan() {
    auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

TEST(PlanInsights, NumberShapes) {
    for (const char* yes : {"0", "42", "-3.5", "+7", ".5", "1,234,567.89", "$1,000", "\xE2\x82\xAC" "12", "15%", "1e6", " 3 "})
        EXPECT_TRUE(looks_like_number(yes)) << yes;
    for (const char* no : {"", "abc", "1.2.3", "12,34", "1e", "--1", "$", "1,2345", "Gold", "12 kg"})
        EXPECT_FALSE(looks_like_number(no)) << no;
}

TEST(PlanInsights, BooleanAndDateShapes) {
    for (const char* yes : {"Y", "n", "TRUE", "off", "1", " yes "}) EXPECT_TRUE(looks_like_boolean(yes)) << yes;
    for (const char* no : {"maybe", "", "2"}) EXPECT_FALSE(looks_like_boolean(no)) << no;
    EXPECT_TRUE(looks_like_date("03/07/1990"));
    EXPECT_FALSE(looks_like_date("tomorrow"));
}

TEST(PlanInsights, RequiredDestinationsLeftUnmapped) {
    Session s(example_plan());
    EXPECT_TRUE(s.required_unmapped().empty());
    s.unmap("email");
    s.unmap("first_name");
    EXPECT_EQ(s.required_unmapped(), (std::vector<std::string>{"email", "first_name"}));
}

TEST(PlanInsights, EnumGapsFromEnumDetails) {
    const auto gaps = enum_gaps(example_plan());
    ASSERT_EQ(gaps.size(), 1u);  // status: "Dead" has no destination value
    EXPECT_EQ(gaps[0].link, (Link{"lead_status", "status"}));
    EXPECT_EQ(gaps[0].values, (std::vector<Json>{"Dead"}));
}

TEST(PlanInsights, EnumGapsFromPreviewsWhenNoDetails) {
    Session s(example_plan());
    s.map("country", "tags");  // preview UK, USA, Italia; tags options vip/partner/churn_risk
    const Edge* edge = s.edge_to("tags");
    ASSERT_NE(edge, nullptr);
    const auto gap = enum_gap(*edge);
    ASSERT_TRUE(gap);
    EXPECT_EQ(gap->values, (std::vector<Json>{"UK", "USA", "Italia"}));
    // Values naming an option (value, label or alternative name, any case) are not gaps.
    ExecutionPlan plan;
    ProblemSink ignored;
    read_plan(Json::parse(R"({"fieldMapping":[{"sourceField":{"type":"string","key":"c"},
        "destinationField":{"type":"enum","key":"d","config":{"options":[{"value":"US","label":"United States",
        "alternativeNames":["USA"]},{"value":1,"label":"One"}]}},"preview":["usa","united states","1","UK",""]}],
        "unmappedSourceFields":[],"unmappedDestinationFields":[]})", nullptr, false), "", true, ignored, plan);
    EXPECT_EQ(enum_gaps(plan)[0].values, (std::vector<Json>{"UK"}));
}

TEST(PlanInsights, TypeWarnings) {
    Session s(example_plan());
    EXPECT_TRUE(s.type_warnings().empty()) << s.type_warnings()[0].message;
    s.map("last", "annual_revenue");  // names into a number field
    const auto warnings = s.type_warnings();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].link, (Link{"last", "annual_revenue"}));
    EXPECT_EQ(warnings[0].message, "3 of 3 preview values do not look like numbers");
    EXPECT_EQ(warnings[0].samples, (std::vector<std::string>{"Okafor", "Rahman", "Bruno"}));
}

TEST(PlanInsights, DiffIsEmptyForEqualPlansAndSymmetricInKeys) {
    const ExecutionPlan plan = example_plan();
    EXPECT_TRUE(diff_plans(plan, plan).empty());
    Session s(plan);
    s.swap("first_name", "last_name");
    const PlanDiff diff = s.changes();
    EXPECT_EQ(diff.destinations.size(), 2u);
    ASSERT_EQ(diff.sources.size(), 2u);
    EXPECT_EQ(diff.sources[0].key, "first");
    EXPECT_EQ(diff.sources[0].before, (std::vector<std::string>{"first_name"}));
    EXPECT_EQ(diff.sources[0].after, (std::vector<std::string>{"last_name"}));
    s.swap("first_name", "last_name");
    EXPECT_TRUE(s.changes().empty());
}

}  // namespace
}  // namespace pm
