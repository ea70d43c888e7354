// Web implementation of pm::HttpClient on emscripten_fetch (the browser's fetch/XHR).
// Browser callbacks arrive between frames; they are queued and handed out from poll(), so the
// HttpClient contract (callbacks only inside poll, on the main thread) holds on the web too.
#pragma once

#include "core/api/http_client.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace pm {

class FetchHttpClient final : public HttpClient {
public:
    // wake runs when a browser callback has queued a result, so the page can schedule a frame
    // (the widget draws nothing while idle, so nobody would otherwise call poll()).
    explicit FetchHttpClient(std::function<void()> wake);
    ~FetchHttpClient() override;
    FetchHttpClient(const FetchHttpClient&) = delete;
    FetchHttpClient& operator=(const FetchHttpClient&) = delete;

    HttpRequestId send(HttpRequest request, HttpCallback on_done) override;
    void cancel(HttpRequestId id) override;
    void poll() override;
    bool busy() const override;

    struct Transfer;                                            // public for the C callbacks
    void on_fetch_done(Transfer* transfer, void* fetch, bool success);

private:
    // Hands a transfer whose fetch may still run to that fetch's own callback, which frees it.
    static void abandon(std::unique_ptr<Transfer> transfer);

    std::function<void()> wake_;
    HttpRequestId next_id_ = 1;
    std::map<HttpRequestId, std::unique_ptr<Transfer>> transfers_;
    std::deque<std::pair<HttpCallback, HttpResponse>> finished_;
};

}  // namespace pm
