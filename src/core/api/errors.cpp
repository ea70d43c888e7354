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

// The English sentence and the catalog message for a status, side by side.
struct StatusText {
    std::string english;
    MessageRef text;
};

StatusText status_message(int status, ApiCall call, const std::string& job_id) {
    const std::string what = to_string(call);
    const std::string status_text = std::to_string(status);
    auto with_call = [&](const char* key) { return MessageRef(key).with_messages("call", {MessageRef(call_message_id(call))}); };
    if (call == ApiCall::GetSheet || call == ApiCall::GetRecords) {
        // job_id holds the sheet id for these calls.
        if (status == 403)
            return {"You do not have access to the file's sheet " + job_id + ".",
                    MessageRef("api.sheetForbidden").with("sheet", job_id)};
        if (status == 404)
            return {"The file's sheet " + job_id + " was not found.", MessageRef("api.sheetNotFound").with("sheet", job_id)};
    }
    switch (status) {
        case 400: return {"Flatfile did not accept the request to " + what + ".", with_call("api.badRequest")};
        case 401: return {"Your sign-in has expired or the API key is not valid. Sign in again.", MessageRef("api.unauthorized")};
        case 403:
            return {"You do not have access to job " + job_id + ". Sign in with an account that has access.",
                    MessageRef("api.forbidden").with("job", job_id)};
        case 404:
            return {"Job " + job_id + " was not found. It may have been deleted, or the job id is wrong.",
                    MessageRef("api.notFound").with("job", job_id)};
        case 408: return {"Flatfile took too long to answer (" + what + "). Try again.", with_call("api.requestTimeout")};
        case 409:
            return {"Job " + job_id + " changed on the server meanwhile. Reload the plan and try again.",
                    MessageRef("api.conflict").with("job", job_id)};
        case 422: return {"Flatfile could not accept the plan.", MessageRef("api.unprocessable")};
        case 429:
            return {"Flatfile is receiving too many requests. Wait a moment and try again.", MessageRef("api.tooManyRequests")};
        default: break;
    }
    if (status >= 500 && status <= 599)
        return {"Flatfile had a problem on its side (HTTP " + status_text + ") and could not " + what +
                    ". Try again in a few minutes.",
                with_call("api.serverError").with("status", status_text)};
    return {"Flatfile answered the request to " + what + " with HTTP " + status_text + ".",
            with_call("api.otherStatus").with("status", status_text)};
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
            error.text = MessageRef("api.network");
            return error;
        case HttpOutcome::TimedOut:
            error.kind = ApiErrorKind::Timeout;
            error.message = "Flatfile did not answer in time. Try again.";
            error.text = MessageRef("api.timeout");
            return error;
        case HttpOutcome::Cancelled:
            error.kind = ApiErrorKind::Cancelled;
            error.message = "Cancelled.";
            error.text = MessageRef("api.cancelled");
            return error;
        case HttpOutcome::Refused:
            error.kind = ApiErrorKind::Refused;
            error.message = response.error;    // the guard's reason, written for a person
            error.text = response.refusal;
            return error;
        case HttpOutcome::Completed: break;
    }
    error.kind = ApiErrorKind::Http;
    error.status = response.status;
    error.server_messages = parse_error_body(response.body);
    StatusText said = status_message(response.status, call, job_id);
    error.message = std::move(said.english);
    error.text = std::move(said.text);
    // 401 says all there is to say; elsewhere the server's words help (which field, which id).
    // They are the server's data: shown as they came, in whatever language it wrote them.
    if (!error.server_messages.empty() && response.status != 401) {
        error.message += " Flatfile says: " + joined(error.server_messages);
        error.text = MessageRef("api.serverSays")
                         .with_messages("message", {std::move(error.text)})
                         .with("details", joined(error.server_messages));
    }
    return error;
}

ApiError bad_response_error(ApiCall call, Problems problems) {
    ApiError error;
    error.kind = ApiErrorKind::BadResponse;
    error.message = std::string("Flatfile's answer to the request to ") + to_string(call) +
                    " could not be read. Try again; if it keeps happening, report it.";
    error.text = MessageRef("api.unreadable").with_messages("call", {MessageRef(call_message_id(call))});
    error.problems = std::move(problems);
    return error;
}

const char* call_message_id(ApiCall call) {
    switch (call) {
        case ApiCall::GetJob: return "api.callGetJob";
        case ApiCall::GetPlan: return "api.callGetPlan";
        case ApiCall::PutPlan: return "api.callPutPlan";
        case ApiCall::PatchPlan: return "api.callPatchPlan";
        case ApiCall::Execute: return "api.callExecute";
        case ApiCall::GetSheet: return "api.callGetSheet";
        case ApiCall::GetRecords: return "api.callGetRecords";
    }
    return "api.callGetPlan";
}

}  // namespace pm
