// The value check's sentence (app/records_evidence.h), the one the review and the mirror show
// for a mapped column whose rows do not fit: in the panel's language from the catalog, and in
// English the same words as core's profile::describe_check (which the CLI prints).
#include "app/records_evidence.h"
#include "core/plan/documents.h"
#include "core/profile/field_check.h"
#include "ui/messages.h"

#include <gtest/gtest.h>

namespace pm {
namespace ui {
extern const char* const kFullMessageCatalog;  // every language, generated for the tests
}
namespace {

const char* kPlan = R"({
  "fieldMapping": [
    {"sourceField": {"key": "amount", "label": "Amount", "type": "string"},
     "destinationField": {"key": "total", "label": "Total", "type": "number", "constraints": [{"type": "required"}]}}
  ],
  "unmappedSourceFields": [],
  "unmappedDestinationFields": []
})";

std::string records_json() {
    const char* values[] = {"12", "x", "", "7", "abc", "3", "1,200", "n/a"};
    std::string records;
    for (int i = 0; i < 8; ++i)
        records += std::string(i ? "," : "") + R"({"id":"r)" + std::to_string(i) + R"(","values":{"amount":{"value":")" +
            values[i] + R"(","valid":true,"messages":[]}}})";
    return R"({"data":{"records":[)" + records + "]}}";
}

class LanguageGuard {
public:
    ~LanguageGuard() { ui::messages().select("en"); }
};

TEST(RecordsEvidence, TheValueCheckSentenceFollowsThePanelsLanguage) {
    LanguageGuard restore;
    auto parsed = parse_plan_document(kPlan);
    ASSERT_TRUE(parsed.value);
    Session session(std::move(parsed.value->plan));
    profile::SheetProfile rows;
    ASSERT_TRUE(rows.add_page(records_json()).ok);
    const Edge& edge = session.plan().field_mapping.front();
    const profile::FieldCheck check =
        profile::check_column(rows, *rows.column("amount"), edge.destination, profile::mapped_source_values(edge));
    ASSERT_GT(check.invalid, 0u);
    ASSERT_GT(check.blank, 0u);

    ui::messages().select("en");
    auto problems = value_problems(session, rows);
    ASSERT_EQ(problems.count("total"), 1u);
    EXPECT_EQ(problems["total"].text, profile::describe_check("Total", check));

    // German as a page that asked for it has it (the web module compiles in English only).
    ui::messages().add_language("de", Json::parse(ui::kFullMessageCatalog)["de"]);
    ui::messages().select("de");
    problems = value_problems(session, rows);
    EXPECT_EQ(problems["total"].text,
              "Total: " + std::to_string(check.invalid) + " von " + std::to_string(check.rows) + " Werten sind keine Zahlen, " +
                  std::to_string(check.blank) + " leer in einem Pflichtfeld");
}

}  // namespace
}  // namespace pm
