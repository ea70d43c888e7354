// The column profile with exact counts: value shapes, blanks, distinct (exact, then estimated),
// top values, date formats, records pages (hostile ones included), checks against destination
// fields, and the paging reader over the scripted transport.
#include "core/profile/field_check.h"
#include "core/profile/records_reader.h"
#include "core/profile/sheet_profile.h"
#include "core/profile/value_shape.h"

#include "support/fake_http_client.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pm::profile {
namespace {

// A records response: rows of {key: value} where a value of "\x01" means the key is absent and
// "\x02" means JSON null.
std::string records_page(const std::vector<std::vector<std::pair<std::string, std::string>>>& rows) {
    Json records = Json::array();
    int id = 0;
    for (const auto& row : rows) {
        Json values = Json::object();
        for (const auto& [key, value] : row) {
            if (value == "\x01") continue;
            Json cell = {{"valid", true}, {"messages", Json::array()}};
            cell["value"] = value == "\x02" ? Json() : Json(value);
            values[key] = cell;
        }
        records.push_back({{"id", "us_rc_" + std::to_string(++id)}, {"values", values}});
    }
    return dump_json(Json{{"data", {{"records", records}}}});
}

TEST(ValueShape, RecognisesNumbersDatesAndWords) {
    EXPECT_EQ(classify("42").shapes, kShapeNumber | kShapeInteger);
    EXPECT_EQ(classify("-3.25").shapes, kShapeNumber);
    EXPECT_EQ(classify("1,234,567.50").shapes, kShapeNumber);
    EXPECT_EQ(classify("1,23").shapes, 0);            // not a thousands group
    EXPECT_EQ(classify("n/a").shapes, 0);
    EXPECT_EQ(classify("1e3").shapes, kShapeNumber);
    EXPECT_EQ(classify("2024-02-29").date, DateFormat::Iso);
    EXPECT_EQ(classify("2023-02-29").shapes, 0);      // no such day
    EXPECT_EQ(classify("2024-03-09T14:05:00Z").date, DateFormat::IsoDateTime);
    EXPECT_EQ(classify("03/19/2024").date, DateFormat::MonthDaySlash);
    EXPECT_EQ(classify("19/03/2024").date, DateFormat::DaySlash);
    EXPECT_EQ(classify("03/09/2024").date, DateFormat::EitherSlash);
    EXPECT_EQ(classify("09.03.2024").date, DateFormat::DayDot);
    EXPECT_EQ(classify("31/31/2024").shapes, 0);
    EXPECT_EQ(classify("ana@example.com").shapes, kShapeEmail);
    EXPECT_EQ(classify("ana@@example.com").shapes, 0);
    EXPECT_EQ(classify("https://acme.example/x").shapes, kShapeUrl);
    EXPECT_EQ(classify("www.acme.example").shapes, kShapeUrl);
    EXPECT_EQ(classify("+1 (555) 123-4567").shapes, kShapePhone);
    EXPECT_EQ(classify("5551234567").shapes, kShapeNumber | kShapeInteger);  // digits alone: a number
    EXPECT_EQ(classify("Yes").shapes, kShapeBoolean);
    EXPECT_EQ(classify("1").shapes, kShapeNumber | kShapeInteger | kShapeBoolean);
    EXPECT_EQ(classify("maybe").shapes, 0);
}

// The email check passes over letters and digits eight bytes at a time: every byte that decides
// it (the '@', the last dot, a byte an address cannot hold) counts wherever it falls in a word,
// including the last bytes after the whole words and bytes that are not ASCII.
TEST(ValueShape, EmailsDecidedByAnyByteAtAnyPosition) {
    const std::string base = "abcdefghijklmnopqrstuvw";  // 23 bytes: two whole words and a tail
    for (std::size_t at = 1; at + 3 < base.size(); ++at) {
        std::string address = base;
        address[at] = '@';
        address[at + 2] = '.';
        EXPECT_EQ(classify(address).shapes, kShapeEmail) << address;
        for (std::size_t k = 0; k < address.size(); ++k) {
            if (k == at || k == at + 2) continue;
            for (const char c : {' ', '\t', ',', ';', '<', '>', '@'}) {
                std::string bad = address;
                bad[k] = c;
                EXPECT_EQ(classify(bad).shapes, 0) << bad;
            }
        }
        std::string no_domain_dot = address;
        no_domain_dot[at + 2] = 'x';
        EXPECT_EQ(classify(no_domain_dot).shapes, 0) << no_domain_dot;  // no dot after the '@'
    }
    EXPECT_EQ(classify("a.b.c.d.e.f.g@h.i.j.k.l.m.n").shapes, kShapeEmail);           // dots before the '@' too
    EXPECT_EQ(classify("ab.cdefgh@ijklmnop.").shapes, 0);                             // the last dot ends it
    EXPECT_EQ(classify("zo\xC3\xAB.m\xC3\xBCller@example.com").shapes, kShapeEmail);  // UTF-8 letters
    EXPECT_EQ(classify("user=tag?x@example.com").shapes, kShapeEmail);                // '=' and '?' lie between ';' and '@'
    EXPECT_EQ(classify("abcdefg@x.com").shapes, kShapeEmail);
}

TEST(SheetProfile, CountsRowsBlanksDistinctAndTopExactly) {
    SheetProfile sheet;
    sheet.declare_column("status", "Status");
    sheet.declare_column("amount", "Amount");
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    // 9 rows: status Active x4, Pending x2, "  " (blank), absent, null; amount 7 numbers, "n/a", "".
    const char* status[] = {"Active", "Active", "Pending", "Active", "  ", "\x01", "\x02", "Pending", "Active"};
    const char* amount[] = {"1", "2.5", "1,000.00", "n/a", "", "7", "8", "9", "10"};
    for (int i = 0; i < 9; ++i) rows.push_back({{"status", status[i]}, {"amount", amount[i]}});
    const PageResult page = sheet.add_page(records_page(rows));
    ASSERT_TRUE(page.ok) << page.error;
    EXPECT_EQ(page.records, 9u);
    EXPECT_EQ(sheet.rows(), 9u);

    const ColumnProfile* s = sheet.column("status");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->label(), "Status");
    EXPECT_EQ(s->filled(), 6u);
    EXPECT_EQ(sheet.blanks(*s), 3u);
    EXPECT_EQ(s->distinct(), 2u);
    EXPECT_FALSE(s->distinct_estimated());
    const auto top = s->top(5);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[0].value, "Active");
    EXPECT_EQ(top[0].count, 4u);
    EXPECT_EQ(top[1].value, "Pending");
    EXPECT_EQ(top[1].count, 2u);

    const ColumnProfile* a = sheet.column("amount");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->filled(), 8u);
    EXPECT_EQ(a->shape_count(kShapeNumber), 7u);
    EXPECT_EQ(a->shape_count(kShapeInteger), 5u);
    EXPECT_EQ(a->shape_examples(kShapeNumber), (std::vector<std::string>{"1", "2.5", "1,000.00"}));
}

