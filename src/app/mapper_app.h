// The widget's application logic, shared by the desktop and web builds: loads the job's plan
// through the API (or starts from a given plan), keeps the mapping session, draws the panel,
// submits the plan, and tells the host what happened. Knows nothing of GLFW, WebGL or the DOM.
#pragma once

#include "app/app_config.h"
#include "app/app_host.h"
#include "core/api_client.h"
#include "core/http_client.h"
#include "core/session.h"
#include "ui/mapping_panel.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace pm {

class MapperApp {
public:
    MapperApp(AppConfig config, HttpClient& http, AppHost& host);

    void start(double now_ms);
    // Runs network callbacks and retries due by now; call once per frame before draw().
    void update(double now_ms);
    // Draws the panel inside an ImGui frame and carries out what the person asked for.
    void draw();
    // When the next frame is wanted: 0 as soon as possible, >0 after that many ms, -1 not at all.
    double next_frame_delay_ms(double now_ms) const;
    // The plan as it stands (what a submit would send), as JSON text; "null" before it is loaded.
    std::string plan_json() const;
    // Asks to submit the plan (the PUT), as the panel's Submit button does.
    void submit();

    const Session* session() const { return session_.get(); }

private:
    void load_plan();
    void on_plan_loaded(JobPlan job_plan);
    void report_error(const ApiError& error, const char* during);
    void notify_change();

    AppConfig config_;
    AppHost& host_;
    ApiClient api_;
    std::optional<Job> job_;
    std::unique_ptr<Session> session_;
    std::uint64_t notified_revision_ = 0;
    std::uint64_t submitted_revision_ = 0;
    bool submitting_ = false;
    ui::PanelStatus status_;
    ui::PanelState panel_state_;
};

}  // namespace pm
