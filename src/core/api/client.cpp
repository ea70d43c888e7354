// Calls, retries and result delivery; see client.h.
#include "core/api/client.h"

#include "core/api/guard.h"
#include "core/json/access.h"
#include "core/plan/documents.h"

#include <chrono>
#include <map>
#include <random>
#include <vector>

namespace pm {

namespace {

// Turns the final HTTP response of a call into the typed result and hands it to the caller.
using Finisher = std::function<void(const HttpResponse& response, int attempts)>;

struct Call {
    HttpRequest request;
    Finisher finish;
    int attempts = 0;
    bool in_flight = false;
    HttpRequestId http_id = 0;
    std::int64_t due_ms = 0;                   // when waiting for a retry
    bool cancelled = false;
    std::string refused;                       // the guard's reason: finished at the next tick, never sent
    MessageRef refused_text;                   // the same for the panel's catalog
};

bool is_success(const HttpResponse& response) {
    return response.outcome == HttpOutcome::Completed && response.status >= 200 && response.status <= 299;
}

HttpResponse cancelled_response() {
    HttpResponse response;
    response.outcome = HttpOutcome::Cancelled;
    response.error = "cancelled";
    return response;
}

HttpResponse refused_response(const std::string& reason, const MessageRef& text) {
    HttpResponse response;
    response.outcome = HttpOutcome::Refused;
    response.error = reason;
    response.refusal = text;
    return response;
}

template <class T, class Parse>
Finisher make_finisher(ApiCall kind, std::string job_id, std::function<void(const ApiResult<T>&)> done, Parse parse) {
    return [kind, job_id = std::move(job_id), done = std::move(done), parse](const HttpResponse& response, int attempts) {
        ApiResult<T> result;
        result.attempts = attempts;
        if (!is_success(response)) {
            result.error = error_from_response(response, kind, job_id);
        } else {
            Parsed<T> parsed = parse(response.body);
            if (parsed.ok()) {
                result.value = std::move(parsed.value);
                result.warnings = std::move(parsed.problems);
            } else {
                result.error = bad_response_error(kind, std::move(parsed.problems));
            }
        }
        if (done) done(result);
    };
}

Parsed<bool> parse_success(std::string_view body) {
    Parsed<bool> out;
    // An empty body is fine: the status said it all.
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.value = true;
        return out;
    }
    ProblemSink problems;
    Json document;
    if (!parse_json_text(body, document, problems)) {
        out.problems = problems.take();
        return out;
    }
    const Json* data = member(document, "data");
    const Json* success = data ? member(*data, "success") : nullptr;
    if (success && !success->is_boolean()) {
        problems.error("/data/success", "expected a boolean, got " + describe_json(*success));
        out.problems = problems.take();
        return out;
    }
    out.value = success ? success->get<bool>() : true;
    out.problems = problems.take();
    return out;
}

}  // namespace

struct ApiClient::Impl : std::enable_shared_from_this<ApiClient::Impl> {
    HttpClient& http;
    ApiClientOptions options;
    std::map<ApiCallId, Call> calls;
    ApiCallId next_id = 1;
    std::int64_t now_ms = 0;
    std::mt19937 rng{std::random_device{}()};

    Impl(HttpClient& client, ApiClientOptions opts) : http(client), options(std::move(opts)) {
        if (!options.random01)
            options.random01 = [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); };
        if (!options.wall_clock_ms)
            options.wall_clock_ms = [] {
                using namespace std::chrono;
                return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
            };
    }

    ApiCallId start(HttpRequest request, Finisher finish) {
        const ApiCallId id = next_id++;
        Call& call = calls[id];
        call.request = std::move(request);
        call.finish = std::move(finish);
        // The token goes only to the configured origin, and only over https unless the API is on
        // this computer. A refused call still ends through tick(), like every other result.
        const GuardDecision guard = check_request_url(options.config.base_url, call.request.url);
        if (!guard.allowed) {
            call.refused = guard.reason;
            call.refused_text = guard.text;
            call.attempts = 1;
            return id;
        }
        send(id, call);
        return id;
    }

    void send(ApiCallId id, Call& call) {
        ++call.attempts;
        call.in_flight = true;
        std::weak_ptr<Impl> self = weak_from_this();
        // Callbacks run inside http.poll(); they find nothing to do once the client is gone.
        call.http_id = http.send(call.request, [self, id](const HttpResponse& response) {
            if (auto impl = self.lock()) impl->on_response(id, response);
        });
    }

    void on_response(ApiCallId id, const HttpResponse& response) {
        auto it = calls.find(id);
        if (it == calls.end()) return;
        Call& call = it->second;
        call.in_flight = false;
        if (!call.cancelled && !is_success(response)) {
            const auto delay = retry_delay_ms(options.retry, call.request.method, response, call.attempts - 1,
                                              options.random01(), options.wall_clock_ms());
            if (delay) {
                call.due_ms = now_ms + *delay;
                return;
            }
        }
        finish(it, call.cancelled ? cancelled_response() : response);
    }

    void finish(std::map<ApiCallId, Call>::iterator it, const HttpResponse& response) {
        // Leave the table before calling out: the callback may start or cancel calls.
        Call call = std::move(it->second);
        calls.erase(it);
        call.finish(response, call.attempts);
    }

    void tick(std::int64_t now) {
        now_ms = now;
        http.poll();
        // Collect first: finishing or sending may change the table.
        std::vector<ApiCallId> due;
        for (const auto& [id, call] : calls)
            if (!call.in_flight && (call.cancelled || call.due_ms <= now_ms)) due.push_back(id);
        for (ApiCallId id : due) {
            auto it = calls.find(id);
            if (it == calls.end() || it->second.in_flight) continue;
            if (!it->second.refused.empty()) finish(it, refused_response(it->second.refused, it->second.refused_text));
            else if (it->second.cancelled) finish(it, cancelled_response());
            else send(id, it->second);
        }
    }

    void cancel(ApiCallId id) {
        auto it = calls.find(id);
        if (it == calls.end() || it->second.cancelled) return;
        it->second.cancelled = true;
        if (it->second.in_flight) http.cancel(it->second.http_id);
    }
};

