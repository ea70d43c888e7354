// See records_matching.h.
#include "cli/records_matching.h"

#include "matcher/plan_matcher.h"
#include "matcher/records_values.h"

namespace pm::cli {

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
