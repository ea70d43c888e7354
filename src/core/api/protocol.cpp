// Request builders for the plan endpoints; see protocol.h.
#include "core/api/protocol.h"

#include "core/json/problems.h"
#include "core/json/text.h"

namespace pm {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

HttpRequest make_request(const ApiConfig& config, const char* method, const std::string& path) {
    HttpRequest request;
    request.method = method;
    request.url = normalize_base_url(config.base_url) + path;
    request.timeout_ms = config.timeout_ms;
    if (!config.token.empty()) request.headers.emplace_back("Authorization", "Bearer " + config.token);
    // The SDK always sends it (OAS marks it required, enum ["true"]); its effect is undocumented.
    request.headers.emplace_back("X-Disable-Hooks", "true");
    request.headers.emplace_back("Accept", "application/json");
    return request;
}

void set_body(HttpRequest& request, std::string body) {
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = std::move(body);
}

std::string job_path(const std::string& job_id) { return "/jobs/" + percent_encode(job_id); }

}  // namespace

std::string normalize_base_url(std::string_view url) {
    url = trim_ascii(url);
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    if (url.empty()) return kDefaultBaseUrl;
    std::string out(url);
    if (!ends_with(out, "/v1")) out += "/v1";
    return out;
}

std::string base_url_problem(std::string_view url) {
    const std::string normalized = normalize_base_url(url);
    const bool https = normalized.rfind("https://", 0) == 0;
    const bool http = normalized.rfind("http://", 0) == 0;
    if (!https && !http) return "the API address must start with https:// (or http:// for a local server)";
    const std::size_t host_start = normalized.find("//") + 2;
    if (host_start >= normalized.size() || normalized[host_start] == '/') return "the API address has no host name";
    for (char c : normalized)
        if (is_ascii_space(c) || static_cast<unsigned char>(c) < 0x20)
            return "the API address must not contain spaces";
    return {};
}

std::string percent_encode(std::string_view text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);  // locale-independent on purpose
        const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

const char* to_string(ApiCall call) {
    switch (call) {
        case ApiCall::GetJob: return "get job";
        case ApiCall::GetPlan: return "get plan";
        case ApiCall::PutPlan: return "save plan";
        case ApiCall::PatchPlan: return "update plan";
        case ApiCall::Execute: return "run job";
        case ApiCall::GetSheet: return "get the sheet";
        case ApiCall::GetRecords: return "read the file's rows";
    }
    return "";
}

HttpRequest get_job_request(const ApiConfig& config, const std::string& job_id) {
    return make_request(config, "GET", job_path(job_id));
}

HttpRequest get_sheet_request(const ApiConfig& config, const std::string& sheet_id) {
    return make_request(config, "GET", "/sheets/" + percent_encode(sheet_id));
}

HttpRequest get_records_request(const ApiConfig& config, const std::string& sheet_id, int page_size, int page_number) {
    return make_request(config, "GET", "/sheets/" + percent_encode(sheet_id) + "/records?pageSize=" +
                                           std::to_string(page_size) + "&pageNumber=" + std::to_string(page_number));
}

HttpRequest get_plan_request(const ApiConfig& config, const std::string& job_id) {
    return make_request(config, "GET", job_path(job_id) + "/plan");
}

HttpRequest put_plan_request(const ApiConfig& config, const std::string& job_id, const Json& body) {
    return put_plan_request_text(config, job_id, dump_json(body));
}

HttpRequest patch_plan_request(const ApiConfig& config, const std::string& job_id, const Json& body) {
    return patch_plan_request_text(config, job_id, dump_json(body));
}

HttpRequest put_plan_request_text(const ApiConfig& config, const std::string& job_id, std::string body) {
    HttpRequest request = make_request(config, "PUT", job_path(job_id) + "/plan");
    set_body(request, std::move(body));
    return request;
}

HttpRequest patch_plan_request_text(const ApiConfig& config, const std::string& job_id, std::string body) {
    HttpRequest request = make_request(config, "PATCH", job_path(job_id) + "/plan");
    set_body(request, std::move(body));
    return request;
}

HttpRequest execute_request(const ApiConfig& config, const std::string& job_id) {
    return make_request(config, "POST", job_path(job_id) + "/execute");
}

}  // namespace pm
