// `plan-mapper profile --job ID [--api-url URL] [--rows N]`: read the job's source sheet page by
// page (or, offline, `--plan-file FILE --records-file FILE`: a plan and a records response from
// files), profile every column, and print it as JSON with, per column, the destination the column
// maps to once matched as `automap` would (null if none) and how many of its non-blank values that
// destination would not take (null when unmapped). Exit status 0 when the profile is complete or
// stopped at --rows; 3 when reading failed part-way (the partial profile is printed,
// "complete": false); 2 usage; 4 sign-in or access refused.
#include "cli/api_session.h"
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/file_input.h"
#include "cli/records_matching.h"

#include "core/json/problems.h"
#include "core/plan/documents.h"
#include "core/profile/field_check.h"

#include <cstdlib>
#include <ostream>

namespace pm::cli {

namespace {

constexpr std::size_t kTopValues = 10;

Json kinds_json(const profile::ColumnProfile& column) {
    Json kinds = Json::object();
    for (int i = 0; i < profile::kShapeCount; ++i) {
        const auto shape = static_cast<profile::Shape>(1u << i);
        if (const std::size_t n = column.shape_count(shape)) kinds[profile::shape_name(shape)] = n;
    }
    if (column.enum_like()) kinds["enum-like"] = column.filled();
    return kinds;
}

Json column_json(const profile::SheetProfile& sheet, const profile::ColumnProfile& column, const Session& session) {
    Json out = {{"key", column.key()}, {"label", column.label()}, {"blank", sheet.blanks(column)}};
    out["distinct"] = column.distinct();
    if (column.distinct_estimated()) out["distinctEstimated"] = true;
    Json top = Json::array();
    for (const profile::ValueCount& entry : column.top(kTopValues)) top.push_back({{"value", entry.value}, {"count", entry.count}});
    out["top"] = std::move(top);
    out["kinds"] = kinds_json(column);
    if (column.shape_count(profile::kShapeDate) > 0) out["dateFormat"] = profile::date_format_name(column.date_format());
    const std::vector<const Edge*> edges = session.edges_from(column.key());
    if (edges.empty()) {
        out["destination"] = nullptr;
        out["invalid"] = nullptr;
        return out;
    }
    const Edge& edge = *edges.front();
    const profile::FieldCheck check = profile::check_column(sheet, column, edge.destination, profile::mapped_source_values(edge));
    out["destination"] = edge.destination.key;
    out["invalid"] = check.invalid;
    if (check.invalid_estimated) out["invalidEstimated"] = true;
    Json examples = Json::array();
    for (const profile::ValueCount& entry : check.examples) examples.push_back({{"value", entry.value}, {"count", entry.count}});
    if (!examples.empty()) out["invalidExamples"] = std::move(examples);
    const std::string summary = profile::describe_check(column.label(), check);
    if (!summary.empty()) out["problem"] = summary;
    return out;
}

bool parse_rows(const ParsedArgs& args, std::size_t& rows, std::string& error) {
    const auto it = args.options.find("rows");
    if (it == args.options.end()) return true;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(it->second.c_str(), &end, 10);
    if (end == it->second.c_str() || *end != '\0' || value < 1 || value > 10000000 || it->second[0] == '-') {
        error = "--rows needs a whole number from 1 to 10000000";
        return false;
    }
    rows = static_cast<std::size_t>(value);
    return true;
}

Json columns_json(const profile::SheetProfile& sheet, const Session& session) {
    Json columns = Json::array();
    for (const profile::ColumnProfile& column : sheet.columns()) columns.push_back(column_json(sheet, column, session));
    return columns;
}

// --plan-file FILE --records-file FILE: the same profile from files, nothing sent anywhere.
int run_offline_profile(const ParsedArgs& args, const profile::ProfileLimits& limits, Io io) {
    std::optional<PlanDocument> document;
    profile::SheetProfile sheet(limits);
    profile::PageResult page;
    if (const int code = read_offline_inputs(args, io, document, sheet, page); code != kExitOk) return code;
    Session session(document->plan);
    match_with_records(session, sheet, std::nullopt);
    Json out = {{"job", document->job_id.empty() ? Json() : Json(document->job_id)},
                {"sheet", nullptr},
                {"rows", sheet.rows()},
                {"complete", !sheet.full() || page.profiled == page.records}};
    if (!sheet.limit_note().empty()) out["note"] = "Profiled " + sheet.limit_note() + " of the records file.";
    out["columns"] = columns_json(sheet, session);
    io.out << dump_json(out, 2) << '\n';
    return kExitOk;
}

}  // namespace

int run_profile(const std::vector<std::string>& raw_args, Io io) {
    const ParsedArgs args = parse_args(raw_args, {"job", "api-url", "rows", "plan-file", "records-file"}, {});
    std::string error = args.error;
    profile::ReaderOptions options;
    if (error.empty()) parse_rows(args, options.limits.max_rows, error);
    const bool offline = args.options.count("plan-file") || args.options.count("records-file");
    if (error.empty() && offline && (args.options.count("job") || args.options.count("api-url")))
        error = "give --job (rows from the API) or --plan-file with --records-file, not both";
    else if (error.empty() && offline && !(args.options.count("plan-file") && args.options.count("records-file")))
        error = "--plan-file and --records-file go together";
    else if (error.empty() && !offline && !args.options.count("job")) error = "--job is required";
    if (!error.empty() || !args.positional.empty()) {
        io.err << (error.empty() ? "" : "plan-mapper: " + error + "\n") << "usage: " << find_command("profile")->usage;
        return kExitUsage;
    }
    if (offline) return run_offline_profile(args, options.limits, io);
    // Big pages for a command-line read, never more than the rows asked for.
    options.page_size = static_cast<int>(std::min<std::size_t>(5000, options.limits.max_rows));
    const std::string job_id = args.options.at("job");
    const LoadedJobPlan start = load_job_plan(args, job_id, io.err);
    if (!start.api) return start.exit_code;
    const auto reader = start.api->read_records(start.job_plan.job, options);
    const profile::SheetProfile& sheet = reader->profile();

    Session session(start.job_plan.plan);
    match_with_records(session, sheet, std::nullopt);

    Json out = {{"job", job_id}, {"sheet", reader->sheet_id()}, {"rows", sheet.rows()}, {"complete", reader->complete()}};
    if (reader->total_rows()) out["totalRows"] = *reader->total_rows();
    if (!reader->note().empty()) out["note"] = reader->note();
    out["columns"] = columns_json(sheet, session);
    io.out << dump_json(out, 2) << '\n';
    if (!reader->note().empty()) io.err << reader->note() << '\n';

    if (reader->state() == profile::ReaderState::Failed) {
        const int status = reader->failed_status();
        return status == 401 || status == 403 ? kExitAuth : kExitApi;
    }
    return kExitOk;
}

}  // namespace pm::cli
