// Cognate rules (cognates.h): each suffix correspondence turns a word into a known one, a word no
// rule turns into a known word stays unknown, and the matcher names the rule in its reason.
#include "matcher/cognates.h"

#include "core/plan/parse.h"
#include "matcher/field_matcher.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace pm::match {
namespace {

const std::set<std::string, std::less<>> kKnown = {
    "priority", "nation",      "registration", "telefon", "description", "transaction", "category",  "salary",    "client",
    "event",    "nationality", "quantity",     "vity",    "observation", "opmerking",   "kategorie", "reference", "distance"};

bool known(std::string_view word) { return kKnown.count(word) > 0; }

struct Case {
    const char* word;
    const char* expected;  // "" = no cognate
};

TEST(Cognates, SuffixCorrespondencesReachKnownWords) {
    const Case cases[] = {
        {"prioridad", "priority"},        // es -idad
        {"prioridade", "priority"},       // pt -idade
        {"priorita", "priority"},         // it -ità, folded
        {"priorite", "priority"},         // fr -ité, folded
        {"prioriteit", "priority"},       // nl -iteit
        {"nationalitat", "nationality"},  // de -ität, folded
        {"nazione", "nation"},            // it -zione
        {"registratie", "registration"},  // nl -atie
        {"transaccion", "transaction"},   // es -cción
        {"transactie", "transaction"},    // nl -ctie
        {"descricao", "description"},     // pt -ição
        {"categoria", "category"},        // -ia
        {"categorie", "category"},        // -ie
        {"salario", "salary"},            // -ario
        {"salaire", "salary"},            // -aire
        {"evento", "event"},              // final vowel
        {"cliente", "client"},            // final vowel
        {"telefoon", "telefon"},          // Dutch double vowel
        {"quantita", "quantity"},
        {"observacoe", "observation"},   // pt -ções, after the matcher's singular() took the "s"
        {"transazioni", "transaction"},  // it plural -i of -zione
        {"opmerkingen", "opmerking"},    // nl plural -en
        {"kategorien", "kategorie"},     // de plural -n after -e
        {"referenz", "reference"},       // de -enz
        {"referentie", "reference"},     // nl -entie
        {"referenza", "reference"},      // it -enza
        {"referencia", "reference"},     // es/pt -encia (-ência folded), not -ia = -y
        {"distanz", "distance"},         // de -anz
        {"distancia", "distance"},       // es -ancia
        {"lizenz", ""},                  // "licence" is not a known word here
        {"zeitraum", ""},                // no rule gives a known word
        {"vita", ""},                    // too short to be sure of
        {"priority", ""},                // already the word itself
        {"prioridad1", ""},              // not a plain folded word
    };
    for (const Case& c : cases) {
        const Cognate found = find_cognate(c.word, known);
        EXPECT_EQ(found.word, c.expected) << c.word;
        EXPECT_EQ(found.rule.empty(), std::string(c.expected).empty()) << c.word;
    }
}

// Romance plurals that the matcher's singular() (a final "s" only) leaves: the Italian feminine
// -e of -a nouns and the Portuguese -ais and -ens, each read as the known singular.
TEST(Cognates, RomancePluralsReachKnownSingulars) {
    const std::set<std::string, std::less<>> words = {"imposta", "etichetta", "total", "imagem", "mensagem"};
    const auto is_known = [&](std::string_view word) { return words.count(word) > 0; };
    const Case cases[] = {
        {"imposte", "imposta"}, {"etichette", "etichetta"},  // it -e of -a
        {"totai", "total"},                                  // pt "totais" after singular()
        {"imagen", "imagem"},   {"mensagen", "mensagem"},    // pt -ens
        {"parte", ""},                                       // "parta" is no known word
    };
    for (const Case& c : cases) {
        const Cognate found = find_cognate(c.word, is_known);
        EXPECT_EQ(found.word, c.expected) << c.word;
    }
    EXPECT_EQ(find_cognate("imposte", is_known).rule, "plural");
}

// Inflections the suffix rules do not cover: the other gender of a Romance participle ("Creada"
// of a feminine record is creado) and the German adjective ending -er ("Bezahlter Betrag").
TEST(Cognates, GenderAndGermanAdjectiveEndingsReachKnownWords) {
    const std::set<std::string, std::less<>> words = {"creado", "resuelto", "bezahlt", "pagata", "event", "notitie"};
    const auto is_known = [&](std::string_view word) { return words.count(word) > 0; };
    const Case cases[] = {
        {"creada", "creado"},  {"resuelta", "resuelto"}, {"pagato", "pagata"}, {"bezahlter", "bezahlt"},
        {"evento", "event"},    // the final-vowel rule comes first
        {"nuova", ""},          // neither gender is known
        {"notity", "notitie"},  // Dutch "notities" after singular() made it -y
    };
    for (const Case& c : cases) {
        const Cognate found = find_cognate(c.word, is_known);
        EXPECT_EQ(found.word, c.expected) << c.word;
    }
    EXPECT_EQ(find_cognate("creada", is_known).rule, "gender");
}

TEST(Cognates, LongWordsAreLeftAlone) {
    const std::string long_word(10000, 'a');
    EXPECT_TRUE(find_cognate(long_word, known).word.empty());
}

UnmappedField field(const std::string& key, const std::string& label) {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", "string"}});
    return out;
}

TEST(Cognates, TheMatcherNamesTheRuleInItsReason) {
    const MatchResult result =
        match_fields({field("registratie", "Registratie")}, {field("registration", "Registration"), field("subject", "Subject")});
    ASSERT_EQ(result.sources.size(), 1u);
    EXPECT_EQ(result.sources[0].destination_key, "registration");
    EXPECT_NE(result.sources[0].reason.find("cognate -atie = -ation: registratie = registration"), std::string::npos)
        << result.sources[0].reason;
}

TEST(Cognates, PortuguesePluralsAreNotSpeltOutUmlauts) {
    // "Transações" folds to "transacoes"; its "oe" is a plural, not a spelt-out ö.
    const MatchResult result =
        match_fields({field("transacoes", "Transações")}, {field("transaction_id", "Transaction"), field("subject", "Subject")});
    ASSERT_EQ(result.sources.size(), 1u);
    EXPECT_EQ(result.sources[0].destination_key, "transaction_id") << result.sources[0].reason;
}

}  // namespace
}  // namespace pm::match
