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
        {"match", "map a plan's unmapped columns with the auto-matcher",
         "plan-mapper match FILE [--threshold T] [--memory FILE [--sheet SLUG]]\n"
         "  Reads a plan document like `check`, maps its unmapped source columns with the matcher's\n"
         "  one-to-one assignment (pairs scoring at least T, default 0.5; ambiguous pairs stay\n"
         "  unmapped), prints the plan as JSON on stdout and a table (source, destination,\n"
         "  certainty, reason) on stderr.\n"
         "  --memory FILE: pairs remembered from earlier imports of the schema (see `learn`; SLUG, the\n"
         "  sheet's slug, when known) are proposed first, with certainty absolute; an unreadable or\n"
         "  invalid memory file is reported and ignored.\n"
         "  Exit status: 0 written, 1 the document has errors, 2 usage error or unreadable file.\n",
         run_match},
        {"automap", "GET a job's plan, match it, PUT it, and optionally execute the job",
         "plan-mapper automap --job ID [--accuracy exact|confident] [--execute] [--threshold T] [--api-url URL]\n"
         "                    [--memory FILE [--sheet SLUG]]\n"
         "plan-mapper automap --plan-file FILE --records-file FILE [--threshold T] [--memory FILE]\n"
         "  GET /jobs/ID/plan, map the unmapped columns as `match` does, map every distinct value of\n"
         "  each enum column read from the source rows (GET /sheets/{sourceSheetId}/records; the\n"
         "  preview's values only when the rows cannot be read), PUT the plan when anything was\n"
         "  added, and with --execute POST /jobs/ID/execute only when every edge meets the\n"
         "  accuracy: exact = every edge absolute; confident (default) = strong or absolute.\n"
         "  --memory FILE: remembered pairs first, as for `match`; the saved plan is then learned.\n"
         "  The matcher weighs each column's values over all the rows read, not only the preview.\n"
         "  Offline, --plan-file with --records-file (a records response) does the same from files\n"
         "  and prints the plan as JSON; nothing is sent.\n"
         "  Token from FLATFILE_BEARER_TOKEN or FLATFILE_API_KEY; base URL from --api-url, else\n"
         "  FLATFILE_API_URL, else https://api.x.flatfile.com/v1.\n"
         "  Exit status: 0 done (and executed with --execute), 1 accuracy not met (the plan was saved,\n"
         "  the job not executed), 2 usage error or missing token, 3 network or server error,\n"
         "  4 sign-in or access refused (401/403).\n",
         run_automap},
        {"get", "print a job's plan (GET /jobs/ID/plan)",
         "plan-mapper get --job ID [--api-url URL]\n"
         "  Prints the GET-plan response as JSON. Token and base URL as for `automap`.\n"
         "  Exit status: 0, 2 usage, 3 network or server error, 4 sign-in or access refused.\n",
         run_get},
        {"put", "replace a job's plan (PUT /jobs/ID/plan) with a plan document",
         "plan-mapper put --job ID [--file-id ID] FILE [--api-url URL]\n"
         "  Sends FILE's plan as the PUT body (file id from the document or --file-id) and prints\n"
         "  the server's answer. Exit status: 0, 1 the document has errors, 2 usage, 3 network or\n"
         "  server error (the server's messages are printed), 4 sign-in or access refused.\n",
         run_put},
        {"profile", "read a job's source rows and profile every column (GET /sheets/ID/records)",
         "plan-mapper profile --job ID [--rows N] [--api-url URL]\n"
         "plan-mapper profile --plan-file FILE --records-file FILE [--rows N]\n"
         "  Reads the job's source sheet (config.sourceSheetId) page by page, at most N rows (default\n"
         "  50000), and prints JSON: {job, sheet, rows, complete, columns: [{key, label, blank,\n"
         "  distinct, top: [{value, count}], kinds: {kind: count}, destination, invalid}]}, where\n"
         "  destination is what the column maps to once matched as `automap` would (null if none) and\n"
         "  invalid counts its non-blank values that destination would not take (null if unmapped).\n"
         "  Offline, the plan (or GET-plan response) and the rows (a records response,\n"
         "  {data: {records: [...]}}) come from files; sheet is null.\n"
         "  Token and base URL as for `automap`. Exit status: 0 (also when stopped at N rows),\n"
         "  2 usage, 3 reading failed part-way (the partial profile is printed, complete false),\n"
         "  4 sign-in or access refused.\n",
         run_profile},
        {"learn", "remember the pairs of confirmed plans in a mapping memory file",
         "plan-mapper learn --memory FILE [--sheet SLUG] PLAN...\n"
         "  Reads each PLAN like `check` (a confirmed plan: the answer to a PUT, or a GET-plan\n"
         "  response) and adds its edges to the memory in FILE (created when missing), keyed by the\n"
         "  normalized source header and the schema (a fingerprint of the destination keys, plus\n"
         "  SLUG when given); the columns it left unmapped are remembered as such. The file holds\n"
         "  headers, keys, counts and dates: no values, no token. At most 10,000 entries per schema.\n"
         "  Exit status: 0 learned, 1 a plan had errors or FILE is not a memory (left as it is),\n"
         "  2 usage error or unreadable file.\n",
         run_learn},
    };
    return table;
}

const Command* find_command(const std::string& name) {
    for (const Command& command : commands())
        if (name == command.name) return &command;
    return nullptr;
}

}  // namespace pm::cli
