// The synonym data file: it parses cleanly, and its phrases, relations and kinds do what they say.
#include "matcher/synonym_table.h"

#include "matcher/grammar_words.h"
#include "matcher/text_normalize.h"
#include "matcher/value_kinds.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pm::match {
namespace {

std::vector<std::string> canonical(const std::string& header) {
    return SynonymTable::builtin().canonicalize(normalize_text(header).words);
}

TEST(SynonymTable, EmbeddedFileParsesWithoutProblems) {
    std::vector<std::string> errors;
    const SynonymTable table = SynonymTable::parse(SynonymTable::builtin_text(), &errors);
    std::string all;
    for (const std::string& error : errors) all += error + "\n";
    EXPECT_TRUE(errors.empty()) << all;
    EXPECT_GT(table.concept_count(), 50u);
}

TEST(SynonymTable, AbbreviationsAndPhrasesMapToConcepts) {
    using Tokens = std::vector<std::string>;
    EXPECT_EQ(canonical("DOB"), canonical("Date of birth"));
    EXPECT_EQ(canonical("Geburtsdatum"), canonical("birth date"));
    EXPECT_EQ(canonical("fname"), (Tokens{"first_name"}));
    EXPECT_EQ(canonical("Zip/Postal Code"), (Tokens{"postal_code"}));
    EXPECT_EQ(canonical("PLZ"), (Tokens{"postal_code"}));
    EXPECT_EQ(canonical("Tel. No."), (Tokens{"phone"}));
    EXPECT_EQ(canonical("Phone #"), (Tokens{"phone"}));
    EXPECT_EQ(canonical("E-mail address"), (Tokens{"email"}));
    EXPECT_EQ(canonical("Qty"), (Tokens{"quantity"}));
    EXPECT_EQ(canonical("Org"), (Tokens{"company"}));
    EXPECT_EQ(canonical("Billing addr 1"), (Tokens{"billing", "street"}));
}

TEST(SynonymTable, WholeNameVariantsOnlyApplyAlone) {
    using Tokens = std::vector<std::string>;
    EXPECT_EQ(canonical("First"), (Tokens{"first_name"}));
    EXPECT_EQ(canonical("First order date"), (Tokens{"first", "order", "date"}));
}

TEST(SynonymTable, BracedVariantsOnlyApplyInsideLongerHeaders) {
    using Tokens = std::vector<std::string>;
    EXPECT_EQ(canonical("Data"), (Tokens{"data"}));                      // English "data" alone
    Tokens italian = canonical("Data ordine"), english = canonical("Order date");  // "data" + a word
    std::sort(italian.begin(), italian.end());
    std::sort(english.begin(), english.end());
    EXPECT_EQ(italian, english);
    std::vector<std::string> errors;
    SynonymTable::parse("colour: {kleur farbe}\n", &errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("must be one word"), std::string::npos) << errors[0];
}

TEST(SynonymTable, ADateWordBesideADateConceptAddsNothing) {
    using Tokens = std::vector<std::string>;
    EXPECT_EQ(canonical("Datum Eintritt"), (Tokens{"hire_date"}));
    EXPECT_EQ(canonical("Termination date date"), (Tokens{"termination_date"}));
    EXPECT_EQ(canonical("Order date"), (Tokens{"order", "date"}));       // "order" is no date
}

TEST(SynonymTable, EachLanguagesLineWordIsTheAddressLine) {
    for (const char* header : {"Adresse ligne 2", "Adresse Zeile 2", "Dirección línea 2", "Indirizzo riga 2",
                               "Adres regel 2", "Endereço linha 2"})
        EXPECT_EQ(canonical(header), canonical("Address line 2")) << header;
}

TEST(SynonymTable, QualifyingWordsOfOtherLanguagesFormTheEnglishPhrase) {
    using Tokens = std::vector<std::string>;
    EXPECT_EQ(canonical("Prezzo acquisto"), (Tokens{"cost"}));             // purchase price
    EXPECT_EQ(canonical("Prix de vente"), (Tokens{"price"}));              // sale price
    EXPECT_EQ(canonical("Data de emissão"), (Tokens{"invoice_date"}));     // issue date
    EXPECT_EQ(canonical("Datum Geburt"), canonical("Date of birth"));     // birth date
}

TEST(SynonymTable, RelatedKindsAndGenericWords) {
    const SynonymTable& table = SynonymTable::builtin();
    EXPECT_GT(table.related("phone", "mobile"), 0.0);
    EXPECT_EQ(table.related("phone", "mobile"), table.related("mobile", "phone"));
    EXPECT_EQ(table.related("phone", "city"), 0.0);
    EXPECT_EQ(table.kind_of("email"), kKindEmail);
    EXPECT_EQ(table.kind_of("postal_code"), kKindPostal);
    EXPECT_EQ(table.kind_of("opt_in"), kKindBoolean);
    EXPECT_EQ(table.kind_of("type"), 0u);
    EXPECT_TRUE(table.is_generic("name"));
    EXPECT_FALSE(table.is_generic("email"));
    EXPECT_EQ(table.display("date_birth"), "date of birth");
}

TEST(SynonymTable, ReportsProblemsWithLineNumbers) {
    std::vector<std::string> errors;
    const SynonymTable table = SynonymTable::parse(
        "# comment\n"
        "phone: tel\n"
        "fax: tel\n"                   // "tel" already means phone
        "related phone, fax: 2\n"      // score out of range
        "kind colour: phone\n"         // unknown kind
        "nonsense line\n",
        &errors);
    ASSERT_EQ(errors.size(), 4u);
    std::string all;
    for (const std::string& error : errors) all += error + "\n";
    for (const char* line : {"line 3: 'tel' already means 'phone'", "line 4:", "line 5: unknown kind 'colour'", "line 6:"})
        EXPECT_NE(all.find(line), std::string::npos) << line << " in\n" << all;
    EXPECT_EQ(table.canonicalize({"tel"}), std::vector<std::string>{"phone"});
}

// The header grammar's word classes are data (lexicon/grammar.txt), checked by the same parser.
TEST(SynonymTable, GrammarWordClassesAreReadAndChecked) {
    const SynonymTable& table = SynonymTable::builtin();
    EXPECT_EQ(table.grammar_class("billing"), static_cast<unsigned>(kEntityWord));
    EXPECT_EQ(table.grammar_class("primary"), static_cast<unsigned>(kPlainQualifier));
    EXPECT_EQ(table.grammar_class("wert"), static_cast<unsigned>(kValueWord));
    EXPECT_EQ(table.grammar_class("soort"), static_cast<unsigned>(kMetaWord));
    EXPECT_EQ(table.grammar_class("number"), static_cast<unsigned>(kNumberWord));
    EXPECT_EQ(table.grammar_class("voraussichtliche"), static_cast<unsigned>(kModalWord));
    EXPECT_EQ(table.grammar_class("original"), 0u);  // the original price is the compare-at price
    EXPECT_EQ(table.grammar_class("city"), 0u);

    std::vector<std::string> errors;
    const SynonymTable parsed = SynonymTable::parse(
        "@grammar\n"
        "grammar entity: billing, shipping\n"
        "grammar colour: red\n"        // unknown class
        "grammar modal: next, next\n"  // listed twice
        "grammar meta: line type\n",   // more than one word
        &errors);
    ASSERT_EQ(errors.size(), 3u);
    std::string all;
    for (const std::string& error : errors) all += error + "\n";
    for (const char* line : {"line 3: unknown grammar class 'colour'", "line 4: grammar word 'next' is listed twice",
                             "line 5: a grammar word must be one word"})
        EXPECT_NE(all.find(line), std::string::npos) << line << " in\n" << all;
    EXPECT_EQ(parsed.grammar_class("shipping"), static_cast<unsigned>(kEntityWord));
    EXPECT_EQ(parsed.grammar_class("next"), static_cast<unsigned>(kModalWord));
}

}  // namespace
}  // namespace pm::match
