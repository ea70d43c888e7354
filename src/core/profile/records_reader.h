// Reads a map job's source sheet page by page into a SheetProfile, over ApiClient (so with its
// retries and request guard), without blocking: like ApiClient, it moves on only inside the
// app's tick(). The order: GET /jobs/{id} for config.sourceSheetId (skipped when the caller has
// the job already), GET /sheets/{id} for the column labels and the row count, then
// GET /sheets/{id}/records pages until a short page, the row count, or a profile limit.
//
// A page that still fails after the retries ends the reading: the rows read so far stay in the
// profile, marked incomplete, with a note saying why. Cancelling keeps what was read too.
#pragma once

#include "core/api/client.h"
#include "core/profile/sheet_profile.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace pm::profile {

struct ReaderOptions {
    int page_size = 1000;                      // rows per request (the API allows up to 10,000)
    ProfileLimits limits;
};

enum class ReaderState { Idle, Running, Done, Failed, Cancelled };

// config.sourceSheetId of a map job; empty when the job does not name one.
std::string source_sheet_id(const Job& job);

class RecordsReader {
public:
    RecordsReader(ApiClient& api, ReaderOptions options = {});
    ~RecordsReader();                          // cancels what is in flight
    RecordsReader(const RecordsReader&) = delete;
    RecordsReader& operator=(const RecordsReader&) = delete;

    void start_from_job(const std::string& job_id);
    void start_from_job(const Job& job);       // the job in hand (from a plan response)
    void start_from_sheet(const std::string& sheet_id);
    void cancel();

    ReaderState state() const;
    bool running() const { return state() == ReaderState::Running; }
    const SheetProfile& profile() const;
    const std::string& sheet_id() const;
    std::optional<std::size_t> total_rows() const;  // the sheet's recordCounts.total, when it says
    // Every row of the sheet is in the profile: done, and no failure, cancel or limit cut it short.
    bool complete() const;
    // For a person, when reading ended early or failed ("Reading the file stopped after 4,000
    // rows: ..."); empty otherwise.
    const std::string& note() const;
    const MessageRef& note_message() const;  // the note as a catalog message, for the panel
    // HTTP status of the failure that ended the reading (0 when none or not an HTTP answer).
    int failed_status() const;
    // "Reading the file: 12,000 of 48,000 rows" while running; empty otherwise.
    std::string progress_text() const;
    MessageRef progress_message() const;       // the same as a catalog message ("records.reading*")
    int pages() const;                         // pages profiled

    struct Impl;

private:
    std::shared_ptr<Impl> impl_;
};

}  // namespace pm::profile
