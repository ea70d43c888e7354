// Suggestions that show themselves (issue 13, points 6 and 7): on load the matcher's confident
// pairs are applied as "suggested" edges, counted, accepted or rejected one by one or all at
// once, undoable, never over an edge from the server or the person; the destination sheet's
// mappingConfidenceThreshold decides what "confident" means; autoApply 'all' and 'none'.
#include "app/mapper_app.h"
#include "app/suggestions.h"
#include "core/plan/documents.h"
#include "matcher/plan_matcher.h"
#include "support/fake_http_client.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <vector>

namespace pm {
namespace {

// Two columns the matcher maps with certainty (e-mail by its name and values, zip as an alias of
// postal code), one it cannot place, and an edge the server made.
const char* kPlan = R"({
  "fieldMapping": [
    {"sourceField": {"key": "first", "label": "First", "type": "string"},
     "destinationField": {"key": "first_name", "label": "First name", "type": "string"},
     "metadata": {"certainty": "absolute", "confidence": 1, "source": "exact"}}
  ],
  "unmappedSourceFields": [
    {"sourceField": {"key": "zip", "label": "Zip", "type": "string"}, "preview": ["10115", "75001", "94107"]},
    {"sourceField": {"key": "e_mail_address", "label": "E-mail Address", "type": "string"},
     "preview": ["a@example.org", "b@example.net"]},
    {"sourceField": {"key": "misc", "label": "Misc", "type": "string"}, "preview": ["x", "y"]}
  ],
  "unmappedDestinationFields": [
    {"destinationField": {"key": "postal_code", "label": "Postal code", "type": "string"}},
    {"destinationField": {"key": "email", "label": "Email", "type": "string"}},
    {"destinationField": {"key": "last_name", "label": "Last name", "type": "string"}}
  ]
})";

Session session_of(const char* text) {
    auto parsed = parse_plan_document(text);
    EXPECT_TRUE(parsed.ok());
    return Session(parsed.value ? parsed.value->plan : ExecutionPlan{});
}

std::string source_of(const Session& session, const std::string& destination) {
    const Edge* edge = session.edge_to(destination);
    return edge ? edge->source.key : std::string();
}

TEST(AutoApply, ParsesTheThreeModesOnly) {
    EXPECT_EQ(parse_auto_apply("confident"), AutoApply::Confident);
    EXPECT_EQ(parse_auto_apply("all"), AutoApply::All);
    EXPECT_EQ(parse_auto_apply("none"), AutoApply::None);
    EXPECT_FALSE(parse_auto_apply("Confident").has_value());
    EXPECT_FALSE(parse_auto_apply("").has_value());
}

TEST(AutoApply, ConfidentPairsBecomeSuggestedEdgesAndTheServerEdgeStays) {
    Session session = session_of(kPlan);
    const std::size_t applied = apply_suggested(session, AutoApply::Confident, kDefaultAutoApplyThreshold);
    EXPECT_EQ(applied, 2u);
    EXPECT_EQ(source_of(session, "email"), "e_mail_address");
    EXPECT_EQ(source_of(session, "postal_code"), "zip");
    EXPECT_EQ(source_of(session, "first_name"), "first") << "the server's edge is never replaced";
    EXPECT_FALSE(match::is_pending_suggestion(*session.edge_to("first_name")));
    EXPECT_EQ(pending_suggestions(session), (std::vector<std::string>{"postal_code", "email"}));
    EXPECT_EQ(session.edge_to("email")->metadata->source, match::kPendingSuggestionSource);
}

TEST(AutoApply, NoneAppliesNothingAndAStrictThresholdAppliesLess) {
    Session none = session_of(kPlan);
    EXPECT_EQ(apply_suggested(none, AutoApply::None, 0.0), 0u);
    EXPECT_TRUE(pending_suggestions(none).empty());
    EXPECT_FALSE(none.can_undo());

    Session strict = session_of(kPlan);
    Session all = session_of(kPlan);
    const std::size_t strict_count = apply_suggested(strict, AutoApply::Confident, 1.0);
    const std::size_t all_count = apply_suggested(all, AutoApply::All, 1.0);  // the threshold does not apply
    EXPECT_LT(strict_count, all_count);
    EXPECT_EQ(all_count, 2u);
}

TEST(AutoApply, ThePersonsEdgeIsNeverReplaced) {
    Session session = session_of(kPlan);
    ASSERT_FALSE(session.map("zip", "last_name").empty());  // the person's choice, before loading ends
    apply_suggested(session, AutoApply::All, 0.0);
    EXPECT_EQ(source_of(session, "last_name"), "zip");
    EXPECT_FALSE(match::is_pending_suggestion(*session.edge_to("last_name")));
    EXPECT_EQ(pending_suggestions(session), std::vector<std::string>{"email"});
}

