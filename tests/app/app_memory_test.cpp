// The mapping memory inside MapperApp (issue 14): the plan the server confirmed is learned and
// handed to the host (no preview value, no token); a new job of the same schema gets the pairs
// proposed with their reason once the host supplies the memory; the mirror shows the mark;
// "Forget this", changing away (rejected), the memory view's requests; a broken memory is
// reported once and ignored; memory off means no memory event at all.
#include "app/mapper_app.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"
#include "support/fake_http_client.h"
#include "support/test_files.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace pm {
namespace {

class RecordingHost final : public AppHost {
public:
    void notify(AppEvent event, const std::string& json) override { events.emplace_back(app_event_name(event), json); }
    std::vector<std::string> all(const std::string& name) const {
        std::vector<std::string> out;
        for (const auto& event : events)
            if (event.first == name) out.push_back(event.second);
        return out;
    }
    std::vector<std::pair<std::string, std::string>> events;
};

std::string plan_response() { return test::read_fixture("tests/data/contract/01-get-plan-response.json"); }

AppConfig config_for(bool memory) {
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.api_url = "http://127.0.0.1:8787";
    config.job_id = "us_jb_Q7mR2xLd";
    config.token = "test-token-never-stored";
    config.memory = memory;
    // Only the memory proposes here: confident suggestions would read the sheet (another request
    // the scripted transport would answer with the next scripted reply) and fill other fields.
    config.auto_apply = AutoApply::None;
    return config;
}

// The fixture's plan with every pair undone: a new job of the same schema, nothing mapped yet.
std::string unmapped_plan_text() {
    const auto parsed = parse_plan_document(plan_response());
    Session session(parsed.value->plan);
    session.clear_all();
    return write_plan_text(session.plan());
}

Json parse(const std::string& text) { return Json::parse(text, nullptr, false); }

// Submits the fixture plan and returns the memory document the host was handed.
Json learned_memory(RecordingHost& host) {
    test::FakeHttpClient http;
    MapperApp app(config_for(true), http, host);
    http.script_status(200, plan_response());
    app.start(0);
    app.update(1);
    EXPECT_NE(app.session(), nullptr);
    const Json ready = parse(host.all("ready").at(0));
    EXPECT_EQ(ready["memory"]["id"], app.memory().schema().id);
    http.script_status(200, plan_response());
    app.submit();
    app.update(2);
    const auto memory_events = host.all("memory");
    EXPECT_EQ(memory_events.size(), 1u);
    return memory_events.empty() ? Json() : parse(memory_events.back());
}

TEST(AppMemory, AConfirmedPlanIsLearnedAndHandedToTheHostWithoutValuesOrToken) {
    RecordingHost host;
    const Json event = learned_memory(host);
    ASSERT_TRUE(event.is_object());
    const Json& memory = event["memory"];
    ASSERT_EQ(memory["schemas"].size(), 1u);
    EXPECT_EQ(memory["schemas"][0]["id"], event["schema"]["id"]);
    EXPECT_EQ(memory["schemas"][0]["entries"].size(), 13u);  // 11 pairs, 2 columns left unmapped
    const std::string text = memory.dump();
    EXPECT_EQ(text.find("Amara"), std::string::npos) << "a preview value was stored";
    EXPECT_EQ(text.find("test-token-never-stored"), std::string::npos);
}

TEST(AppMemory, ANewJobOfTheSameSchemaGetsThePairsWithTheReason) {
    RecordingHost first;
    const Json learned = learned_memory(first);

    test::FakeHttpClient http;
    RecordingHost host;
    AppConfig config = config_for(true);
    config.plan_json = unmapped_plan_text();
    MapperApp app(config, http, host);
    app.start(0);
    ASSERT_NE(app.session(), nullptr);
    EXPECT_EQ(app.session()->counts().edges, 0u);
    EXPECT_EQ(parse(host.all("ready").at(0))["memory"]["id"], learned["schema"]["id"]);
    const Json answer = parse(app.memory_request(Json{{"op", "supply"}, {"memory", learned["memory"]}}.dump()));
    ASSERT_EQ(answer["ok"], true) << answer.dump();
    EXPECT_EQ(answer["applied"], 11);
    EXPECT_EQ(app.session()->counts().edges, 11u);
    const RememberedMark* mark = app.memory().mark("e_mail_address");
    ASSERT_NE(mark, nullptr);
    EXPECT_EQ(mark->reason.rfind("remembered: \"E-mail Address\" \u2192 Email, 1 import, last on ", 0), 0u) << mark->reason;
    EXPECT_FALSE(host.all("change").empty()) << "the proposed pairs reach the host like any edit";

    // The mirror shows the mark with its reason.
    const Json state = parse(app.mirror_state(MirrorWindow{0, 40, 0, 40}));
    bool seen = false;
    for (const Json& row : state["rows"])
        if (row["key"] == "e_mail_address") {
            seen = true;
            EXPECT_EQ(row["remembered"], mark->reason);
        }
    EXPECT_TRUE(seen);

    // "Forget this": the entry goes, the mapping stays, the host hears it.
    const std::size_t before = host.all("memory").size();
    EXPECT_EQ(parse(app.memory_request(R"({"op":"forget","source":"e_mail_address"})"))["ok"], true);
    EXPECT_EQ(app.memory().mark("e_mail_address"), nullptr);
    EXPECT_EQ(app.session()->counts().edges, 11u);
    ASSERT_EQ(host.all("memory").size(), before + 1);
    const Json after = parse(host.all("memory").back());
    for (const Json& entry : after["memory"]["schemas"][0]["entries"]) EXPECT_NE(entry["header"], "E-mail Address");
    EXPECT_EQ(parse(app.memory_request(R"({"op":"forget","source":"e_mail_address"})"))["ok"], false);

    // Changing away from a remembered pair: it is remembered as rejected.
    const Json unmap = parse(app.mirror_action(R"({"op":"notMapped","source":"phone"})"));
    ASSERT_EQ(unmap["ok"], true) << unmap.dump();
    const Json list = parse(app.memory_request(R"({"op":"list"})"));
    bool rejected = false;
    for (const Json& entry : list["entries"])
        if (entry["destination"] == "phone") rejected = entry["rejected"].get<bool>();
    EXPECT_TRUE(rejected) << list.dump();

    // The memory view: remove, export, clear, import.
    EXPECT_EQ(parse(app.memory_request(R"({"op":"remove","header":"First","destination":"first_name"})"))["ok"], true);
    EXPECT_EQ(app.memory().mark("first"), nullptr);
    const Json exported = parse(app.memory_request(R"({"op":"export"})"));
    ASSERT_EQ(exported["ok"], true);
    EXPECT_EQ(parse(app.memory_request(R"({"op":"clear"})"))["ok"], true);
    EXPECT_TRUE(parse(app.memory_request(R"({"op":"list"})"))["entries"].empty());
    EXPECT_EQ(parse(app.memory_request(Json{{"op", "import"}, {"memory", exported["memory"]}}.dump()))["ok"], true);
    EXPECT_EQ(parse(app.memory_request(R"({"op":"list"})"))["entries"].size(), 11u);  // 13 - forgotten - removed
}

TEST(AppMemory, ABrokenMemoryIsReportedOnceAndIgnored) {
    test::FakeHttpClient http;
    RecordingHost host;
    AppConfig config = config_for(true);
    config.plan_json = unmapped_plan_text();
    MapperApp app(config, http, host);
    app.start(0);
    const Json answer = parse(
        app.memory_request(R"({"op":"supply","memory":"{\"format\":\"plan-mapper-memory\",\"version\":9,\"schemas\":[]}"})"));
    EXPECT_EQ(answer["ok"], false);
    ASSERT_EQ(host.all("error").size(), 1u);
    EXPECT_NE(host.all("error")[0].find("version 9 is not supported"), std::string::npos);
    EXPECT_EQ(app.session()->counts().edges, 0u);
    EXPECT_NE(app.status().warning.find("Mapping memory ignored"), std::string::npos);
}

TEST(AppMemory, OffMeansNoMemoryEventAndNoProposals) {
    test::FakeHttpClient http;
    RecordingHost host;
    MapperApp app(config_for(false), http, host);
    http.script_status(200, plan_response());
    app.start(0);
    app.update(1);
    EXPECT_TRUE(parse(host.all("ready").at(0))["memory"].is_null());
    http.script_status(200, plan_response());
    app.submit();
    app.update(2);
    EXPECT_TRUE(host.all("memory").empty());
    EXPECT_EQ(parse(app.memory_request(R"({"op":"list"})"))["ok"], false);
}

TEST(AppMemory, TheDesktopFileIsAppliedAtStart) {
    RecordingHost first;
    const Json learned = learned_memory(first);
    test::FakeHttpClient http;
    RecordingHost host;
    AppConfig config = config_for(true);
    config.plan_json = unmapped_plan_text();
    config.memory_json = learned["memory"].dump();
    MapperApp app(config, http, host);
    app.start(0);
    EXPECT_EQ(app.session()->counts().edges, 11u);
    EXPECT_NE(app.memory().mark("first"), nullptr);
}

}  // namespace
}  // namespace pm
