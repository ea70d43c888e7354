// The paging state machine; see records_reader.h. Callbacks hold only a weak pointer to the
// state, so a reader destroyed while a request is in flight is never touched afterwards.
#include "core/profile/records_reader.h"

#include "core/json/parse.h"

namespace pm::profile {

std::string source_sheet_id(const Job& job) {
    const Json& raw = job.raw.json();
    if (!raw.is_object()) return {};
    const auto config = raw.find("config");
    if (config == raw.end() || !config->is_object()) return {};
    const auto id = config->find("sourceSheetId");
    return id != config->end() && id->is_string() ? id->get<std::string>() : std::string();
}

struct RecordsReader::Impl : std::enable_shared_from_this<RecordsReader::Impl> {
    ApiClient& api;
    ReaderOptions options;
    SheetProfile profile;
    ReaderState state = ReaderState::Idle;
    std::string sheet_id, note;
    MessageRef note_text;  // the note for the panel's catalog ("records.*")
    std::optional<std::size_t> total;
    int failed_status = 0;
    int next_page = 1;
    int pages = 0;
    std::optional<ApiCallId> in_flight;
    bool cut_short = false;

    Impl(ApiClient& client, ReaderOptions opts) : api(client), options(std::move(opts)), profile(options.limits) {
        if (options.page_size < 1) options.page_size = 1;
        if (options.page_size > 10000) options.page_size = 10000;
    }

    template <class T, class F> std::function<void(const ApiResult<T>&)> guarded(F f) {
        std::weak_ptr<Impl> self = weak_from_this();
        return [self, f](const ApiResult<T>& result) {
            if (auto impl = self.lock()) {
                impl->in_flight.reset();
                if (impl->state == ReaderState::Running) f(*impl, result);
            }
        };
    }

    void fail(const ApiError& error, const std::string& doing, const char* doing_key) {
        state = error.kind == ApiErrorKind::Cancelled ? ReaderState::Cancelled : ReaderState::Failed;
        failed_status = error.kind == ApiErrorKind::Http ? error.status : 0;
        cut_short = true;
        note = profile.rows() > 0 ? "Reading the file stopped after " + with_thousands(profile.rows()) + " rows: " + error.message
                                  : "Could not " + doing + ": " + error.message;
        note_text = profile.rows() > 0 ? stopped_after().with_messages("error", {error.text})
                                       : MessageRef(doing_key).with_messages("error", {error.text});
    }

    MessageRef stopped_after() const {
        return MessageRef("records.stoppedAfter").counting(static_cast<long long>(profile.rows()));
    }

    void start_job(const std::string& job_id) {
        state = ReaderState::Running;
        in_flight = api.get_job(job_id, guarded<Job>([](Impl& self, const ApiResult<Job>& result) {
                                    if (!result.ok())
                                        return self.fail(result.error, "find the job's file", "records.couldNotFindFile");
                                    self.start_sheet(source_sheet_id(*result.value));
                                }));
    }

    void start_sheet(const std::string& id) {
        state = ReaderState::Running;
        sheet_id = id;
        if (sheet_id.empty()) {
            state = ReaderState::Failed;
            cut_short = true;
            note = "The job does not name its source sheet, so only the preview values are used.";
            note_text = MessageRef("records.noSourceSheet");
            return;
        }
        in_flight =
            api.get_sheet(sheet_id, guarded<std::string>([](Impl& self, const ApiResult<std::string>& result) {
                              if (!result.ok())
                                  return self.fail(result.error, "read the file's columns", "records.couldNotReadColumns");
                              self.read_sheet(*result.value);
                              self.request_page();
                          }));
    }

    // Column labels in the sheet's order, and recordCounts.total for the progress text. A sheet
    // we cannot read is not fatal: the records carry the keys.
    void read_sheet(const std::string& text) {
        Json doc;
        ProblemSink problems;
        if (!parse_json_text(text, doc, problems) || !doc.is_object()) return;
        const Json* data = doc.contains("data") && doc["data"].is_object() ? &doc["data"] : nullptr;
        if (!data) return;
        if (data->contains("recordCounts") && (*data)["recordCounts"].is_object()) {
            const Json& counts = (*data)["recordCounts"];
            if (counts.contains("total") && counts["total"].is_number_unsigned())
                total = counts["total"].get<std::size_t>();
        }
        const Json* config = data->contains("config") && (*data)["config"].is_object() ? &(*data)["config"] : nullptr;
        if (!config || !config->contains("fields") || !(*config)["fields"].is_array()) return;
        for (const Json& field : (*config)["fields"]) {
            if (!field.is_object() || !field.contains("key") || !field["key"].is_string()) continue;
            const std::string key = field["key"].get<std::string>();
            const std::string label =
                field.contains("label") && field["label"].is_string() ? field["label"].get<std::string>() : key;
            profile.declare_column(key, label);
        }
    }

