// See records_evidence.h.
#include "app/records_evidence.h"

#include "core/profile/field_check.h"
#include "ui/messages.h"

namespace pm {

namespace {

constexpr std::size_t kExamplesShown = 3;

// The row's short mark, "118 not numbers", by the check's rule (message keys).
const char* mark_key(profile::CheckRule rule) {
    switch (rule) {
        case profile::CheckRule::Number: return "values.notNumbers";
        case profile::CheckRule::Date: return "values.notDates";
        case profile::CheckRule::Boolean: return "values.notYesNo";
        case profile::CheckRule::Enum: return "values.notOptions";
        case profile::CheckRule::None: break;
    }
    return "values.invalid";
}

// The sentence for the review and the mirror: core's FieldCheck (counts and the rule) in the
// panel's language (the CLI prints core's English sentence, profile::describe_check).
std::string check_text(const std::string& name, const profile::FieldCheck& check) {
    std::vector<std::string> parts;
    if (check.invalid > 0) {
        const char* key = "values.invalidOther";
        switch (check.rule) {
            case profile::CheckRule::Number: key = "values.invalidNumbers"; break;
            case profile::CheckRule::Date: key = "values.invalidDates"; break;
            case profile::CheckRule::Boolean: key = "values.invalidYesNo"; break;
            case profile::CheckRule::Enum: key = "values.invalidOptions"; break;
            case profile::CheckRule::None: break;
        }
        const std::string invalid = ui::group_digits(static_cast<long long>(check.invalid), ui::messages().language());
        parts.push_back(
            ui::trn(key, static_cast<long long>(check.rows),
                    {{"invalid", check.invalid_estimated ? ui::tr("values.about", {{"number", invalid}}) : invalid}}));
    }
    if (check.blank > 0 && (check.required || check.invalid > 0))
        parts.push_back(ui::trn(check.required ? "values.blankRequired" : "values.blank", static_cast<long long>(check.blank)));
    if (parts.empty()) return {};
    std::string joined = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i) joined += ", " + parts[i];
    return ui::tr("values.summary", {{"name", name}, {"problems", joined}});
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
        problem.text = check_text(edge.destination.display_name(), check);
        if (check.invalid > 0) problem.mark = ui::trn(mark_key(check.rule), static_cast<long long>(check.invalid));
        else problem.mark = ui::trn("values.blank", static_cast<long long>(check.blank));
        for (std::size_t i = 0; i < check.examples.size() && i < kExamplesShown; ++i)
            problem.examples += (i ? ", \"" : "\"") + check.examples[i].value + "\" (" + profile::with_thousands(check.examples[i].count) + ")";
        out.emplace(edge.destination.key, std::move(problem));
    }
    return out;
}

}  // namespace pm
