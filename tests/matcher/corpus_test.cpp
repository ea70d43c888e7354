// The labelled corpus (tests/data/matcher): our matcher's precision and recall must meet the
// targets, and the peers' rules, re-implemented from their description, reproduce the failures
// that were reported against them (so the comparison in the benchmark is fair to them).
#include "matcher/field_matcher.h"
#include "matcher/synonym_table.h"
#include "matcher/text_normalize.h"
#include "core/plan/parse.h"
#include "corpus.h"
#include "peer_rules.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

TEST(Corpus, LoadsAndIsLargeEnough) {
    const test::Corpus corpus = test::load_corpus();
    ASSERT_TRUE(corpus.errors.empty()) << corpus.errors.front();
    std::size_t headers = 0, unlabelled = 0;
    for (const test::CorpusExport& file : corpus.exports) {
        const auto& schema = corpus.schemas.at(file.schema);
        for (const test::CorpusColumn& column : file.columns) {
            ++headers;
            if (!column.label) {
                ++unlabelled;
                continue;
            }
            const bool known = std::any_of(schema.begin(), schema.end(), [&](const Field& f) { return f.key == *column.label; });
            EXPECT_TRUE(known) << file.file << ": " << *column.label;
        }
    }
    EXPECT_GE(headers, 800u);
    EXPECT_GE(unlabelled, 150u);
    EXPECT_GE(corpus.exports.size(), 40u);
}

test::Tally score_split(const test::Corpus& corpus, const std::string& split) {
    test::Tally total;
    for (const test::CorpusExport& file : corpus.exports) {
        if (file.split != split) continue;
        const MatchResult result =
            match_fields(test::source_fields(file), test::destination_fields(corpus.schemas.at(file.schema)));
        std::vector<std::string> predicted;
        for (const SourceMatch& match : result.sources) predicted.push_back(match.destination_key);
        total.add(test::tally(file, predicted));
    }
    return total;
}

TEST(Corpus, TuningSetMeetsTheTargets) {
    const test::Tally total = score_split(test::load_corpus(), "tuning");
    EXPECT_GE(total.precision(), 0.97) << total.correct << " of " << total.mapped << " proposed pairs right";
    EXPECT_GE(total.recall(), 0.90) << total.correct << " of " << total.labelled << " labelled pairs found";
    EXPECT_LE(total.null_mapped_rate(), 0.02) << total.unlabelled_mapped << " of " << total.unlabelled;
}

// The frozen evaluation set: floors that keep what was reached (the figures themselves are the
// benchmark's); precision and wrongly mapped must-stay-unmapped columns as the issue asks.
TEST(Corpus, EvaluationSetHoldsItsFloors) {
    const test::Tally total = score_split(test::load_corpus(), "evaluation");
    EXPECT_GE(total.precision(), 0.97) << total.correct << " of " << total.mapped << " proposed pairs right";
    EXPECT_GE(total.recall(), 0.55) << total.correct << " of " << total.labelled << " labelled pairs found";
    EXPECT_LE(total.null_mapped_rate(), 0.05) << total.unlabelled_mapped << " of " << total.unlabelled;
}

// The README's rule, checked: no variant of the lexicon's data files (lexicon/*.txt) is a whole
// evaluation header. (synonyms.txt predates the evaluation set and is not held to it.)
TEST(Corpus, NoEvaluationHeaderIsALexiconEntry) {
    const test::Corpus corpus = test::load_corpus();
    for (const test::CorpusExport& file : corpus.exports) {
        if (file.split != "evaluation") continue;
        for (const test::CorpusColumn& column : file.columns) {
            const std::vector<std::string> words = normalize_text(column.header).words;
            std::string whole;
            for (const std::string& word : words) whole += (whole.empty() ? "" : " ") + word;
            std::vector<SynonymUse> uses;
            SynonymTable::builtin().canonicalize(words, nullptr, &uses);
            for (const SynonymUse& use : uses)
                EXPECT_FALSE(!use.language.empty() && use.variant == whole)
                    << file.file << ": \"" << column.header << "\" is an entry of the " << use.language << " lexicon";
        }
    }
}

TEST(Corpus, PeerRulesReproduceTheirReportedFailures) {
    std::vector<Field> fields;
    fields.push_back(field_from_raw({{"key", "id"}, {"label", "ID"}}));
    fields.push_back(field_from_raw({{"key", "email"}, {"label", "Email"}}));
    fields.push_back(field_from_raw({{"key", "firstName"}, {"label", "First name"}}));
    // RSI: an empty header is 2 edits from "id"; "First Name" is 2 edits from "firstName" (by
    // luck), "First name" is 3 and "fname" more.
    EXPECT_EQ(test::rsi_match({""}, fields), std::vector<std::string>{"id"});
    EXPECT_EQ(test::rsi_match({"First Name"}, fields), std::vector<std::string>{"firstName"});
    EXPECT_EQ(test::rsi_match({"First name", "fname"}, fields), (std::vector<std::string>{"", ""}));
    // TableFlow: any shared word scores 1, so "Email consent" takes Email and "Last Name" takes first_name.
    EXPECT_EQ(test::tableflow_similarity("Email consent", "email"), 1.0);
    EXPECT_EQ(test::tableflow_match({"Email consent", "Email"}, fields), (std::vector<std::string>{"email", ""}));
    fields.push_back(field_from_raw({{"key", "first_name"}, {"label", "First name"}}));
    EXPECT_EQ(test::tableflow_match({"Last Name"}, fields), std::vector<std::string>{"first_name"});
    EXPECT_NEAR(test::tableflow_similarity("fname", "first name"), 0.8, 1e-9);
}

}  // namespace
}  // namespace pm::match