    void request_page() {
        in_flight = api.get_records(sheet_id, options.page_size, next_page,
                                    guarded<std::string>([](Impl& self, const ApiResult<std::string>& result) {
                                        if (!result.ok())
                                            return self.fail(result.error, "read the file's rows", "records.couldNotReadRows");
                                        self.take_page(*result.value);
                                    }));
    }

    void take_page(const std::string& text) {
        const PageResult page = profile.add_page(text);
        if (!page.ok) {
            state = ReaderState::Failed;
            cut_short = true;
            note = "Reading the file stopped after " + with_thousands(profile.rows()) + " rows: " + page.error;
            note_text = stopped_after().with("error", page.error);  // the scanner's words (English)
            return;
        }
        ++pages;
        ++next_page;
        const bool last = page.records < static_cast<std::size_t>(options.page_size) ||
                          (total && profile.rows() >= *total);
        if (profile.full() && !last) {
            state = ReaderState::Done;
            cut_short = true;
            note = "Profiled " + profile.limit_note() + " of the file.";
            note_text =
                MessageRef(profile.rows() >= options.limits.max_rows ? "records.profiledFirst" : "records.profiledSizeLimit")
                    .counting(static_cast<long long>(profile.rows()));
            return;
        }
        if (last) {
            state = ReaderState::Done;
            return;
        }
        request_page();
    }

    void cancel() {
        if (state != ReaderState::Running) return;
        state = ReaderState::Cancelled;
        cut_short = true;
        note = "Reading the file was cancelled after " + with_thousands(profile.rows()) + " rows.";
        note_text = MessageRef("records.cancelledAfter").counting(static_cast<long long>(profile.rows()));
        if (in_flight) api.cancel(*in_flight);
    }
};

RecordsReader::RecordsReader(ApiClient& api, ReaderOptions options)
    : impl_(std::make_shared<Impl>(api, std::move(options))) {}

RecordsReader::~RecordsReader() {
    if (impl_->in_flight) impl_->api.cancel(*impl_->in_flight);
}

void RecordsReader::start_from_job(const std::string& job_id) { impl_->start_job(job_id); }
void RecordsReader::start_from_job(const Job& job) { impl_->start_sheet(source_sheet_id(job)); }
void RecordsReader::start_from_sheet(const std::string& sheet_id) { impl_->start_sheet(sheet_id); }
void RecordsReader::cancel() { impl_->cancel(); }

ReaderState RecordsReader::state() const { return impl_->state; }
const SheetProfile& RecordsReader::profile() const { return impl_->profile; }
const std::string& RecordsReader::sheet_id() const { return impl_->sheet_id; }
std::optional<std::size_t> RecordsReader::total_rows() const { return impl_->total; }
bool RecordsReader::complete() const { return impl_->state == ReaderState::Done && !impl_->cut_short; }
const std::string& RecordsReader::note() const { return impl_->note; }
const MessageRef& RecordsReader::note_message() const { return impl_->note_text; }
int RecordsReader::failed_status() const { return impl_->failed_status; }
int RecordsReader::pages() const { return impl_->pages; }

std::string RecordsReader::progress_text() const {
    if (impl_->state != ReaderState::Running) return {};
    std::string text = "Reading the file: " + with_thousands(impl_->profile.rows());
    if (impl_->total) text += " of " + with_thousands(*impl_->total);
    return text + " rows";
}

MessageRef RecordsReader::progress_message() const {
    if (impl_->state != ReaderState::Running) return {};
    const auto rows = static_cast<long long>(impl_->profile.rows());
    if (!impl_->total) return MessageRef("records.reading").counting(rows);
    return MessageRef("records.readingOf").with_number("rows", rows).counting(static_cast<long long>(*impl_->total));
}

}  // namespace pm::profile
