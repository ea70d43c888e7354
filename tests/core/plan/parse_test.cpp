// Reading plan documents: the contract examples, odd members, wrong types with their pointers.
#include "core/plan/documents.h"
#include "core/plan/write.h"

#include "support/test_files.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pm {
namespace {

bool has_problem(const Problems& problems, Severity severity, const std::string& pointer,
                 const std::string& message_part = {}) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.severity == severity && p.pointer == pointer && p.message.find(message_part) != std::string::npos;
    });
}

std::string all(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += to_string(p) + "\n";
    return out;
}

TEST(PlanParse, ReadsTheGetPlanExample) {
    const auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    ASSERT_TRUE(parsed.ok()) << all(parsed.problems);
    EXPECT_TRUE(parsed.problems.empty()) << all(parsed.problems);
    const JobPlan& jp = *parsed.value;
    EXPECT_EQ(jp.job.id, "us_jb_Q7mR2xLd");
    EXPECT_EQ(jp.job.file_id, "us_fl_Fz5Ne8Ju");
    EXPECT_EQ(jp.job.status, "planning");
    EXPECT_EQ(jp.job.operation, "map");
    ASSERT_EQ(jp.plan.field_mapping.size(), 11u);
    EXPECT_EQ(jp.plan.unmapped_sources.size(), 2u);
    EXPECT_EQ(jp.plan.unmapped_destinations.size(), 3u);

    const Edge& first = jp.plan.field_mapping[0];
    EXPECT_EQ(first.source.key, "first");
    EXPECT_EQ(first.source.label, "First");
    EXPECT_EQ(first.destination.key, "first_name");
    EXPECT_TRUE(first.destination.required);
    EXPECT_FALSE(jp.plan.field_mapping[1].destination.required);
    ASSERT_TRUE(first.metadata);
    EXPECT_EQ(first.metadata->certainty, Certainty::Absolute);
    EXPECT_EQ(first.metadata->confidence, 1.0);
    EXPECT_EQ(first.metadata->source, "exact");
    EXPECT_EQ(first.preview, (std::vector<std::string>{"Amara", "Bilal", "Chiara"}));

    const Edge& country = jp.plan.field_mapping[6];
    EXPECT_EQ(country.destination.type, FieldType::Enum);
    ASSERT_EQ(country.destination.enum_options.size(), 5u);
    EXPECT_EQ(country.destination.enum_options[1].value, "GB");
    EXPECT_EQ(country.destination.enum_options[1].alternative_names, (std::vector<std::string>{"UK", "Great Britain"}));
    ASSERT_TRUE(country.enum_details);
    ASSERT_EQ(country.enum_details->mapping.size(), 3u);
    EXPECT_EQ(*country.enum_details->mapping[0].source_value, "UK");
    EXPECT_EQ(*country.enum_details->mapping[0].destination_value, "GB");
    EXPECT_EQ(country.enum_details->unused_destination_values, (std::vector<Json>{"DE", "FR"}));

    const Edge& tier = jp.plan.field_mapping[8];  // numeric option values
    EXPECT_EQ(*tier.enum_details->mapping[0].destination_value, 1);
    EXPECT_EQ(tier.metadata->certainty, Certainty::Weak);

    EXPECT_EQ(jp.plan.unmapped_destinations[1].field.type, FieldType::EnumList);
    EXPECT_EQ(jp.plan.unmapped_destinations[2].field.type, FieldType::Reference);
    EXPECT_EQ(jp.plan.unmapped_sources[0].preview, (std::vector<std::string>{"met at expo", "", "call back in May"}));
}

