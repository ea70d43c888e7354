// Name comparison levels and the rules that keep fuzzy matches honest.
#include "matcher/name_score.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

// Compares a source header with one destination name, the destination registered as such.
NameScore compare(const std::string& source, const std::string& destination) {
    Lexicon lexicon;
    lexicon.add_destination_name(destination);
    const NameForm target = lexicon.prepare(destination, NameOrigin::Label);
    lexicon.register_destination_form(target);
    const NameForm header = lexicon.prepare(source, NameOrigin::Label, true);
    return compare_names(header, target, lexicon);
}

TEST(NameScore, Levels) {
    EXPECT_EQ(compare("Email", "Email").how, NameMatch::Exact);
    EXPECT_EQ(compare("First Names", "first_name").how, NameMatch::Normalized);
    EXPECT_EQ(compare("firstname", "First name").how, NameMatch::Normalized);
    EXPECT_EQ(compare("DOB", "Date of birth").how, NameMatch::Synonym);
    EXPECT_EQ(compare("Zip", "Postal code").how, NameMatch::Synonym);
    EXPECT_EQ(compare("Date Created", "created date").how, NameMatch::Synonym);   // same words, reordered
    EXPECT_EQ(compare("PON", "Purchase Order Number").how, NameMatch::Acronym);
    EXPECT_EQ(compare("Adress", "Address").how, NameMatch::Synonym);             // listed in the table
    EXPECT_EQ(compare("Shiping Citty", "Shipping city").how, NameMatch::Fuzzy);
    EXPECT_EQ(compare("", "id").how, NameMatch::None);
    EXPECT_EQ(compare("Colour", "Weight").how, NameMatch::None);
}

TEST(NameScore, LevelsAreOrdered) {
    EXPECT_GT(compare("Email", "Email").score, compare("E-mail", "Email").score);
    EXPECT_GT(compare("E-mail", "Email").score, compare("Mail address", "Email").score - 1e-9);
    EXPECT_GT(compare("Mail address", "Email").score, compare("Customer email", "Email").score);
    EXPECT_LE(compare("Shiping Citty", "Shipping city").score, 0.9);
}

TEST(NameScore, TyposAndAbbreviationsGetPartialCredit) {
    EXPECT_GT(compare("Emial", "Email").score, 0.7);
    EXPECT_GT(compare("Cust Name", "Customer name").score, 0.7);
    EXPECT_GT(compare("Qnty Ordered", "Quantity ordered").score, 0.7);
}

TEST(NameScore, ALostHeadWordCostsMoreThanAModifier) {
    // "Customer email" is an email; "Email consent" is a consent, "Phone type" a type.
    const double modifier = compare("Customer email", "Email").score;
    EXPECT_GT(modifier, 0.5);
    EXPECT_LT(compare("Email consent", "Email").score, 0.5);
    EXPECT_LT(compare("Phone Type", "Phone").score, 0.5);
    EXPECT_LT(compare("Product code", "Product name").score, 0.5);   // both heads lost
    EXPECT_GT(compare("Company name", "Company").score, 0.5);        // a generic head may go
}

TEST(NameScore, DifferentNumbersDoNotMatch) {
    EXPECT_LT(compare("Address 2", "Address line 1").score, 0.5);
    EXPECT_GT(compare("Address 2", "Address line 2").score, 0.9);
}

TEST(NameScore, TwoRealWordsAreNotTypos) {
    EXPECT_EQ(compare("State", "Stage").how, NameMatch::None);
    EXPECT_EQ(compare("Date", "Data").how, NameMatch::None);
}

TEST(NameScore, DestinationContextWordsCostLessThanSourceWords) {
    // "Amount" in an invoice export is the invoice amount; "Invoice amount" is more than "Amount".
    EXPECT_GT(compare("Amount", "Invoice amount").score, compare("Invoice amount", "Amount").score);
}

}  // namespace
}  // namespace pm::match
