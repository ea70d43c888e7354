// The records page reader (records_scanner.h) through the sheet profile: escapes and Unicode
// decoded, JSON numbers, booleans and null as cell values, keys missing or in another order from
// record to record (the position cache), the exact bytes Flatfile writes and any other spacing
// giving the same counts, and malformed pages refused whole with a message that says where.
#include "core/profile/records_scanner.h"
#include "core/profile/sheet_profile.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pm::profile {
namespace {

std::string page(const std::string& records) { return "{\"data\":{\"records\":[" + records + "]}}"; }

std::string cell(const std::string& value_json, bool valid = true) {
    return "{\"value\":" + value_json + ",\"valid\":" + (valid ? "true" : "false") + ",\"messages\":[]}";
}

// Every cell the reader hands over, as "key=value" ("key" alone when the cell has no value,
// "!" after it when flagged), records separated by "|".
struct Trace : RecordsSink {
    std::string out;
    bool with_same_key = false;  // "^" after a cell the reader says repeats the previous record's key there
    void record() override { out += "|"; }
    bool cell(std::string_view key, std::string_view value, bool has_value, bool flagged, bool same_key) override {
        out += std::string(key) + (has_value ? "=" + std::string(value) : std::string()) + (flagged ? "!" : "") +
            (same_key && with_same_key ? "^" : "") + ";";
        return true;
    }
    std::string refusal() const override { return {}; }
};

std::string trace(const std::string& text, std::string* error = nullptr) {
    Trace sink;
    const std::string e = scan_records_page(text, sink);
    if (error) *error = e;
    return e.empty() ? sink.out : "error: " + e;
}

TEST(RecordsScanner, DecodesEscapesAndUnicode) {
    const std::string text = page("{\"values\":{\"na\\u006de\":" + cell(R"("Caf\u00e9 \"Le\" \\ \/ tab\there")") +
                                  ",\"emoji\":" + cell(R"("\ud83d\ude00 ok")") + ",\"raw\":" + cell("\"Zoë 日本\"") + "}}");
    EXPECT_EQ(trace(text), "|name=Café \"Le\" \\ / tab\there;emoji=\xF0\x9F\x98\x80 ok;raw=Zoë 日本;");
}

TEST(RecordsScanner, NumbersBooleansAndNullAsValues) {
    const std::string text =
        page("{\"values\":{\"n\":" + cell("-12.50e+3") + ",\"z\":" + cell("0") + ",\"t\":" + cell("true") +
             ",\"f\":" + cell("false", false) + ",\"x\":" + cell("null") + ",\"o\":" + cell("{\"a\":[1]}") + ",\"bare\":7}}");
    EXPECT_EQ(trace(text), "|n=-12.50e+3;z=0;t=true;f=false!;x;o;bare=7;");
}

TEST(RecordsScanner, MembersInAnyOrderAndSpacingReadTheSame) {
    const std::string flatfile = page("{\"id\":\"r1\",\"values\":{\"a\":" + cell("\"x\"", false) + "}}");
    const std::string other =
        "{ \"meta\" : {\"values\":{\"no\":1}} , \"data\" : { \"records\" : [ { \"values\" : { \"a\" : "
        "{ \"messages\" : [ {\"type\":\"error\"} ] , \"valid\" : false , \"value\" : \"x\" } } , "
        "\"id\" : \"r1\" } ] } }\n";
    EXPECT_EQ(trace(flatfile), "|a=x!;");
    EXPECT_EQ(trace(other), "|a=x!;");
}

// The reader says a key repeats only when the previous record had the same key bytes at the same
// position: a record that is not an object, a key spelled with an escape, spacing, a missing or
// moved key all break the chain, and the key handed over is right either way.
TEST(RecordsScanner, SaysWhenAKeyRepeatsThePreviousRecordsAtItsPosition) {
    const std::string a = "\"a\":" + cell("\"1\""), b = "\"b\":" + cell("\"2\"");
    const std::string text =
        page("{\"values\":{" + a + "," + b + "}},{\"values\":{" + a + "," + b + "}},7,{\"values\":{" + a + "," + b +
             "}},{\"values\":{" + b + "," + a + "}},{\"values\":{\"\\u0062\":" + cell("\"3\"") + ",\"a\" :" + cell("\"4\"") +
             "}},{\"values\":{\"b\":" + cell("\"5\"") + ",\"a\" :" + cell("\"6\"") + "}},{\"values\":{" + b + "}}");
    Trace sink;
    sink.with_same_key = true;
    ASSERT_EQ(scan_records_page(text, sink), "");
    EXPECT_EQ(sink.out, "|a=1;b=2;|a=1^;b=2^;||a=1;b=2;|b=2;a=1;|b=3;a=4;|b=5;a=6^;|b=2^;");
}

// A usual cell's opening is read with its key's bytes, and its closing with the comma after it:
// a later record with another form at that position (a bare value, members in another order, a
// null value, messages, spacing, an escape, the last cell without a comma) reads the same as
// it would alone, and so does a position that takes the usual form after another one.
TEST(RecordsScanner, UsualCellBytesAndAnyOtherFormAtTheSamePositionReadTheSame) {
    const std::string text = page(
        "{\"values\":{\"a\":" + cell("\"1\"") + ",\"b\":" + cell("\"2\"", false) + ",\"c\":" + cell("\"3\"") + "}}," +
        "{\"values\":{\"a\":" + cell("\"4\"") + ",\"b\":" + cell("\"5\"", false) + ",\"c\":" + cell("\"6\"", false) + "}}," +
        "{\"values\":{\"a\":7,\"b\":{\"valid\":false,\"value\":\"8\"},\"c\":" + cell("\"9\"") + "}}," +
        "{\"values\":{\"a\":" + cell(R"("q\"uote")") + ",\"b\":" + cell("null") +
        ",\"c\":{\"value\":\"10\",\"valid\":true,\"messages\":[{\"m\":1}]}}}," + "{\"values\":{\"a\":" + cell("\"11\"") +
        " ,\"b\":" + cell("\"12\"") + "}}," + "{\"values\":{\"a\":" + cell("\"13\"") + ",\"b\":" + cell("\"14\"", false) + "}}");
    Trace sink;
    sink.with_same_key = true;
    ASSERT_EQ(scan_records_page(text, sink), "");
    EXPECT_EQ(sink.out, "|a=1;b=2!;c=3;|a=4^;b=5!^;c=6!^;|a=7;b=8!;c=9^;|a=q\"uote^;b^;c=10^;|a=11^;b=12^;|a=13^;b=14!^;");

    // A value that is not JSON after its key's bytes were matched is refused as anywhere else.
    std::string error;
    const std::string usual = "{\"values\":{\"a\":" + cell("\"1\"") + "}}";
    EXPECT_EQ(trace(page(usual + "," + "{\"values\":{\"a\":" + cell("\"\\x\"") + "}}"), &error).rfind("error: ", 0), 0u);
    EXPECT_NE(error.find("an unknown escape"), std::string::npos) << error;
    EXPECT_EQ(trace(page(usual + "," + "{\"values\":{\"a\":{\"value\":\"2\"}"), &error).rfind("error: ", 0), 0u);
    EXPECT_NE(error.find("not JSON"), std::string::npos) << error;
}

TEST(RecordsScanner, MalformedPagesSayWhatAndWhere) {
    std::string error;
    EXPECT_EQ(trace(page("{\"values\":{\"a\":" + cell("\"x") + "}}"), &error).rfind("error: ", 0), 0u);
    EXPECT_NE(error.find("not JSON"), std::string::npos) << error;
    EXPECT_NE(error.find("at byte"), std::string::npos) << error;

    const std::vector<std::string> bad = {
        page("{\"values\":{\"a\":" + cell("\"\\x\"") + "}}"),       // unknown escape
        page("{\"values\":{\"a\":" + cell("\"\\ud800\"") + "}}"),   // lone high surrogate
        page("{\"values\":{\"a\":" + cell("\"\xC3\"") + "}}"),      // cut UTF-8
        page("{\"values\":{\"a\":" + cell("\"\xC0\xAF\"") + "}}"),  // overlong UTF-8
        page("{\"values\":{\"a\":" + cell("01") + "}}"),            // leading zero
        page("{\"values\":{\"a\":" + cell("1.") + "}}"),
        page("{\"values\":{\"a\":" + cell("tru") + "}}"),
        page("{\"values\":{\"a\":" + cell("\"tab\there\"") + "}}"),  // raw control character
        page("{\"values\":{\"a\":1,}}"),
        page("{\"values\":{\"a\":1]}"),
        page("{\"values\":{\"a\":1}}") + "x",
        page(std::string(kMaxRecordsDepth + 5, '[') + std::string(kMaxRecordsDepth + 5, ']')),
        "{\"data\":{\"records\":[1,2,3]}}{}",
    };
    for (const std::string& text : bad) {
        EXPECT_EQ(trace(text, &error).rfind("error: ", 0), 0u) << text;
        EXPECT_NE(error.find("not JSON"), std::string::npos) << error;
    }
    EXPECT_EQ(trace("[1]", &error), "error: expected {\"data\":{\"records\":[...]}}");
    EXPECT_EQ(trace("{\"data\":{\"records\":{}}}", &error), "error: expected {\"data\":{\"records\":[...]}}");
    EXPECT_EQ(trace("{\"errors\":[{\"message\":\"no\"}]}", &error),
              "error: the server answered with an error body instead of records");
    EXPECT_EQ(trace("  ", &error), "error: the records response is empty");
}

TEST(SheetProfileRecords, KeysMissingOrReorderedCountExactly) {
    SheetProfile sheet;
    // Same keys, then reordered, then one missing, then a new key first: the position cache must
    // never give a cell to the column the same position had in the previous record.
    const std::string text =
        page("{\"values\":{\"a\":" + cell("\"1\"") + ",\"b\":" + cell("\"x\"") + "}}," + "{\"values\":{\"b\":" + cell("\"y\"") +
             ",\"a\":" + cell("\"2\"") + "}}," + "{\"values\":{\"b\":" + cell("\"y\"") + "}}," +
             "{\"values\":{\"c\":" + cell("\"z\"") + ",\"a\":" + cell("\"1\"") + ",\"b\":" + cell("\" \"") + "}}");
    const PageResult result = sheet.add_page(text);
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(sheet.rows(), 4u);
    const ColumnProfile* a = sheet.column("a");
    const ColumnProfile* b = sheet.column("b");
    const ColumnProfile* c = sheet.column("c");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a->filled(), 3u);
    EXPECT_EQ(a->count("1"), 2u);
    EXPECT_EQ(a->count("2"), 1u);
    EXPECT_EQ(a->shape_count(kShapeInteger), 3u);
    EXPECT_EQ(b->filled(), 3u);  // the fourth is only a space: blank
    EXPECT_EQ(b->count("y"), 2u);
    EXPECT_EQ(sheet.blanks(*b), 1u);
    EXPECT_EQ(c->filled(), 1u);
    EXPECT_EQ(sheet.blanks(*c), 3u);
}

