// Sister spellings read against the synonym table's words (spelling_neighbours.h): one letter
// apart, what must not be read as a neighbour (short words, English inflections, two concepts,
// another first letter), and the reason's naming in a match.
#include "matcher/spelling_neighbours.h"

#include "core/plan/parse.h"
#include "matcher/field_matcher.h"

#include <gtest/gtest.h>

#include <string>

namespace pm::match {
namespace {

// A small table of its own, so each case depends only on the words listed here.
const SynonymTable& table() {
    static const SynonymTable parsed = SynonymTable::parse(
        "phone: telefon\n"
        "state: provincia\n"
        "priority: prioridad\n"
        "country: nation\n"
        "purchase: compra\n"
        "quantity: menge\n"
        "contact: contacto\n"
        "contract: vertrag\n");
    return parsed;
}

bool known(std::string_view word) { return table().is_vocabulary_word(word); }

struct Case {
    const char* word;
    const char* expected;  // "" = no neighbour
};

TEST(SpellingNeighbours, OneLetterApartFromAWordOfOneConcept) {
    const Case cases[] = {
        {"telefoon", "telefon"},      // one letter inserted (Dutch beside German)
        {"provincie", "provincia"},   // one letter replaced
        {"prioridade", "prioridad"},  // one letter appended (Portuguese beside Spanish)
        {"telefn", ""},               // six letters: too short to be read as another word
        {"county", ""},               // six letters: not "country"
        {"purchased", ""},            // an English inflection of "purchase", not a spelling
        {"purchaser", ""},            // likewise
        {"xelefoon", ""},             // another first letter
        {"telefoooon", ""},           // three letters apart
        {"telefon", ""},              // a word of the table is itself
        {"telef0on", ""},             // not a plain word
        {"contarct", ""},             // "contract" mistyped (two letters swapped), not "contact"
    };
    for (const Case& c : cases) {
        const Abbreviation found = spelling_neighbour(c.word, table(), known);
        EXPECT_EQ(found.word, c.expected) << c.word;
        EXPECT_EQ(std::string(found.rule), *c.expected ? "spelling neighbour" : "") << c.word;
    }
}

TEST(SpellingNeighbours, NeighboursOfTwoConceptsAreNone) {
    const SynonymTable both = SynonymTable::parse("status: statust\nstate: statush\n");
    auto none = [](std::string_view) { return false; };
    EXPECT_EQ(spelling_neighbour("statusx", both, none).word, "");  // one letter from both: ambiguous
    EXPECT_EQ(spelling_neighbour("statustt", both, none).word, "statust");
}

TEST(SpellingNeighbours, OneEditApart) {
    EXPECT_TRUE(one_edit_apart("telefon", "telefoon"));
    EXPECT_TRUE(one_edit_apart("telefoon", "telefon"));
    EXPECT_TRUE(one_edit_apart("abcd", "abxd"));
    EXPECT_TRUE(one_edit_apart("abcd", "abcde"));
    EXPECT_FALSE(one_edit_apart("abcd", "abcd"));  // equal is no edit
    EXPECT_FALSE(one_edit_apart("abcd", "badc"));
    EXPECT_FALSE(one_edit_apart("abcd", "abcdef"));
    EXPECT_FALSE(one_edit_apart("abcd", "axcy"));
}

UnmappedField field(const std::string& key, const std::string& label) {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", "string"}});
    return out;
}

TEST(SpellingNeighbours, TheMatcherNamesTheRuleInItsReason) {
    // "Provinzia" is listed nowhere; "provincia" (Italian, Spanish) is one letter away.
    const MatchResult result =
        match_fields({field("provinzia", "Provinzia")}, {field("state", "State"), field("email", "Email")});
    ASSERT_EQ(result.sources.size(), 1u);
    EXPECT_EQ(result.sources[0].destination_key, "state") << result.sources[0].reason;
    EXPECT_NE(result.sources[0].reason.find("spelling neighbour: provinzia = provincia"), std::string::npos)
        << result.sources[0].reason;
}

TEST(SpellingNeighbours, AnEnglishInflectionKeepsItsMeaning) {
    // "Quantity purchased" stays a quantity: "purchased" is not read as the qualifier "purchase".
    const MatchResult result =
        match_fields({field("quantity_purchased", "Quantity purchased")}, {field("quantity", "Quantity"), field("cost", "Cost")});
    ASSERT_EQ(result.sources.size(), 1u);
    EXPECT_EQ(result.sources[0].reason.find("spelling neighbour"), std::string::npos) << result.sources[0].reason;
}

}  // namespace
}  // namespace pm::match
