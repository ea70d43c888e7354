// The table goes to stderr in the commands, so stdout stays pure JSON for scripts.
#include "cli/match_report.h"

#include "matcher/memory_match.h"
#include "matcher/plan_matcher.h"

#include <iomanip>
#include <ostream>

namespace pm::cli {

namespace {

std::string cell(std::string text, std::size_t width) {
    if (text.size() > width) text = text.substr(0, width - 1) + "~";
    return text;
}

}  // namespace

std::size_t match_into(Session& session, std::optional<double> threshold, std::ostream& table, const match::MappingMemory* memory,
                       const std::string& sheet_slug, const match::ColumnValuesByKey* columns) {
    match::MatchOptions options;
    if (threshold) options.threshold = *threshold;
    options.columns = columns;
    const match::PlanMatch found = memory
        ? match::match_plan_with_memory(session.plan(), *memory, match::schema_identity(session.plan(), sheet_slug),
                                        match::today_days(), options, session.ignored())
              .match
        : match::match_plan(session.plan(), options, session.ignored());
    const std::size_t added = match::apply_suggestions(session, found.suggestions);
    table << std::left << std::setw(28) << "source" << std::setw(28) << "destination" << std::setw(10) << "certainty"
          << "reason\n";
    for (const match::SourceMatch& source : found.result.sources) {
        std::string destination = source.destination_key, certainty, reason = source.reason;
        if (source.assigned()) {
            certainty = to_string(source.certainty);
        } else if (!source.candidates.empty()) {
            const match::Candidate& best = source.candidates.front();
            destination = "-";
            certainty = source.ambiguous ? "ambiguous" : "below";
            reason = "best: " + best.destination_key + " (" + std::to_string(static_cast<int>(best.score * 100 + 0.5)) +
                     "%) " + best.reason;
        } else if (source.reason.rfind("remembered: ", 0) == 0) {
            destination = "-";
            certainty = "none";
        } else {
            destination = "-";
            certainty = "none";
            reason = "no candidate";
        }
        table << std::setw(28) << cell(source.source_key, 27) << std::setw(28) << cell(destination, 27) << std::setw(10)
              << certainty << reason << '\n';
    }
    table << added << " of " << found.result.sources.size() << " unmapped columns mapped\n";
    return added;
}

}  // namespace pm::cli