TEST(SheetProfile, PagesAddUpAndColumnsSeenOnlyInRecordsAreAdded) {
    SheetProfile sheet;
    for (int p = 0; p < 3; ++p) {
        std::vector<std::vector<std::pair<std::string, std::string>>> rows;
        for (int i = 0; i < 100; ++i) rows.push_back({{"n", std::to_string(p * 100 + i)}, {"c", i % 2 ? "x" : "y"}});
        ASSERT_TRUE(sheet.add_page(records_page(rows)).ok);
    }
    EXPECT_EQ(sheet.rows(), 300u);
    EXPECT_EQ(sheet.column("n")->distinct(), 300u);
    EXPECT_EQ(sheet.column("c")->distinct(), 2u);
    EXPECT_TRUE(sheet.column("c")->enum_like());
    EXPECT_FALSE(sheet.column("n")->enum_like());
    EXPECT_EQ(sheet.column("n")->label(), "n");
}

TEST(ColumnProfile, DistinctBecomesAnEstimatePastTheCap) {
    DistinctBudget budget;
    budget.per_column = 1000;
    ColumnProfile column("id", "ID");
    for (int i = 0; i < 20000; ++i) column.add("id-" + std::to_string(i), budget);
    for (int i = 0; i < 500; ++i) column.add("id-" + std::to_string(i), budget);  // repeats change nothing
    EXPECT_TRUE(column.distinct_estimated());
    EXPECT_EQ(column.filled(), 20500u);
    EXPECT_EQ(column.counts().size(), 1000u);
    // KMV with 1024 hashes: within 10 % (about three standard errors).
    EXPECT_NEAR(static_cast<double>(column.distinct()), 20000.0, 2000.0);
}

