// Normalization of header text: case, accents, separators, camelCase, numbers, plurals, noise.
#include "matcher/text_normalize.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

using Words = std::vector<std::string>;

Words words(const std::string& text) { return normalize_text(text).words; }

TEST(TextNormalize, SplitsCamelAndPascalCaseAndAcronyms) {
    EXPECT_EQ(words("customerEMailAddress"), (Words{"customer", "e", "mail", "address"}));
    EXPECT_EQ(words("HTTPServerName"), (Words{"http", "server", "name"}));
    EXPECT_EQ(words("FirstName"), (Words{"first", "name"}));
    EXPECT_EQ(words("SKU"), (Words{"sku"}));
}

TEST(TextNormalize, SplitsSeparatorsAndPunctuation) {
    EXPECT_EQ(words("zip/postal-code"), (Words{"zip", "postal", "code"}));
    EXPECT_EQ(words("  ship__to.city  "), (Words{"ship", "to", "city"}));
    EXPECT_EQ(words("E-Mail"), (Words{"e", "mail"}));
}

TEST(TextNormalize, FoldsLatinAccentsToAscii) {
    EXPECT_EQ(words("Prénom"), (Words{"prenom"}));
    EXPECT_EQ(words("Straße"), (Words{"strasse"}));
    EXPECT_EQ(words("Łódź"), (Words{"lodz"}));
    EXPECT_EQ(words("Ærøskøbing"), (Words{"aeroskobing"}));
    EXPECT_EQ(words("Nº de téléphone"), (Words{"no", "telephone"}));
}

// Other scripts keep their letters; Greek and Cyrillic fold to lower case (issue 13: "ИМЯ" and
// "Имя" are the same header).
TEST(TextNormalize, KeepsOtherScriptsFoldingTheirCase) {
    EXPECT_EQ(words("Имя клиента"), (Words{"имя", "клиента"}));
}

TEST(TextNormalize, KeepsNumbersAsWords) {
    EXPECT_EQ(words("address2"), (Words{"address", "2"}));
    EXPECT_EQ(words("Line 01"), (Words{"line", "1"}));
    EXPECT_EQ(words("1st Address"), (Words{"1", "address"}));
}

TEST(TextNormalize, MakesPluralsSingular) {
    EXPECT_EQ(words("Categories"), (Words{"category"}));
    EXPECT_EQ(words("Addresses"), (Words{"address"}));
    EXPECT_EQ(words("Taxes"), (Words{"tax"}));
    EXPECT_EQ(words("Notes"), (Words{"note"}));
    EXPECT_EQ(words("Status"), (Words{"status"}));    // not a plural
    EXPECT_EQ(words("Pays"), (Words{"pays"}));        // French "country"
    EXPECT_EQ(singular("people"), "person");
}

TEST(TextNormalize, DropsNoiseWordsUnlessNothingIsLeft) {
    EXPECT_EQ(words("Date of Birth"), (Words{"date", "birth"}));
    EXPECT_EQ(words("Fecha de la compra"), (Words{"fecha", "compra"}));
    EXPECT_EQ(words("The"), (Words{"the"}));
    EXPECT_EQ(normalize_text("Date of Birth").all_words, (Words{"date", "of", "birth"}));
}

// German gender-inclusive endings belong to the word before them; "in" of a key or a phrase stays.
TEST(TextNormalize, DropsGermanGenderInclusiveEndings) {
    EXPECT_EQ(words("Vorgesetzte:r"), (Words{"vorgesetzte"}));
    EXPECT_EQ(words("Mitarbeiter*in ID"), (Words{"mitarbeiter", "id"}));
    EXPECT_EQ(words("Ansprechpartner/-innen"), (Words{"ansprechpartner"}));
    EXPECT_EQ(words("opt_in"), (Words{"opt", "in"}));
    EXPECT_EQ(words("Checked in"), (Words{"checked", "in"}));
    EXPECT_EQ(words("Country/Region"), (Words{"country", "region"}));
}

TEST(TextNormalize, HashAndPercentAreWords) {
    EXPECT_EQ(words("Phone #"), (Words{"phone", "#"}));
    EXPECT_EQ(words("Discount %"), (Words{"discount", "percent"}));
}

TEST(TextNormalize, ApostrophesJoinExceptFrenchElision) {
    EXPECT_EQ(words("Customer's name"), (Words{"customer", "name"}));
    EXPECT_EQ(words("Nom de l'entreprise"), (Words{"nom", "entreprise"}));
}

TEST(TextNormalize, JoinedFormsAgreeAcrossSpellings) {
    const std::string expected = "firstname";
    EXPECT_EQ(joined(words("First Name")), expected);
    EXPECT_EQ(joined(words("first_name")), expected);
    EXPECT_EQ(joined(words("FIRST-NAMES")), expected);
    EXPECT_EQ(joined(words("firstName")), expected);
}

TEST(TextNormalize, EmptyAndMalformedInput) {
    EXPECT_TRUE(words("").empty());
    EXPECT_TRUE(words("  -- / ").empty());
    EXPECT_EQ(words(std::string("ab\xff\xfe" "cd")), (Words{"ab", "cd"}));
    EXPECT_EQ(words(std::string("x\xc3")), (Words{"x"}));   // truncated sequence
}

}  // namespace
}  // namespace pm::match
