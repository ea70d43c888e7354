// Command-line options of plan-mapper-desktop. The token comes from the environment
// (FLATFILE_BEARER_TOKEN, else FLATFILE_API_KEY), never from a flag: flags show up in `ps`.
#pragma once

#include "app/app_config.h"

#include <optional>
#include <string>

namespace pm {

struct DesktopOptions {
    AppConfig app;
    std::string plan_file;                     // --plan-file: offline, saves back to this file
    std::string records_file;                  // --records-file: offline source rows (with --plan-file)
    std::string screenshot;                    // --screenshot out.png
    // The mapping memory's file: --memory FILE, else $XDG_CONFIG_HOME/plan-mapper/memory.json
    // (~/.config/... without it); empty with --no-memory.
    std::string memory_file;
    int frames = 0;                            // --frames N: render N frames then exit
    int width = 1280, height = 800;
};

// Where the memory lives when --memory is not given; "" when neither XDG_CONFIG_HOME nor HOME is set.
std::string default_memory_file();

// Parses argv; on a usage error or --help returns nullopt and fills message (usage text on --help).
std::optional<DesktopOptions> parse_desktop_options(int argc, char** argv, std::string& message, bool& help);

}  // namespace pm
