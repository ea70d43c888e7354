// When to try a failed API request again, and after how long. Shared by both transports' users
// through ApiClient; deterministic in tests (the random number and the clock are parameters).
//
// Which failures are retried:
//   GET, PUT, PATCH (idempotent: repeating them cannot do harm): network errors, timeouts and
//   HTTP 408, 429, 500, 502, 503, 504.
//   POST (execute: repeating it could run the job twice): only 429 and 503, the two answers that
//   say the server turned the request away before doing anything. A network error or timeout
//   after sending may mean the job started, so those are reported, not repeated.
// How long to wait: the server's Retry-After (seconds or an HTTP date) when present, else
// exponential backoff base * multiplier^n with +-jitter. A wait longer than max_delay_ms is not
// worth it in an interactive app: the error is reported instead (the person can retry).
#pragma once

#include "core/api/http_client.h"

#include <cstdint>
#include <optional>
#include <string>

namespace pm {

struct RetryPolicy {
    int max_retries = 3;                       // attempts = 1 + retries
    std::int64_t base_delay_ms = 1000;
    double multiplier = 2.0;
    double jitter = 0.2;                       // +-20 %
    std::int64_t max_delay_ms = 30000;
};

bool is_retryable(const std::string& method, const HttpResponse& response);

// Retry-After in milliseconds from now, or nullopt when absent or unreadable. Negative waits
// (a date in the past) read as 0.
std::optional<std::int64_t> retry_after_ms(const HttpResponse& response, std::int64_t now_epoch_ms);

// The backoff before retry number `retry` (0 for the first retry), given random01 in [0, 1).
std::int64_t backoff_ms(const RetryPolicy& policy, int retry, double random01);

// The wait before trying again after `retries_done` retries, or nullopt to give up.
std::optional<std::int64_t> retry_delay_ms(const RetryPolicy& policy, const std::string& method,
                                           const HttpResponse& response, int retries_done, double random01,
                                           std::int64_t now_epoch_ms);

}  // namespace pm
