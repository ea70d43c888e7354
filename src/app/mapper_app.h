// The widget's application logic, shared by the desktop and web builds: loads the job's plan
// through the API (or starts from a given plan), keeps the mapping session, draws the panel,
// submits the plan, and tells the host what happened. Knows nothing of GLFW, WebGL or the DOM.
//
// Nothing the person did is lost: a failed submit keeps every edit; edits made while a submit is
// in flight stay and are sent by the next one; the page keeps a draft until the server confirms.
#pragma once

#include "app/app_config.h"
#include "app/app_host.h"
#include "app/app_memory.h"
#include "app/fallback_fonts.h"
#include "app/mirror_actions.h"
#include "app/mirror_model.h"
#include "core/api/client.h"
#include "core/api/http_client.h"
#include "core/profile/records_reader.h"
#include "matcher/field_matcher.h"
#include "core/session/draft.h"
#include "core/session/session.h"
#include "ui/mapping_panel.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pm {

class MapperApp {
public:
    MapperApp(AppConfig config, HttpClient& http, AppHost& host);

    void start(double now_ms);
    // Runs network callbacks and retries due by now; call once per frame before draw().
    // input_pending: this frame carries the person's input (a key, a click): the matcher's
    // background slice waits for a frame without, so the frame that lands an edit stays short.
    void update(double now_ms, bool input_pending = false);
    // Draws the panel inside an ImGui frame and carries out what the person asked for.
    void draw();
    // When the next frame is wanted: 0 as soon as possible, >0 after that many ms, -1 not at all.
    double next_frame_delay_ms(double now_ms) const;

    // What the embedding API offers (web/widget/plan-mapper.js) besides the panel itself.
    std::string plan_json() const;             // the plan as it stands; "null" before it is loaded
    bool set_plan(const std::string& json);    // a new plan to start from; false when unreadable
    void submit();
    bool undo();
    bool redo();
    void set_token(const std::string& token);  // the answer to AppHost::request_token
    // Hands the page the draft an edit left waiting (see draft_due_ms_) now; the web module calls
    // it before it is destroyed.
    void flush_draft();

    // The accessibility mirror (app/mirror_model.h, app/mirror_actions.h; defined in
    // mapper_app_mirror.cpp): its state for a window of rows, one source's destination options,
    // and an action applied like the canvas's, answered with {"ok", "announcement"}.
    std::string mirror_state(const MirrorWindow& window);
    std::string mirror_options(const std::string& source_key, const std::string& query, std::size_t limit) const;
    std::string mirror_action(const std::string& action_json);
    // "" instead of mirror_state() when nothing it shows changed since the last call (so the
    // page's per-frame check costs a comparison, not a JSON document); rows the last answer gave
    // and that are unchanged come as their keys (MirrorRowsSent). `full`: the page kept nothing,
    // so the state comes whole, even when nothing changed.
    std::string mirror_state_if_changed(const MirrorWindow& window, bool full = false);

    // The mapping memory (app/app_memory.h), one JSON request at a time: {"op":"supply","memory":doc|null},
    // {"op":"list"}, {"op":"forget","source":key}, {"op":"remove","header","destination"},
    // {"op":"clear"}, {"op":"export"}, {"op":"import","memory":doc}. Answers {"ok", "message", ...}.
    std::string memory_request(const std::string& request_json);
    const AppMemory& memory() const { return memory_; }

    const Session* session() const { return session_.get(); }
    const ui::PanelStatus& status() const { return status_; }
    const ui::PanelState& panel_state() const { return panel_state_; }

private:
    enum class Operation { None, Load, Submit };

