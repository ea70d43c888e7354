// Bounded work on any text (issue 13, point 8): labels of 100 KB, 1 MB and 10 MB (letters with
// camelCase edges, digits, CJK, one long run-together word, many words) are loaded, ranked and
// matched, and so is every plan of the hostile corpus (tests/data/hostile). The assertions are
// that each step finishes and still gives the ordinary answers next to the hostile field; the
// time limit per plan is generous and only catches a hang (the timings are tools/bench figures).
#include "core/plan/documents.h"
#include "matcher/field_matcher.h"
#include "matcher/plan_matcher.h"
#include "matcher/text_normalize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace pm::match {
namespace {

// Far above what any step needs (milliseconds): only a runaway, quadratic step reaches it.
constexpr double kHangSeconds = 60.0;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string repeat_to(std::string_view unit, std::size_t bytes) {
    std::string out;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes) out.append(unit);
    return out;
}

struct HostileLabel {
    const char* kind;
    std::string text;
};

std::vector<HostileLabel> hostile_labels(std::size_t bytes) {
    return {
        {"letters", repeat_to("aBcDeFgHiJkLmNoPqRsTuVwXyZ", bytes)},   // a camelCase edge every letter
        {"digits", repeat_to("0123456789", bytes)},
        {"cjk", repeat_to("\xE5\xAE\xA2\xE6\x88\xB7\xE5\x90\x8D\xE7\xA7\xB0", bytes)},  // 客户名称
        {"one long word", repeat_to("zipcodeemailaddress", bytes)},   // every piece a known word
        {"many words", repeat_to("customer email address ", bytes)},
    };
}

// A plan document whose one hostile source and one hostile destination sit next to ordinary ones.
std::string plan_text(const std::string& label) {
    Json plan = {
        {"fieldMapping", Json::array()},
        {"unmappedSourceFields",
         Json::array({{{"sourceField", {{"key", "hostile"}, {"label", label}, {"type", "string"}}},
                       {"preview", Json::array({std::string(bounded_prefix(label, 1000)), "x"})}},
                      {{"sourceField", {{"key", "e_mail"}, {"label", "E-mail"}, {"type", "string"}}},
                       {"preview", Json::array({"a@example.com", "b@example.org"})}},
                      {{"sourceField", {{"key", "Vorname"}, {"label", "Vorname"}, {"type", "string"}}}}})},
        {"unmappedDestinationFields",
         Json::array({{{"destinationField", {{"key", "hostile_destination"}, {"label", label}, {"type", "string"}}}},
                      {{"destinationField", {{"key", "email"}, {"label", "Email"}, {"type", "string"}}}},
                      {{"destinationField", {{"key", "first_name"}, {"label", "First name"}, {"type", "string"}}}}})},
    };
    return plan.dump();
}

// Loading, ranking every source, and matching the plan; true when the ordinary pairs held.
void load_rank_and_match(const std::string& text, const std::string& what, bool expect_ordinary_pairs) {
    const auto start = std::chrono::steady_clock::now();
    const Parsed<PlanDocument> parsed = parse_plan_document(text);
    if (!parsed.value) {
        EXPECT_FALSE(expect_ordinary_pairs) << what << ": the plan did not load";
        return;
    }
    const ExecutionPlan& plan = parsed.value->plan;
    DestinationRanker ranker(plan.unmapped_destinations);
    for (const UnmappedField& source : plan.unmapped_sources) {
        const std::vector<Candidate> ranked = ranker.rank(source);
        if (expect_ordinary_pairs && source.field.key == "e_mail") {
            ASSERT_FALSE(ranked.empty()) << what;
            EXPECT_EQ(ranked.front().destination_key, "email") << what;
        }
    }
    const PlanMatch found = match_plan(plan);
    if (expect_ordinary_pairs) {
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const Suggestion& s : found.suggestions) pairs.emplace_back(s.source_key, s.destination_key);
        EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("e_mail"), std::string("email"))),
                  pairs.end())
            << what;
        EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("Vorname"), std::string("first_name"))),
                  pairs.end())
            << what;
        for (const SourceMatch& match : found.result.sources)
            for (const Candidate& candidate : match.candidates)
                EXPECT_LE(candidate.reason.size(), 4 * kMaxMatchedTextBytes) << what << ": a reason repeats the whole label";
    }
    EXPECT_LT(seconds_since(start), kHangSeconds) << what << ": loading, ranking and matching did not finish in time";
}

TEST(BoundedText, BoundedPrefixNeverSplitsACharacter) {
    const std::string cjk = repeat_to("\xE5\xAE\xA2", 300);   // 3-byte characters
    const std::string_view cut = bounded_prefix(cjk, 256);
    EXPECT_EQ(cut.size(), 255u);
    EXPECT_EQ(bounded_prefix("short", 256), "short");
    EXPECT_EQ(normalize_text(repeat_to("ab ", 1 << 20)).all_words.size(), 86u);   // 256 bytes: 85 words and "a"
}

TEST(BoundedText, HugeLabelsLoadRankAndMatch) {
    for (std::size_t bytes : {std::size_t{100} << 10, std::size_t{1} << 20, std::size_t{10} << 20})
        for (const HostileLabel& label : hostile_labels(bytes))
            load_rank_and_match(plan_text(label.text), std::string(label.kind) + " " + std::to_string(bytes) + " bytes",
                                true);
}

TEST(BoundedText, HostileCorpusRunsThroughTheRankerAndTheMatcher) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("tests/data/hostile", error))
        if (entry.path().extension() == ".json" && entry.path().filename() != "manifest.json") files.push_back(entry.path());
    ASSERT_FALSE(error) << error.message();
    ASSERT_GE(files.size(), 100u) << "the hostile corpus is missing (run from the repository root)";
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        load_rank_and_match(text, path.filename().string(), false);
    }
}

}  // namespace
}  // namespace pm::match
