// The one asynchronous HTTP seam. Core code talks to Flatfile's API only through this interface;
// the desktop build implements it with libcurl's multi interface, the web build with
// emscripten_fetch, and unit tests with a scripted fake.
//
// Threading contract: send() never blocks, and completion callbacks run only inside poll(), which
// the app calls once per frame on the main thread. So callbacks may touch UI state freely.
#pragma once

#include "core/json/message_ref.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pm {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method;                        // "GET", "PUT", "PATCH", "POST"
    std::string url;                           // absolute
    HttpHeaders headers;
    std::string body;                          // empty for GET
    int timeout_ms = 60000;                    // whole request; the SDK's default is 60 s
};

enum class HttpOutcome {
    Completed,                                 // a status line arrived (any status, 2xx or not)
    NetworkError,                              // refused, reset, DNS, TLS, CORS (web: status 0)
    TimedOut,
    Cancelled,
    Refused,                                   // never sent: the request guard said no (core/api/guard.h)
};

struct HttpResponse {
    HttpOutcome outcome = HttpOutcome::NetworkError;
    int status = 0;                            // HTTP status when Completed, else 0
    HttpHeaders headers;                       // names lower-cased
    std::string body;
    std::string error;                         // transport's own words when not Completed
    MessageRef refusal;                        // Refused: the guard's reason for the panel's catalog

    const std::string* header(const std::string& lower_case_name) const {
        for (const auto& h : headers)
            if (h.first == lower_case_name) return &h.second;
        return nullptr;
    }
};

using HttpRequestId = std::uint64_t;
using HttpCallback = std::function<void(const HttpResponse&)>;

class HttpClient {
public:
    virtual ~HttpClient() = default;
    // Starts a request; on_done runs exactly once, from a later poll() (also when cancelled).
    virtual HttpRequestId send(HttpRequest request, HttpCallback on_done) = 0;
    // Cancels a request in flight; its callback then runs from poll() with outcome Cancelled.
    virtual void cancel(HttpRequestId id) = 0;
    // Advances transfers and runs the callbacks of finished ones. Main thread, once per frame.
    virtual void poll() = 0;
    // True while any request is in flight (the app keeps drawing frames while waiting).
    virtual bool busy() const = 0;
};

}  // namespace pm
