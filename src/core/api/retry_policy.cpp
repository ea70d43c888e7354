// Retry decisions and backoff; see retry_policy.h.
#include "core/api/retry_policy.h"

#include "core/api/http_date.h"

#include <algorithm>
#include <cmath>

namespace pm {

bool is_retryable(const std::string& method, const HttpResponse& response) {
    const bool idempotent = method == "GET" || method == "PUT" || method == "PATCH" || method == "HEAD" ||
                            method == "DELETE" || method == "OPTIONS";
    switch (response.outcome) {
        case HttpOutcome::NetworkError:
        case HttpOutcome::TimedOut: return idempotent;
        case HttpOutcome::Cancelled:
        case HttpOutcome::Refused: return false;
        case HttpOutcome::Completed: break;
    }
    const int status = response.status;
    if (!idempotent) return status == 429 || status == 503;
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::optional<std::int64_t> retry_after_ms(const HttpResponse& response, std::int64_t now_epoch_ms) {
    const std::string* header = response.header("retry-after");
    if (!header) return std::nullopt;
    std::string_view value = *header;
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 9) return std::nullopt;  // more than 30 years: not a real answer
        std::int64_t seconds = 0;
        for (char c : value) seconds = seconds * 10 + (c - '0');
        return seconds * 1000;
    }
    const auto at = parse_http_date_ms(value);
    if (!at) return std::nullopt;
    return std::max<std::int64_t>(0, *at - now_epoch_ms);
}

std::int64_t backoff_ms(const RetryPolicy& policy, int retry, double random01) {
    const double exponent = std::pow(policy.multiplier, std::max(0, retry));
    double delay = static_cast<double>(policy.base_delay_ms) * exponent;
    const double r = std::clamp(random01, 0.0, 1.0);
    delay *= 1.0 + policy.jitter * (2.0 * r - 1.0);
    delay = std::min(delay, static_cast<double>(policy.max_delay_ms));
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(std::llround(delay)));
}

std::optional<std::int64_t> retry_delay_ms(const RetryPolicy& policy, const std::string& method,
                                           const HttpResponse& response, int retries_done, double random01,
                                           std::int64_t now_epoch_ms) {
    if (retries_done >= policy.max_retries || !is_retryable(method, response)) return std::nullopt;
    if (const auto asked = retry_after_ms(response, now_epoch_ms)) {
        if (*asked > policy.max_delay_ms) return std::nullopt;
        return *asked;
    }
    return backoff_ms(policy, retries_done, random01);
}

}  // namespace pm
