// See records_matching.h.
#include "cli/records_matching.h"

#include "cli/file_input.h"
#include "core/json/problems.h"
#include "matcher/plan_matcher.h"
#include "matcher/records_values.h"

namespace pm::cli {

int read_offline_inputs(const ParsedArgs& args, Io io, std::optional<PlanDocument>& document, profile::SheetProfile& sheet,
                        profile::PageResult& page) {
    std::string error;
    const auto plan_text = read_input(args.options.at("plan-file"), error);
    const auto records_text = plan_text ? read_input(args.options.at("records-file"), error) : std::nullopt;
    if (!plan_text || !records_text) {
        io.err << "plan-mapper: " << error << '\n';
        return kExitUsage;
    }
    Parsed<PlanDocument> parsed = parse_plan_document(*plan_text);
    if (!parsed.ok()) {
        for (const auto& problem : parsed.problems) io.err << to_string(problem) << '\n';
        return kExitInvalid;
    }
    page = sheet.add_page(*records_text);
    if (!page.ok) {
        io.err << "plan-mapper: " << args.options.at("records-file") << ": " << page.error << '\n';
        return kExitUsage;
    }
    document = std::move(parsed.value);
    return kExitOk;
}

RecordsMatch match_with_records(Session& session, const profile::SheetProfile& sheet, std::optional<double> threshold) {
    RecordsMatch out;
    match::MatchOptions options;
    if (threshold) options.threshold = *threshold;
    // The whole columns' values are the matcher's value evidence, as in automap.
    const match::ColumnValuesByKey columns = match::column_values(sheet);
    options.columns = &columns;
    const match::PlanMatch found = match::match_plan(session.plan(), options, session.ignored());
    out.pairs = match::apply_suggestions(session, found.suggestions);
    out.enum_values = match::map_enum_values_from_profile(session, sheet);
    return out;
}

}  // namespace pm::cli
