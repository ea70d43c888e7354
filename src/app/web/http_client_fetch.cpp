// emscripten_fetch transport. Pitfalls handled here (see shared toolchain notes):
// - EMSCRIPTEN_FETCH_REPLACE, or fetch consults IndexedDB first;
// - the request body is not copied: it lives in the Transfer until a callback has run;
// - non-2xx responses arrive in onerror with their body; status 0 means a network/CORS failure;
// - emscripten_fetch_close on an in-flight fetch calls onerror synchronously (status 65535), so a
//   cancelled transfer is marked first and that re-entrant callback is recognised and ignored.
#include "app/web/http_client_fetch.h"

#include "core/json/text.h"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace pm {

struct FetchHttpClient::Transfer {
    FetchHttpClient* owner = nullptr;
    HttpRequestId id = 0;
    HttpRequest request;
    HttpCallback on_done;
    std::vector<std::string> header_storage;                    // keeps the C strings alive
    std::vector<const char*> header_pointers;
    emscripten_fetch_t* fetch = nullptr;
    bool closing = false;
    double started_ms = 0;
};

namespace {

void on_success(emscripten_fetch_t* fetch) {
    auto* transfer = static_cast<FetchHttpClient::Transfer*>(fetch->userData);
    transfer->owner->on_fetch_done(transfer, fetch, true);
}

void on_error(emscripten_fetch_t* fetch) {
    auto* transfer = static_cast<FetchHttpClient::Transfer*>(fetch->userData);
    transfer->owner->on_fetch_done(transfer, fetch, false);
}

HttpHeaders parse_headers(emscripten_fetch_t* fetch) {
    HttpHeaders headers;
    const size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return headers;
    std::string raw(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
    size_t start = 0;
    while (start < raw.size()) {
        size_t end = raw.find("\r\n", start);
        if (end == std::string::npos) end = raw.find('\0', start);
        if (end == std::string::npos) end = raw.size();
        std::string line = raw.substr(start, end - start);
        start = end + 2;
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string_view text(line);
        headers.emplace_back(lower_ascii(text.substr(0, colon)), std::string(trim_ascii(text.substr(colon + 1))));
    }
    return headers;
}

}  // namespace

FetchHttpClient::FetchHttpClient(std::function<void()> wake) : wake_(std::move(wake)) {}

FetchHttpClient::~FetchHttpClient() {
    for (auto& [id, transfer] : transfers_) {
        transfer->closing = true;
        if (transfer->fetch) emscripten_fetch_close(transfer->fetch);
    }
}

HttpRequestId FetchHttpClient::send(HttpRequest request, HttpCallback on_done) {
    auto transfer = std::make_unique<Transfer>();
    transfer->owner = this;
    transfer->id = next_id_++;
    transfer->request = std::move(request);
    transfer->on_done = std::move(on_done);
    for (const auto& [name, value] : transfer->request.headers) {
        transfer->header_storage.push_back(name);
        transfer->header_storage.push_back(value);
    }
    for (const auto& s : transfer->header_storage) transfer->header_pointers.push_back(s.c_str());
    transfer->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, transfer->request.method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.requestHeaders = transfer->header_pointers.data();
    attr.timeoutMSecs = static_cast<unsigned long>(transfer->request.timeout_ms);
    if (!transfer->request.body.empty()) {
        attr.requestData = transfer->request.body.data();
        attr.requestDataSize = transfer->request.body.size();
    }
    attr.userData = transfer.get();
    attr.onsuccess = on_success;
    attr.onerror = on_error;

    const HttpRequestId id = transfer->id;
    Transfer* raw = transfer.get();
    transfers_.emplace(id, std::move(transfer));
    raw->started_ms = emscripten_get_now();
    raw->fetch = emscripten_fetch(&attr, raw->request.url.c_str());
    return id;
}

void FetchHttpClient::on_fetch_done(Transfer* transfer, void* fetch_ptr, bool success) {
    auto* fetch = static_cast<emscripten_fetch_t*>(fetch_ptr);
    if (transfer->closing) return;                              // re-entry from our own close
    HttpResponse response;
    if (fetch->status == 0) {
        response.outcome = HttpOutcome::NetworkError;
        response.error = "network error (connection failed or blocked by CORS)";
    } else {
        response.outcome = HttpOutcome::Completed;
        response.status = fetch->status;
        response.headers = parse_headers(fetch);
        if (fetch->data && fetch->numBytes > 0) response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    }
    (void)success;  // non-2xx also arrive in onerror: the status tells them apart
    // XHR's ontimeout reaches onerror with status 0 and nothing else to tell it from a network
    // failure, so the elapsed time decides.
    const double elapsed_ms = emscripten_get_now() - transfer->started_ms;
    if (response.outcome == HttpOutcome::NetworkError && transfer->request.timeout_ms > 0 &&
        elapsed_ms + 50 >= transfer->request.timeout_ms) {
        response.outcome = HttpOutcome::TimedOut;
        response.error = "the request timed out";
    }
    finished_.emplace_back(std::move(transfer->on_done), std::move(response));
    transfer->closing = true;
    transfer->fetch = nullptr;
    emscripten_fetch_close(fetch);
    transfers_.erase(transfer->id);
    if (wake_) wake_();
}

void FetchHttpClient::cancel(HttpRequestId id) {
    auto it = transfers_.find(id);
    if (it == transfers_.end()) return;
    Transfer* transfer = it->second.get();
    transfer->closing = true;
    if (transfer->fetch) emscripten_fetch_close(transfer->fetch);
    HttpResponse response;
    response.outcome = HttpOutcome::Cancelled;
    response.error = "cancelled";
    finished_.emplace_back(std::move(transfer->on_done), std::move(response));
    transfers_.erase(it);
}

void FetchHttpClient::poll() {
    // Callbacks may send new requests (a retry) that finish later; take the current batch only.
    auto batch = std::move(finished_);
    finished_.clear();
    for (auto& [callback, response] : batch)
        if (callback) callback(response);
}

bool FetchHttpClient::busy() const { return !transfers_.empty() || !finished_.empty(); }

}  // namespace pm