TEST(ColumnProfile, DateFormatFollowsTheUnambiguousValues) {
    DistinctBudget budget;
    ColumnProfile column("d", "D");
    for (const char* v : {"03/09/2024", "04/10/2024", "25/12/2024", "01/02/2024"}) column.add(v, budget);
    EXPECT_EQ(column.date_format(), DateFormat::DaySlash);
    EXPECT_EQ(column.shape_count(kShapeDate), 4u);
    ColumnProfile us("d", "D");
    for (const char* v : {"03/09/2024", "12/31/2024"}) us.add(v, budget);
    EXPECT_EQ(us.date_format(), DateFormat::MonthDaySlash);
}

TEST(SheetProfile, StopsAtTheRowLimitAndSaysSo) {
    ProfileLimits limits;
    limits.max_rows = 150;
    SheetProfile sheet(limits);
    std::vector<std::vector<std::pair<std::string, std::string>>> rows(100, {{"a", "1"}});
    EXPECT_EQ(sheet.add_page(records_page(rows)).profiled, 100u);
    EXPECT_FALSE(sheet.full());
    const PageResult second = sheet.add_page(records_page(rows));
    EXPECT_EQ(second.records, 100u);
    EXPECT_EQ(second.profiled, 50u);
    EXPECT_TRUE(sheet.full());
    EXPECT_EQ(sheet.rows(), 150u);
    EXPECT_EQ(sheet.column("a")->filled(), 150u);
    EXPECT_EQ(sheet.limit_note(), "the first 150 rows");
}

TEST(SheetProfile, HostilePagesGiveAMessageAndKeepWhatWasRead) {
    SheetProfile sheet;
    ASSERT_TRUE(sheet.add_page(records_page({{{"a", "x"}}})).ok);
    const std::string hostile[] = {
        "",
        "{\"data\":{\"records\":[{\"id\":1,\"values\":{\"a\":{\"value\":\"y\"",
        "{\"errors\":[{\"message\":\"nope\"}]}",
        "[1,2,3]",
        "{\"data\":{\"records\":{\"a\":1}}}",
        std::string(100000, '[') + std::string(100000, ']'),
        "{\"data\":{\"records\":[null, 7, \"s\", {\"values\":[1]}, {\"values\":{\"a\":{\"value\":{\"deep\":[1]}}}},"
        " {\"values\":{\"a\":{\"value\":12.5e400}}}]}}",
    };
    for (const std::string& text : hostile) {
        const PageResult page = sheet.add_page(text);
        if (!page.ok) {
            EXPECT_FALSE(page.error.empty());
        }
    }
    // The last hostile page is JSON of the right shape: its six records are rows, and the one
    // number too large for a double is counted by its text.
    EXPECT_EQ(sheet.column("a")->filled(), 2u);
    EXPECT_EQ(sheet.column("a")->count("12.5e400"), 1u);
    const PageResult odd = sheet.add_page(
        "{\"data\":{\"records\":[null, 7, {\"values\":{\"a\":{\"value\":3,\"valid\":false}}}, {\"values\":{\"a\":true}}]}}");
    ASSERT_TRUE(odd.ok) << odd.error;
    EXPECT_EQ(odd.records, 4u);
    EXPECT_EQ(sheet.column("a")->filled(), 4u);
    EXPECT_EQ(sheet.column("a")->flagged(), 1u);
    EXPECT_EQ(sheet.column("a")->count("3"), 1u);
    EXPECT_EQ(sheet.column("a")->count("true"), 1u);
}

TEST(SheetProfile, LongValuesAreCountedByTheirStartWithoutSplittingCharacters) {
    SheetProfile sheet;
    const std::string long_value = std::string(255, 'a') + "\xC3\xA9" + std::string(1000, 'b');
    sheet.add_page(records_page({{{"a", long_value}}, {{"a", long_value + "c"}}}));
    const ColumnProfile* a = sheet.column("a");
    ASSERT_EQ(a->counts().size(), 1u);
    const auto top = a->top(1);
    EXPECT_EQ(top.at(0).value, std::string(255, 'a'));
    EXPECT_EQ(top.at(0).count, 2u);
    EXPECT_EQ(a->count(long_value), 2u);  // looked up by the same cut
}

