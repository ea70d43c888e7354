// `plan-mapper body FILE`: the PUT body an unedited session would send for a plan document.
#include "cli/commands.h"
#include "cli/file_input.h"

#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"

#include <ostream>

namespace pm::cli {

int run_body(const std::vector<std::string>& args, Io io) {
    std::string path, job_id, file_id;
    bool job_given = false, file_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if ((arg == "--job-id" || arg == "--file-id") && i + 1 < args.size()) {
            (arg == "--job-id" ? job_id : file_id) = args[++i];
            (arg == "--job-id" ? job_given : file_given) = true;
        } else if (path.empty() && (arg == "-" || arg.rfind("-", 0) != 0)) {
            path = arg;
        } else {
            io.err << "usage: " << commands()[1].usage;
            return kExitUsage;
        }
    }
    if (path.empty()) {
        io.err << "usage: " << commands()[1].usage;
        return kExitUsage;
    }
    std::string error;
    const auto text = read_input(path, error);
    if (!text) {
        io.err << "plan-mapper: " << error << '\n';
        return kExitUsage;
    }
    const Parsed<PlanDocument> parsed = parse_plan_document(*text);
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems) io.err << to_string(problem) << '\n';
        io.err << path << ": has errors; no body written (see `plan-mapper check`)\n";
        return kExitInvalid;
    }
    if (!job_given) job_id = parsed.value->job_id;
    if (!file_given) file_id = parsed.value->file_id;
    if (job_id.empty() || file_id.empty()) {
        io.err << path << ": the document names no " << (job_id.empty() ? "job id" : "file id")
               << "; give it with --job-id / --file-id\n";
        return kExitUsage;
    }
    const Session session(parsed.value->plan);
    for (const auto& repair : session.load_repairs()) io.err << "note: " << to_string(repair) << '\n';
    // The text that would go on the wire: numbers exactly as the document has them.
    io.out << put_body_text(session.plan(), job_id, file_id) << '\n';
    return kExitOk;
}

}  // namespace pm::cli