TEST(PlanParse, RecognisesEveryDocumentShape) {
    const auto response = parse_plan_document(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    ASSERT_TRUE(response.ok()) << all(response.problems);
    EXPECT_EQ(response.value->kind, PlanDocumentKind::JobPlanResponse);
    EXPECT_EQ(response.value->job_id, "us_jb_Q7mR2xLd");

    const auto put = parse_plan_document(test::read_fixture("tests/data/contract/02-put-plan-request.json"));
    ASSERT_TRUE(put.ok()) << all(put.problems);
    EXPECT_EQ(put.value->kind, PlanDocumentKind::PutRequest);
    EXPECT_EQ(put.value->file_id, "us_fl_Fz5Ne8Ju");
    EXPECT_FALSE(put.value->plan.raw.contains("jobId"));

    const auto patch = parse_plan_document(test::read_fixture("tests/data/contract/03-patch-plan-request.json"));
    ASSERT_TRUE(patch.ok()) << all(patch.problems);
    EXPECT_EQ(patch.value->kind, PlanDocumentKind::PatchRequest);
    EXPECT_EQ(patch.value->plan.field_mapping.size(), 11u);

    const auto bare = parse_plan_document(R"({"fieldMapping":[],"unmappedSourceFields":[],"unmappedDestinationFields":[]})");
    ASSERT_TRUE(bare.ok());
    EXPECT_EQ(bare.value->kind, PlanDocumentKind::Plan);

    const auto old_sdk = parse_plan_document(
        R"({"job":{"id":"j"},"plan":{"fieldMapping":[],"unmappedSourceFields":[],"unmappedDestinationFields":[]}})");
    ASSERT_TRUE(old_sdk.ok()) << all(old_sdk.problems);
    EXPECT_EQ(old_sdk.value->kind, PlanDocumentKind::JobPlan);
    EXPECT_EQ(old_sdk.value->job_id, "j");
}

TEST(PlanParse, RejectsDocumentsThatAreNotPlans) {
    for (const char* text : {"", "[]", "42", "\"plan\"", "{}", "{\"data\": []}", "{\"data\": {\"job\": {}}}", "{\"a\": 1}"}) {
        const auto parsed = parse_plan_document(text);
        EXPECT_FALSE(parsed.ok()) << text;
        EXPECT_TRUE(has_errors(parsed.problems)) << text;
    }
    // The other contract examples are not plans: a create-job body and a sheet response.
    for (const char* name : {"tests/data/contract/04-create-map-job-request.json",
                             "tests/data/contract/05-destination-sheet-response.json"}) {
        const auto other = parse_plan_document(test::read_fixture(name));
        EXPECT_FALSE(other.value) << name;
        EXPECT_TRUE(has_errors(other.problems)) << name;
    }
    const auto error_body = parse_plan_document(test::read_fixture("tests/data/contract/06-error-response.json"));
    EXPECT_FALSE(error_body.value);
    EXPECT_TRUE(has_problem(error_body.problems, Severity::Error, "/errors", "Job us_jb_Q7mR2xLd was not found"));
}

TEST(PlanParse, ReportsSyntaxErrorsWithAPosition) {
    const auto parsed = parse_job_plan_response("{\"data\": {\"job\": ");
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].pointer, "");
    EXPECT_NE(parsed.problems[0].message.find("not valid JSON"), std::string::npos);
    EXPECT_NE(parsed.problems[0].message.find("column"), std::string::npos) << parsed.problems[0].message;
}

