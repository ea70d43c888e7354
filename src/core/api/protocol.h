// The Flatfile plan endpoints as HTTP requests: base URL handling, path encoding, headers.
// Pure functions; sending is HttpClient's job (core/api/http_client.h), retrying ApiClient's.
#pragma once

#include "core/api/http_client.h"
#include "core/plan/model.h"

#include <string>
#include <string_view>

namespace pm {

// The official SDK's default (NODE src/environments.ts).
inline constexpr const char* kDefaultBaseUrl = "https://api.x.flatfile.com/v1";

// Like the SDK: surrounding spaces and trailing slashes are dropped and "/v1" is appended unless
// the URL already ends with it; empty means the default. So the regional
// "https://platform.eu.flatfile.com/api" becomes "https://platform.eu.flatfile.com/api/v1".
std::string normalize_base_url(std::string_view url);
// Empty when `url` (after normalising) can be used; otherwise why not, for a person.
std::string base_url_problem(std::string_view url);

// RFC 3986 percent-encoding of everything outside the unreserved set A-Z a-z 0-9 - . _ ~
// (stricter than encodeURIComponent, which the SDK uses, so ids can never change the path).
std::string percent_encode(std::string_view text);

struct ApiConfig {
    std::string base_url = kDefaultBaseUrl;    // normalised by the request builders
    std::string token;                         // secret key or access token; no header when empty
    int timeout_ms = 60000;                    // per attempt, as the SDK
};

enum class ApiCall { GetJob, GetPlan, PutPlan, PatchPlan, Execute, GetSheet, GetRecords };
const char* to_string(ApiCall call);

// GET /jobs/{jobId}
HttpRequest get_job_request(const ApiConfig& config, const std::string& job_id);
// GET /jobs/{jobId}/plan
HttpRequest get_plan_request(const ApiConfig& config, const std::string& job_id);
// PUT /jobs/{jobId}/plan with a JobExecutionPlanRequest (core/plan/write.h put_body)
HttpRequest put_plan_request(const ApiConfig& config, const std::string& job_id, const Json& body);
// PATCH /jobs/{jobId}/plan with a JobExecutionPlanConfigRequest (core/plan/write.h patch_body)
HttpRequest patch_plan_request(const ApiConfig& config, const std::string& job_id, const Json& body);
// The same with the body as JSON text (core/plan/write.h put_body_text / patch_body_text).
HttpRequest put_plan_request_text(const ApiConfig& config, const std::string& job_id, std::string body);
HttpRequest patch_plan_request_text(const ApiConfig& config, const std::string& job_id, std::string body);
// POST /jobs/{jobId}/execute, no body
HttpRequest execute_request(const ApiConfig& config, const std::string& job_id);
// GET /sheets/{sheetId}
HttpRequest get_sheet_request(const ApiConfig& config, const std::string& sheet_id);
// GET /sheets/{sheetId}/records?pageSize=N&pageNumber=K (pages count from 1, as the SDK's)
HttpRequest get_records_request(const ApiConfig& config, const std::string& sheet_id, int page_size, int page_number);

}  // namespace pm
