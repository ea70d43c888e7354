// `plan-mapper get --job ID` and `plan-mapper put --job ID FILE`, for scripting against the API:
// JSON on stdout (the GET-plan response / the server's answer to the PUT), messages on stderr.
#include "cli/api_session.h"
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/file_input.h"

#include "core/plan/documents.h"
#include "core/plan/write.h"

#include <ostream>

namespace pm::cli {

namespace {

int usage(Io io, const char* name, const std::string& error) {
    io.err << (error.empty() ? "" : "plan-mapper: " + error + "\n") << "usage: " << find_command(name)->usage;
    return kExitUsage;
}

}  // namespace

int run_get(const std::vector<std::string>& raw_args, Io io) {
    const ParsedArgs args = parse_args(raw_args, {"job", "api-url"}, {});
    if (!args.error.empty() || !args.options.count("job") || !args.positional.empty())
        return usage(io, "get", args.error.empty() ? "--job is required" : args.error);
    std::string problem;
    ApiSession api(api_url_option(args), problem);
    if (!problem.empty()) return usage(io, "get", problem);
    ApiError error;
    const auto plan = api.get_plan(args.options.at("job"), error);
    if (!plan) {
        io.err << "plan-mapper: " << error.message << '\n';
        return exit_code_for(error);
    }
    io.out << dump_json(write_job_plan_response(*plan), 2) << '\n';
    return kExitOk;
}

int run_put(const std::vector<std::string>& raw_args, Io io) {
    const ParsedArgs args = parse_args(raw_args, {"job", "file-id", "api-url"}, {});
    if (!args.error.empty() || !args.options.count("job") || args.positional.size() != 1)
        return usage(io, "put", args.error.empty() ? "--job and one FILE are required" : args.error);
    std::string error;
    const auto text = read_input(args.positional[0], error);
    if (!text) return usage(io, "put", error);
    const Parsed<PlanDocument> parsed = parse_plan_document(*text);
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems) io.err << to_string(problem) << '\n';
        return kExitInvalid;
    }
    const std::string file_id = args.options.count("file-id") ? args.options.at("file-id") : parsed.value->file_id;
    if (file_id.empty()) return usage(io, "put", "the document names no file id; give --file-id");
    std::string problem;
    ApiSession api(api_url_option(args), problem);
    if (!problem.empty()) return usage(io, "put", problem);
    ApiError api_error;
    const auto saved = api.put_plan(args.options.at("job"), file_id, parsed.value->plan, api_error);
    if (!saved) {
        io.err << "plan-mapper: " << api_error.message << '\n';
        for (const auto& m : api_error.server_messages) io.err << "  " << m.key << ": " << m.message << '\n';
        return exit_code_for(api_error);
    }
    io.out << dump_json(write_job_plan_response(*saved), 2) << '\n';
    return kExitOk;
}

}  // namespace pm::cli