TEST(PlanParse, PointsAtEachBadMember) {
    const auto parsed = parse_plan_document(test::read_fixture("tests/data/plans/bad-types.json"));
    ASSERT_TRUE(parsed.value) << all(parsed.problems);
    EXPECT_FALSE(parsed.ok());
    const Problems& p = parsed.problems;
    const std::string edges = "/data/plan/fieldMapping";
    EXPECT_TRUE(has_problem(p, Severity::Error, edges + "/1/destinationField/key", "expected a string, got number 42")) << all(p);
    EXPECT_TRUE(has_problem(p, Severity::Error, edges + "/2/sourceField/key", "missing")) << all(p);
    EXPECT_TRUE(has_problem(p, Severity::Warning, edges + "/2/preview", "expected an array of strings, got string \"not-a-list\""));
    EXPECT_TRUE(has_problem(p, Severity::Error, edges + "/3", "expected an object (an edge), got string"));
    EXPECT_TRUE(has_problem(p, Severity::Warning, edges + "/4/sourceField/type", "got number 7"));
    EXPECT_TRUE(has_problem(p, Severity::Warning, edges + "/4/sourceField/label", "got boolean false"));
    EXPECT_TRUE(has_problem(p, Severity::Warning, edges + "/4/preview/0", "got number 1"));
    EXPECT_TRUE(has_problem(p, Severity::Warning, edges + "/4/metadata/certainty", "unknown certainty \"sure\""));
    EXPECT_TRUE(has_problem(p, Severity::Warning, edges + "/4/metadata/confidence", "got string \"high\""));
    EXPECT_TRUE(has_problem(p, Severity::Error, "/data/plan/unmappedSourceFields/1/sourceField", "missing"));
    EXPECT_TRUE(has_problem(p, Severity::Error, "/data/plan/unmappedDestinationFields", "got an object with 1 members"));
    EXPECT_TRUE(has_problem(p, Severity::Warning, "/data/job/fileId", "got number 12"));

    // Usable where it safely can be: the good edges and entries are kept, the bad ones left out.
    const ExecutionPlan& plan = parsed.value->plan;
    ASSERT_EQ(plan.field_mapping.size(), 2u);
    EXPECT_EQ(plan.field_mapping[0].source.key, "ok_source");
    EXPECT_EQ(plan.field_mapping[1].source.key, "s5");
    EXPECT_EQ(plan.field_mapping[1].source.type, FieldType::Unknown);
    EXPECT_EQ(plan.field_mapping[1].preview, (std::vector<std::string>{"1", "", "x"}));
    EXPECT_EQ(plan.field_mapping[1].metadata->certainty, Certainty::None);
    EXPECT_FALSE(plan.field_mapping[1].metadata->confidence);
    ASSERT_EQ(plan.unmapped_sources.size(), 1u);
    EXPECT_TRUE(plan.unmapped_destinations.empty());
}

TEST(PlanParse, KeepsUnknownTypesAsUnknownAndWarns) {
    const auto parsed = parse_plan_document(test::read_fixture("tests/data/plans/unknown-members.json"));
    ASSERT_TRUE(parsed.ok()) << all(parsed.problems);
    const Edge& geo = parsed.value->plan.field_mapping[1];
    EXPECT_EQ(geo.destination.type, FieldType::Unknown);
    EXPECT_EQ(geo.destination.type_name, "x-geo-point");
    EXPECT_TRUE(has_problem(parsed.problems, Severity::Warning, "/data/plan/fieldMapping/1/destinationField/type",
                            "unknown field type \"x-geo-point\""));
    EXPECT_EQ(parsed.value->plan.program_id, std::optional<std::string>("us_prog_1"));
    const Field& kind = parsed.value->plan.field_mapping[0].destination;
    EXPECT_TRUE(kind.required);
    ASSERT_EQ(kind.enum_options.size(), 3u);
    EXPECT_EQ(kind.enum_options[2].value, true);
}

TEST(PlanParse, NullMeansAbsentForOptionalMembers) {
    const auto parsed = parse_plan_document(R"({"fieldMapping":[{"sourceField":{"type":"string","key":"a","label":null},
        "destinationField":{"type":"string","key":"b"},"preview":null,"metadata":null,"enumDetails":null}],
        "unmappedSourceFields":[],"unmappedDestinationFields":[],"programId":null})");
    ASSERT_TRUE(parsed.ok()) << all(parsed.problems);
    EXPECT_TRUE(parsed.problems.empty()) << all(parsed.problems);
    EXPECT_FALSE(parsed.value->plan.field_mapping[0].metadata);
}

TEST(PlanParse, EscapesPointerTokens) {
    const auto parsed = parse_plan_document(R"({"fieldMapping":[{"sourceField":{"type":"string","key":"a"},
        "destinationField":{"type":"string","key":"b"},"metadata":{"certainty":"x"}}],
        "unmappedSourceFields":[],"unmappedDestinationFields":[], "a/b~c": {"k": 1, "k": 2}})");
    ASSERT_TRUE(parsed.value);
    EXPECT_TRUE(has_problem(parsed.problems, Severity::Warning, "/a~1b~0c/k", "more than once")) << all(parsed.problems);
}

