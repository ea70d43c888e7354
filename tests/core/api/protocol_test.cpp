// Request building: base URLs, id encoding, methods, paths, headers and bodies.
#include "core/api/protocol.h"

#include "core/plan/write.h"

#include "support/synthetic_plan.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

const std::string* header(const HttpRequest& request, const std::string& name) {
    for (const auto& h : request.headers)
        if (h.first == name) return &h.second;
    return nullptr;
}

TEST(ApiProtocol, BaseUrlsLikeTheSdk) {
    EXPECT_EQ(normalize_base_url(""), "https://api.x.flatfile.com/v1");
    EXPECT_EQ(normalize_base_url("  "), "https://api.x.flatfile.com/v1");
    EXPECT_EQ(normalize_base_url("https://api.x.flatfile.com/v1"), "https://api.x.flatfile.com/v1");
    EXPECT_EQ(normalize_base_url("https://api.x.flatfile.com/v1/"), "https://api.x.flatfile.com/v1");
    EXPECT_EQ(normalize_base_url("https://platform.eu.flatfile.com/api"), "https://platform.eu.flatfile.com/api/v1");
    EXPECT_EQ(normalize_base_url("https://platform.eu.flatfile.com/api///"), "https://platform.eu.flatfile.com/api/v1");
    EXPECT_EQ(normalize_base_url(" http://127.0.0.1:8123 "), "http://127.0.0.1:8123/v1");
    EXPECT_EQ(normalize_base_url("https://example.com/v10"), "https://example.com/v10/v1");
}

TEST(ApiProtocol, BaseUrlProblems) {
    EXPECT_EQ(base_url_problem("https://platform.flatfile.com/api"), "");
    EXPECT_EQ(base_url_problem(""), "");  // the default
    EXPECT_NE(base_url_problem("ftp://x"), "");
    EXPECT_NE(base_url_problem("api.x.flatfile.com"), "");
    EXPECT_NE(base_url_problem("https:///v1"), "");
    EXPECT_NE(base_url_problem("https://a b.com"), "");
}

TEST(ApiProtocol, PercentEncodesEverythingOutsideUnreserved) {
    EXPECT_EQ(percent_encode("us_jb_Q7mR2xLd"), "us_jb_Q7mR2xLd");
    EXPECT_EQ(percent_encode("a-b.c_d~e"), "a-b.c_d~e");
    EXPECT_EQ(percent_encode("../jobs?x=1&y#z"), "..%2Fjobs%3Fx%3D1%26y%23z");
    EXPECT_EQ(percent_encode("a b+c/%"), "a%20b%2Bc%2F%25");
    EXPECT_EQ(percent_encode("\xC3\xA9"), "%C3%A9");
    EXPECT_EQ(percent_encode(std::string("a\0b", 3)), "a%00b");
}

TEST(ApiProtocol, GetRequests) {
    ApiConfig config;
    config.base_url = "https://platform.eu.flatfile.com/api";
    config.token = "sk_123";
    config.timeout_ms = 5000;
    const HttpRequest job = get_job_request(config, "eu_jb/1");
    EXPECT_EQ(job.method, "GET");
    EXPECT_EQ(job.url, "https://platform.eu.flatfile.com/api/v1/jobs/eu_jb%2F1");
    EXPECT_EQ(job.timeout_ms, 5000);
    ASSERT_NE(header(job, "Authorization"), nullptr);
    EXPECT_EQ(*header(job, "Authorization"), "Bearer sk_123");
    EXPECT_EQ(*header(job, "X-Disable-Hooks"), "true");
    EXPECT_EQ(*header(job, "Accept"), "application/json");
    EXPECT_EQ(header(job, "Content-Type"), nullptr);
    EXPECT_TRUE(job.body.empty());

    const HttpRequest plan = get_plan_request(config, "eu_jb_1");
    EXPECT_EQ(plan.url, "https://platform.eu.flatfile.com/api/v1/jobs/eu_jb_1/plan");
    config.token.clear();
    EXPECT_EQ(header(get_plan_request(config, "j"), "Authorization"), nullptr);
}

TEST(ApiProtocol, BodyRequests) {
    ApiConfig config;
    config.token = "t";
    const ExecutionPlan plan = test::make_synthetic_plan(2, 1);
    const Json body = put_body(plan, "us_jb_1", "us_fl_1");
    const HttpRequest put = put_plan_request(config, "us_jb_1", body);
    EXPECT_EQ(put.method, "PUT");
    EXPECT_EQ(put.url, "https://api.x.flatfile.com/v1/jobs/us_jb_1/plan");
    EXPECT_EQ(*header(put, "Content-Type"), "application/json");
    EXPECT_EQ(Json::parse(put.body, nullptr, false), body);

    const HttpRequest patch = patch_plan_request(config, "us_jb_1", Json{{"jobId", "us_jb_1"}});
    EXPECT_EQ(patch.method, "PATCH");
    EXPECT_EQ(patch.url, "https://api.x.flatfile.com/v1/jobs/us_jb_1/plan");
    EXPECT_EQ(patch.body, "{\"jobId\":\"us_jb_1\"}");

    const HttpRequest execute = execute_request(config, "us_jb_1");
    EXPECT_EQ(execute.method, "POST");
    EXPECT_EQ(execute.url, "https://api.x.flatfile.com/v1/jobs/us_jb_1/execute");
    EXPECT_TRUE(execute.body.empty());
    EXPECT_EQ(header(execute, "Content-Type"), nullptr);
}

TEST(ApiProtocol, BodiesWithInvalidUtf8DoNotThrow) {
    const Json body = {{"x", std::string("bad\xff")}};
    const HttpRequest put = put_plan_request(ApiConfig{}, "j", body);
    EXPECT_NE(put.body.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace pm
