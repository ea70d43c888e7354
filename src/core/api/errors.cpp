// Status-aware error messages; see errors.h.
#include "core/api/errors.h"

#include "core/json/parse.h"

namespace pm {

std::vector<ServerMessage> parse_error_body(std::string_view body) {
    std::vector<ServerMessage> out;
    ProblemSink ignored(0);
    Json document;
    JsonLimits limits;
    limits.max_bytes = std::size_t{1} << 20;  // error bodies are small; do not spend on big ones
    if (!parse_json_text(body, document, ignored, limits) || !document.is_object()) return out;
    const auto errors = document.find("errors");
    if (errors == document.end() || !errors->is_array()) return out;
    for (const auto& item : *errors) {
        if (!item.is_object()) continue;
        const auto message = item.find("message");
        if (message == item.end() || !message->is_string()) continue;
        ServerMessage entry;
        entry.message = message->get<std::string>();
        const auto key = item.find("key");
        if (key != item.end() && key->is_string()) entry.key = key->get<std::string>();
        out.push_back(std::move(entry));
        if (out.size() >= 20) break;  // enough to explain; the rest is noise
    }
    return out;
}

namespace {

std::string status_message(int status, ApiCall call, const std::string& job_id) {
    const std::string what = to_string(call);
    if (call == ApiCall::GetSheet || call == ApiCall::GetRecords) {
        // job_id holds the sheet id for these calls.
        if (status == 403) return "You do not have access to the file's sheet " + job_id + ".";
        if (status == 404) return "The file's sheet " + job_id + " was not found.";
    }
    switch (status) {
        case 400: return "Flatfile did not accept the request to " + what + ".";
        case 401: return "Your sign-in has expired or the API key is not valid. Sign in again.";
        case 403: return "You do not have access to job " + job_id + ". Sign in with an account that has access.";
        case 404: return "Job " + job_id + " was not found. It may have been deleted, or the job id is wrong.";
        case 408: return "Flatfile took too long to answer (" + what + "). Try again.";
        case 409: return "Job " + job_id + " changed on the server meanwhile. Reload the plan and try again.";
        case 422: return "Flatfile could not accept the plan.";
        case 429: return "Flatfile is receiving too many requests. Wait a moment and try again.";
        default: break;
    }
    if (status >= 500 && status <= 599)
        return "Flatfile had a problem on its side (HTTP " + std::to_string(status) + ") and could not " + what +
               ". Try again in a few minutes.";
    return "Flatfile answered the request to " + what + " with HTTP " + std::to_string(status) + ".";
}

std::string joined(const std::vector<ServerMessage>& messages) {
    std::string out;
    for (const auto& m : messages) {
        if (!out.empty()) out += "; ";
        out += m.key.empty() ? m.message : m.key + ": " + m.message;
    }
    return out;
}

}  // namespace

ApiError error_from_response(const HttpResponse& response, ApiCall call, const std::string& job_id) {
    ApiError error;
    error.transport_error = response.error;
    switch (response.outcome) {
        case HttpOutcome::NetworkError:
            error.kind = ApiErrorKind::Network;
            error.message = "Could not reach Flatfile. Check the network connection and try again.";
            return error;
        case HttpOutcome::TimedOut:
            error.kind = ApiErrorKind::Timeout;
            error.message = "Flatfile did not answer in time. Try again.";
            return error;
        case HttpOutcome::Cancelled:
            error.kind = ApiErrorKind::Cancelled;
            error.message = "Cancelled.";
            return error;
        case HttpOutcome::Refused:
            error.kind = ApiErrorKind::Refused;
            error.message = response.error;    // the guard's reason, written for a person
            return error;
        case HttpOutcome::Completed: break;
    }
    error.kind = ApiErrorKind::Http;
    error.status = response.status;
    error.server_messages = parse_error_body(response.body);
    error.message = status_message(response.status, call, job_id);
    // 401 says all there is to say; elsewhere the server's words help (which field, which id).
    if (!error.server_messages.empty() && response.status != 401)
        error.message += " Flatfile says: " + joined(error.server_messages);
    return error;
}

ApiError bad_response_error(ApiCall call, Problems problems) {
    ApiError error;
    error.kind = ApiErrorKind::BadResponse;
    error.message = std::string("Flatfile's answer to the request to ") + to_string(call) +
                    " could not be read. Try again; if it keeps happening, report it.";
    error.problems = std::move(problems);
    return error;
}

}  // namespace pm