TEST(PlanParse, SurvivesInvalidUtf8) {
    const std::string text = "{\"fieldMapping\": [], \"unmappedSourceFields\": [], \"unmappedDestinationFields\": [], "
                             "\"x\": \"\xff\xfe\"}";
    const auto parsed = parse_plan_document(text);
    EXPECT_FALSE(parsed.value);
    EXPECT_TRUE(has_errors(parsed.problems));
}

// The slow path (a byte order mark, a repeated member name) reports what it reports and keeps
// number text as the fast path does: the PUT body has 2.50, 1e2 and every digit of a long
// mantissa, at the top level of the plan and inside its elements; a repeated name's last value wins.
TEST(PlanParse, TheSlowPathKeepsNumberText) {
    const std::string plan = R"("x-ratio":2.50,"x-long":0.1000000000000000055511151231257827,"fieldMapping":[],)"
                             R"("unmappedSourceFields":[{"sourceField":{"key":"a","type":"number","x-big":1e2}}],)"
                             R"("unmappedDestinationFields":[],"jobId":"j","fileId":"f")";
    const std::string fast = "{" + plan + "}";
    for (const std::string& text : {fast, "\xEF\xBB\xBF" + fast, R"({"x-ratio":9,"x-long":{"a":1},)" + plan + "}"}) {
        const auto parsed = parse_plan_document(text);
        ASSERT_TRUE(parsed.ok()) << all(parsed.problems);
        const std::string body = put_body_text(parsed.value->plan, "j", "f");
        for (const char* kept : {R"("x-ratio":2.50)", R"("x-long":0.1000000000000000055511151231257827)", R"("x-big":1e2)"})
            EXPECT_NE(body.find(kept), std::string::npos) << kept << " in " << body;
        EXPECT_EQ(body.find(R"("x-ratio":9)"), std::string::npos) << body;
    }
    const auto repeated = parse_plan_document(R"({"x-ratio":9,)" + plan + "}");
    EXPECT_TRUE(has_problem(repeated.problems, Severity::Warning, "/x-ratio", "more than once")) << all(repeated.problems);
}

TEST(PlanParse, ARepeatedMemberInsideAnElementKeepsItsLastValueAndItsText) {
    const std::string text =
        R"({"fieldMapping":[{"sourceField":{"key":"a","type":"number"},"destinationField":{"key":"b","type":"number"},)"
        R"("metadata":{"confidence":0.1,"x":[1.0, 2.50],"confidence":0.50}}],"unmappedSourceFields":[],"unmappedDestinationFields":[]})";
    const auto parsed = parse_plan_document(text);
    ASSERT_TRUE(parsed.ok()) << all(parsed.problems);
    const std::string body = put_body_text(parsed.value->plan, "j", "f");
    EXPECT_NE(body.find(R"("metadata":{"confidence":0.50,"x":[1.0,2.50]})"), std::string::npos) << body;
    ASSERT_EQ(parsed.value->plan.field_mapping.size(), 1u);
    ASSERT_TRUE(parsed.value->plan.field_mapping[0].metadata);
    EXPECT_DOUBLE_EQ(parsed.value->plan.field_mapping[0].metadata->confidence.value_or(-1), 0.5);
}

TEST(PlanParse, ReadsAJobResponse) {
    const auto job = parse_job_response(R"({"data":{"id":"us_jb_1","status":"planning","fileId":"f"}})");
    ASSERT_TRUE(job.ok());
    EXPECT_EQ(job.value->id, "us_jb_1");
    EXPECT_EQ(job.value->file_id, "f");
    EXPECT_FALSE(parse_job_response(R"({"data":{"status":"planning"}})").ok());
    EXPECT_FALSE(parse_job_response(R"({"data":7})").value);
}

}  // namespace
}  // namespace pm
