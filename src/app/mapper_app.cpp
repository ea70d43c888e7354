// Loading, editing and submitting for one widget instance. Every network result arrives inside
// update() (ApiClient::tick), so the session is only ever touched on the main thread.
#include "app/mapper_app.h"

#include "core/json_problems.h"
#include "core/plan_parse.h"
#include "core/plan_write.h"

#include <chrono>
#include <random>

namespace pm {

namespace {

ApiClientOptions api_options(const AppConfig& config) {
    ApiClientOptions options;
    options.config.base_url = config.api_url.empty() ? kDefaultBaseUrl : config.api_url;
    options.config.token = config.token;
    return options;
}

}  // namespace

MapperApp::MapperApp(AppConfig config, HttpClient& http, AppHost& host)
    : config_(std::move(config)), host_(host), api_(http, api_options(config_)) {
    status_.job_id = config_.job_id;
    status_.file_id = config_.file_id;
}

void MapperApp::start(double /*now_ms*/) {
    if (config_.plan_json.empty()) {
        load_plan();
        return;
    }
    // Offline: a plan (or any plan document) handed over by the host.
    auto parsed = parse_plan_document(config_.plan_json);
    if (!parsed.value) {
        ApiError error;
        error.kind = ApiErrorKind::BadResponse;
        error.message = "The plan could not be read.";
        error.problems = parsed.problems;
        report_error(error, "reading the plan");
        return;
    }
    JobPlan job_plan;
    if (parsed.value->job_plan) job_plan = *parsed.value->job_plan;
    job_plan.plan = std::move(parsed.value->plan);
    if (job_plan.job.id.empty()) job_plan.job.id = parsed.value->job_id.empty() ? config_.job_id : parsed.value->job_id;
    if (job_plan.job.file_id.empty()) job_plan.job.file_id = parsed.value->file_id;
    on_plan_loaded(std::move(job_plan));
}

void MapperApp::load_plan() {
    status_.loading = true;
    status_.message.clear();
    api_.get_plan(config_.job_id, [this](const ApiResult<JobPlan>& result) {
        status_.loading = false;
        if (!result.ok()) {
            report_error(result.error, "loading the plan");
            return;
        }
        on_plan_loaded(*result.value);
    });
}

void MapperApp::on_plan_loaded(JobPlan job_plan) {
    job_ = job_plan.job;
    status_.job_id = job_->id;
    if (!job_->file_id.empty()) status_.file_id = job_->file_id;
    status_.job_status = job_->status;
    SessionOptions options;
    options.allow_one_to_many = config_.allow_one_to_many;
    session_ = std::make_unique<Session>(std::move(job_plan.plan), options);
    notified_revision_ = session_->revision();
    const SessionCounts counts = session_->counts();
    Json detail = {{"jobId", status_.job_id},
                   {"sources", counts.sources()},
                   {"destinations", counts.destinations()},
                   {"mapped", counts.edges}};
    host_.notify("ready", dump_json(detail));
}

void MapperApp::report_error(const ApiError& error, const char* during) {
    status_.message = error.message;
    Json detail = {{"during", during}, {"message", error.message}, {"status", error.status}};
    Json server = Json::array();
    for (const auto& m : error.server_messages) server.push_back({{"key", m.key}, {"message", m.message}});
    detail["serverMessages"] = std::move(server);
    Json problems = Json::array();
    for (const auto& p : error.problems) problems.push_back(to_string(p));
    detail["problems"] = std::move(problems);
    host_.notify("error", dump_json(detail));
}

void MapperApp::notify_change() {
    if (!session_ || session_->revision() == notified_revision_) return;
    notified_revision_ = session_->revision();
    host_.notify("change", dump_json(write_plan(session_->plan())));
}

void MapperApp::submit() {
    if (!session_ || submitting_) return;
    const std::string file_id = !config_.file_id.empty() ? config_.file_id : status_.file_id;
    if (!config_.plan_json.empty()) {
        // Offline: the host keeps the plan (the desktop saves it to its file).
        host_.notify("submit", dump_json(put_body(session_->plan(), status_.job_id, file_id), 2));
        status_.submit_message = "Saved.";
        return;
    }
    submitting_ = true;
    submitted_revision_ = session_->revision();
    status_.submitting = true;
    status_.submit_message.clear();
    api_.put_plan(status_.job_id, file_id, session_->plan(), [this](const ApiResult<JobPlan>& result) {
        submitting_ = false;
        status_.submitting = false;
        if (!result.ok()) {
            status_.submit_message.clear();
            report_error(result.error, "submitting the plan");     // the edits stay in the session
            return;
        }
        status_.message.clear();
        status_.submit_message = "Plan saved.";
        job_ = result.value->job;
        status_.job_status = job_->status;
        // Edits made while the PUT was in flight stay; the confirmed plan becomes the base only
        // when nothing changed meanwhile.
        if (session_->revision() == submitted_revision_) {
            session_->rebase(result.value->plan);
            notified_revision_ = session_->revision();
        }
        host_.notify("submit", dump_json(write_job_plan_response(*result.value)));
    });
}

void MapperApp::update(double now_ms) { api_.tick(static_cast<std::int64_t>(now_ms)); }

void MapperApp::draw() {
    const ui::PanelRequests requests = ui::draw_mapping_panel(session_.get(), status_, panel_state_);
    notify_change();
    if (requests.submit) submit();
}

double MapperApp::next_frame_delay_ms(double now_ms) const {
    if (auto due = api_.next_retry_ms()) return std::max(0.0, static_cast<double>(*due) - now_ms);
    // In flight: the desktop transport must be polled; the web one also wakes the page itself.
    return api_.busy() ? 30 : -1;
}

std::string MapperApp::plan_json() const { return session_ ? dump_json(write_plan(session_->plan())) : "null"; }

}  // namespace pm
