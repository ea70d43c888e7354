// The plan endpoints as asynchronous calls with retries, driven by the frame loop.
//
// No threads, no sleeping: the app calls tick(now_ms) once per frame. tick() polls the
// HttpClient (so completion callbacks run there), and starts the retries that are due. Every
// call delivers exactly one final result to its callback, from inside tick() (also when it is
// cancelled). Destroying the ApiClient cancels what is in flight and delivers nothing more.
#pragma once

#include "core/api/errors.h"
#include "core/api/protocol.h"
#include "core/api/http_client.h"
#include "core/plan/model.h"
#include "core/plan/write.h"
#include "core/api/retry_policy.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace pm {

template <class T>
struct ApiResult {
    std::optional<T> value;                    // set on success
    ApiError error;                            // kind None on success
    int attempts = 0;                          // requests sent, retries included
    Problems warnings;                         // odd but readable parts of a successful answer
    bool ok() const { return value.has_value(); }
};

struct ApiClientOptions {
    ApiConfig config;
    RetryPolicy retry;
    // Injected for deterministic tests; the defaults use std::mt19937 and the system clock.
    std::function<double()> random01;                   // uniform in [0, 1), for jitter
    std::function<std::int64_t()> wall_clock_ms;        // Unix time, to read Retry-After dates
};

using ApiCallId = std::uint64_t;

class ApiClient {
public:
    ApiClient(HttpClient& http, ApiClientOptions options);
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    // Applies to calls started afterwards (e.g. after signing in again).
    void set_config(ApiConfig config);
    const ApiConfig& config() const;

    ApiCallId get_job(const std::string& job_id, std::function<void(const ApiResult<Job>&)> done);
    ApiCallId get_plan(const std::string& job_id, std::function<void(const ApiResult<JobPlan>&)> done);
    // PUT: the whole plan (put_body). The answer is the plan as the server now has it.
    ApiCallId put_plan(const std::string& job_id, const std::string& file_id, const ExecutionPlan& plan,
                       std::function<void(const ApiResult<JobPlan>&)> done);
    // PATCH: only the chosen parts (patch_body; see changed_parts()).
    ApiCallId patch_plan(const std::string& job_id, const std::string& file_id, const ExecutionPlan& plan,
                         PatchParts parts, std::function<void(const ApiResult<JobPlan>&)> done);
    // POST execute; the value is the server's data.success (true when it sent no body).
    ApiCallId execute(const std::string& job_id, std::function<void(const ApiResult<bool>&)> done);

    // GET /sheets/{id} and GET /sheets/{id}/records: the body text as received (core/profile reads it).
    ApiCallId get_sheet(const std::string& sheet_id, std::function<void(const ApiResult<std::string>&)> done);
    ApiCallId get_records(const std::string& sheet_id, int page_size, int page_number,
                          std::function<void(const ApiResult<std::string>&)> done);

    // The call ends with an ApiErrorKind::Cancelled result from the next tick().
    void cancel(ApiCallId id);
    void cancel_all();

    // Once per frame: polls the HttpClient, then sends the retries that are due at now_ms
    // (any monotonic millisecond clock).
    void tick(std::int64_t now_ms);

    bool busy() const;                         // any call not yet delivered
    // When the earliest waiting retry is due (to let an idle app sleep until then).
    std::optional<std::int64_t> next_retry_ms() const;

    struct Impl;

private:
    std::shared_ptr<Impl> impl_;
};

}  // namespace pm
