// Abbreviations read against the synonym table's words (abbreviations.h): the prefix and the
// consonant-skeleton rules, what each must not read as an abbreviation, and the reason's naming.
#include "matcher/abbreviations.h"

#include "core/plan/parse.h"
#include "matcher/field_matcher.h"

#include <gtest/gtest.h>

#include <string>

namespace pm::match {
namespace {

// A small table of its own, so each case depends only on the words listed here.
const SynonymTable& table() {
    static const SynonymTable parsed = SynonymTable::parse(
        "description: descripcion, beschreibung\n"
        "status: statut\n"
        "statement:\n"
        "quantity: menge\n"
        "amount: betrag\n"
        "number: nummer\n");
    return parsed;
}

struct Case {
    const char* word;
    const char* expected;  // "" = not an abbreviation
    const char* rule;
};

TEST(Abbreviations, PrefixesAndSkeletonsOfOneConcept) {
    const Case cases[] = {
        {"descr", "descripcion", "abbreviation prefix"},    // begins description and descripcion: one concept
        {"desc", "descripcion", "abbreviation prefix"},     // four letters are enough
        {"beschr", "beschreibung", "abbreviation prefix"},  // any language of the table
        {"qty", "quantity", "abbreviation skeleton"},
        {"amt", "amount", "abbreviation skeleton"},
        {"nbr", "number", "abbreviation skeleton"},
        {"stat", "", ""},        // begins status, statut and statement: two concepts
        {"des", "", ""},         // three letters with a vowel: neither rule
        {"descriptio", "", ""},  // one letter short of a word is a typo, not an abbreviation
        {"menge", "", ""},       // a word of the table is itself
        {"xyzq", "", ""},        // begins nothing
        {"nmbrx", "", ""},       // its letters are in no word in order
        {"qt1", "", ""},         // not a plain word
    };
    for (const Case& c : cases) {
        const Abbreviation found = expand_abbreviation(c.word, table());
        EXPECT_EQ(found.word, c.expected) << c.word;
        EXPECT_EQ(std::string(found.rule), c.rule) << c.word;
    }
}

TEST(Abbreviations, ASkeletonOfTwoConceptsIsNone) {
    const SynonymTable both = SynonymTable::parse("quantity: menge\nquality: qualitat\n");
    EXPECT_EQ(expand_abbreviation("qty", both).word, "");  // quantity and quality both fit
}

UnmappedField field(const std::string& key, const std::string& label) {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", "string"}});
    return out;
}

TEST(Abbreviations, TheMatcherNamesTheRuleInItsReason) {
    const MatchResult result =
        match_fields({field("beschr", "Beschr.")}, {field("description", "Description"), field("subject", "Subject")});
    ASSERT_EQ(result.sources.size(), 1u);
    EXPECT_EQ(result.sources[0].destination_key, "description") << result.sources[0].reason;
    EXPECT_NE(result.sources[0].reason.find("abbreviation prefix: beschr = "), std::string::npos) << result.sources[0].reason;
}

TEST(Abbreviations, AnUnknownWordStaysUnmapped) {
    const MatchResult result =
        match_fields({field("xyzq", "Xyzq")}, {field("description", "Description"), field("subject", "Subject")});
    ASSERT_EQ(result.sources.size(), 1u);
    EXPECT_EQ(result.sources[0].destination_key, "") << result.sources[0].reason;
}

}  // namespace
}  // namespace pm::match
