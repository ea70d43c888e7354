// The table of subcommands.
#include "cli/commands.h"

namespace pm::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"check", "validate a plan or a GET-plan response",
         "plan-mapper check FILE\n"
         "  Reads FILE ('-' for standard input): a GET /jobs/{id}/plan response, {job, plan}, a bare\n"
         "  plan, or a PUT/PATCH plan body. Prints each problem with its JSON Pointer.\n"
         "  Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable file.\n",
         run_check},
        {"body", "print the PUT body an unedited session would send",
         "plan-mapper body [--job-id ID] [--file-id ID] FILE\n"
         "  Reads a plan document like `check` and prints, as pretty JSON, the body of\n"
         "  PUT /jobs/{id}/plan for the plan as a fresh mapping session holds it. Job and file ids\n"
         "  come from the document; the options supply or override them.\n"
         "  Exit status: 0 written, 1 the document has errors, 2 usage error or unreadable file.\n",
         run_body},
    };
    return table;
}

}  // namespace pm::cli