Field destination(FieldType type, bool required = false) {
    Field field;
    field.key = "d";
    field.type = type;
    field.required = required;
    return field;
}

TEST(FieldCheck, CountsValuesThatDoNotFitTheDestination) {
    SheetProfile sheet;
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    for (int i = 0; i < 90; ++i) rows.push_back({{"amount", std::to_string(i)}, {"ok", "yes"}, {"when", "2024-01-15"}});
    for (int i = 0; i < 6; ++i) rows.push_back({{"amount", "n/a"}, {"ok", "maybe"}, {"when", "2024-02-30"}});
    for (int i = 0; i < 2; ++i) rows.push_back({{"amount", "TBD"}, {"ok", "no"}, {"when", "soon"}});
    for (int i = 0; i < 2; ++i) rows.push_back({{"amount", ""}, {"ok", ""}, {"when", ""}});
    sheet.add_page(records_page(rows));

    const FieldCheck amount = check_column(sheet, *sheet.column("amount"), destination(FieldType::Number));
    EXPECT_EQ(amount.rule, CheckRule::Number);
    EXPECT_EQ(amount.rows, 100u);
    EXPECT_EQ(amount.invalid, 8u);
    EXPECT_EQ(amount.blank, 2u);
    ASSERT_EQ(amount.examples.size(), 2u);
    EXPECT_EQ(amount.examples[0].value, "n/a");
    EXPECT_EQ(amount.examples[0].count, 6u);
    EXPECT_EQ(describe_check("Amount", amount), "Amount: 8 of 100 values are not numbers, 2 blank");

    EXPECT_EQ(check_column(sheet, *sheet.column("ok"), destination(FieldType::Boolean)).invalid, 6u);
    EXPECT_EQ(check_column(sheet, *sheet.column("when"), destination(FieldType::Date)).invalid, 8u);
    const FieldCheck text = check_column(sheet, *sheet.column("when"), destination(FieldType::String, true));
    EXPECT_EQ(text.invalid, 0u);
    EXPECT_TRUE(text.has_problems());
    EXPECT_EQ(describe_check("When", text), "When: 2 blank in a required field");
    EXPECT_EQ(describe_check("When", check_column(sheet, *sheet.column("when"), destination(FieldType::String))), "");
}

TEST(FieldCheck, EnumValuesFitWhenTheyAreOptionsOrMapped) {
    SheetProfile sheet;
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    const char* values[] = {"active", "Active", "ACTIVE", "on hold", "active", "retired", "retired"};
    for (const char* v : values) rows.push_back({{"status", v}});
    sheet.add_page(records_page(rows));
    Field field = destination(FieldType::Enum);
    field.enum_options = {{Json("active"), "Active", {}}, {Json("archived"), "Archived", {}}};
    FieldCheck check = check_column(sheet, *sheet.column("status"), field);
    EXPECT_EQ(check.rule, CheckRule::Enum);
    EXPECT_EQ(check.invalid, 5u);  // Active, ACTIVE, on hold, retired x2
    EXPECT_EQ(check.examples[0].value, "retired");
    check = check_column(sheet, *sheet.column("status"), field, {Json("Active"), Json("retired")});
    EXPECT_EQ(check.invalid, 2u);
    EXPECT_EQ(describe_check("Status", check), "Status: 2 of 7 values are not options of the field");
}

// --- the paging reader -----------------------------------------------------------------------

ApiClientOptions reader_api_options() {
    ApiClientOptions options;
    options.config.base_url = "http://127.0.0.1:9";
    options.config.token = "tok";
    options.random01 = [] { return 0.5; };
    options.wall_clock_ms = [] { return std::int64_t{0}; };
    return options;
}

std::string page_of(int first, int count) {
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    for (int i = first; i < first + count; ++i) rows.push_back({{"n", std::to_string(i)}});
    return records_page(rows);
}

const char* kJob = R"({"data":{"id":"us_jb_1","config":{"sourceSheetId":"us_sh_src","destinationSheetId":"us_sh_dst"}}})";
const char* kSheet = R"({"data":{"id":"us_sh_src","recordCounts":{"total":250},"config":{"fields":[{"key":"n","label":"Number"}]}}})";

