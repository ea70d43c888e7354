// `plan-mapper match FILE [--threshold T] [--memory FILE [--sheet SLUG]]`: the matcher's
// assignment for the unmapped columns of a plan document (remembered pairs first with a memory);
// the plan on stdout, the table on stderr.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/file_input.h"
#include "cli/match_report.h"
#include "cli/memory_file.h"

#include "core/plan/documents.h"
#include "core/plan/write.h"

#include <cstdlib>
#include <ostream>

namespace pm::cli {

std::optional<double> parse_threshold(const ParsedArgs& args, std::string& error) {
    auto it = args.options.find("threshold");
    if (it == args.options.end()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end != '\0' || !(value >= 0 && value <= 1)) {
        error = "--threshold needs a number from 0 to 1";
        return std::nullopt;
    }
    return value;
}

std::optional<MemoryFile> open_memory_option(const ParsedArgs& args, Io io) {
    const auto path = args.options.find("memory");
    if (path == args.options.end()) return std::nullopt;
    MemoryFile file = load_memory_file(path->second);
    // Reported once and ignored: a broken memory never blocks matching.
    if (!file.usable) io.err << "plan-mapper: memory ignored: " << file.problem << '\n';
    return file;
}

int run_match(const std::vector<std::string>& raw_args, Io io) {
    const ParsedArgs args = parse_args(raw_args, {"threshold", "memory", "sheet"}, {});
    std::string error = args.error;
    const std::optional<double> threshold = error.empty() ? parse_threshold(args, error) : std::nullopt;
    if (!error.empty() || args.positional.size() != 1) {
        io.err << (error.empty() ? "" : "plan-mapper: " + error + "\n") << "usage: " << find_command("match")->usage;
        return kExitUsage;
    }
    const auto text = read_input(args.positional[0], error);
    if (!text) {
        io.err << "plan-mapper: " << error << '\n';
        return kExitUsage;
    }
    const Parsed<PlanDocument> parsed = parse_plan_document(*text);
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems) io.err << to_string(problem) << '\n';
        return kExitInvalid;
    }
    Session session(parsed.value->plan);
    const std::optional<MemoryFile> memory = open_memory_option(args, io);
    match_into(session, threshold, io.err, memory && memory->usable ? &memory->memory : nullptr,
               args.options.count("sheet") ? args.options.at("sheet") : "");
    io.out << dump_json(write_plan(session.plan()), 2) << '\n';
    return kExitOk;
}

}  // namespace pm::cli
