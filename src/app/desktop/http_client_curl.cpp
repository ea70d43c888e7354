// libcurl multi-interface transport. Each request is an easy handle owned by a Transfer; poll()
// drives curl_multi_perform without waiting and reports finished transfers. Completed callbacks
// (including cancellations) run only from poll(), as the HttpClient contract says.
#include "app/desktop/http_client_curl.h"

#include "core/json/text.h"

#include <curl/curl.h>

#include <algorithm>
#include <vector>

namespace pm {

struct CurlHttpClient::Transfer {
    HttpRequest request;
    HttpCallback on_done;
    CURL* easy = nullptr;
    curl_slist* header_list = nullptr;
    HttpResponse response;
    bool cancelled = false;
};

namespace {

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* response = static_cast<HttpResponse*>(user);
    response->body.append(data, size * count);
    return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* response = static_cast<HttpResponse*>(user);
    std::string line(data, size * count);
    // A new status line (e.g. after a redirect or "100 Continue") starts a fresh header set.
    if (line.rfind("HTTP/", 0) == 0) response->headers.clear();
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        const std::string_view text(line);
        response->headers.emplace_back(lower_ascii(text.substr(0, colon)), std::string(trim_ascii(text.substr(colon + 1))));
    }
    return size * count;
}

}  // namespace

CurlHttpClient::CurlHttpClient() {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    multi_ = curl_multi_init();
}

CurlHttpClient::~CurlHttpClient() {
    for (auto& [id, transfer] : transfers_) {
        curl_multi_remove_handle(static_cast<CURLM*>(multi_), transfer->easy);
        curl_easy_cleanup(transfer->easy);
        curl_slist_free_all(transfer->header_list);
    }
    curl_multi_cleanup(static_cast<CURLM*>(multi_));
    curl_global_cleanup();
}

HttpRequestId CurlHttpClient::send(HttpRequest request, HttpCallback on_done) {
    const HttpRequestId id = next_id_++;
    auto transfer = std::make_unique<Transfer>();
    transfer->request = std::move(request);
    transfer->on_done = std::move(on_done);
    CURL* easy = curl_easy_init();
    transfer->easy = easy;
    const HttpRequest& r = transfer->request;

    curl_easy_setopt(easy, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, r.method.c_str());
    if (!r.body.empty() || r.method == "PUT" || r.method == "PATCH" || r.method == "POST") {
        // The body string lives in the Transfer until the handle is cleaned up.
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, r.body.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    }
    for (const auto& [name, value] : r.headers)
        transfer->header_list = curl_slist_append(transfer->header_list, (name + ": " + value).c_str());
    // curl adds "Expect: 100-continue" to large bodies; the API never needs the extra round trip.
    transfer->header_list = curl_slist_append(transfer->header_list, "Expect:");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->header_list);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout_ms));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(r.timeout_ms, 15000)));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    // Never follow redirects: the bearer token must only go to the configured API origin.
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer->response);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer->response);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, reinterpret_cast<void*>(static_cast<uintptr_t>(id)));

    curl_multi_add_handle(static_cast<CURLM*>(multi_), easy);
    transfers_.emplace(id, std::move(transfer));
    return id;
}

void CurlHttpClient::cancel(HttpRequestId id) {
    auto it = transfers_.find(id);
    if (it != transfers_.end()) it->second->cancelled = true;  // reported from the next poll()
}

void CurlHttpClient::finish(HttpRequestId id, HttpResponse response) {
    auto it = transfers_.find(id);
    if (it == transfers_.end()) return;
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    transfers_.erase(it);
    curl_multi_remove_handle(static_cast<CURLM*>(multi_), transfer->easy);
    curl_easy_cleanup(transfer->easy);
    curl_slist_free_all(transfer->header_list);
    if (transfer->on_done) transfer->on_done(response);
}

void CurlHttpClient::poll() {
    // Cancelled transfers first, so a cancel never races a completion in the same frame.
    std::vector<HttpRequestId> cancelled;
    for (const auto& [id, transfer] : transfers_)
        if (transfer->cancelled) cancelled.push_back(id);
    for (HttpRequestId id : cancelled) {
        HttpResponse response;
        response.outcome = HttpOutcome::Cancelled;
        response.error = "cancelled";
        finish(id, std::move(response));
    }

    int running = 0;
    curl_multi_perform(static_cast<CURLM*>(multi_), &running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(static_cast<CURLM*>(multi_), &queued)) {
        if (message->msg != CURLMSG_DONE) continue;
        void* priv = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &priv);
        const auto id = static_cast<HttpRequestId>(reinterpret_cast<uintptr_t>(priv));
        auto it = transfers_.find(id);
        if (it == transfers_.end()) continue;
        HttpResponse response = std::move(it->second->response);
        const CURLcode code = message->data.result;
        if (code == CURLE_OK) {
            long status = 0;
            curl_easy_getinfo(message->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            response.outcome = HttpOutcome::Completed;
            response.status = static_cast<int>(status);
        } else {
            response.outcome = code == CURLE_OPERATION_TIMEDOUT ? HttpOutcome::TimedOut : HttpOutcome::NetworkError;
            response.status = 0;
            response.error = curl_easy_strerror(code);
        }
        finish(id, std::move(response));
    }
}

bool CurlHttpClient::busy() const { return !transfers_.empty(); }

}  // namespace pm