TEST(RecordsReader, ReadsEveryPageAndReportsProgress) {
    test::FakeHttpClient http;
    ApiClient api(http, reader_api_options());
    ReaderOptions options;
    options.page_size = 100;
    RecordsReader reader(api, options);
    http.script_status(200, kJob);
    http.script_status(200, kSheet);
    http.script_status(200, page_of(0, 100));
    reader.start_from_job("us_jb_1");
    EXPECT_EQ(reader.progress_text(), "Reading the file: 0 rows");
    std::int64_t now = 0;
    for (int i = 0; i < 3; ++i) api.tick(now += 10);
    EXPECT_EQ(reader.progress_text(), "Reading the file: 100 of 250 rows");
    http.script_status(200, page_of(100, 100));
    http.script_status(200, page_of(200, 50));
    for (int i = 0; i < 3; ++i) api.tick(now += 10);
    EXPECT_EQ(reader.state(), ReaderState::Done);
    EXPECT_TRUE(reader.complete());
    EXPECT_EQ(reader.profile().rows(), 250u);
    EXPECT_EQ(reader.profile().column("n")->label(), "Number");
    EXPECT_EQ(reader.profile().column("n")->distinct(), 250u);
    ASSERT_EQ(http.requests.size(), 5u);
    EXPECT_EQ(http.requests[1].url, "http://127.0.0.1:9/v1/sheets/us_sh_src");
    EXPECT_EQ(http.requests[4].url, "http://127.0.0.1:9/v1/sheets/us_sh_src/records?pageSize=100&pageNumber=3");
    EXPECT_EQ(reader.progress_text(), "");
}

TEST(RecordsReader, APageFailingAfterTheRetriesLeavesAPartialProfile) {
    test::FakeHttpClient http;
    ApiClient api(http, reader_api_options());
    ReaderOptions options;
    options.page_size = 100;
    RecordsReader reader(api, options);
    http.script_status(200, kSheet);
    http.script_status(200, page_of(0, 100));
    for (int i = 0; i < 4; ++i) http.script_status(503);   // the first try and three retries
    reader.start_from_sheet("us_sh_src");
    for (std::int64_t now = 0; now < 60000 && reader.running(); now += 250) api.tick(now);
    EXPECT_EQ(reader.state(), ReaderState::Failed);
    EXPECT_FALSE(reader.complete());
    EXPECT_EQ(reader.failed_status(), 503);
    EXPECT_EQ(reader.profile().rows(), 100u);
    EXPECT_EQ(http.requests.size(), 6u);
    EXPECT_NE(reader.note().find("Reading the file stopped after 100 rows"), std::string::npos) << reader.note();
}

TEST(RecordsReader, ForbiddenSheetFailsQuietlyAndCancelKeepsRows) {
    test::FakeHttpClient http;
    ApiClient api(http, reader_api_options());
    {
        RecordsReader reader(api);
        http.script_status(403, R"({"errors":[{"message":"no"}]})");
        reader.start_from_sheet("us_sh_src");
        api.tick(1);
        EXPECT_EQ(reader.state(), ReaderState::Failed);
        EXPECT_EQ(reader.failed_status(), 403);
        EXPECT_EQ(reader.profile().rows(), 0u);
    }
    ReaderOptions options;
    options.page_size = 10;
    RecordsReader reader(api, options);
    http.script_status(200, kSheet);
    http.script_status(200, page_of(0, 10));
    reader.start_from_sheet("us_sh_src");
    api.tick(2);
    api.tick(3);
    EXPECT_EQ(reader.profile().rows(), 10u);
    EXPECT_TRUE(reader.running());
    reader.cancel();
    api.tick(4);
    EXPECT_EQ(reader.state(), ReaderState::Cancelled);
    EXPECT_EQ(reader.profile().rows(), 10u);
    EXPECT_FALSE(api.busy());
}

TEST(RecordsReader, AJobWithoutASourceSheetSaysSo) {
    test::FakeHttpClient http;
    ApiClient api(http, reader_api_options());
    RecordsReader reader(api);
    Job job;
    job.raw = Json{{"id", "j"}, {"config", Json::object()}};
    reader.start_from_job(job);
    EXPECT_EQ(reader.state(), ReaderState::Failed);
    EXPECT_TRUE(http.requests.empty());
    EXPECT_FALSE(reader.note().empty());
}

}  // namespace
}  // namespace pm::profile
