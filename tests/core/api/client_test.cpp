// ApiClient over the scripted fake transport: results, retries on the frame clock, cancelling.
#include "core/api/client.h"

#include "support/fake_http_client.h"
#include "support/synthetic_plan.h"
#include "support/test_files.h"

#include <gtest/gtest.h>

#include <memory>

namespace pm {
namespace {

ApiClientOptions test_options() {
    ApiClientOptions options;
    options.config.base_url = "http://127.0.0.1:9/api";
    options.config.token = "tok";
    options.random01 = [] { return 0.5; };  // no jitter: exact delays
    options.wall_clock_ms = [] { return std::int64_t{784111777000}; };
    return options;
}

std::string plan_response() { return test::read_fixture("tests/data/contract/01-get-plan-response.json"); }

TEST(ApiClient, GetPlanDeliversTheParsedPlan) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(200, plan_response());
    std::optional<ApiResult<JobPlan>> result;
    api.get_plan("us_jb_Q7mR2xLd", [&](const ApiResult<JobPlan>& r) { result = r; });
    EXPECT_TRUE(api.busy());
    EXPECT_FALSE(result);  // nothing is delivered outside tick()
    api.tick(0);
    ASSERT_TRUE(result);
    ASSERT_TRUE(result->ok()) << result->error.message;
    EXPECT_EQ(result->value->plan.field_mapping.size(), 11u);
    EXPECT_EQ(result->attempts, 1);
    EXPECT_FALSE(api.busy());
    ASSERT_EQ(http.requests.size(), 1u);
    EXPECT_EQ(http.requests[0].url, "http://127.0.0.1:9/api/v1/jobs/us_jb_Q7mR2xLd/plan");
}

TEST(ApiClient, PutSendsTheBodyAndReadsTheConfirmedPlan) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(200, plan_response());
    const ExecutionPlan plan = test::make_synthetic_plan(2, 1);
    bool ok = false;
    api.put_plan("j", "f", plan, [&](const ApiResult<JobPlan>& r) { ok = r.ok(); });
    api.tick(0);
    EXPECT_TRUE(ok);
    const Json sent = Json::parse(http.requests.at(0).body, nullptr, false);
    EXPECT_EQ(sent, put_body(plan, "j", "f"));
    EXPECT_EQ(http.requests[0].method, "PUT");
}

TEST(ApiClient, RetriesOnTheFrameClock) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(503);
    http.script_outcome(HttpOutcome::NetworkError);
    http.script_status(200, plan_response());
    std::optional<ApiResult<JobPlan>> result;
    api.get_plan("j", [&](const ApiResult<JobPlan>& r) { result = r; });
    api.tick(1000);                       // 503 arrives; retry due at 2000 (1 s backoff)
    EXPECT_EQ(http.requests.size(), 1u);
    EXPECT_EQ(api.next_retry_ms(), 2000);
    api.tick(1999);
    EXPECT_EQ(http.requests.size(), 1u);  // not yet
    api.tick(2000);                       // sent; the network error arrives on the next poll
    EXPECT_EQ(http.requests.size(), 2u);
    api.tick(2001);                       // network error; retry due at 2001 + 2000
    EXPECT_FALSE(result);
    api.tick(4000);
    EXPECT_EQ(http.requests.size(), 2u);
    api.tick(4001);
    EXPECT_EQ(http.requests.size(), 3u);
    api.tick(4002);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok());
    EXPECT_EQ(result->attempts, 3);
}

TEST(ApiClient, GivesUpWithAMessageForAPerson) {
    test::FakeHttpClient http;
    ApiClientOptions options = test_options();
    options.retry.max_retries = 1;
    ApiClient api(http, options);
    http.script_status(500, R"({"errors":[{"message":"database unavailable"}]})");
    http.script_status(502);
    std::optional<ApiResult<JobPlan>> result;
    api.get_plan("j", [&](const ApiResult<JobPlan>& r) { result = r; });
    for (std::int64_t t = 0; t <= 5000 && !result; t += 100) api.tick(t);
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok());
    EXPECT_EQ(result->attempts, 2);
    EXPECT_EQ(result->error.kind, ApiErrorKind::Http);
    EXPECT_EQ(result->error.status, 502);
    EXPECT_NE(result->error.message.find("problem on its side"), std::string::npos);
}

