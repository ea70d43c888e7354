// Flag parsing for the desktop app; small on purpose, no dependency.
#include "app/desktop/desktop_options.h"

#include "app/suggestions.h"

#include <cstdlib>
#include <cstring>

namespace pm {

namespace {

const char* kUsage =
    "usage: plan-mapper-desktop (--api-url URL --job ID | --plan-file FILE) [options]\n"
    "  --api-url URL      Flatfile API base (default $FLATFILE_API_URL, else https://api.x.flatfile.com/v1)\n"
    "  --job ID           the mapping job whose plan to edit\n"
    "  --plan-file FILE   work offline on a plan or GET-plan response; saves back to FILE\n"
    "  --records-file F   with --plan-file: the source rows, as GET /sheets/ID/records answers\n"
    "  --dark             dark theme\n"
    "  --auto-apply MODE  suggestions applied on load: confident (default), all or none\n"
    "  --size WxH         window size (default 1280x800)\n"
    "  --screenshot PNG   write a screenshot after --frames frames, then exit\n"
    "  --frames N         number of frames to render before exiting (default 5 with --screenshot)\n"
    "  --memory FILE      the mapping memory (default $XDG_CONFIG_HOME/plan-mapper/memory.json)\n"
    "  --no-memory        no mapping memory: nothing remembered, nothing proposed from earlier imports\n"
    "The token is read from FLATFILE_BEARER_TOKEN, else FLATFILE_API_KEY.\n";

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

}  // namespace

std::string default_memory_file() {
    if (const char* config = env("XDG_CONFIG_HOME")) return std::string(config) + "/plan-mapper/memory.json";
    if (const char* home = env("HOME")) return std::string(home) + "/.config/plan-mapper/memory.json";
    return {};
}

std::optional<DesktopOptions> parse_desktop_options(int argc, char** argv, std::string& message, bool& help) {
    DesktopOptions options;
    help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                message = arg + " needs a value\n" + kUsage;
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string text;
        if (arg == "--help" || arg == "-h") {
            help = true;
            message = kUsage;
            return std::nullopt;
        } else if (arg == "--api-url") {
            if (!value(options.app.api_url)) return std::nullopt;
        } else if (arg == "--job") {
            if (!value(options.app.job_id)) return std::nullopt;
        } else if (arg == "--plan-file") {
            if (!value(options.plan_file)) return std::nullopt;
        } else if (arg == "--records-file") {
            if (!value(options.records_file)) return std::nullopt;
        } else if (arg == "--screenshot") {
            if (!value(options.screenshot)) return std::nullopt;
        } else if (arg == "--auto-apply") {
            if (!value(text)) return std::nullopt;
            const auto mode = parse_auto_apply(text);
            if (!mode) {
                message = "--auto-apply needs confident, all or none\n";
                return std::nullopt;
            }
            options.app.auto_apply = *mode;
        } else if (arg == "--memory") {
            if (!value(options.memory_file)) return std::nullopt;
            if (options.memory_file.empty()) {
                message = "--memory needs a file\n" + std::string(kUsage);
                return std::nullopt;
            }
        } else if (arg == "--no-memory") {
            options.memory_file = "-";
        } else if (arg == "--dark") {
            options.app.dark_theme = true;
        } else if (arg == "--frames") {
            if (!value(text)) return std::nullopt;
            options.frames = std::atoi(text.c_str());
            if (options.frames <= 0) {
                message = "--frames needs a positive number\n";
                return std::nullopt;
            }
        } else if (arg == "--size") {
            if (!value(text)) return std::nullopt;
            if (std::sscanf(text.c_str(), "%dx%d", &options.width, &options.height) != 2 || options.width < 200 ||
                options.height < 150) {
                message = "--size needs WxH, at least 200x150\n";
                return std::nullopt;
            }
        } else {
            message = "unknown option " + arg + "\n" + kUsage;
            return std::nullopt;
        }
    }
    // A plan file means offline: nothing is sent anywhere, submit saves back to the file.
    if (options.app.api_url.empty() && options.plan_file.empty()) {
        const char* url = env("FLATFILE_API_URL");
        options.app.api_url = url ? url : "https://api.x.flatfile.com/v1";
    }
    if (const char* token = env("FLATFILE_BEARER_TOKEN")) options.app.token = token;
    else if (const char* key = env("FLATFILE_API_KEY")) options.app.token = key;
    if (options.plan_file.empty() && options.app.job_id.empty()) {
        message = std::string("give --job ID or --plan-file FILE\n") + kUsage;
        return std::nullopt;
    }
    if (!options.records_file.empty() && options.plan_file.empty()) {
        message = std::string("--records-file needs --plan-file (with --job the rows are read from the API)\n") + kUsage;
        return std::nullopt;
    }
    if (!options.screenshot.empty() && options.frames == 0) options.frames = 5;
    if (options.memory_file == "-") options.memory_file.clear();
    else if (options.memory_file.empty()) options.memory_file = default_memory_file();
    options.app.memory = !options.memory_file.empty();
    return options;
}

}  // namespace pm
