// See records_evidence.h.
#include "app/records_evidence.h"

#include "core/profile/field_check.h"

namespace pm {

namespace {

constexpr std::size_t kExamplesShown = 3;

const char* short_noun(profile::CheckRule rule) {
    switch (rule) {
        case profile::CheckRule::Number: return "not numbers";
        case profile::CheckRule::Date: return "not dates";
        case profile::CheckRule::Boolean: return "not yes/no";
        case profile::CheckRule::Enum: return "not options";
        case profile::CheckRule::None: return "";
    }
    return "";
}

}  // namespace

std::map<std::string, ui::ValueProblem> value_problems(const Session& session, const profile::SheetProfile& records) {
    std::map<std::string, ui::ValueProblem> out;
    if (records.rows() == 0) return out;
    for (const Edge& edge : session.plan().field_mapping) {
        const profile::ColumnProfile* column = records.column(edge.source.key);
        if (!column) continue;
        const profile::FieldCheck check =
            profile::check_column(records, *column, edge.destination, profile::mapped_source_values(edge));
        if (!check.has_problems()) continue;
        ui::ValueProblem problem;
        problem.text = profile::describe_check(edge.destination.display_name(), check);
        if (check.invalid > 0) problem.mark = profile::with_thousands(check.invalid) + " " + short_noun(check.rule);
        else problem.mark = profile::with_thousands(check.blank) + " blank";
        for (std::size_t i = 0; i < check.examples.size() && i < kExamplesShown; ++i)
            problem.examples += (i ? ", \"" : "\"") + check.examples[i].value + "\" (" + profile::with_thousands(check.examples[i].count) + ")";
        out.emplace(edge.destination.key, std::move(problem));
    }
    return out;
}

}  // namespace pm
