// The tape reader behind the fast path (core/json/document.h) against nlohmann's parser, JsonRef,
// and the text writers against the Json ones: same values, same verdicts, same problems.
#include "core/json/document.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"

#include "support/synthetic_plan.h"
#include "support/test_files.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <sstream>

namespace pm {
namespace {

// What nlohmann makes of `text` (discarded when it refuses it).
Json reference(const std::string& text) { return Json::parse(text, nullptr, false); }

// The tape must never accept what nlohmann refuses, and what it accepts must read the same.
// It may pass on valid text (the slow path then reads it).
void expect_agrees(const std::string& text, const std::string& context) {
    const Json expected = reference(text);
    const detail::DocumentPtr doc = detail::scan_json(text, JsonLimits{});
    if (expected.is_discarded()) {
        EXPECT_FALSE(doc) << context << ": tape accepted what nlohmann refuses: " << text;
        return;
    }
    if (!doc) return;
    const Json built = doc->build(0);
    EXPECT_EQ(built, expected) << context << ": " << text;
    EXPECT_EQ(built.dump(), expected.dump()) << context << ": number kinds or key sets differ: " << text;
    std::string written;
    doc->write(0, written);
    EXPECT_EQ(reference(written), expected) << context << ": written as " << written;
}

TEST(JsonTape, ReadsWhatNlohmannReads) {
    const char* texts[] = {
        "null", "true", "false", "0", "-0", "1", "-1", "42", "18446744073709551615", "18446744073709551616",
        "-9223372036854775808", "-9223372036854775809", "1.5", "-0.0", "0.1", "1e2", "1E-2", "2.5e+3", "1.0",
        "123456789012345678901234567890", "0.30000000000000004", "9007199254740993", "9007199254740993.0",
        "1e22", "1e23", "1.7976931348623157e308", "5e-324", "1e-400", "\"\"", "\"a\"", "\"\\u00e9\\n\\t\\\"\\\\\\/\"",
        "\"\\ud83d\\ude00\"", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"", "\"\\u0000\"", "[]", "{}", "[1,[2,[3]]]",
        " { \"a\" : [ 1 , 2 ] , \"b\" : { } } ", "{\"a\":{\"b\":{\"c\":[true,false,null]}}}",
        "{\"k\\u0065y\":1,\"other\":2}", "[\"x\",\"y\"]\n", "\t[1]\r\n",
    };
    for (const char* text : texts) expect_agrees(text, "valid");
}

TEST(JsonTape, RefusesWhatNlohmannRefuses) {
    const char* texts[] = {
        "", " ", "{", "}", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{'a':1}", "// c\n1", "NaN", "Infinity", "[1] x",
        "01", "-", "1.", ".5", "1e", "1e+", "+1", "tru", "nul", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"\\x\"", "\"\\u12g4\"", "\"\xc3\x28\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\"", "\"\xff\"",
        "\"a\nb\"", "\"unterminated", "[\"a\" \"b\"]", "{\"a\":1 \"b\":2}", "1e400", "-1e400", "[1e999]", "{\"a\":}",
    };
    for (const char* text : texts) expect_agrees(text, "invalid");
}

TEST(JsonTape, LeavesRepeatedNamesBomAndLimitsToTheSlowPath) {
    EXPECT_FALSE(detail::scan_json("{\"a\":1,\"a\":2}", JsonLimits{}));
    EXPECT_FALSE(detail::scan_json("{\"a\":1,\"\\u0061\":2}", JsonLimits{}));
    std::string many = "{";
    for (int i = 0; i < 20; ++i) many += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    EXPECT_TRUE(detail::scan_json(many + "\"z\":0}", JsonLimits{}));
    EXPECT_FALSE(detail::scan_json(many + "\"k13\":0}", JsonLimits{}));
    EXPECT_FALSE(detail::scan_json("\xEF\xBB\xBF{}", JsonLimits{}));
    JsonLimits limits;
    limits.max_depth = 3;
    EXPECT_TRUE(detail::scan_json("[[[1]]]", limits));
    EXPECT_FALSE(detail::scan_json("[[[[1]]]]", limits));
    limits = JsonLimits{};
    limits.max_values = 4;
    EXPECT_TRUE(detail::scan_json("[1,2,3]", limits));
    EXPECT_FALSE(detail::scan_json("[1,2,3,4]", limits));
    limits = JsonLimits{};
    limits.max_bytes = 4;
    EXPECT_FALSE(detail::scan_json("[1,2]", limits));
}

// xorshift64*, as in the session property test.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1Dull;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

TEST(JsonTape, AgreesWithNlohmannOnMutatedDocuments) {
    const std::string seed_text = test::read_fixture("tests/data/plans/unknown-members.json") +
                                  R"( ["\u00e9\ud83d\ude00", -0.5e-3, 12345678901234567890, {"": null}] )";
    const std::string alphabet = "{}[]\",:\\/-+.0123456789eEtrufalsn \n\tu\xc3\xa9\xed\xa0\x80\xff";
    Rng rng{0x9E3779B97F4A7C15ull};
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text = test::read_fixture("tests/data/plans/unknown-members.json");
        if (round % 3 == 0) text = seed_text;
        for (std::size_t edits = 1 + rng.below(3); edits > 0; --edits) {
            const std::size_t at = rng.below(text.size());
            switch (rng.below(3)) {
                case 0: text.erase(at, 1 + rng.below(3)); break;
                case 1: text.insert(at, 1, alphabet[rng.below(alphabet.size())]); break;
                default: text[at] = alphabet[rng.below(alphabet.size())]; break;
            }
        }
        expect_agrees(text, "round " + std::to_string(round));
        if (detail::scan_json(text, JsonLimits{})) ++accepted;
        if (::testing::Test::HasFailure()) return;
    }
    EXPECT_GT(accepted, 100);  // the mutations leave enough valid documents to compare
}

TEST(JsonTape, NumbersKeepNlohmannsKinds) {
    for (const char* text : {"0", "7", "-7", "18446744073709551615", "-9223372036854775808", "1.25", "-0.0", "0.9",
                             "1e21", "123.456e-5", "4.35", "2.2250738585072014e-308", "99999999999999999999"}) {
        Json ours;
        ASSERT_TRUE(detail::number_from_text(text, ours)) << text;
        const Json theirs = reference(text);
        EXPECT_EQ(ours.type(), theirs.type()) << text;
        EXPECT_EQ(ours, theirs) << text;
        if (ours.is_number_float()) {
            EXPECT_EQ(std::signbit(ours.get<double>()), std::signbit(theirs.get<double>())) << text;
        }
    }
    Json ignored;
    EXPECT_FALSE(detail::number_from_text("1e400", ignored));
}

TEST(JsonRef, ReadsLikeAConstJson) {
    const auto parsed = parse_plan_document(test::read_fixture("tests/data/plans/unknown-members.json"));
    ASSERT_TRUE(parsed.ok());
    const Edge& edge = parsed.value->plan.field_mapping[0];
    const JsonRef& raw = edge.raw;
    EXPECT_TRUE(raw.is_object());
    EXPECT_FALSE(raw.is_array());
    EXPECT_TRUE(raw.contains("sourceField"));
    EXPECT_NE(raw.find("destinationField"), raw.end());
    EXPECT_EQ(raw.value("no such member", Json(5)), 5);
    EXPECT_EQ(raw["sourceField"], edge.source.raw);
    const Json copy = raw;  // converts
    EXPECT_EQ(copy, raw);
    EXPECT_EQ(raw, copy);
    EXPECT_EQ(raw.to_json(), copy);
    EXPECT_EQ(reference(raw.text()), copy);
    std::ostringstream printed;
    printed << raw;
    EXPECT_EQ(reference(printed.str()), copy);

    // A field's raw is a view into the edge's document, not a copy.
    EXPECT_TRUE(edge.source.raw.same_as(edge.source.raw));
    EXPECT_FALSE(edge.source.raw.same_as(edge.raw));

    // Equal values from different documents compare equal; edited ones do not.
    const auto again = parse_plan_document(test::read_fixture("tests/data/plans/unknown-members.json"));
    EXPECT_EQ(again.value->plan.field_mapping[0].raw, raw);
    Json edited = raw.to_json();
    edited["x-new"] = 1;
    EXPECT_NE(JsonRef(edited), raw);

    const JsonRef none;
    EXPECT_TRUE(none.is_null());
    EXPECT_EQ(none, Json());
    EXPECT_EQ(none.text(), "null");
    EXPECT_TRUE(JsonRef(Json()).is_null());
    EXPECT_TRUE(JsonRef(Json::array({1})).is_array());
}

// The text writers say the same as the Json ones.
void expect_same_bodies(const ExecutionPlan& plan, const std::string& context) {
    EXPECT_EQ(reference(write_plan_text(plan)), write_plan(plan)) << context;
    EXPECT_EQ(reference(put_body_text(plan, "j\"1", "f")), put_body(plan, "j\"1", "f")) << context;
    for (int mask = 0; mask < 16; ++mask) {
        PatchParts parts;
        parts.field_mapping = mask & 1;
        parts.unmapped_sources = mask & 2;
        parts.unmapped_destinations = mask & 4;
        parts.program_id = mask & 8;
        EXPECT_EQ(reference(patch_body_text(plan, "j", "f", parts)), patch_body(plan, "j", "f", parts)) << context;
    }
}

TEST(PlanWriteText, MatchesTheJsonWriters) {
    for (const char* name : {"tests/data/contract/01-get-plan-response.json", "tests/data/contract/02-put-plan-request.json",
                             "tests/data/contract/03-patch-plan-request.json", "tests/data/plans/unknown-members.json",
                             "tests/data/plans/inconsistent.json", "tests/data/plans/bad-types.json"}) {
        const auto parsed = parse_plan_document(test::read_fixture(name));
        ASSERT_TRUE(parsed.value) << name;
        expect_same_bodies(parsed.value->plan, name);
    }
    test::SyntheticShape shape;
    shape.edges = 30;
    shape.unknown_members = true;
    ExecutionPlan plan = test::make_synthetic_plan(shape);
    expect_same_bodies(plan, "synthetic");
    plan.program_id = "p";
    const auto set_raw_member = [&](const char* name, Json value) {
        Json raw = plan.raw.to_json();
        raw[name] = std::move(value);
        plan.raw = JsonRef(std::move(raw));
    };
    set_raw_member("jobId", "kept by write_plan, replaced in the PUT body");
    expect_same_bodies(plan, "program id");
    plan.program_id.reset();
    set_raw_member("programId", nullptr);
    expect_same_bodies(plan, "null program id");
    set_raw_member("programId", "cleared");
    expect_same_bodies(plan, "cleared program id");

    // Edges and entries without a raw object are written from the model.
    Edge bare;
    bare.source = field_from_raw({{"type", "string"}, {"key", "s"}});
    bare.destination = field_from_raw({{"type", "string"}, {"key", "d"}});
    bare.preview = {"p"};
    plan.field_mapping.push_back(bare);
    UnmappedField entry;
    entry.field = field_from_raw({{"type", "string"}, {"key", "u"}});
    plan.unmapped_sources.push_back(entry);
    expect_same_bodies(plan, "bare elements");
}

TEST(PlanWriteText, CopiesTheTextOfCompactDocumentsAndTidiesSpacedOnes) {
    const std::string compact =
        R"({"fieldMapping":[{"sourceField":{"key":"a","type":"string","x":1.50},"destinationField":{"key":"b","type":"string"},"preview":["\u00e9"]}],"unmappedSourceFields":[],"unmappedDestinationFields":[]})";
    const auto parsed = parse_plan_document(compact);
    ASSERT_TRUE(parsed.ok());
    // The edge's text is sent as it came: escapes and number spellings included.
    EXPECT_NE(write_plan_text(parsed.value->plan).find(R"("x":1.50},"destinationField")"), std::string::npos);
    EXPECT_NE(write_plan_text(parsed.value->plan).find(R"(["\u00e9"])"), std::string::npos);

    const auto spaced = parse_plan_document(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    ASSERT_TRUE(spaced.ok());
    const std::string text = put_body_text(spaced.value->plan, "j", "f");
    EXPECT_EQ(text.find('\n'), std::string::npos);
    EXPECT_EQ(reference(text), put_body(spaced.value->plan, "j", "f"));
}

TEST(PlanParse, FastAndSlowPathsReadTheSame) {
    // A byte order mark sends a document to the slow path (nlohmann skips it): both must agree.
    const char* names[] = {"tests/data/contract/01-get-plan-response.json", "tests/data/contract/02-put-plan-request.json",
                           "tests/data/contract/03-patch-plan-request.json", "tests/data/plans/unknown-members.json",
                           "tests/data/plans/inconsistent.json", "tests/data/plans/bad-types.json",
                           "tests/data/contract/06-error-response.json"};
    for (const char* name : names) {
        const std::string text = test::read_fixture(name);
        ASSERT_TRUE(detail::scan_json(text, JsonLimits{})) << name << " should take the fast path";
        const auto fast = parse_plan_document(text);
        const auto slow = parse_plan_document("\xEF\xBB\xBF" + text);
        ASSERT_EQ(fast.problems.size(), slow.problems.size()) << name;
        for (std::size_t i = 0; i < fast.problems.size(); ++i) EXPECT_EQ(to_string(fast.problems[i]), to_string(slow.problems[i])) << name;
        ASSERT_EQ(fast.value.has_value(), slow.value.has_value()) << name;
        if (!fast.value) continue;
        EXPECT_EQ(fast.value->kind, slow.value->kind) << name;
        EXPECT_EQ(write_plan(fast.value->plan), write_plan(slow.value->plan)) << name;
        EXPECT_EQ(fast.value->plan.raw, slow.value->plan.raw) << name;
        ASSERT_EQ(fast.value->plan.field_mapping.size(), slow.value->plan.field_mapping.size()) << name;
        for (std::size_t i = 0; i < fast.value->plan.field_mapping.size(); ++i) {
            const Edge& a = fast.value->plan.field_mapping[i];
            const Edge& b = slow.value->plan.field_mapping[i];
            EXPECT_EQ(a.source.key, b.source.key);
            EXPECT_EQ(a.destination.type_name, b.destination.type_name);
            EXPECT_EQ(a.destination.required, b.destination.required);
            EXPECT_EQ(a.destination.enum_options.size(), b.destination.enum_options.size());
            EXPECT_EQ(a.preview, b.preview);
            EXPECT_EQ(a.metadata.has_value(), b.metadata.has_value());
            if (a.metadata && b.metadata) {
                EXPECT_EQ(a.metadata->confidence, b.metadata->confidence);
            }
            EXPECT_EQ(a.enum_details.has_value(), b.enum_details.has_value());
        }
        const auto fast_response = parse_job_plan_response(text);
        const auto slow_response = parse_job_plan_response("\xEF\xBB\xBF" + text);
        ASSERT_EQ(fast_response.problems.size(), slow_response.problems.size()) << name;
        if (fast_response.value) {
            const Json written = write_job_plan_response(*fast_response.value);
            EXPECT_EQ(written, write_job_plan_response(*slow_response.value)) << name;
            EXPECT_EQ(reference(write_job_plan_response_text(*fast_response.value)), written) << name;
            EXPECT_EQ(reference(write_job_plan_response_text(*slow_response.value)), written) << name;
        }
    }
}

TEST(Session, CopiesAreIndependent) {
    const auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    ASSERT_TRUE(parsed.ok());
    Session original(parsed.value->plan);
    original.map("notes", "annual_revenue");
    Session copy = original;
    EXPECT_EQ(write_plan(copy.plan()), write_plan(original.plan()));
    ASSERT_NE(copy.source_field("fax"), nullptr);
    EXPECT_EQ(copy.preview_of_source("notes"), original.preview_of_source("notes"));
    copy.undo();
    copy.unmap("email");
    EXPECT_EQ(original.edge_to("annual_revenue")->source.key, "notes");
    EXPECT_NE(original.edge_to("email"), nullptr);
    EXPECT_EQ(copy.edge_to("email"), nullptr);
    original = copy;
    EXPECT_EQ(write_plan(original.plan()), write_plan(copy.plan()));
    original.reset_to_server();
    EXPECT_EQ(write_plan(original.plan()), write_plan(parsed.value->plan));
    Session moved = std::move(copy);
    EXPECT_EQ(moved.edge_to("email"), nullptr);
    moved.undo();
    EXPECT_NE(moved.edge_to("email"), nullptr);
}

TEST(Session, FieldsStayKnownAcrossRebases) {
    const auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    ASSERT_TRUE(parsed.ok());
    Session s(parsed.value->plan);
    const Json notes_entry = s.plan().unmapped_sources[0].raw;
    // The server confirms a plan that no longer lists "notes" anywhere: it stays known as it was.
    ExecutionPlan confirmed = s.plan();
    confirmed.unmapped_sources.erase(confirmed.unmapped_sources.begin());
    s.rebase(confirmed);
    ASSERT_NE(s.source_field("notes"), nullptr);
    EXPECT_EQ(s.source_field("notes")->label, "Notes");
    s.rebase(s.plan());  // and across a second rebase
    EXPECT_EQ(s.map("notes", "annual_revenue").linked.size(), 1u);
    s.unmap("annual_revenue");
    EXPECT_EQ(s.plan().unmapped_sources.back().raw, notes_entry);
    // A field known only from an edge goes back with that edge's preview, after a rebase too.
    s.unmap("email");
    EXPECT_EQ(s.plan().unmapped_sources.back().field.key, "e_mail_address");
    EXPECT_FALSE(s.plan().unmapped_sources.back().preview.empty());
}

TEST(Session, ARebaseLetsTheOldPlansDocumentGo) {
    const std::string text = test::read_fixture("tests/data/contract/01-get-plan-response.json");
    const auto first = parse_job_plan_response(text);
    const auto second = parse_job_plan_response(text);
    ASSERT_TRUE(first.ok() && second.ok());
    const detail::DocumentPtr& doc = detail::JsonRefAccess::doc(first.value->plan.field_mapping[0].raw);
    ASSERT_TRUE(doc && doc->is_tape);
    const long held_by_the_test = doc.use_count();
    Session s(first.value->plan);
    s.map("notes", "annual_revenue");
    EXPECT_GT(doc.use_count(), held_by_the_test);
    s.rebase(second.value->plan);
    // Fields known before stay known (from a compact document of their own), history is gone.
    EXPECT_EQ(doc.use_count(), held_by_the_test);
    ASSERT_NE(s.source_field("notes"), nullptr);
    EXPECT_EQ(s.source_field("notes")->label, "Notes");
}

}  // namespace
}  // namespace pm
