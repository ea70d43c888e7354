// The blocking wrapper around ApiClient for the CLI (the widget itself never blocks).
#include "cli/api_session.h"

#include "app/desktop/http_client_curl.h"
#include "cli/commands.h"
#include "core/api/protocol.h"

#include <chrono>
#include <cstdlib>
#include <ostream>
#include <thread>

namespace pm::cli {

namespace {

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

ApiSession::ApiSession(const std::string& api_url, std::string& problem) {
    std::string url = api_url;
    if (url.empty() && env("FLATFILE_API_URL")) url = env("FLATFILE_API_URL");
    base_url_ = normalize_base_url(url);
    if (std::string why = base_url_problem(base_url_); !why.empty()) {
        problem = why;
        return;
    }
    ApiClientOptions options;
    options.config.base_url = base_url_;
    if (const char* token = env("FLATFILE_BEARER_TOKEN")) options.config.token = token;
    else if (const char* key = env("FLATFILE_API_KEY")) options.config.token = key;
    if (options.config.token.empty()) {
        problem = "no token: set FLATFILE_BEARER_TOKEN (or FLATFILE_API_KEY)";
        return;
    }
    http_ = std::make_unique<CurlHttpClient>();
    api_ = std::make_unique<ApiClient>(*http_, options);
}

ApiSession::~ApiSession() = default;

void ApiSession::run_until_idle() {
    // Bounded by the client's own timeouts and retry cap; the sleep keeps the loop from spinning.
    while (api_->busy()) {
        api_->tick(now_ms());
        if (api_->busy()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

template <typename T, typename Start>
std::optional<T> ApiSession::await(Start start, ApiError& error) {
    std::optional<T> out;
    start([&](const ApiResult<T>& result) {
        if (result.ok()) out = result.value;
        else error = result.error;
    });
    run_until_idle();
    return out;
}

std::optional<JobPlan> ApiSession::get_plan(const std::string& job_id, ApiError& error) {
    return await<JobPlan>([&](auto done) { api_->get_plan(job_id, done); }, error);
}

std::optional<JobPlan> ApiSession::put_plan(const std::string& job_id, const std::string& file_id,
                                            const ExecutionPlan& plan, ApiError& error) {
    return await<JobPlan>([&](auto done) { api_->put_plan(job_id, file_id, plan, done); }, error);
}

std::optional<bool> ApiSession::execute(const std::string& job_id, ApiError& error) {
    return await<bool>([&](auto done) { api_->execute(job_id, done); }, error);
}

std::unique_ptr<profile::RecordsReader> ApiSession::read_records(const Job& job, profile::ReaderOptions options) {
    auto reader = std::make_unique<profile::RecordsReader>(*api_, std::move(options));
    if (!profile::source_sheet_id(job).empty()) reader->start_from_job(job);
    else reader->start_from_job(job.id);
    run_until_idle();
    return reader;
}

int exit_code_for(const ApiError& error) {
    if (error.kind == ApiErrorKind::Http && (error.status == 401 || error.status == 403)) return kExitAuth;
    return kExitApi;
}

std::string api_url_option(const ParsedArgs& args) {
    const auto it = args.options.find("api-url");
    return it == args.options.end() ? std::string() : it->second;
}

LoadedJobPlan load_job_plan(const ParsedArgs& args, const std::string& job_id, std::ostream& err) {
    LoadedJobPlan out;
    std::string problem;
    auto api = std::make_unique<ApiSession>(api_url_option(args), problem);
    if (!problem.empty()) {
        err << "plan-mapper: " << problem << '\n';
        out.exit_code = kExitUsage;
        return out;
    }
    ApiError error;
    std::optional<JobPlan> loaded = api->get_plan(job_id, error);
    if (!loaded) {
        err << "plan-mapper: loading the plan: " << error.message << '\n';
        out.exit_code = exit_code_for(error);
        return out;
    }
    out.api = std::move(api);
    out.job_plan = std::move(*loaded);
    return out;
}

}  // namespace pm::cli
