// Drafts as decisions: what draft_of keeps (keys and enum choices, never previews or labels), and
// that applying a draft to the plan fetched again gives the person's plan back.
#include "core/session/draft.h"

#include "core/json/problems.h"
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

// A session with one edit of every kind.
Session edited_session() {
    Session s(example_plan());
    s.map("notes", "annual_revenue");          // a new edge
    s.unmap("job_title");                      // an emptied destination
    s.swap("first_name", "last_name");         // two destinations exchange sources
    s.set_enum_value("status", "Dead", Json("lost"));       // an added choice
    s.set_enum_value("country", "UK", std::nullopt);        // a server choice taken back
    s.ignore("fax");
    return s;
}

TEST(Draft, KeepsDecisionsAndRestoresThePlan) {
    const Session edited = edited_session();
    const Json written = write_draft(draft_of(edited));
    const auto read = read_draft(Json::parse(dump_json(written)));
    ASSERT_TRUE(read.has_value());

    Session fetched_again(example_plan());
    EXPECT_TRUE(apply_draft(fetched_again, *read));
    EXPECT_EQ(write_plan(fetched_again.plan()), write_plan(edited.plan()));
    EXPECT_TRUE(fetched_again.is_ignored("fax"));
    EXPECT_TRUE(fetched_again.can_undo());     // restored as edits
    // Applying it again changes nothing.
    EXPECT_FALSE(apply_draft(fetched_again, *read));
}

TEST(Draft, HoldsNoPreviewValueOrLabel) {
    const Session edited = edited_session();
    const std::string text = dump_json(write_draft(draft_of(edited)));
    for (const char* customer_data : {"met at expo", "Amara", "Okafor", "Analyst", "+49 30 901820", "Notes", "First", "Job Title"})
        EXPECT_EQ(text.find(customer_data), std::string::npos) << customer_data << " in " << text;
    for (const char* decision : {"\"notes\"", "\"annual_revenue\"", "\"job_title\"", "\"fax\"", "\"Dead\"", "\"lost\""})
        EXPECT_NE(text.find(decision), std::string::npos) << decision << " missing from " << text;
    // Much smaller than the plan it stands for.
    EXPECT_LT(text.size() * 4, dump_json(write_plan(edited.plan())).size());
}

TEST(Draft, NamesThePlanItWasMadeOnByAFingerprintOfKeys) {
    const Session edited = edited_session();
    const Draft draft = draft_of(edited);
    EXPECT_EQ(draft.base, plan_fingerprint(example_plan()));
    EXPECT_EQ(draft.base.size(), 16u);
    EXPECT_EQ(read_draft(write_draft(draft))->base, draft.base);
    // Another plan (one pair less) has another fingerprint; the edited plan too.
    ExecutionPlan other = example_plan();
    other.field_mapping.pop_back();
    EXPECT_NE(plan_fingerprint(other), draft.base);
    EXPECT_NE(plan_fingerprint(edited.plan()), draft.base);
    // A base of the wrong kind is ignored, the decisions are kept.
    Json written = write_draft(draft);
    written["base"] = 42;
    EXPECT_TRUE(read_draft(written)->base.empty());
    EXPECT_EQ(read_draft(written)->map.size(), draft.map.size());
}

TEST(Draft, AnUneditedSessionHasAnEmptyDraft) {
    const Session s(example_plan());
    EXPECT_TRUE(draft_of(s).empty());
    Session other(example_plan());
    EXPECT_FALSE(apply_draft(other, draft_of(s)));
}

TEST(Draft, DecisionsAboutFieldsThatAreGoneAreSkipped) {
    Draft draft;
    draft.map.push_back(Link{"no_such_source", "email"});
    draft.map.push_back(Link{"notes", "no_such_destination"});
    draft.unmap.push_back("no_such_destination");
    draft.enum_values.push_back({"no_such_destination", {{Json("a"), Json("b")}}});
    draft.enum_values.push_back({"status", {{Json("Open"), Json("not-an-option")}}});
    draft.ignored.push_back("no_such_source");
    Session s(example_plan());
    const std::string before = dump_json(write_plan(s.plan()));
    // The refused choice for "status" takes back the server's "Qualified" choice, which the
    // draft does not list; nothing else changes.
    apply_draft(s, draft);
    EXPECT_EQ(s.edge_to("email")->source.key, "e_mail_address");
    EXPECT_EQ(s.edge_to("annual_revenue"), nullptr);
    EXPECT_NE(dump_json(write_plan(s.plan())), before);
}

TEST(Draft, AnythingElseIsNotADraft) {
    for (const char* text : {"null", "[]", "{}", "{\"version\":1}", "{\"version\":\"2\"}",
                             "{\"plan\":{\"fieldMapping\":[]},\"ignored\":[]}"}) {
        EXPECT_FALSE(read_draft(Json::parse(text)).has_value()) << text;
    }
    // Wrong entry types are skipped, the rest is read.
    const auto read = read_draft(Json::parse(
        R"({"version":2,"map":[["a","b"],["c"],[1,2],"x"],"unmap":[3,"d"],"enumValues":{"e":[["s",{}],["t","u"]],"f":3},"ignored":[null,"g"]})"));
    ASSERT_TRUE(read.has_value());
    ASSERT_EQ(read->map.size(), 1u);
    EXPECT_EQ(read->map[0], (Link{"a", "b"}));
    EXPECT_EQ(read->unmap, std::vector<std::string>{"d"});
    ASSERT_EQ(read->enum_values.size(), 1u);
    EXPECT_EQ(read->enum_values[0].second.size(), 1u);
    EXPECT_EQ(read->ignored, std::vector<std::string>{"g"});
}

}  // namespace
}  // namespace pm
