// The widget's application logic, shared by the desktop and web builds: loads the job's plan
// through the API (or starts from a given plan), keeps the mapping session, draws the panel and
// tells the host what happened. Knows nothing of GLFW, WebGL or the DOM.
#pragma once

#include "app/app_config.h"
#include "app/app_host.h"
#include "core/http_client.h"
#include "core/plan_model.h"
#include "ui/mapping_panel.h"

#include <optional>
#include <string>

namespace pm {

class MapperApp {
public:
    MapperApp(AppConfig config, HttpClient& http, AppHost& host);

    void start(double now_ms);
    // Runs network callbacks and retries due by now; call once per frame before draw().
    void update(double now_ms);
    // Draws the panel inside an ImGui frame.
    void draw();
    // When the next frame is wanted: 0 as soon as possible, >0 after that many ms, -1 not at all.
    double next_frame_delay_ms(double now_ms) const;
    // The plan as it stands (what a submit would send), as JSON text.
    std::string plan_json() const;

private:
    void load_plan();
    void fail(const std::string& message);

    AppConfig config_;
    HttpClient& http_;
    AppHost& host_;
    std::optional<JobPlan> job_plan_;
    ui::PanelStatus status_;
    ui::PanelState panel_state_;
};

}  // namespace pm
