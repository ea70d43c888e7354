// The JSON the app hands its host (getPlan, "submit", "draft") is written like the PUT body, from
// the plan's text: numbers stay as the server wrote them (2.50, 1e2, -0.0, a mantissa longer than
// a double), at the top level, inside edges, in the job, and when the plan arrived with a byte
// order mark or a repeated member name.
#include "app/mapper_app.h"
#include "support/fake_http_client.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace pm {
namespace {

class RecordingHost final : public AppHost {
public:
    void notify(AppEvent event, const std::string& json) override { events.emplace_back(event, json); }
    std::string last(AppEvent event) const {
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (it->first == event) return it->second;
        return {};
    }
    std::vector<std::pair<AppEvent, std::string>> events;
};

const std::string kPlan =
    R"({"x-ratio":2.50,"x-big":1e2,"x-long":0.1000000000000000055511151231257827,)"
    R"("fieldMapping":[{"sourceField":{"key":"a","type":"number","x-min":-0.0},)"
    R"("destinationField":{"key":"b","type":"number"},"metadata":{"confidence":0.50}}],)"
    R"("unmappedSourceFields":[{"sourceField":{"key":"c","type":"string"},"x-weight":1.10}],)"
    R"("unmappedDestinationFields":[{"destinationField":{"key":"d","type":"string"}}]})";
const std::vector<std::string> kNumbers = {R"("x-ratio":2.50)", R"("x-big":1e2)",
                                           R"("x-long":0.1000000000000000055511151231257827)", R"("x-min":-0.0)",
                                           R"("confidence":0.50)", R"("x-weight":1.10)"};

void expect_numbers_kept(const std::string& json, const std::string& what) {
    for (const std::string& number : kNumbers) EXPECT_NE(json.find(number), std::string::npos) << what << " lost " << number << ": " << json;
}

std::string response_with(const std::string& plan) {
    return R"({"data":{"job":{"id":"us_jb_1","fileId":"us_fl_1","x-rate":0.250},"plan":)" + plan + "}}";
}

TEST(HostJson, GetPlanAndAnOfflineSubmitKeepNumberText) {
    for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
             {"plain", kPlan},
             {"byte order mark", "\xEF\xBB\xBF" + kPlan},
             {"repeated member", R"({"x-ratio":9,)" + kPlan.substr(1)}}) {
        test::FakeHttpClient http;
        RecordingHost host;
        AppConfig config;
        config.read_records = false;  // these tests script every answer; the rows are tested apart
        config.job_id = "us_jb_1";
        config.file_id = "us_fl_1";
        config.plan_json = text;
        MapperApp app(config, http, host);
        app.start(0);
        ASSERT_NE(app.session(), nullptr) << name;
        expect_numbers_kept(app.plan_json(), name + ": getPlan");
        app.submit();
        expect_numbers_kept(host.last(AppEvent::Submit), name + ": the offline submit event");
        EXPECT_EQ(host.last(AppEvent::Submit).find(R"("x-ratio":9)"), std::string::npos) << "the last member wins";
    }
}

TEST(HostJson, TheConfirmedSubmitKeepsTheServersNumberText) {
    test::FakeHttpClient http;
    RecordingHost host;
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.api_url = "http://127.0.0.1:8787";
    config.job_id = "us_jb_1";
    config.token = "test-token";
    MapperApp app(config, http, host);
    http.script_status(200, response_with(kPlan));
    app.start(0);
    app.update(1);
    ASSERT_NE(app.session(), nullptr);
    ASSERT_FALSE(http.requests.empty());
    http.script_status(200, response_with(kPlan));
    app.submit();
    app.update(2);
    ASSERT_EQ(http.requests.back().method, "PUT");
    expect_numbers_kept(http.requests.back().body, "the PUT body");
    const std::string submitted = host.last(AppEvent::Submit);
    expect_numbers_kept(submitted, "the submit event");
    EXPECT_NE(submitted.find(R"("x-rate":0.250)"), std::string::npos) << "the job's members too: " << submitted;
}

}  // namespace
}  // namespace pm
