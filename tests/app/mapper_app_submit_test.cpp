// MapperApp's submit rules, against a scripted transport: never a second PUT for a change the
// server confirmed; a confirmed plan that differs from the one sent is shown, not applied; the
// server's messages about a field reach that field; the request guard and the secret-key warning.
#include "app/mapper_app.h"
#include "core/json/parse.h"
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
    int count(const std::string& name) const {
        int n = 0;
        for (const auto& event : events) n += event.first == name;
        return n;
    }
    std::vector<std::pair<std::string, std::string>> events;
};

std::string plan_response() { return test::read_fixture("tests/data/contract/01-get-plan-response.json"); }

AppConfig config_for(std::string api_url = "http://127.0.0.1:8787") {
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.api_url = std::move(api_url);
    config.job_id = "us_jb_Q7mR2xLd";
    config.token = "test-token";
    config.auto_apply = AutoApply::None;  // these tests are about submitting what was loaded
    return config;
}

int count_method(const test::FakeHttpClient& http, const std::string& method) {
    int n = 0;
    for (const auto& request : http.requests) n += request.method == method;
    return n;
}

// Loads the fixture's plan through a scripted GET.
void load(MapperApp& app, test::FakeHttpClient& http) {
    http.script_status(200, plan_response());
    app.start(0);
    app.update(1);
    ASSERT_NE(app.session(), nullptr);
}

TEST(MapperAppSubmit, SubmittingAgainAfterAConfirmedSaveSendsNoSecondPut) {
    test::FakeHttpClient http;
    RecordingHost host;
    MapperApp app(config_for(), http, host);
    load(app, http);
    http.script_status(200, plan_response());  // the server keeps exactly what was sent
    app.submit();
    app.update(2);
    ASSERT_EQ(count_method(http, "PUT"), 1);
    ASSERT_EQ(host.count("submit"), 1);
    app.submit();
    app.update(3);
    EXPECT_EQ(count_method(http, "PUT"), 1) << "nothing changed since the server confirmed it";
    EXPECT_EQ(host.count("submit"), 2) << "the host still hears that the plan is saved";
    EXPECT_EQ(app.status().submit_message, "Already saved: nothing changed since.");
}

TEST(MapperAppSubmit, ThreeSubmitsWhileOneIsInFlightSendOnePut) {
    test::FakeHttpClient http;
    RecordingHost host;
    MapperApp app(config_for(), http, host);
    load(app, http);
    http.hold(true);
    app.submit();
    app.update(2);
    app.submit();
    app.submit();
    app.update(3);
    http.script_status(200, plan_response());
    http.hold(false);
    app.update(4);
    app.update(5);
    EXPECT_EQ(count_method(http, "PUT"), 1);
    EXPECT_EQ(host.count("submit"), 1);
}

TEST(MapperAppSubmit, APlanTheServerChangedIsShownBesideThePersonsNotAppliedOverIt) {
    test::FakeHttpClient http;
    RecordingHost host;
    MapperApp app(config_for(), http, host);
    load(app, http);
    const std::string sent = app.plan_json();
    // The server answers with the first edge broken: its two fields back in the unmapped lists.
    Json answer = Json::parse(plan_response());
    Json& plan = answer["data"]["plan"];
    const Json edge = plan["fieldMapping"][0];
    plan["fieldMapping"].erase(plan["fieldMapping"].begin());
    plan["unmappedSourceFields"].push_back({{"sourceField", edge["sourceField"]}, {"preview", edge["preview"]}});
    plan["unmappedDestinationFields"].push_back({{"destinationField", edge["destinationField"]}});
    http.script_status(200, answer.dump());
    app.submit();
    app.update(2);

    EXPECT_EQ(app.plan_json(), sent) << "the person's plan stays on screen";
    const std::string& shown = app.status().server_changes;
    EXPECT_NE(shown.find("First name was left unmapped (you mapped First)"), std::string::npos) << shown;
    // The page dropped its draft on "submit"; the app writes it again, since the server has
    // something else.
    ASSERT_GE(host.events.size(), 2u);
    EXPECT_EQ(host.events[host.events.size() - 2].first, "submit");
    EXPECT_EQ(host.events.back().first, "draft");
    EXPECT_NE(host.events.back().second, "null");
    // Submitting again sends the person's plan once more.
    http.script_status(200, plan_response());
    app.submit();
    app.update(3);
    EXPECT_EQ(count_method(http, "PUT"), 2);
    EXPECT_TRUE(app.status().server_changes.empty());
}

TEST(MapperAppSubmit, TheServersMessagesAboutAFieldAreAttachedToIt) {
    test::FakeHttpClient http;
    RecordingHost host;
    MapperApp app(config_for(), http, host);
    load(app, http);
    http.script_status(400, R"({"errors":[{"key":"first_name","message":"First name cannot come from this column"},)"
                            R"({"key":"jobId","message":"Job is locked"},{"message":"Plan rejected"}]})");
    app.submit();
    app.update(2);
    const auto& messages = app.panel_state().field_messages;
    ASSERT_EQ(messages.size(), 1u) << "only keys that name a field of the plan";
    EXPECT_EQ(messages.at("first_name"), "First name cannot come from this column");
    EXPECT_NE(app.status().message.find("Job is locked"), std::string::npos) << app.status().message;
    ASSERT_EQ(host.count("error"), 1);
    // The next submit starts with a clean slate.
    http.script_status(200, plan_response());
    app.submit();
    app.update(3);
    EXPECT_TRUE(app.panel_state().field_messages.empty());
}

TEST(MapperAppSubmit, PlainHttpToARemoteHostIsRefusedBeforeAnythingIsSent) {
    test::FakeHttpClient http;
    RecordingHost host;
    MapperApp app(config_for("http://api.example.com/v1"), http, host);
    app.start(0);
    app.update(1);
    EXPECT_TRUE(http.requests.empty()) << "the token never travels unencrypted to another computer";
    ASSERT_EQ(host.count("error"), 1);
    EXPECT_NE(app.status().message.find("https://"), std::string::npos) << app.status().message;
}

TEST(MapperAppSubmit, ASecretKeyOnAPageAnyoneCanOpenShowsAWarning) {
    test::FakeHttpClient http;
    RecordingHost host;
    AppConfig config = config_for();
    config.token = "sk_live_abc";
    config.page_origin = "https://shop.example.com";
    MapperApp on_public_page(config, http, host);
    EXPECT_NE(on_public_page.status().warning.find("secret key"), std::string::npos);
    config.page_origin = "http://localhost:5173";
    MapperApp on_this_computer(config, http, host);
    EXPECT_TRUE(on_this_computer.status().warning.empty());
    config.token = "pk_live_abc";
    config.page_origin = "https://shop.example.com";
    MapperApp publishable(config, http, host);
    EXPECT_TRUE(publishable.status().warning.empty());
    // A token handed over later is checked too.
    publishable.set_token("sk_live_def");
    EXPECT_FALSE(publishable.status().warning.empty());
}

}  // namespace
}  // namespace pm
