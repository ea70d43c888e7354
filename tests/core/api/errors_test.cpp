// Error bodies and status-aware messages for people.
#include "core/api/errors.h"

#include "support/test_files.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

HttpResponse answer(int status, std::string body = {}) {
    HttpResponse r;
    r.outcome = HttpOutcome::Completed;
    r.status = status;
    r.body = std::move(body);
    return r;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ApiErrors, ReadsErrorBodies) {
    const auto messages = parse_error_body(test::read_fixture("tests/data/contract/06-error-response.json"));
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].key, "jobId");
    EXPECT_EQ(messages[0].message, "Job us_jb_Q7mR2xLd was not found");
    const auto keyless = parse_error_body(R"({"errors":[{"message":"a"},{"key":3,"message":"b"},{"key":"k"},7]})");
    ASSERT_EQ(keyless.size(), 2u);
    EXPECT_EQ(keyless[0].key, "");
    EXPECT_EQ(keyless[1].message, "b");
    for (const char* junk : {"", "<html>502 Bad Gateway</html>", "{\"errors\":{}}", "[]", "{\"errors\":"})
        EXPECT_TRUE(parse_error_body(junk).empty()) << junk;
}

TEST(ApiErrors, MessagesDependOnTheStatus) {
    const std::string job = "us_jb_1";
    EXPECT_TRUE(contains(error_from_response(answer(401), ApiCall::GetPlan, job).message, "Sign in again"));
    EXPECT_TRUE(contains(error_from_response(answer(403), ApiCall::GetPlan, job).message, "do not have access"));
    EXPECT_TRUE(contains(error_from_response(answer(404), ApiCall::GetPlan, job).message, "Job us_jb_1 was not found"));
    EXPECT_TRUE(contains(error_from_response(answer(429), ApiCall::PutPlan, job).message, "too many requests"));
    const ApiError server = error_from_response(answer(503), ApiCall::PutPlan, job);
    EXPECT_TRUE(contains(server.message, "HTTP 503"));
    EXPECT_TRUE(contains(server.message, "save plan"));
    EXPECT_EQ(server.kind, ApiErrorKind::Http);
    EXPECT_EQ(server.status, 503);
    EXPECT_TRUE(contains(error_from_response(answer(418), ApiCall::Execute, job).message, "HTTP 418"));
}

TEST(ApiErrors, ServerMessagesAreKeptAndShown) {
    const ApiError error = error_from_response(
        answer(400, R"({"errors":[{"key":"fieldMapping","message":"destination email mapped twice"}]})"), ApiCall::PutPlan,
        "j");
    ASSERT_EQ(error.server_messages.size(), 1u);
    EXPECT_TRUE(contains(error.message, "fieldMapping: destination email mapped twice"));
    // For 401 the advice is all a person needs; the details stay available.
    const ApiError auth = error_from_response(answer(401, R"({"errors":[{"message":"jwt expired"}]})"), ApiCall::GetJob, "j");
    EXPECT_FALSE(contains(auth.message, "jwt"));
    EXPECT_EQ(auth.server_messages.size(), 1u);
}

TEST(ApiErrors, TransportFailures) {
    HttpResponse r;
    r.outcome = HttpOutcome::NetworkError;
    r.error = "Could not resolve host";
    ApiError e = error_from_response(r, ApiCall::GetPlan, "j");
    EXPECT_EQ(e.kind, ApiErrorKind::Network);
    EXPECT_TRUE(contains(e.message, "Could not reach Flatfile"));
    EXPECT_EQ(e.transport_error, "Could not resolve host");
    r.outcome = HttpOutcome::TimedOut;
    e = error_from_response(r, ApiCall::GetPlan, "j");
    EXPECT_EQ(e.kind, ApiErrorKind::Timeout);
    EXPECT_TRUE(contains(e.message, "did not answer in time"));
    r.outcome = HttpOutcome::Cancelled;
    EXPECT_EQ(error_from_response(r, ApiCall::GetPlan, "j").kind, ApiErrorKind::Cancelled);
}

}  // namespace
}  // namespace pm
