// The non-throwing JSON reader and its limits, and the problem helpers.
#include "core/json/problems.h"
#include "core/json/parse.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

TEST(JsonText, ParsesValidDocuments) {
    ProblemSink problems;
    Json out;
    ASSERT_TRUE(parse_json_text(R"({"a":[1,2.5,-3,true,null,"x"],"b":{"c":{}}})", out, problems));
    EXPECT_EQ(out["a"][1], 2.5);
    EXPECT_EQ(out["a"][2], -3);
    EXPECT_TRUE(out["b"]["c"].is_object());
    EXPECT_TRUE(problems.take().empty());
    ASSERT_TRUE(parse_json_text("18446744073709551615", out, problems));
    EXPECT_TRUE(out.is_number_unsigned());
}

TEST(JsonText, RefusesDeepNesting) {
    std::string deep(100000, '[');
    ProblemSink problems;
    Json out;
    EXPECT_FALSE(parse_json_text(deep, out, problems));
    const Problems list = problems.take();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_NE(list[0].message.find("nested more than 64"), std::string::npos);
    EXPECT_TRUE(out.is_null());

    JsonLimits limits;
    limits.max_depth = 3;
    ProblemSink ok_problems;
    EXPECT_TRUE(parse_json_text("[[[1]]]", out, ok_problems, limits));
    EXPECT_FALSE(parse_json_text("[[[[1]]]]", out, ok_problems, limits));
}

TEST(JsonText, RefusesOversizedDocumentsAndTooManyValues) {
    JsonLimits limits;
    limits.max_bytes = 10;
    ProblemSink problems;
    Json out;
    EXPECT_FALSE(parse_json_text("[1,2,3,4,5,6]", out, problems, limits));
    limits = JsonLimits{};
    limits.max_values = 4;
    EXPECT_TRUE(parse_json_text("[1,2,3]", out, problems, limits));
    EXPECT_FALSE(parse_json_text("[1,2,3,4]", out, problems, limits));
}

TEST(JsonText, RejectsWhatIsNotJson) {
    for (const char* text : {"", "{", "[1,]", "{'a':1}", "// c\n1", "NaN", "[1] x", "\"\\ud800\"", "\"\xc3\x28\""}) {
        ProblemSink problems;
        Json out;
        EXPECT_FALSE(parse_json_text(text, out, problems)) << text;
        EXPECT_TRUE(problems.has_errors()) << text;
    }
}

TEST(JsonProblems, PointersEscapeTokens) {
    EXPECT_EQ(pointer_join("", "a/b"), "/a~1b");
    EXPECT_EQ(pointer_join("/x", "~"), "/x/~0");
    EXPECT_EQ(pointer_join("/x", std::size_t{3}), "/x/3");
}

TEST(JsonProblems, DescribesValuesShortly) {
    EXPECT_EQ(describe_json(Json(42)), "number 42");
    EXPECT_EQ(describe_json(Json("abc")), "string \"abc\"");
    EXPECT_EQ(describe_json(Json(nullptr)), "null");
    EXPECT_EQ(describe_json(Json::array({1, 2})), "an array of 2 items");
    const std::string long_text = describe_json(Json(std::string(100, 'x')), 20);
    EXPECT_LT(long_text.size(), 40u);
    EXPECT_NE(long_text.find("\xE2\x80\xA6"), std::string::npos);
    // Cutting never splits a UTF-8 sequence: dumping the result needs no replacement character.
    const std::string cut = describe_json(Json(std::string(30, 'a') + "\xC3\xA9\xC3\xA9\xC3\xA9"), 32);
    EXPECT_EQ(dump_json(Json(cut)).find("\xEF\xBF\xBD"), std::string::npos) << cut;
    EXPECT_NE(cut.find("\xE2\x80\xA6"), std::string::npos);
}

TEST(JsonProblems, DumpNeverThrowsOnInvalidUtf8) {
    const Json bad = std::string("a\xff");
    EXPECT_EQ(dump_json(bad), "\"a\xEF\xBF\xBD\"");
}

TEST(JsonProblems, SinkCapsTheList) {
    ProblemSink sink(3);
    for (int i = 0; i < 10; ++i) sink.warning("/" + std::to_string(i), "w");
    sink.error("/e", "boom");
    EXPECT_TRUE(sink.has_errors());
    const Problems list = sink.take();
    ASSERT_EQ(list.size(), 4u);
    EXPECT_EQ(list.back().severity, Severity::Error);
    EXPECT_NE(list.back().message.find("8 more"), std::string::npos);
    EXPECT_EQ(to_string(list[0]), "warning /0: w");
}

}  // namespace
}  // namespace pm
