// Failed API calls as messages a person understands, keeping the server's own per-key messages.
#pragma once

#include "core/api/protocol.h"
#include "core/api/http_client.h"
#include "core/json/message_ref.h"
#include "core/json/problems.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm {

enum class ApiErrorKind {
    None,
    Network,                                   // no answer: offline, DNS, TLS, CORS
    Timeout,
    Cancelled,
    Http,                                      // an answer with a non-2xx status
    BadResponse,                               // a 2xx answer we could not read
    Refused,                                   // not sent: wrong origin, or http to a remote host
};

// One entry of an Errors body: {"errors":[{"key":"jobId","message":"..."}]} (key optional).
struct ServerMessage {
    std::string key;
    std::string message;
};

struct ApiError {
    ApiErrorKind kind = ApiErrorKind::None;
    int status = 0;                            // HTTP status when kind == Http
    std::string message;                       // for a person: what happened, what to do (English: logs, CLI)
    MessageRef text;                           // the same for the panel: a catalog key ("api.*") and its data
    std::vector<ServerMessage> server_messages;
    Problems problems;                         // BadResponse: what was wrong with the body
    std::string transport_error;               // the transport's own words, for logs
};

// The messages of an Errors body; empty when the body is not one (never fails).
std::vector<ServerMessage> parse_error_body(std::string_view body);

// Describes a response that is not a success (any outcome but Completed, or a non-2xx status):
// 401 -> sign in again, 403 -> no access, 404 -> job not found, 429 -> busy, 5xx -> server
// trouble, network error, timeout. The server's messages are appended when it sent any.
ApiError error_from_response(const HttpResponse& response, ApiCall call, const std::string& job_id);

// The catalog key of a call's name ("api.callGetPlan"), for messages that name the call.
const char* call_message_id(ApiCall call);

// A 2xx response whose body we could not read.
ApiError bad_response_error(ApiCall call, Problems problems);

}  // namespace pm