    void load_plan();
    // `from_api`: fetched from the API (not a plan the page gave), so its sheet can be read too.
    void start_session(JobPlan job_plan, bool from_api = false);
    void request_sheet_threshold();
    void apply_suggestions_on_load();
    void send_submit();
    void on_submit_confirmed(const JobPlan& confirmed);
    bool nothing_new_to_send() const;
    void use_server_version();
    void attach_field_messages(const ApiError& error);
    void notify_draft();
    void update_secret_key_warning(const std::string& token);
    void execute_job();
    // Handles a failed call: a 401 asks the host for a token once, then reports.
    void on_failure(const ApiError& error, Operation operation, const char* during);
    void report_error(const ApiError& error, const char* during);
    void restore_draft();
    void after_draw_changes();
    void memory_changed();  // tells the host (AppEvent::Memory) and the panel
    void sync_remembered_marks();
    void sync_memory_view();        // the memory view's rows (ui/memory_view.h)
    void answer_memory_view();      // carries out what the memory view asked
    bool memory_supplied_ = false;  // the host's memory arrived for this plan
    AppMemory memory_;
    // The source rows (core/profile/records_reader.h): read page by page after a plan loads from
    // the API, never holding up the panel or a submit.
    void start_reading_records();
    void update_records();
    void read_offline_records();  // config_.records_json into offline_records_
    void apply_records(const profile::SheetProfile& rows, const std::string& note);

    AppConfig config_;
    AppHost& host_;
    ApiClient api_;
    std::optional<Job> job_;
    std::unique_ptr<Session> session_;
    std::uint64_t notified_revision_ = ~std::uint64_t{0};
    std::uint64_t submitted_revision_ = 0;
    bool submitting_ = false;
    bool submit_again_ = false;                // asked to submit while a submit was in flight
    // The server confirmed the session's base plan in this visit (its last answer to a submit
    // matched what was sent), and its answer, for a repeated submit with nothing new to send.
    bool confirmed_ = false;
    std::string confirmed_response_;
    bool executed_ = false;                    // POST execute succeeded
    // A confirmed plan that differs from the one sent, until the person picks theirs or it.
    std::optional<ExecutionPlan> server_version_;
    Operation waiting_for_token_ = Operation::None;
    bool token_refreshed_ = false;             // one refresh per failure streak, then a clear error
    std::optional<Draft> draft_;               // from an earlier visit, until restored or discarded
    // The draft is worked out once edits pause (kDraftDelayMs after the last, in a frame without
    // input), not in the frame that lands an edit: on a 5,000-field plan it diffs the whole plan.
    std::optional<double> draft_due_ms_;
    double now_ms_ = 0;                        // the time of the last update()
    FallbackFonts fonts_;                      // the faces the plans need beyond the built-in font
    ui::SuggestionsBySource suggestions_;      // the matcher's candidates, per source key
    // The matcher ranks destinations for a slice of the sources per frame, once the plan has been
    // drawn, so a big plan never freezes the page (5,000 x 5,000 in one go: 11 s in wasm).
    std::vector<std::string> sources_to_rank_;
    std::size_t next_to_rank_ = 0;
    std::unique_ptr<match::DestinationRanker> ranker_;
    bool plan_drawn_ = false;                  // the session's plan has been drawn once
    // Suggestions applied on load (config_.auto_apply), once the plan has been drawn and the
    // destination sheet's mappingConfidenceThreshold is known (or could not be read).
    bool auto_apply_due_ = false;
    bool sheet_pending_ = false;
    std::optional<double> sheet_threshold_;
    bool ranking() const { return next_to_rank_ < sources_to_rank_.size(); }
    // The ranking also waits while the person is at work (scrolling, typing): kRankPauseMs after
    // the last frame with input, so its 12 ms slices do not land between the frames they see.
    double last_input_ms_ = -1e9;
    double rank_resume_ms() const;
    void rank_next_slice();
    std::unique_ptr<profile::RecordsReader> records_;
    std::unique_ptr<profile::SheetProfile> offline_records_;  // from config_.records_json
    bool records_applied_ = false;             // the finished reading's enum values went into the session
    match::ColumnValuesByKey column_values_;   // the rows' whole-column summaries, for the matcher
    std::uint64_t problems_revision_ = ~std::uint64_t{0};  // session revision value_problems was built for
    ui::PanelStatus status_;
    ui::PanelState panel_state_;
    std::uint64_t sessions_started_ = 0;       // tells plans apart whose revisions are equal
    std::string mirror_key_;                   // what the mirror was last given (mirror_state_if_changed)
    MirrorRowsSent mirror_sent_;               // the rows it was last given, as written
    std::string mirror_key() const;
    void apply_requests(const ui::PanelRequests& requests);
    MirrorOutcome mirror_request(const ui::PanelRequests& requests);
};

}  // namespace pm
