// Loading, editing and submitting for one widget instance. Every network result arrives inside
// update() (ApiClient::tick), so the session is only ever touched on the main thread.
#include "app/mapper_app.h"

#include "core/session/differences.h"
#include "core/session/draft.h"
#include "app/records_evidence.h"
#include "app/suggestions.h"
#include "matcher/profile_enum_values.h"
#include "matcher/records_values.h"
#include "core/api/guard.h"
#include "core/json/problems.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "matcher/plan_matcher.h"
#include "ui/messages.h"

#include <algorithm>
#include <chrono>

namespace pm {

namespace {

// Suggestions are applied on load when the matcher's assignment stays quick (1,000 x 1,000 pairs:
// about 40 ms natively); a bigger plan keeps them in the pickers and Bulk actions.
constexpr std::size_t kAutoApplyMaxPairs = 1'000'000;
// How long edits must pause before the draft is worked out and handed to the page (which waits
// 400 ms more before it writes; web/widget/drafts.js).
constexpr double kDraftDelayMs = 100;
// How long the matcher's background ranking waits after a frame with input.
constexpr double kRankPauseMs = 250;

ApiClientOptions api_options(const AppConfig& config) {
    ApiClientOptions options;
    options.config.base_url = config.api_url.empty() ? kDefaultBaseUrl : config.api_url;
    options.config.token = config.token;
    return options;
}

// Any plan document (a GET-plan response, a bare plan, a PUT body) as a JobPlan.
std::optional<JobPlan> job_plan_from_text(const std::string& text, const std::string& fallback_job_id, Problems& problems) {
    auto parsed = parse_plan_document(text);
    problems = parsed.problems;
    if (!parsed.value) return std::nullopt;
    JobPlan job_plan;
    if (parsed.value->job_plan) job_plan = std::move(*parsed.value->job_plan);  // moved: no copy of the plan
    job_plan.plan = std::move(parsed.value->plan);
    if (job_plan.job.id.empty()) job_plan.job.id = parsed.value->job_id.empty() ? fallback_job_id : parsed.value->job_id;
    if (job_plan.job.file_id.empty()) job_plan.job.file_id = parsed.value->file_id;
    return job_plan;
}

// The step that failed, in the panel's language (the event's "during" keeps the English name that
// hosts may match on; the mirror's alert says "duringText").
std::string during_text(const std::string& during) {
    if (during == "loading the plan") return ui::tr("app.duringLoad");
    if (during == "submitting the plan") return ui::tr("app.duringSubmit");
    if (during == "starting the import") return ui::tr("app.duringImport");
    if (during == "reading the plan") return ui::tr("app.duringRead");
    return during;
}

}  // namespace

MapperApp::MapperApp(AppConfig config, HttpClient& http, AppHost& host)
    : config_(std::move(config)), host_(host), api_(http, api_options(config_)), fonts_(host) {
    status_.job_id = config_.job_id;
    status_.file_id = config_.file_id;
    update_secret_key_warning(config_.token);
    // The person's decisions from an earlier visit (core/session/draft.h); a draft that does not
    // read is dropped, never fatal.
    if (!config_.draft_json.empty()) draft_ = read_draft(Json::parse(config_.draft_json, nullptr, false));
}

void MapperApp::update_secret_key_warning(const std::string& token) {
    status_.warning =
        should_warn_secret_key(token, config_.page_origin) ? ui::tr(MessageRef(secret_key_warning_id())) : std::string();
}

void MapperApp::start(double /*now_ms*/) {
    if (config_.plan_json.empty()) {
        load_plan();
        return;
    }
    if (!set_plan(config_.plan_json)) config_.plan_json.clear();
    else read_offline_records();
}

bool MapperApp::set_plan(const std::string& json) {
    Problems problems;
    auto job_plan = job_plan_from_text(json, status_.job_id, problems);
    if (!job_plan) {
        ApiError error;
        error.kind = ApiErrorKind::BadResponse;
        // The problem's own words (JSON pointer and what is wrong there) are the reader's English.
        const std::string problem = problems.empty() ? std::string() : to_string(problems.front());
        error.text = problem.empty() ? MessageRef("app.planUnreadable").with_messages("problem", {MessageRef("app.notAPlan")})
                                     : MessageRef("app.planUnreadable").with("problem", problem);
        error.problems = std::move(problems);
        report_error(error, "reading the plan");
        return false;
    }
    start_session(std::move(*job_plan));
    return true;
}

void MapperApp::load_plan() {
    status_.loading = true;
    status_.message.clear();
    api_.get_plan(config_.job_id, [this](const ApiResult<JobPlan>& result) {
        status_.loading = false;
        if (!result.ok()) {
            on_failure(result.error, Operation::Load, "loading the plan");
            return;
        }
        token_refreshed_ = false;
        start_session(*result.value, true);
        start_reading_records();
    });
}

void MapperApp::start_reading_records() {
    if (!job_ || !config_.read_records) return;
    profile::ReaderOptions options;
    options.page_size = 1000;                  // small pages: progress moves, and each one parses in a few ms
    records_ = std::make_unique<profile::RecordsReader>(api_, options);
    records_->start_from_job(*job_);
    status_.records_progress = ui::tr(records_->progress_message());
}

void MapperApp::read_offline_records() {
    if (config_.records_json.empty() || !session_) return;
    auto rows = std::make_unique<profile::SheetProfile>();
    const profile::PageResult page = rows->add_page(config_.records_json);
    if (!page.ok) {
        status_.records_note = ui::tr("app.offlineRowsUnreadable", {{"error", page.error}});
        return;
    }
    offline_records_ = std::move(rows);
}

// Every value of each enum column, matched like the preview's (case, accents, synonyms), and the
// rows kept for the panel's counts and "will not import" checks.
void MapperApp::apply_records(const profile::SheetProfile& rows, const std::string& note) {
    panel_state_.records = &rows;
    // One Undo takes back every value matched here (one session edit each).
    const std::size_t depth = session_->undo_depth();
    match::map_enum_values_from_profile(*session_, rows);
    session_->join_undo_steps(depth);
    // The matcher's value evidence from the whole columns: the unmapped sources are ranked again
    // (suggestions only; no edge changes).
    column_values_ = match::column_values(rows);
    sources_to_rank_.clear();
    for (const UnmappedField& source : session_->plan().unmapped_sources) sources_to_rank_.push_back(source.field.key);
    next_to_rank_ = 0;
    ranker_.reset();
    panel_state_.lines_dirty = true;
    status_.records_note = note;
}

void MapperApp::update_records() {
    // Offline rows go in once the plan is drawn and its suggestions applied, as read rows would.
    if (offline_records_ && session_ && !records_applied_ && plan_drawn_ && !auto_apply_due_) {
        records_applied_ = true;
        const profile::SheetProfile& rows = *offline_records_;
        const auto count = static_cast<long long>(rows.rows());
        apply_records(rows, ui::trn(rows.full() ? "app.offlineRowsProfiled" : "app.offlineRowsChecked", count));
    }
    if (records_) {
        status_.records_progress = ui::tr(records_->progress_message());
        if (!records_->running() && !records_applied_) {
            records_applied_ = true;
            const profile::SheetProfile& rows = records_->profile();
            if (rows.rows() > 0 && session_) {
                apply_records(rows,
                              records_->complete() ? ui::trn("app.rowsChecked", static_cast<long long>(rows.rows()))
                                                   : ui::tr(records_->note_message()));
            } else {
                // 403, 404 or anything else: the previews are all there is; nothing else changes.
                status_.records_note = ui::tr("app.rowsUnreadable");
            }
        }
    }
    if (panel_state_.records && session_ && session_->revision() != problems_revision_) {
        problems_revision_ = session_->revision();
        panel_state_.value_problems = value_problems(*session_, *panel_state_.records);
    }
}

void MapperApp::start_session(JobPlan job_plan, bool from_api) {
    flush_draft();  // the edits of the plan being replaced
    job_ = job_plan.job;
    status_.job_id = job_->id;
    if (!job_->file_id.empty()) status_.file_id = job_->file_id;
    status_.job_status = job_->status;
    status_.message.clear();
    SessionOptions options;
    options.allow_one_to_many = config_.allow_one_to_many;
    session_ = std::make_unique<Session>(std::move(job_plan.plan), options);
    ++sessions_started_;
    notified_revision_ = session_->revision();
    plan_drawn_ = false;
    confirmed_ = false;
    confirmed_response_.clear();
    executed_ = false;
    server_version_.reset();
    status_.server_changes.clear();
    panel_state_ = ui::PanelState{};
    // Rows read for another plan say nothing about this one.
    records_.reset();
    offline_records_.reset();
    records_applied_ = false;
    column_values_.clear();
    problems_revision_ = ~std::uint64_t{0};
    status_.records_progress.clear();
    status_.records_note.clear();
    // The matcher runs at the start of the next frame (update()), so the frame that first shows
    // the plan is not held up by it (60-100 ms for the demo job in wasm).
    suggestions_.clear();
    sources_to_rank_ = sources_to_rank(*session_);
    next_to_rank_ = 0;
    ranker_.reset();
    fonts_.request_for(session_->plan());
    // Offered only when it would change the plan fetched now (tried on a copy).
    if (draft_) {
        Session trial(*session_);
        status_.draft_offered = apply_draft(trial, *draft_);
    }
    if (!status_.draft_offered) draft_.reset();
    // The mapping memory for this schema: the desktop's file now, the page's store once it answers.
    memory_.set_enabled(config_.memory);
    memory_.begin(*session_, config_.sheet_slug);
    memory_supplied_ = false;
    sync_remembered_marks();
    if (config_.memory && !config_.memory_json.empty()) {
        std::string message;
        if (!memory_.supply(config_.memory_json, message)) status_.warning = ui::tr("app.memoryIgnored", {{"message", message}});
        else if (!status_.draft_offered) memory_.apply(*session_, match::today_days());
        memory_supplied_ = true;
        sync_remembered_marks();
    }
    sync_memory_view();
    // A draft holds the person's own decisions: suggestions are not applied over an offer of them.
    const SessionCounts before = session_->counts();
    auto_apply_due_ = config_.auto_apply != AutoApply::None && !status_.draft_offered &&
        before.unmapped_sources * before.unmapped_destinations <= kAutoApplyMaxPairs;
    sheet_threshold_.reset();
    sheet_pending_ = false;
    if (from_api && auto_apply_due_) request_sheet_threshold();
    const SessionCounts counts = session_->counts();
    Json detail = {{"jobId", status_.job_id},
                   {"sources", counts.sources()},
                   {"destinations", counts.destinations()},
                   {"mapped", counts.edges},
                   {"draftOffered", status_.draft_offered}};
    detail["memory"] = config_.memory ? memory_.schema_json() : Json();
    host_.notify(AppEvent::Ready, dump_json(detail));
}

void MapperApp::request_sheet_threshold() {
    const Json job = job_ ? job_->raw.to_json() : Json();
    const Json* config = job.is_object() && job.contains("config") ? &job["config"] : nullptr;
    if (!config || !config->is_object() || !config->contains("destinationSheetId") ||
        !(*config)["destinationSheetId"].is_string())
        return;
    sheet_pending_ = true;
    const std::uint64_t session = sessions_started_;
    api_.get_sheet((*config)["destinationSheetId"].get<std::string>(), [this, session](const ApiResult<std::string>& result) {
        if (session != sessions_started_) return;  // another plan meanwhile
        sheet_pending_ = false;
        // Not fatal: without the sheet (or with one that does not read) the default threshold holds.
        if (!result.ok()) return;
        sheet_threshold_ = match::mapping_confidence_threshold(Json::parse(*result.value, nullptr, false));
        if (sheet_threshold_) panel_state_.accept_threshold = static_cast<float>(std::max(0.5, *sheet_threshold_));
    });
}

void MapperApp::apply_suggestions_on_load() {
    auto_apply_due_ = false;
    const std::size_t applied =
        apply_suggested(*session_, config_.auto_apply, sheet_threshold_.value_or(kDefaultAutoApplyThreshold));
    if (applied > 0) status_.submit_message = ui::trn("app.suggestedApplied", static_cast<long long>(applied));
}

void MapperApp::restore_draft() {
    if (!session_ || !draft_) return;
    // Re-made as edits over the server's plan, so undo takes them back and the invariants hold.
    apply_draft(*session_, *draft_);
    // Made against another version of the plan: what no longer applies was left out, and the
    // person is told so.
    if (!draft_->base.empty() && draft_->base != plan_fingerprint(session_->server_plan()))
        status_.submit_message = ui::tr("app.draftPlanChanged");
    draft_.reset();
    status_.draft_offered = false;
}

void MapperApp::submit() {
    if (!session_) return;
    if (submitting_) {
        submit_again_ = true;                  // sent once the one in flight has an answer
        return;
    }
    if (!config_.plan_json.empty() && config_.api_url.empty()) {
        // Offline with no API: the host keeps the plan (the desktop saves it to its file).
        const std::string file_id = !config_.file_id.empty() ? config_.file_id : status_.file_id;
        host_.notify(AppEvent::Submit, put_body_text(session_->plan(), status_.job_id, file_id));
        status_.submit_message = ui::tr("app.saved");
        return;
    }
    if (nothing_new_to_send()) {
        // Never a second PUT for a change the server already confirmed; the host still hears
        // that the plan is saved (it may be waiting for that to move on).
        status_.submit_message = ui::tr("app.alreadySaved");
        host_.notify(AppEvent::Submit, confirmed_response_);
        if (config_.execute_on_submit && !executed_) execute_job();
        return;
    }
    send_submit();
}

bool MapperApp::nothing_new_to_send() const {
    return confirmed_ && !server_version_ && session_->changes().empty();
}

void MapperApp::send_submit() {
    submitting_ = true;
    submit_again_ = false;
    submitted_revision_ = session_->revision();
    status_.submitting = true;
    status_.submit_message.clear();
    panel_state_.field_messages.clear();
    // Sending ours again settles a difference with the server's version in favour of ours.
    server_version_.reset();
    status_.server_changes.clear();
    const std::string file_id = !config_.file_id.empty() ? config_.file_id : status_.file_id;
    auto done = [this](const ApiResult<JobPlan>& result) {
        submitting_ = false;
        status_.submitting = false;
        if (!result.ok()) {
            attach_field_messages(result.error);
            on_failure(result.error, Operation::Submit, "submitting the plan");  // the edits stay
            return;
        }
        token_refreshed_ = false;
        on_submit_confirmed(*result.value);
    };
    if (config_.submit_with_patch)
        api_.patch_plan(status_.job_id, file_id, session_->plan(), changed_parts(session_->server_plan(), session_->plan()), done);
    else
        api_.put_plan(status_.job_id, file_id, session_->plan(), done);
}

void MapperApp::on_submit_confirmed(const JobPlan& confirmed) {
    status_.message.clear();
    status_.submit_message = ui::tr("app.planSaved");
    job_ = confirmed.job;
    status_.job_status = job_->status;
    const bool edited_meanwhile = session_->revision() != submitted_revision_;
    // The confirmed plan becomes the base only when nothing changed meanwhile and it is the plan
    // that was sent. Edits made meanwhile stay and go out with the next submit; a plan the server
    // changed is shown beside the person's, never applied over it.
    bool differs = false;
    if (!edited_meanwhile) {
        const PlanDiff sent_to_saved = diff_plans(session_->plan(), confirmed.plan);
        differs = !sent_to_saved.empty();
        if (differs) {
            status_.server_changes = ui::tr(server_differences_message(*session_, sent_to_saved));
            status_.submit_message = ui::tr("app.savedWithDifferences");
            server_version_ = confirmed.plan;
        } else {
            session_->rebase(confirmed.plan);
            notified_revision_ = session_->revision();
            confirmed_ = true;
            // A confirmed plan is what the memory learns.
            if (memory_.learn(confirmed.plan, match::today_days())) memory_changed();
        }
    }
    confirmed_response_ = write_job_plan_response_text(confirmed);
    host_.notify(AppEvent::Submit, confirmed_response_);
    // The page drops its draft on "submit"; when what the server has is not what is on screen,
    // the draft is written again so a reload still finds the person's plan.
    if (edited_meanwhile || differs) notify_draft();
    if (edited_meanwhile && submit_again_) {
        send_submit();
        return;
    }
    if (config_.execute_on_submit && !edited_meanwhile && !differs) execute_job();
}

void MapperApp::rank_next_slice() {
    // Preparing the destinations is the one step that cannot be split; it runs in its own frame.
    if (!ranker_) {
        ranker_ = make_ranker(*session_, column_values_.empty() ? nullptr : &column_values_);
        return;
    }
    // About 12 ms of matcher work per frame, at least one source.
    const auto started = std::chrono::steady_clock::now();
    do {
        const std::string& key = sources_to_rank_[next_to_rank_++];
        suggestions_[key] = rank_source(*ranker_, *session_, key);
    } while (next_to_rank_ < sources_to_rank_.size() &&
             std::chrono::steady_clock::now() - started < std::chrono::milliseconds(12));
    panel_state_.suggestions = &suggestions_;
    if (!ranking()) ranker_.reset();
}

void MapperApp::use_server_version() {
    if (!session_ || !server_version_) return;
    session_->rebase(std::move(*server_version_));
    server_version_.reset();
    status_.server_changes.clear();
    status_.submit_message = ui::tr("app.usingServerPlan");
    confirmed_ = true;
    after_draw_changes();                      // tells the page (change, and the draft goes)
}

void MapperApp::attach_field_messages(const ApiError& error) {
    if (!session_) return;
    for (const ServerMessage& m : error.server_messages)
        if (!m.key.empty() && (session_->source_field(m.key) || session_->destination_field(m.key)))
            panel_state_.field_messages[m.key] = m.message;
}

void MapperApp::execute_job() {
    status_.submit_message = ui::tr("app.startingImport");
    api_.execute(status_.job_id, [this](const ApiResult<bool>& result) {
        if (!result.ok()) {
            report_error(result.error, "starting the import");
            return;
        }
        status_.submit_message = ui::tr("app.importStarted");
        executed_ = true;
        host_.notify(AppEvent::Execute, dump_json(Json{{"jobId", status_.job_id}, {"success", *result.value}}));
    });
}

void MapperApp::on_failure(const ApiError& error, Operation operation, const char* during) {
    if (error.kind == ApiErrorKind::Http && error.status == 401 && !token_refreshed_ && config_.can_refresh_token &&
        host_.request_token()) {
        token_refreshed_ = true;
        waiting_for_token_ = operation;
        status_.message = ui::tr("app.signingIn");
        return;
    }
    report_error(error, during);
}

void MapperApp::set_token(const std::string& token) {
    ApiConfig config = api_.config();
    config.token = token;
    update_secret_key_warning(token);
    api_.set_config(config);
    const Operation operation = waiting_for_token_;
    waiting_for_token_ = Operation::None;
    status_.message.clear();
    if (operation == Operation::Load) load_plan();
    if (operation == Operation::Submit && session_) send_submit();
}

void MapperApp::report_error(const ApiError& error, const char* during) {
    // The panel's words come from the catalog; core's English sentence is for the CLI and logs.
    status_.message = ui::tr(error.text);
    Json detail = {{"during", during}, {"message", status_.message}, {"messageKey", error.text.id}, {"status", error.status}};
    detail["duringText"] = during_text(during);
    Json server = Json::array();
    for (const auto& m : error.server_messages) server.push_back({{"key", m.key}, {"message", m.message}});
    detail["serverMessages"] = std::move(server);
    Json problems = Json::array();
    for (const auto& p : error.problems) problems.push_back(to_string(p));
    detail["problems"] = std::move(problems);
    host_.notify(AppEvent::Error, dump_json(detail));
}

bool MapperApp::undo() { return session_ && !session_->undo().empty(); }
bool MapperApp::redo() { return session_ && !session_->redo().empty(); }

void MapperApp::after_draw_changes() {
    if (!session_ || session_->revision() == notified_revision_) return;
    notified_revision_ = session_->revision();
    // A remembered pair the person changed away from is remembered as rejected.
    if (memory_.observe(*session_, match::today_days())) memory_changed();
    else sync_remembered_marks();
    // The plan itself is not written here: on a 5,000-field plan that is 1.7 MB of JSON per edit.
    // The page builds it when the host reads it (getPlan(), or the event's lazy plan members).
    const SessionCounts counts = session_->counts();
    host_.notify(AppEvent::Change,
                 dump_json(Json{{"revision", session_->revision()},
                                {"counts",
                                 {{"mapped", counts.mapped_sources},
                                  {"unmapped", counts.unmapped_sources},
                                  {"ignored", counts.ignored_sources},
                                  {"edges", counts.edges},
                                  {"unmappedDestinations", counts.unmapped_destinations}}}}));
    draft_due_ms_ = now_ms_ + kDraftDelayMs;
}

void MapperApp::flush_draft() {
    // Also an edit no frame has seen yet (made through the page's API just before it went away).
    const bool unseen_edit = session_ && session_->revision() != notified_revision_;
    if (session_ && (draft_due_ms_ || unseen_edit)) notify_draft();
    draft_due_ms_.reset();
}

void MapperApp::notify_draft() {
    draft_due_ms_.reset();  // this one is up to date
    // The draft the page keeps until the server confirms: the person's decisions, never the plan
    // (core/session/draft.h); null once nothing differs from what the server has (when it saved
    // another plan than the one sent, that plan is what a reload fetches).
    const Draft decisions = server_version_ ? draft_of(*session_, *server_version_) : draft_of(*session_);
    Json draft = nullptr;
    if (!decisions.empty()) draft = write_draft(decisions);
    host_.notify(AppEvent::Draft, dump_json(draft));
}

void MapperApp::update(double now_ms, bool input_pending) {
    now_ms_ = now_ms;
    if (input_pending) last_input_ms_ = now_ms;
    if (draft_due_ms_ && now_ms >= *draft_due_ms_ && !input_pending) flush_draft();
    if (session_ && plan_drawn_ && ranking() && now_ms >= rank_resume_ms()) rank_next_slice();
    api_.tick(static_cast<std::int64_t>(now_ms));
    if (session_ && plan_drawn_ && auto_apply_due_ && !sheet_pending_) apply_suggestions_on_load();
    update_records();
    fonts_.apply_pending();                    // between frames (update runs before NewFrame)
}

void MapperApp::draw() {
    const ui::PanelRequests requests = ui::draw_mapping_panel(session_.get(), status_, panel_state_);
    if (session_) plan_drawn_ = true;
    apply_requests(requests);
}

// What the person asked for through the canvas or the mirror (the same buttons in both).
void MapperApp::apply_requests(const ui::PanelRequests& requests) {
    if (requests.restore_draft) restore_draft();
    if (requests.stop_reading && records_) records_->cancel();
    if (requests.accept_threshold > 0 && session_)
        accept_assignment(*session_, requests.accept_threshold, column_values_.empty() ? nullptr : &column_values_);
    if (session_) {
        if (!requests.accept_suggested.empty()) accept_suggested(*session_, requests.accept_suggested);
        if (!requests.reject_suggested.empty()) reject_suggested(*session_, requests.reject_suggested);
        if (requests.accept_all_suggested) accept_all_suggested(*session_);
        if (requests.reject_all_suggested) reject_all_suggested(*session_);
    }
    if (requests.use_server_plan) use_server_version();
    answer_memory_view();
    if (!panel_state_.forget_remembered.empty()) {
        const std::string source = std::move(panel_state_.forget_remembered);
        panel_state_.forget_remembered.clear();
        if (session_ && memory_.forget(*session_, source)) {
            status_.submit_message = ui::tr("app.forgotten", {{"source", session_->source_name(source)}});
            memory_changed();
        }
    }
    if (requests.keep_own_plan) {
        server_version_.reset();
        status_.server_changes.clear();
        status_.submit_message = ui::tr("app.planKept");
    }
    if (requests.copy_plan && session_) {
        ImGui::SetClipboardText(plan_json().c_str());
        status_.submit_message = ui::tr("app.planCopied");
    }
    if (requests.discard_draft) {
        draft_.reset();
        draft_due_ms_.reset();
        status_.draft_offered = false;
        host_.notify(AppEvent::Draft, "null");
    }
    after_draw_changes();
    if (requests.submit) submit();
}

double MapperApp::rank_resume_ms() const { return last_input_ms_ + kRankPauseMs; }

double MapperApp::next_frame_delay_ms(double now_ms) const {
    if (fonts_.pending() || (auto_apply_due_ && !sheet_pending_)) return 0;
    double delay = -1;
    if (ranking()) delay = std::max(0.0, rank_resume_ms() - now_ms);
    const auto sooner = [&delay](double other) { delay = delay < 0 ? other : std::min(delay, other); };
    if (auto due = api_.next_retry_ms()) sooner(std::max(0.0, static_cast<double>(*due) - now_ms));
    // In flight: the desktop transport must be polled; the web one also wakes the page itself.
    else if (api_.busy()) sooner(30);
    if (draft_due_ms_) sooner(std::max(0.0, *draft_due_ms_ - now_ms));
    return delay;
}

// The JSON the host sees is written like the PUT body, from the raw text: numbers as they came.
std::string MapperApp::plan_json() const { return session_ ? write_plan_text(session_->plan()) : "null"; }

}  // namespace pm
