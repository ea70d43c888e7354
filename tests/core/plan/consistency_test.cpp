// Key-level consistency: what check_plan_consistency reports and what normalize_plan repairs.
#include "core/plan/consistency.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"

#include "support/test_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace pm {
namespace {

ExecutionPlan inconsistent_plan() {
    auto parsed = parse_plan_document(test::read_fixture("tests/data/plans/inconsistent.json"));
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

TEST(PlanConsistency, ReportsEachCaseWithItsSeverity) {
    const auto parsed = parse_plan_document(test::read_fixture("tests/data/plans/inconsistent.json"));
    ASSERT_TRUE(parsed.value);
    std::map<std::string, Severity> seen;
    for (const auto& p : parsed.problems) seen[p.pointer] = p.severity;
    EXPECT_EQ(seen.at("/fieldMapping/1/destinationField"), Severity::Error);    // x mapped twice
    EXPECT_EQ(seen.at("/fieldMapping/2/sourceField"), Severity::Warning);       // a into two fields
    EXPECT_EQ(seen.at("/unmappedSourceFields/0"), Severity::Warning);           // a mapped and unmapped
    EXPECT_EQ(seen.at("/unmappedSourceFields/2"), Severity::Warning);           // c listed twice
    EXPECT_EQ(seen.at("/unmappedDestinationFields/0"), Severity::Warning);      // y mapped and unmapped
    EXPECT_EQ(parsed.problems.size(), 5u);
    EXPECT_FALSE(parsed.ok());
}

TEST(PlanConsistency, PointersFollowDocumentPositionsWhenElementsAreLeftOut) {
    const auto parsed = parse_plan_document(R"({"data":{"job":{"id":"j"},"plan":{
        "fieldMapping":[7,
          {"sourceField":{"type":"string","key":"a"},"destinationField":{"type":"string","key":"x"}},
          {"sourceField":{"type":"string","key":"b"},"destinationField":{"type":"string","key":"x"}}],
        "unmappedSourceFields":[],"unmappedDestinationFields":[]}}})");
    ASSERT_TRUE(parsed.value);
    const bool found = std::any_of(parsed.problems.begin(), parsed.problems.end(), [](const Problem& p) {
        return p.pointer == "/data/plan/fieldMapping/2/destinationField" &&
               p.message.find("/data/plan/fieldMapping/1") != std::string::npos;
    });
    EXPECT_TRUE(found);
}

TEST(PlanConsistency, NormalizeKeepsFirstEdgesAndLosesNoField) {
    Problems repairs;
    const ExecutionPlan plan = normalize_plan(inconsistent_plan(), false, &repairs);
    ASSERT_EQ(plan.field_mapping.size(), 1u);
    EXPECT_EQ(plan.field_mapping[0].source.key, "a");
    EXPECT_EQ(plan.field_mapping[0].destination.key, "x");
    std::vector<std::string> sources, destinations;
    for (const auto& e : plan.unmapped_sources) sources.push_back(e.field.key);
    for (const auto& e : plan.unmapped_destinations) destinations.push_back(e.field.key);
    EXPECT_EQ(sources, (std::vector<std::string>{"c", "b"}));
    EXPECT_EQ(destinations, (std::vector<std::string>{"y", "z"}));
    // b comes back with the preview of the edge it was dropped from.
    EXPECT_EQ(plan.unmapped_sources[1].raw["preview"], Json::array({"b1"}));
    EXPECT_EQ(repairs.size(), 4u);
    EXPECT_TRUE(check_plan_consistency(plan).empty());
}

TEST(PlanConsistency, NormalizeKeepsOneToManyWhenAllowed) {
    const ExecutionPlan plan = normalize_plan(inconsistent_plan(), true);
    ASSERT_EQ(plan.field_mapping.size(), 2u);
    EXPECT_EQ(plan.field_mapping[1].destination.key, "y");
    EXPECT_EQ(plan.unmapped_destinations.size(), 1u);  // only z
}

TEST(PlanConsistency, SessionStartsFromTheRepairedPlan) {
    const Session s(inconsistent_plan());
    EXPECT_FALSE(s.load_repairs().empty());
    EXPECT_EQ(s.counts().edges, 1u);
    EXPECT_EQ(s.counts().sources(), 3u);
    EXPECT_EQ(s.counts().destinations(), 3u);
}

TEST(PlanConsistency, ConsistentPlansPassUntouched) {
    const auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    ASSERT_TRUE(parsed.ok());
    Problems repairs;
    const ExecutionPlan plan = normalize_plan(parsed.value->plan, false, &repairs);
    EXPECT_TRUE(repairs.empty());
    EXPECT_EQ(write_plan(plan), write_plan(parsed.value->plan));
}

}  // namespace
}  // namespace pm
