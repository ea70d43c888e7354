// What a widget instance is told at start: where the API is, which job, and the token.
// Filled from command-line flags and the environment (desktop) or from the embedding page (web).
#pragma once

#include <string>

namespace pm {

// Which of the matcher's suggestions are applied when a plan loads (issue 13, point 7): those at or
// above the threshold (the destination sheet's mappingConfidenceThreshold, else 0.9), every pair
// of the matcher's assignment, or none. Applied ones stay "suggested" until accepted or rejected.
enum class AutoApply { Confident, All, None };

struct AppConfig {
    std::string api_url;                       // e.g. https://api.x.flatfile.com/v1 or http://127.0.0.1:8080
    std::string job_id;
    std::string file_id;                       // optional; read from the job otherwise
    std::string token;                         // in memory only: never logged, never stored
    std::string plan_json;                     // start offline from this plan instead of a GET
    std::string draft_json;                    // edits kept by the page from an earlier visit (web)
    std::string page_origin;                   // web: the embedding page's origin; desktop: empty
    bool allow_one_to_many = false;
    bool dark_theme = false;
    bool submit_with_patch = false;            // PATCH only the changed parts instead of PUT
    bool execute_on_submit = false;            // POST execute once the plan is confirmed
    bool can_refresh_token = false;            // the host can fetch a new token after a 401
    AutoApply auto_apply = AutoApply::Confident;
    // The mapping memory (app/app_memory.h): on or off, the sheet's slug when known, and the
    // memory to start with (desktop: the file's text; web: supplied later through pm_memory).
    bool memory = false;
    std::string sheet_slug;
    std::string memory_json;
    // Read the source sheet's rows after the plan loads (core/profile): every enum value with its
    // count (matched as one undo step), what will not import, and value evidence for the matcher.
    // On unless the host says no (web `readRecords: false`).
    bool read_records = true;
    // Offline (a plan given as text): the source rows as a records response, {"data":{"records":
    // [...]}} as GET /v1/sheets/{id}/records answers (desktop --records-file, the web `records`
    // option), profiled like the API's rows once the plan has been drawn.
    std::string records_json;
};

}  // namespace pm
