// `plan-mapper automap --job ID [--accuracy exact|confident] [--execute] [--memory FILE]`: GET the
// plan, match the unmapped columns (remembered pairs first), map every enum value found in the
// source rows (GET .../records), PUT it (the memory learns the saved plan), and with --execute run the job only when every edge meets the
// accuracy (Flatfile's automap plugin rule: exact = every edge absolute; confident = strong or
// absolute; an edge without metadata fails; an empty fieldMapping fails).
#include "cli/api_session.h"
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/match_report.h"
#include "cli/memory_file.h"
#include "cli/records_matching.h"

#include "cli/file_input.h"

#include "core/json/problems.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"
#include "matcher/profile_enum_values.h"
#include "matcher/records_values.h"

#include <ostream>

namespace pm::cli {

std::optional<double> parse_threshold(const ParsedArgs& args, std::string& error);
std::optional<MemoryFile> open_memory_option(const ParsedArgs& args, Io io);

namespace {

// Why the plan does not meet the accuracy, or "" when it does.
std::string accuracy_gap(const ExecutionPlan& plan, bool exact) {
    if (plan.field_mapping.empty()) return "at least one field must be mapped";
    for (const Edge& edge : plan.field_mapping) {
        const Certainty c = edge.metadata ? edge.metadata->certainty : Certainty::None;
        const bool ok = exact ? c == Certainty::Absolute : (c == Certainty::Absolute || c == Certainty::Strong);
        if (!ok)
            return edge.source.key + " -> " + edge.destination.key + " is " +
                   (c == Certainty::None ? std::string("without certainty") : std::string(to_string(c)));
    }
    return {};
}

// --plan-file FILE --records-file FILE: the same matching from files (the rows' whole columns as
// value evidence, every enum value from them); the plan goes to stdout, nothing is sent.
int run_offline_automap(const ParsedArgs& args, std::optional<double> threshold, Io io) {
    std::optional<PlanDocument> document;
    profile::SheetProfile sheet;
    profile::PageResult page;
    if (const int code = read_offline_inputs(args, io, document, sheet, page); code != kExitOk) return code;
    Session session(document->plan);
    std::optional<MemoryFile> memory = open_memory_option(args, io);
    const match::ColumnValuesByKey columns = match::column_values(sheet);
    match_into(session, threshold, io.err, memory && memory->usable ? &memory->memory : nullptr,
               args.options.count("sheet") ? args.options.at("sheet") : "", &columns);
    const match::EnumFill fill = match::map_enum_values_from_profile(session, sheet);
    io.err << fill.mapped << " enum value" << (fill.mapped == 1 ? "" : "s") << " mapped from " << sheet.rows() << " rows\n";
    io.out << dump_json(write_plan(session.plan()), 2) << '\n';
    return kExitOk;
}

}  // namespace

int run_automap(const std::vector<std::string>& raw_args, Io io) {
    const ParsedArgs args = parse_args(
        raw_args, {"job", "accuracy", "api-url", "threshold", "memory", "sheet", "plan-file", "records-file"}, {"execute"});
    std::string error = args.error;
    const std::optional<double> threshold = error.empty() ? parse_threshold(args, error) : std::nullopt;
    const std::string accuracy = args.options.count("accuracy") ? args.options.at("accuracy") : "confident";
    if (error.empty() && accuracy != "exact" && accuracy != "confident") error = "--accuracy is exact or confident";
    const bool offline = args.options.count("plan-file") || args.options.count("records-file");
    if (error.empty() && offline && (args.options.count("job") || args.options.count("api-url") || args.flags.count("execute")))
        error = "give --job (the API) or --plan-file with --records-file, not both";
    else if (error.empty() && offline && !(args.options.count("plan-file") && args.options.count("records-file")))
        error = "--plan-file and --records-file go together";
    else if (error.empty() && !offline && !args.options.count("job")) error = "--job is required";
    if (!error.empty() || !args.positional.empty()) {
        io.err << (error.empty() ? "" : "plan-mapper: " + error + "\n") << "usage: " << find_command("automap")->usage;
        return kExitUsage;
    }
    if (offline) return run_offline_automap(args, threshold, io);
    const std::string job_id = args.options.at("job");
    const LoadedJobPlan start = load_job_plan(args, job_id, io.err);
    if (!start.api) return start.exit_code;
    ApiSession& api = *start.api;
    const JobPlan& loaded = start.job_plan;
    ApiError api_error;
    Session session(loaded.plan);
    std::optional<MemoryFile> memory = open_memory_option(args, io);
    const std::string slug = args.options.count("sheet") ? args.options.at("sheet") : "";
    // The source rows first: the matcher weighs whole columns, and every distinct value of each
    // enum column is mapped, not only the preview's. When the rows cannot be read the previews
    // are all there is (the note says why).
    const auto reader = api.read_records(loaded.job, profile::ReaderOptions{});
    if (!reader->note().empty()) io.err << reader->note() << '\n';
    const match::ColumnValuesByKey columns = match::column_values(reader->profile());
    const std::size_t added = match_into(session, threshold, io.err, memory && memory->usable ? &memory->memory : nullptr,
                                         slug, columns.empty() ? nullptr : &columns);
    const match::EnumFill fill = match::map_enum_values_from_profile(session, reader->profile());
    if (fill.edges > 0)
        io.err << fill.mapped << " enum value" << (fill.mapped == 1 ? "" : "s") << " mapped from "
               << reader->profile().rows() << " rows (" << fill.unmatched << " without a matching option)\n";
    std::optional<JobPlan> saved = loaded;
    if (added > 0 || fill.mapped > 0) {
        saved = api.put_plan(job_id, loaded.job.file_id, session.plan(), api_error);
        if (!saved) {
            io.err << "plan-mapper: saving the plan: " << api_error.message << '\n';
            return exit_code_for(api_error);
        }
        io.err << "plan saved with " << added << " new pair" << (added == 1 ? "" : "s") << " and " << fill.mapped
               << " enum value" << (fill.mapped == 1 ? "" : "s") << " mapped\n";
    }
    // The saved plan is a confirmed one: the memory learns it (a refused memory file is left alone).
    if (memory && memory->usable) {
        memory->memory.learn_plan(match::schema_identity(saved->plan, slug), saved->plan, match::today_days());
        if (!save_memory_file(*memory, error)) io.err << "plan-mapper: memory not saved: " << error << '\n';
    }
    if (!args.flags.count("execute")) return kExitOk;
    const std::string gap = accuracy_gap(saved->plan, accuracy == "exact");
    if (!gap.empty()) {
        io.err << "not executed: accuracy '" << accuracy << "' not met: " << gap << '\n';
        return kExitInvalid;
    }
    const auto executed = api.execute(job_id, api_error);
    if (!executed) {
        io.err << "plan-mapper: executing the job: " << api_error.message << '\n';
        return exit_code_for(api_error);
    }
    io.err << "job " << job_id << " executed\n";
    return kExitOk;
}

}  // namespace pm::cli