TEST(SheetProfileRecords, EscapedAndPlainSpellingsOfAValueAreOneValue) {
    SheetProfile sheet;
    const PageResult result =
        sheet.add_page(page("{\"values\":{\"s\":" + cell("\"Caf\\u00e9\"") + "}},{\"values\":{\"s\":" + cell("\"Café\"") +
                            "}},{\"values\":{\"s\":" + cell("12") + "}},{\"values\":{\"s\":" + cell("\"12\"") + "}}"));
    ASSERT_TRUE(result.ok) << result.error;
    const ColumnProfile* s = sheet.column("s");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->distinct(), 2u);
    EXPECT_EQ(s->count("Café"), 2u);
    EXPECT_EQ(s->count("12"), 2u);
}

TEST(SheetProfileRecords, ARefusedPageCountsNothingAndAddsNoColumn) {
    SheetProfile sheet;
    ASSERT_TRUE(sheet.add_page(page("{\"values\":{\"a\":" + cell("\"x\"") + "}}")).ok);
    // Good records first, then a malformed one: the page is refused whole.
    const PageResult bad = sheet.add_page(page("{\"values\":{\"a\":" + cell("\"y\"") + ",\"new\":" + cell("\"1\"") + "}}," +
                                               "{\"values\":{\"a\":" + cell("\"y\"") + ",\"new\":" + cell("\"1") + "}}"));
    EXPECT_FALSE(bad.ok);
    EXPECT_FALSE(bad.error.empty());
    EXPECT_EQ(sheet.rows(), 1u);
    EXPECT_EQ(sheet.column("a")->filled(), 1u);
    EXPECT_EQ(sheet.column("new"), nullptr);
    // A record naming one field twice would count it twice: refused too.
    const PageResult twice = sheet.add_page(page("{\"values\":{\"a\":" + cell("\"y\"") + ",\"a\":" + cell("\"z\"") + "}}"));
    EXPECT_FALSE(twice.ok);
    EXPECT_NE(twice.error.find("\"a\" twice"), std::string::npos) << twice.error;
    EXPECT_EQ(sheet.rows(), 1u);
    // And the next good page counts as if nothing had happened (the same key order as the refused one).
    const PageResult good = sheet.add_page(page("{\"values\":{\"a\":" + cell("\"y\"") + ",\"new\":" + cell("\"1\"") + "}}"));
    ASSERT_TRUE(good.ok) << good.error;
    EXPECT_EQ(sheet.rows(), 2u);
    EXPECT_EQ(sheet.column("a")->count("y"), 1u);
    ASSERT_NE(sheet.column("new"), nullptr);
    EXPECT_EQ(sheet.column("new")->filled(), 1u);
}

TEST(SheetProfileRecords, ManyDistinctValuesCountExactlyUpToTheCap) {
    // 3 pages of 700 rows: 2,100 values, 700 distinct (under the cap), each seen three times,
    // through the table's growth.
    SheetProfile sheet;
    for (int p = 0; p < 3; ++p) {
        std::string records;
        for (int i = 0; i < 700; ++i)
            records +=
                std::string(i ? "," : "") + "{\"values\":{\"v\":" + cell("\"value number " + std::to_string(i) + "\"") + "}}";
        ASSERT_TRUE(sheet.add_page(page(records)).ok);
    }
    const ColumnProfile* v = sheet.column("v");
    ASSERT_NE(v, nullptr);
    EXPECT_FALSE(v->distinct_estimated());
    EXPECT_EQ(v->distinct(), 700u);
    for (int i = 0; i < 700; i += 99) EXPECT_EQ(v->count("value number " + std::to_string(i)), 3u);
    EXPECT_EQ(v->count("value number 700"), 0u);
}

}  // namespace
}  // namespace pm::profile
