// emscripten_fetch transport. Pitfalls handled here (see shared toolchain notes):
// - EMSCRIPTEN_FETCH_REPLACE, or fetch consults IndexedDB first;
// - the request body is not copied: it lives in the Transfer until a callback has run;
// - non-2xx responses arrive in onerror with their body; status 0 means a network/CORS failure;
// - emscripten_fetch_close on an in-flight fetch (3.1.6) calls onerror synchronously and frees the
//   fetch, but does not abort its XHR: when that XHR ends later it writes into the freed fetch and
//   calls our callback with it (reading its headers then throws in the glue). So an in-flight
//   fetch is never closed: a cancelled one (or one still running when the client goes) is
//   abandoned, kept alive until its XHR ends, and closed and freed by its own callback unheard.
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
    bool abandoned = false;  // nobody waits: free it when it ends
    double started_ms = 0;
};

namespace {

// True when the transfer was abandoned: then the fetch is closed (it has ended, so closing it
// calls nothing) and the transfer freed here, and nobody hears of it.
bool freed_if_abandoned(FetchHttpClient::Transfer* transfer, emscripten_fetch_t* fetch) {
    if (!transfer->abandoned) return false;
    emscripten_fetch_close(fetch);
    delete transfer;
    return true;
}

void on_success(emscripten_fetch_t* fetch) {
    auto* transfer = static_cast<FetchHttpClient::Transfer*>(fetch->userData);
    if (!freed_if_abandoned(transfer, fetch)) transfer->owner->on_fetch_done(transfer, fetch, true);
}

void on_error(emscripten_fetch_t* fetch) {
    auto* transfer = static_cast<FetchHttpClient::Transfer*>(fetch->userData);
    if (!freed_if_abandoned(transfer, fetch)) transfer->owner->on_fetch_done(transfer, fetch, false);
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
    for (auto& [id, transfer] : transfers_) abandon(std::move(transfer));
}

void FetchHttpClient::abandon(std::unique_ptr<Transfer> transfer) {
    if (!transfer->fetch) return;  // never started: freed here
    transfer->abandoned = true;
    transfer->owner = nullptr;
    transfer.release();  // its callback frees it (freed_if_abandoned)
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
    transfer->fetch = nullptr;
    emscripten_fetch_close(fetch);  // it has ended: closing calls nothing
    transfers_.erase(transfer->id);
    if (wake_) wake_();
}

void FetchHttpClient::cancel(HttpRequestId id) {
    auto it = transfers_.find(id);
    if (it == transfers_.end()) return;
    HttpResponse response;
    response.outcome = HttpOutcome::Cancelled;
    response.error = "cancelled";
    finished_.emplace_back(std::move(it->second->on_done), std::move(response));
    abandon(std::move(it->second));
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
