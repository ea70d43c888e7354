// `plan-mapper check FILE`: reads a plan document and lists its problems.
#include "cli/commands.h"
#include "cli/file_input.h"

#include "core/plan/documents.h"

#include <ostream>

namespace pm::cli {

int run_check(const std::vector<std::string>& args, Io io) {
    if (args.size() != 1 || (args[0].size() > 1 && args[0][0] == '-')) {
        io.err << "usage: " << commands()[0].usage;
        return kExitUsage;
    }
    std::string error;
    const auto text = read_input(args[0], error);
    if (!text) {
        io.err << "plan-mapper: " << error << '\n';
        return kExitUsage;
    }
    const Parsed<PlanDocument> parsed = parse_plan_document(*text);
    for (const auto& problem : parsed.problems) io.out << to_string(problem) << '\n';
    const std::size_t errors = count_errors(parsed.problems);
    const std::size_t warnings = parsed.problems.size() - errors;
    io.out << args[0] << ": ";
    if (parsed.value) {
        const ExecutionPlan& plan = parsed.value->plan;
        io.out << to_string(parsed.value->kind) << ", " << plan.field_mapping.size() << " edges, "
               << plan.unmapped_sources.size() << " unmapped sources, " << plan.unmapped_destinations.size()
               << " unmapped destinations; ";
    }
    io.out << (parsed.ok() ? "valid" : "invalid") << " (" << errors << " errors, " << warnings << " warnings)\n";
    return parsed.ok() ? kExitOk : kExitInvalid;
}

}  // namespace pm::cli
