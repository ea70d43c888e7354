// Loading and state of one widget instance.
#include "app/mapper_app.h"

#include "core/json_problems.h"
#include "core/plan_parse.h"
#include "core/plan_write.h"

namespace pm {

MapperApp::MapperApp(AppConfig config, HttpClient& http, AppHost& host)
    : config_(std::move(config)), http_(http), host_(host) {
    status_.job_id = config_.job_id;
    status_.file_id = config_.file_id;
}

void MapperApp::start(double /*now_ms*/) {
    if (!config_.plan_json.empty()) {
        auto parsed = parse_plan_document(config_.plan_json);
        if (!parsed.value) {
            fail(parsed.problems.empty() ? "The plan could not be read." : to_string(parsed.problems.front()));
            return;
        }
        JobPlan job_plan;
        if (parsed.value->job_plan) job_plan = *parsed.value->job_plan;
        job_plan.plan = parsed.value->plan;
        if (job_plan.job.id.empty()) job_plan.job.id = parsed.value->job_id.empty() ? config_.job_id : parsed.value->job_id;
        job_plan_ = std::move(job_plan);
        status_.job_id = job_plan_->job.id;
        host_.notify("ready", "{}");
        return;
    }
    load_plan();
}

void MapperApp::load_plan() {
    status_.loading = true;
    HttpRequest request;
    request.method = "GET";
    std::string base = config_.api_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (base.size() < 3 || base.compare(base.size() - 3, 3, "/v1") != 0) base += "/v1";
    request.url = base + "/jobs/" + config_.job_id + "/plan";
    request.headers = {{"Authorization", "Bearer " + config_.token}, {"X-Disable-Hooks", "true"}, {"Accept", "application/json"}};
    http_.send(std::move(request), [this](const HttpResponse& response) {
        status_.loading = false;
        if (response.outcome != HttpOutcome::Completed || response.status != 200) {
            fail("Could not load the plan (status " + std::to_string(response.status) + ")");
            return;
        }
        auto parsed = parse_job_plan_response(response.body);
        if (!parsed.value) {
            fail(parsed.problems.empty() ? "The plan could not be read." : to_string(parsed.problems.front()));
            return;
        }
        job_plan_ = std::move(parsed.value);
        status_.job_id = job_plan_->job.id;
        status_.file_id = job_plan_->job.file_id;
        status_.job_status = job_plan_->job.status;
        host_.notify("ready", "{}");
    });
}

void MapperApp::fail(const std::string& message) {
    status_.message = message;
    Json detail = {{"message", message}};
    host_.notify("error", dump_json(detail));
}

void MapperApp::update(double /*now_ms*/) { http_.poll(); }

void MapperApp::draw() { ui::draw_mapping_panel(job_plan_ ? &job_plan_->plan : nullptr, status_, panel_state_); }

double MapperApp::next_frame_delay_ms(double /*now_ms*/) const { return http_.busy() ? 50 : -1; }

std::string MapperApp::plan_json() const { return job_plan_ ? dump_json(write_plan(job_plan_->plan)) : "null"; }

}  // namespace pm
