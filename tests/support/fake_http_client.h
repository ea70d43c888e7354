// A scripted HttpClient for unit tests: records every request and answers from a queue.
// Like the real transports, callbacks run only from poll(), never from send() or cancel().
#pragma once

#include "core/api/http_client.h"

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pm::test {

class FakeHttpClient final : public HttpClient {
public:
    // Queues the answer to the next request (answers are used in order).
    void script(HttpResponse response) { script_.push_back(std::move(response)); }
    void script_status(int status, std::string body = {}, HttpHeaders headers = {}) {
        HttpResponse r;
        r.outcome = HttpOutcome::Completed;
        r.status = status;
        r.body = std::move(body);
        r.headers = std::move(headers);
        script(std::move(r));
    }
    void script_outcome(HttpOutcome outcome, std::string error = "scripted") {
        HttpResponse r;
        r.outcome = outcome;
        r.error = std::move(error);
        script(std::move(r));
    }
    // While held, requests stay in flight (answered by a later poll after release()).
    void hold(bool on) { hold_ = on; }

    HttpRequestId send(HttpRequest request, HttpCallback on_done) override {
        const HttpRequestId id = next_id_++;
        requests.push_back(request);
        pending_.emplace(id, std::move(on_done));
        return id;
    }

    void cancel(HttpRequestId id) override {
        if (pending_.count(id)) cancelled_.push_back(id);
    }

    void poll() override {
        // Answer in request order; cancelled ones get outcome Cancelled without using the script.
        while (!pending_.empty()) {
            const auto it = pending_.begin();
            const bool cancelled = std::find(cancelled_.begin(), cancelled_.end(), it->first) != cancelled_.end();
            if (!cancelled && (hold_ || script_.empty())) break;
            HttpResponse response;
            if (cancelled) {
                response.outcome = HttpOutcome::Cancelled;
            } else {
                response = std::move(script_.front());
                script_.pop_front();
            }
            HttpCallback callback = std::move(it->second);
            pending_.erase(it);
            ++polls_answered;
            callback(response);
        }
    }

    bool busy() const override { return !pending_.empty(); }

    std::vector<HttpRequest> requests;
    int polls_answered = 0;

private:
    std::deque<HttpResponse> script_;
    std::map<HttpRequestId, HttpCallback> pending_;
    std::vector<HttpRequestId> cancelled_;
    HttpRequestId next_id_ = 1;
    bool hold_ = false;
};

}  // namespace pm::test
