// Running API calls to completion from the command line: the ApiClient (with its retries) over
// libcurl, driven by a loop until the one call in flight has its result. Token and base URL come
// from the environment like the official SDK (FLATFILE_BEARER_TOKEN or FLATFILE_API_KEY;
// FLATFILE_API_URL) unless --api-url is given.
#pragma once

#include "cli/cli_args.h"
#include "core/api/client.h"
#include "core/profile/records_reader.h"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace pm::cli {

class ApiSession {
public:
    // Empty api_url: $FLATFILE_API_URL, else the default. `problem` is set when unusable
    // (no token, a base URL that is not https outside loopback).
    ApiSession(const std::string& api_url, std::string& problem);
    ~ApiSession();

    std::optional<JobPlan> get_plan(const std::string& job_id, ApiError& error);
    std::optional<JobPlan> put_plan(const std::string& job_id, const std::string& file_id, const ExecutionPlan& plan,
                                    ApiError& error);
    std::optional<bool> execute(const std::string& job_id, ApiError& error);
    // Reads the job's source sheet into a profile until the end, a limit or a failure (the reader
    // says which). The job from a plan response names the sheet; without one, GET /jobs/{id}.
    std::unique_ptr<profile::RecordsReader> read_records(const Job& job, profile::ReaderOptions options);
    const std::string& base_url() const { return base_url_; }

private:
    void run_until_idle();
    // Starts one call (start(callback)) and waits for it: its value, or nullopt with `error` set.
    template <typename T, typename Start>
    std::optional<T> await(Start start, ApiError& error);

    std::string base_url_;
    std::unique_ptr<HttpClient> http_;
    std::unique_ptr<ApiClient> api_;
};

// Exit code for a failed call: 3 network or server trouble, 4 sign-in or access problems.
int exit_code_for(const ApiError& error);

// The --api-url option's value, or "" ($FLATFILE_API_URL, else the default).
std::string api_url_option(const ParsedArgs& args);

// What the commands that start from a job's plan (profile, automap) begin with: a session for
// --api-url and the job's plan from GET. When `api` is null, the problem is written to `err` and
// exit_code says which: 2 an unusable session (no token, a bad URL), 3 or 4 a failed GET.
struct LoadedJobPlan {
    std::unique_ptr<ApiSession> api;
    JobPlan job_plan;
    int exit_code = 0;
};
LoadedJobPlan load_job_plan(const ParsedArgs& args, const std::string& job_id, std::ostream& err);

}  // namespace pm::cli
