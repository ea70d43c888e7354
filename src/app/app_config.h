// What a widget instance is told at start: where the API is, which job, and the token.
// Filled from command-line flags and the environment (desktop) or from the embedding page (web).
#pragma once

#include <string>

namespace pm {

struct AppConfig {
    std::string api_url;                       // e.g. https://api.x.flatfile.com/v1 or http://127.0.0.1:8080
    std::string job_id;
    std::string file_id;                       // optional; read from the job otherwise
    std::string token;                         // in memory only: never logged, never stored
    std::string plan_json;                     // start offline from this plan instead of a GET
    bool allow_one_to_many = false;
    bool dark_theme = false;
};

}  // namespace pm