TEST(ApiClient, DoesNotRetryClientErrors) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(404, test::read_fixture("tests/data/contract/06-error-response.json"));
    std::optional<ApiResult<Job>> result;
    api.get_job("us_jb_Q7mR2xLd", [&](const ApiResult<Job>& r) { result = r; });
    api.tick(0);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->attempts, 1);
    EXPECT_EQ(result->error.status, 404);
    ASSERT_EQ(result->error.server_messages.size(), 1u);
    EXPECT_EQ(result->error.server_messages[0].key, "jobId");
    EXPECT_NE(result->error.message.find("was not found"), std::string::npos);
}

TEST(ApiClient, ExecuteIsNotRepeatedAfterANetworkError) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_outcome(HttpOutcome::NetworkError);
    std::optional<ApiResult<bool>> result;
    api.execute("j", [&](const ApiResult<bool>& r) { result = r; });
    api.tick(0);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->error.kind, ApiErrorKind::Network);
    EXPECT_EQ(http.requests.size(), 1u);
}

TEST(ApiClient, ExecuteHonoursRetryAfterOn429) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(429, "", {{"retry-after", "5"}});
    http.script_status(200, R"({"data":{"success":true}})");
    std::optional<ApiResult<bool>> result;
    api.execute("j", [&](const ApiResult<bool>& r) { result = r; });
    api.tick(0);
    EXPECT_EQ(api.next_retry_ms(), 5000);
    api.tick(5000);
    api.tick(5001);
    ASSERT_TRUE(result);
    ASSERT_TRUE(result->ok());
    EXPECT_TRUE(*result->value);
    EXPECT_EQ(http.requests[1].method, "POST");
}

TEST(ApiClient, SuccessBodiesThatCannotBeReadAreErrors) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(200, "{\"data\": {\"plan\": 3}}");
    http.script_status(200, R"({"data":{"success":"yes"}})");
    http.script_status(204, "");
    std::optional<ApiResult<JobPlan>> plan;
    std::optional<ApiResult<bool>> run1, run2;
    api.get_plan("j", [&](const ApiResult<JobPlan>& r) { plan = r; });
    api.execute("j", [&](const ApiResult<bool>& r) { run1 = r; });
    api.execute("j", [&](const ApiResult<bool>& r) { run2 = r; });
    api.tick(0);
    ASSERT_TRUE(plan && run1 && run2);
    EXPECT_EQ(plan->error.kind, ApiErrorKind::BadResponse);
    EXPECT_FALSE(plan->error.problems.empty());
    EXPECT_EQ(run1->error.kind, ApiErrorKind::BadResponse);
    EXPECT_TRUE(run2->ok());
}

TEST(ApiClient, CancelDeliversOneCancelledResult) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.hold(true);
    int calls = 0;
    ApiResult<JobPlan> last;
    const ApiCallId id = api.get_plan("j", [&](const ApiResult<JobPlan>& r) {
        ++calls;
        last = r;
    });
    api.cancel(id);
    api.cancel(id);
    EXPECT_EQ(calls, 0);
    api.tick(0);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(last.error.kind, ApiErrorKind::Cancelled);
    api.tick(1);
    EXPECT_EQ(calls, 1);
}

TEST(ApiClient, CancelWhileWaitingForARetry) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(503);
    int calls = 0;
    const ApiCallId id = api.get_plan("j", [&](const ApiResult<JobPlan>& r) {
        ++calls;
        EXPECT_EQ(r.error.kind, ApiErrorKind::Cancelled);
    });
    api.tick(0);
    EXPECT_TRUE(api.next_retry_ms());
    api.cancel(id);
    api.tick(1);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(http.requests.size(), 1u);
    EXPECT_FALSE(api.busy());
}

TEST(ApiClient, DestroyingTheClientDeliversNothingMore) {
    test::FakeHttpClient http;
    http.hold(true);
    int calls = 0;
    {
        ApiClient api(http, test_options());
        api.get_plan("j", [&](const ApiResult<JobPlan>&) { ++calls; });
    }
    http.hold(false);
    http.script_status(200, plan_response());
    http.poll();
    EXPECT_EQ(calls, 0);
    EXPECT_FALSE(http.busy());
}

TEST(ApiClient, CallbacksMayStartNewCalls) {
    test::FakeHttpClient http;
    ApiClient api(http, test_options());
    http.script_status(200, R"({"data":{"id":"j","status":"planning"}})");
    http.script_status(200, plan_response());
    bool got_plan = false;
    api.get_job("j", [&](const ApiResult<Job>& job) {
        ASSERT_TRUE(job.ok());
        api.get_plan(job.value->id, [&](const ApiResult<JobPlan>& r) { got_plan = r.ok(); });
    });
    api.tick(0);
    api.tick(1);
    EXPECT_TRUE(got_plan);
}

}  // namespace
}  // namespace pm