TEST(AutoApply, AcceptKeepsTheEdgeAsThePersonsRejectUnmapsItAndBothUndo) {
    Session session = session_of(kPlan);
    apply_suggested(session, AutoApply::Confident, kDefaultAutoApplyThreshold);

    EXPECT_TRUE(accept_suggested(session, "email"));
    EXPECT_EQ(source_of(session, "email"), "e_mail_address");
    EXPECT_EQ(session.edge_to("email")->metadata->source, "plan-mapper");
    EXPECT_FALSE(accept_suggested(session, "email")) << "no longer a suggestion";
    EXPECT_FALSE(accept_suggested(session, "first_name")) << "the server's edge is not a suggestion";

    EXPECT_TRUE(reject_suggested(session, "postal_code"));
    EXPECT_EQ(session.edge_to("postal_code"), nullptr);
    EXPECT_TRUE(pending_suggestions(session).empty());

    session.undo();  // the rejection
    EXPECT_EQ(pending_suggestions(session), std::vector<std::string>{"postal_code"});
    session.undo();  // the acceptance
    EXPECT_EQ(pending_suggestions(session), (std::vector<std::string>{"postal_code", "email"}));
    session.undo();
    session.undo();  // both applications
    EXPECT_TRUE(session.plan().field_mapping.size() == 1 && pending_suggestions(session).empty());
}

TEST(AutoApply, AllAtOnce) {
    Session accepted = session_of(kPlan);
    apply_suggested(accepted, AutoApply::Confident, kDefaultAutoApplyThreshold);
    EXPECT_EQ(accept_all_suggested(accepted), 2u);
    EXPECT_TRUE(pending_suggestions(accepted).empty());
    EXPECT_EQ(accepted.plan().field_mapping.size(), 3u);

    Session rejected = session_of(kPlan);
    apply_suggested(rejected, AutoApply::Confident, kDefaultAutoApplyThreshold);
    EXPECT_EQ(reject_all_suggested(rejected), 2u);
    EXPECT_EQ(rejected.plan().field_mapping.size(), 1u);
}

class QuietHost final : public AppHost {
public:
    void notify(AppEvent, const std::string&) override {}
};

std::string plan_response(const std::string& sheet_id) {
    return std::string(R"({"data": {"job": {"id": "us_jb_auto", "config": {"destinationSheetId": ")") + sheet_id +
        R"("}, "status": "planning"}, "plan": )" + kPlan + "}}";
}

// One frame of the panel (the app applies suggestions once the plan has been drawn).
void frame(MapperApp& app, double now) {
    app.update(now);
    ImGui::GetIO().DisplaySize = ImVec2(1200, 800);
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    app.draw();
    ImGui::Render();
}

struct LoadedApp {
    std::size_t pending = 0;
    std::vector<std::string> requested_urls;
};

LoadedApp load_through_api(AutoApply mode, const std::string& sheet_body) {
    ImGuiContext* context = ImGui::CreateContext();
    ui::apply_theme(false);
    test::FakeHttpClient http;
    QuietHost host;
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.api_url = "http://127.0.0.1:8787/v1";
    config.job_id = "us_jb_auto";
    config.token = "test-token";
    config.auto_apply = mode;
    MapperApp app(config, http, host);
    http.script_status(200, plan_response("us_sh_dst"));
    if (!sheet_body.empty()) http.script_status(200, sheet_body);
    app.start(0);
    for (int i = 1; i <= 4; ++i) frame(app, i);
    LoadedApp out;
    out.pending = app.session() ? pending_suggestions(*app.session()).size() : 0;
    for (const auto& request : http.requests) out.requested_urls.push_back(request.method + " " + request.url);
    ImGui::DestroyContext(context);
    return out;
}

TEST(AutoApplyOnLoad, TheSheetsThresholdDecidesWhatIsConfident) {
    const LoadedApp lenient =
        load_through_api(AutoApply::Confident, R"({"data": {"id": "us_sh_dst", "config": {"mappingConfidenceThreshold": 0.5}}})");
    EXPECT_EQ(lenient.requested_urls,
              (std::vector<std::string>{"GET http://127.0.0.1:8787/v1/jobs/us_jb_auto/plan",
                                        "GET http://127.0.0.1:8787/v1/sheets/us_sh_dst"}));
    EXPECT_EQ(lenient.pending, 2u);
    const LoadedApp strict =
        load_through_api(AutoApply::Confident, R"({"data": {"id": "us_sh_dst", "config": {"mappingConfidenceThreshold": 1}}})");
    EXPECT_LT(strict.pending, lenient.pending);
}

TEST(AutoApplyOnLoad, NoneNeitherReadsTheSheetNorApplies) {
    const LoadedApp none = load_through_api(AutoApply::None, "");
    EXPECT_EQ(none.pending, 0u);
    EXPECT_EQ(none.requested_urls, std::vector<std::string>{"GET http://127.0.0.1:8787/v1/jobs/us_jb_auto/plan"});
}

TEST(AutoApplyOnLoad, AnUnreadableSheetLeavesTheDefaultThreshold) {
    const LoadedApp fallback = load_through_api(AutoApply::Confident, "not json");
    EXPECT_EQ(fallback.pending, 2u);
}

}  // namespace
}  // namespace pm
