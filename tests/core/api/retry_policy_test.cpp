// Retry decisions, backoff with jitter, Retry-After (seconds and HTTP dates).
#include "core/api/http_date.h"
#include "core/api/retry_policy.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

HttpResponse status(int code, HttpHeaders headers = {}) {
    HttpResponse r;
    r.outcome = HttpOutcome::Completed;
    r.status = code;
    r.headers = std::move(headers);
    return r;
}

HttpResponse outcome(HttpOutcome o) {
    HttpResponse r;
    r.outcome = o;
    return r;
}

constexpr std::int64_t kNow = 784111777000;  // Sun, 06 Nov 1994 08:49:37 GMT

TEST(RetryPolicy, IdempotentRequestsRetryTransientFailures) {
    for (const char* method : {"GET", "PUT", "PATCH"}) {
        for (int code : {408, 429, 500, 502, 503, 504}) EXPECT_TRUE(is_retryable(method, status(code))) << method << code;
        for (int code : {200, 400, 401, 403, 404, 409, 422, 501}) EXPECT_FALSE(is_retryable(method, status(code))) << method << code;
        EXPECT_TRUE(is_retryable(method, outcome(HttpOutcome::NetworkError)));
        EXPECT_TRUE(is_retryable(method, outcome(HttpOutcome::TimedOut)));
        EXPECT_FALSE(is_retryable(method, outcome(HttpOutcome::Cancelled)));
    }
}

TEST(RetryPolicy, ExecuteRetriesOnlyWhenTheServerTurnedItAway) {
    EXPECT_TRUE(is_retryable("POST", status(429)));
    EXPECT_TRUE(is_retryable("POST", status(503)));
    for (int code : {408, 500, 502, 504}) EXPECT_FALSE(is_retryable("POST", status(code))) << code;
    EXPECT_FALSE(is_retryable("POST", outcome(HttpOutcome::NetworkError)));
    EXPECT_FALSE(is_retryable("POST", outcome(HttpOutcome::TimedOut)));
}

TEST(RetryPolicy, ExponentialBackoffWithJitter) {
    const RetryPolicy policy;
    EXPECT_EQ(backoff_ms(policy, 0, 0.5), 1000);
    EXPECT_EQ(backoff_ms(policy, 1, 0.5), 2000);
    EXPECT_EQ(backoff_ms(policy, 2, 0.5), 4000);
    EXPECT_EQ(backoff_ms(policy, 0, 0.0), 800);   // -20 %
    EXPECT_EQ(backoff_ms(policy, 0, 1.0), 1200);  // +20 %
    EXPECT_EQ(backoff_ms(policy, 10, 0.5), 30000);  // capped
    EXPECT_EQ(backoff_ms(policy, 0, 7.0), 1200);    // out-of-range randoms are clamped
}

TEST(RetryPolicy, GivesUpAfterMaxRetries) {
    const RetryPolicy policy;
    EXPECT_EQ(retry_delay_ms(policy, "GET", status(503), 0, 0.5, kNow), 1000);
    EXPECT_EQ(retry_delay_ms(policy, "GET", status(503), 2, 0.5, kNow), 4000);
    EXPECT_EQ(retry_delay_ms(policy, "GET", status(503), 3, 0.5, kNow), std::nullopt);
    EXPECT_EQ(retry_delay_ms(policy, "GET", status(404), 0, 0.5, kNow), std::nullopt);
}

TEST(RetryPolicy, RetryAfterSecondsAndDates) {
    const RetryPolicy policy;
    EXPECT_EQ(retry_after_ms(status(429, {{"retry-after", "7"}}), kNow), 7000);
    EXPECT_EQ(retry_after_ms(status(429, {{"retry-after", " 0 "}}), kNow), 0);
    EXPECT_EQ(retry_after_ms(status(429, {{"retry-after", "Sun, 06 Nov 1994 08:49:42 GMT"}}), kNow), 5000);
    EXPECT_EQ(retry_after_ms(status(429, {{"retry-after", "Sun, 06 Nov 1994 08:00:00 GMT"}}), kNow), 0);
    EXPECT_EQ(retry_after_ms(status(429, {{"retry-after", "soon"}}), kNow), std::nullopt);
    EXPECT_EQ(retry_after_ms(status(429, {{"retry-after", "99999999999999"}}), kNow), std::nullopt);
    EXPECT_EQ(retry_after_ms(status(429), kNow), std::nullopt);

    // The server's wait wins over the backoff; a wait past the cap is not worth it.
    EXPECT_EQ(retry_delay_ms(policy, "PUT", status(429, {{"retry-after", "3"}}), 0, 0.5, kNow), 3000);
    EXPECT_EQ(retry_delay_ms(policy, "PUT", status(503, {{"retry-after", "120"}}), 0, 0.5, kNow), std::nullopt);
    EXPECT_EQ(retry_delay_ms(policy, "POST", status(503, {{"retry-after", "2"}}), 0, 0.5, kNow), 2000);
}

TEST(HttpDate, ReadsTheThreeForms) {
    EXPECT_EQ(parse_http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"), kNow);
    EXPECT_EQ(parse_http_date_ms("Sunday, 06-Nov-94 08:49:37 GMT"), kNow);
    EXPECT_EQ(parse_http_date_ms("Sun Nov  6 08:49:37 1994"), kNow);
    EXPECT_EQ(parse_http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
    EXPECT_EQ(parse_http_date_ms("Tue, 29 Feb 2000 12:00:00 GMT"), 951825600000);
    EXPECT_EQ(parse_http_date_ms("Fri, 31 Dec 2038 23:59:59 GMT"), 2177452799000);
}

TEST(HttpDate, RejectsNonsense) {
    for (const char* text : {"", "soon", "Sun, 32 Nov 1994 08:49:37 GMT", "Thu, 29 Feb 2001 00:00:00 GMT",
                             "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Nov 1994",
                             "Sun, 06 Nov 1969 08:49:37 GMT"})
        EXPECT_EQ(parse_http_date_ms(text), std::nullopt) << text;
    EXPECT_EQ(days_since_epoch(2024, 3, 1), 19783);
}

}  // namespace
}  // namespace pm
