// Desktop implementation of pm::HttpClient on libcurl's multi interface: non-blocking transfers
// advanced from poll() on the main thread, with per-request timeouts and cancellation.
#pragma once

#include "core/api/http_client.h"

#include <map>
#include <memory>

namespace pm {

class CurlHttpClient final : public HttpClient {
public:
    CurlHttpClient();
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    HttpRequestId send(HttpRequest request, HttpCallback on_done) override;
    void cancel(HttpRequestId id) override;
    void poll() override;
    bool busy() const override;

private:
    struct Transfer;
    void finish(HttpRequestId id, HttpResponse response);

    void* multi_ = nullptr;                                     // CURLM*
    HttpRequestId next_id_ = 1;
    std::map<HttpRequestId, std::unique_ptr<Transfer>> transfers_;
};

}  // namespace pm
