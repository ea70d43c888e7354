// Value evidence from whole columns (issue 15, point 3): synthetic column summaries change what the
// matcher proposes and how sure it is, and the reason names the figures; summaries made from a
// sheet profile count kinds over every value; enum values matched from the rows leave alone what
// the server or the person decided.
#include "matcher/field_matcher.h"
#include "matcher/profile_enum_values.h"
#include "matcher/records_values.h"
#include "matcher/value_evidence.h"

#include "core/plan/documents.h"
#include "core/plan/parse.h"
#include "core/profile/sheet_profile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pm::match {
namespace {

UnmappedField source(const std::string& key, const std::string& label, std::vector<std::string> preview) {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", "string"}});
    out.preview = std::move(preview);
    return out;
}

UnmappedField destination(const std::string& key, const std::string& label, const std::string& type = "string",
                          Json options = nullptr) {
    Json raw = {{"key", key}, {"label", label}, {"type", type}};
    if (!options.is_null()) raw["config"] = {{"options", std::move(options)}};
    UnmappedField out;
    out.field = field_from_raw(raw);
    return out;
}

// `rows` rows: `share` of them `value_a(i)`, the rest `value_b(i)` (each distinct unless the
// function repeats).
template <class A, class B>
ColumnValues column(std::size_t rows, double share, A value_a, B value_b) {
    std::map<std::string, std::size_t> tally;
    const auto a = static_cast<std::size_t>(static_cast<double>(rows) * share + 0.5);
    for (std::size_t i = 0; i < rows; ++i) ++tally[i < a ? value_a(i) : value_b(i)];
    return summarize_column(rows, {tally.begin(), tally.end()});
}

std::string email(std::size_t i) { return "person" + std::to_string(i) + "@example.com"; }
std::string phone(std::size_t i) { return "+1 555 01" + std::to_string(10 + i % 90); }
std::string date(std::size_t i) { return "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10); }

const Candidate* candidate(const SourceMatch& match, const std::string& key) {
    for (const Candidate& c : match.candidates)
        if (c.destination_key == key) return &c;
    return nullptr;
}

TEST(ColumnValues, KindsAreCountedOverEveryValueWeightedByCount) {
    const ColumnValues c = summarize_column(10, {{"a@example.com", 6}, {"n/a", 3}, {"", 1}});
    EXPECT_EQ(c.rows, 10u);
    EXPECT_EQ(c.sampled, 9u) << "blank values are not counted";
    EXPECT_EQ(c.kinds[0], 6u) << "kKindEmail is bit 0";
    EXPECT_EQ(c.common, (std::vector<std::string>{"a@example.com", "n/a"}));
    const ValueProfile p = column_value_profile(c);
    EXPECT_NEAR(p.share(kKindEmail), 6.0 / 9.0, 1e-9);
}

TEST(ColumnValues, MadeFromASheetProfileOfRecords) {
    profile::SheetProfile sheet;
    for (int i = 0; i < 100; ++i) {
        sheet.begin_row();
        sheet.add_cell("contact", i < 98 ? email(static_cast<std::size_t>(i)) : "call me");
        if (i % 2 == 0) sheet.add_cell("flag", i % 4 == 0 ? "yes" : "no");
    }
    const ColumnValuesByKey columns = column_values(sheet);
    ASSERT_EQ(columns.count("contact"), 1u);
    EXPECT_EQ(columns.at("contact").rows, 100u);
    EXPECT_EQ(columns.at("contact").sampled, 100u);
    EXPECT_EQ(columns.at("contact").kinds[0], 98u);
    EXPECT_EQ(columns.at("flag").sampled, 50u) << "blank cells are not values";
    EXPECT_EQ(columns.at("flag").common, (std::vector<std::string>{"no", "yes"}));
}

// Three phone numbers in the preview, e-mail addresses in 98 % of 9,000 rows: the previews send
// the column to the phone field, the whole column to the e-mail field, and the reason says why.
TEST(ColumnEvidence, TheWholeColumnOutweighsThePreview) {
    const std::vector<UnmappedField> sources = {source("contact", "Contact", {phone(1), phone(2), phone(3)})};
    const std::vector<UnmappedField> destinations = {destination("contact_email", "Contact email"),
                                                     destination("contact_phone", "Contact phone")};
    const MatchResult previews = match_fields(sources, destinations);
    ASSERT_FALSE(previews.sources[0].candidates.empty());
    EXPECT_EQ(previews.sources[0].candidates.front().destination_key, "contact_phone");

    ColumnValuesByKey columns;
    columns.emplace("contact", column(9000, 0.98, email, phone));
    MatchOptions options;
    options.columns = &columns;
    const MatchResult rows = match_fields(sources, destinations, options);
    ASSERT_FALSE(rows.sources[0].candidates.empty());
    const Candidate& best = rows.sources[0].candidates.front();
    EXPECT_EQ(best.destination_key, "contact_email");
    EXPECT_NE(best.reason.find("values: 98% email addresses in 9,000 rows"), std::string::npos) << best.reason;
    const Candidate* phone_field = candidate(rows.sources[0], "contact_phone");
    if (phone_field) {
        EXPECT_LT(phone_field->score, best.score);
    }
}

// A column named exactly like the date field whose values are 40 % not dates: proposed at most
// with moderate certainty (the preview's three dates made it absolute).
TEST(ColumnEvidence, AColumnOfManyNonDatesIsNeverACertainDate) {
    const std::vector<UnmappedField> sources = {source("order_date", "Order date", {date(1), date(2), date(3)})};
    const std::vector<UnmappedField> destinations = {destination("order_date", "Order date", "date")};
    const MatchResult previews = match_fields(sources, destinations);
    EXPECT_EQ(previews.sources[0].certainty, Certainty::Absolute);

    ColumnValuesByKey columns;
    columns.emplace("order_date", column(5000, 0.6, date, [](std::size_t) { return std::string("n/a"); }));
    MatchOptions options;
    options.columns = &columns;
    const MatchResult rows = match_fields(sources, destinations, options);
    ASSERT_FALSE(rows.sources[0].candidates.empty());
    const Candidate& only = rows.sources[0].candidates.front();
    EXPECT_LE(only.score, kMisfitScoreCap);
    EXPECT_TRUE(only.certainty == Certainty::Moderate || only.certainty == Certainty::Weak) << to_string(only.certainty);
    EXPECT_NE(only.reason.find("values contradict: 60% dates in 5,000 rows"), std::string::npos) << only.reason;
    // At the default auto-apply threshold (0.9) it is not applied.
    EXPECT_LT(rows.sources[0].score, 0.9);
}

// Distinct values that are the enum's options are evidence for it, the preview's three
// placeholders against it.
TEST(ColumnEvidence, EnumOptionsOverlapCounts) {
    const Json options = Json::array({{{"value", "gold"}, {"label", "Gold"}},
                                      {{"value", "silver"}, {"label", "Silver"}},
                                      {{"value", "bronze"}, {"label", "Bronze"}}});
    const std::vector<UnmappedField> sources = {source("level", "Level", {"-", "-", "-"})};
    const std::vector<UnmappedField> destinations = {destination("membership_level", "Membership level", "enum", options)};
    const MatchResult previews = match_fields(sources, destinations);
    const Candidate* before = candidate(previews.sources[0], "membership_level");

    const char* levels[] = {"Gold", "silver", "BRONZE", "Gold"};
    ColumnValuesByKey columns;
    columns.emplace("level", column(2000, 0.99, [&](std::size_t i) { return std::string(levels[i % 4]); },
                                    [](std::size_t) { return std::string("-"); }));
    MatchOptions match_options;
    match_options.columns = &columns;
    const MatchResult rows = match_fields(sources, destinations, match_options);
    const Candidate* after = candidate(rows.sources[0], "membership_level");
    ASSERT_NE(after, nullptr);
    if (before) {
        EXPECT_GT(after->score, before->score);
    }
    EXPECT_NE(after->reason.find("3 of 4 common values are options of the field (2,000 rows)"), std::string::npos)
        << after->reason;
}

// Without summaries nothing changes: the same result as with an empty map.
TEST(ColumnEvidence, NoSummaryMeansThePreviewDecides) {
    const std::vector<UnmappedField> sources = {source("contact", "Contact", {phone(1), phone(2), phone(3)})};
    const std::vector<UnmappedField> destinations = {destination("contact_email", "Contact email"),
                                                     destination("contact_phone", "Contact phone")};
    ColumnValuesByKey other;
    other.emplace("something_else", column(100, 1.0, email, email));
    MatchOptions options;
    options.columns = &other;
    const MatchResult a = match_fields(sources, destinations);
    const MatchResult b = match_fields(sources, destinations, options);
    ASSERT_EQ(a.sources[0].candidates.size(), b.sources[0].candidates.size());
    for (std::size_t i = 0; i < a.sources[0].candidates.size(); ++i) {
        EXPECT_EQ(a.sources[0].candidates[i].destination_key, b.sources[0].candidates[i].destination_key);
        EXPECT_EQ(a.sources[0].candidates[i].score, b.sources[0].candidates[i].score);
        EXPECT_EQ(a.sources[0].candidates[i].reason, b.sources[0].candidates[i].reason);
    }
}

// Enum values from the rows: the server's mapping stays, a value the person unmapped stays
// unmapped, the others are matched.
TEST(ProfileEnumValues, KeepWhatTheServerAndThePersonDecided) {
    const char* plan = R"({"fieldMapping": [
      {"sourceField": {"key": "status", "label": "Status", "type": "string"},
       "destinationField": {"key": "state", "label": "State", "type": "enum",
         "config": {"options": [{"value": "active", "label": "Active"}, {"value": "inactive", "label": "Inactive"},
                                {"value": "archived", "label": "Archived"}]}},
       "enumDetails": {"mapping": [{"sourceValue": "Active", "destinationValue": "archived"},
                                   {"sourceValue": "Inactive", "destinationValue": "inactive"}],
                       "unusedSourceValues": [], "unusedDestinationValues": ["active"]}}],
      "unmappedSourceFields": [], "unmappedDestinationFields": []})";
    const Parsed<PlanDocument> parsed = parse_plan_document(plan);
    ASSERT_TRUE(parsed.ok());
    Session session(parsed.value->plan);
    ASSERT_TRUE(session.set_enum_value("state", Json("Inactive"), std::nullopt).refused.empty());  // the person
    profile::SheetProfile sheet;
    for (const char* value : {"Active", "Inactive", "archived", "ACTIVE"}) {
        sheet.begin_row();
        sheet.add_cell("status", value);
    }
    const EnumFill fill = map_enum_values_from_profile(session, sheet);
    EXPECT_EQ(fill.mapped, 2u);
    std::map<std::string, std::string> mapped;
    for (const CategoryMapping& pair : session.edge_to("state")->enum_details->mapping)
        if (pair.source_value && pair.destination_value)
            mapped[pair.source_value->get<std::string>()] = pair.destination_value->get<std::string>();
    EXPECT_EQ(mapped, (std::map<std::string, std::string>{{"Active", "archived"}, {"archived", "archived"}, {"ACTIVE", "active"}}));
}

}  // namespace
}  // namespace pm::match
