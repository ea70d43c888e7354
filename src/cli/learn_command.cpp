// `plan-mapper learn --memory FILE [--sheet SLUG] PLAN...`: adds the edges of confirmed plans
// (plan documents or GET-plan responses) to a mapping memory file, and the columns they left
// unmapped as left unmapped.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/file_input.h"
#include "cli/memory_file.h"

#include "core/plan/documents.h"

#include <ostream>

namespace pm::cli {

int run_learn(const std::vector<std::string>& raw_args, Io io) {
    const ParsedArgs args = parse_args(raw_args, {"memory", "sheet"}, {});
    std::string error = args.error;
    if (error.empty() && !args.options.count("memory")) error = "--memory is required";
    if (!error.empty() || args.positional.empty()) {
        io.err << (error.empty() ? "" : "plan-mapper: " + error + "\n") << "usage: " << find_command("learn")->usage;
        return kExitUsage;
    }
    MemoryFile file = load_memory_file(args.options.at("memory"));
    if (!file.usable) {
        io.err << "plan-mapper: " << file.problem
               << "\nplan-mapper: the memory file was left as it is; move it away to start a new one\n";
        return kExitInvalid;
    }
    const std::string slug = args.options.count("sheet") ? args.options.at("sheet") : "";
    const std::int32_t today = match::today_days();
    int status = kExitOk;
    std::size_t learned_plans = 0;
    for (const std::string& path : args.positional) {
        const auto text = read_input(path, error);
        if (!text) {
            io.err << "plan-mapper: " << error << '\n';
            status = kExitUsage;
            continue;
        }
        const Parsed<PlanDocument> parsed = parse_plan_document(*text);
        if (!parsed.ok()) {
            io.err << path << ": not learned:\n";
            for (const auto& problem : parsed.problems) io.err << "  " << to_string(problem) << '\n';
            if (status == kExitOk) status = kExitInvalid;
            continue;
        }
        const ExecutionPlan& plan = parsed.value->plan;
        file.memory.learn_plan(match::schema_identity(plan, slug), plan, today);
        ++learned_plans;
        io.err << path << ": learned " << plan.field_mapping.size() << " pair" << (plan.field_mapping.size() == 1 ? "" : "s")
               << " and " << plan.unmapped_sources.size() << " column" << (plan.unmapped_sources.size() == 1 ? "" : "s")
               << " left unmapped\n";
    }
    if (learned_plans == 0) return status == kExitOk ? kExitInvalid : status;
    if (!save_memory_file(file, error)) {
        io.err << "plan-mapper: " << error << '\n';
        return kExitUsage;
    }
    io.err << file.path << ": " << file.memory.size() << " entr" << (file.memory.size() == 1 ? "y" : "ies") << '\n';
    return status;
}

}  // namespace pm::cli