ApiClient::ApiClient(HttpClient& http, ApiClientOptions options)
    : impl_(std::make_shared<Impl>(http, std::move(options))) {}

ApiClient::~ApiClient() {
    for (const auto& [id, call] : impl_->calls)
        if (call.in_flight) impl_->http.cancel(call.http_id);
}

void ApiClient::set_config(ApiConfig config) { impl_->options.config = std::move(config); }
const ApiConfig& ApiClient::config() const { return impl_->options.config; }

ApiCallId ApiClient::get_job(const std::string& job_id, std::function<void(const ApiResult<Job>&)> done) {
    return impl_->start(get_job_request(config(), job_id),
                        make_finisher<Job>(ApiCall::GetJob, job_id, std::move(done),
                                           [](std::string_view body) { return parse_job_response(body); }));
}

ApiCallId ApiClient::get_plan(const std::string& job_id, std::function<void(const ApiResult<JobPlan>&)> done) {
    return impl_->start(get_plan_request(config(), job_id),
                        make_finisher<JobPlan>(ApiCall::GetPlan, job_id, std::move(done),
                                               [](std::string_view body) { return parse_job_plan_response(body); }));
}

ApiCallId ApiClient::put_plan(const std::string& job_id, const std::string& file_id, const ExecutionPlan& plan,
                              std::function<void(const ApiResult<JobPlan>&)> done) {
    return impl_->start(put_plan_request_text(config(), job_id, put_body_text(plan, job_id, file_id)),
                        make_finisher<JobPlan>(ApiCall::PutPlan, job_id, std::move(done),
                                               [](std::string_view body) { return parse_job_plan_response(body); }));
}

ApiCallId ApiClient::patch_plan(const std::string& job_id, const std::string& file_id, const ExecutionPlan& plan,
                                PatchParts parts, std::function<void(const ApiResult<JobPlan>&)> done) {
    return impl_->start(patch_plan_request_text(config(), job_id, patch_body_text(plan, job_id, file_id, parts)),
                        make_finisher<JobPlan>(ApiCall::PatchPlan, job_id, std::move(done),
                                               [](std::string_view body) { return parse_job_plan_response(body); }));
}

ApiCallId ApiClient::execute(const std::string& job_id, std::function<void(const ApiResult<bool>&)> done) {
    return impl_->start(execute_request(config(), job_id),
                        make_finisher<bool>(ApiCall::Execute, job_id, std::move(done), parse_success));
}

namespace {

Parsed<std::string> body_text(std::string_view body) {
    Parsed<std::string> out;
    out.value = std::string(body);
    return out;
}

}  // namespace

ApiCallId ApiClient::get_sheet(const std::string& sheet_id, std::function<void(const ApiResult<std::string>&)> done) {
    return impl_->start(get_sheet_request(config(), sheet_id),
                        make_finisher<std::string>(ApiCall::GetSheet, sheet_id, std::move(done), body_text));
}

ApiCallId ApiClient::get_records(const std::string& sheet_id, int page_size, int page_number,
                                 std::function<void(const ApiResult<std::string>&)> done) {
    return impl_->start(get_records_request(config(), sheet_id, page_size, page_number),
                        make_finisher<std::string>(ApiCall::GetRecords, sheet_id, std::move(done), body_text));
}

void ApiClient::cancel(ApiCallId id) { impl_->cancel(id); }

void ApiClient::cancel_all() {
    std::vector<ApiCallId> ids;
    for (const auto& entry : impl_->calls) ids.push_back(entry.first);
    for (ApiCallId id : ids) impl_->cancel(id);
}

void ApiClient::tick(std::int64_t now_ms) {
    // Keep the state alive even if a callback destroys this client.
    std::shared_ptr<Impl> keep = impl_;
    keep->tick(now_ms);
}

bool ApiClient::busy() const { return !impl_->calls.empty(); }

std::optional<std::int64_t> ApiClient::next_retry_ms() const {
    std::optional<std::int64_t> next;
    for (const auto& [id, call] : impl_->calls)
        if (!call.in_flight && !call.cancelled && (!next || call.due_ms < *next)) next = call.due_ms;
    return next;
}

}  // namespace pm
