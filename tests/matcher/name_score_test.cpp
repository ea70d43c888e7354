// Name comparison levels and the rules that keep fuzzy matches honest.
#include "matcher/name_score.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(NameScore, SharingOnlyWhoseThingItIsIsWeakEvidence) {
    // The one shared word is an entity ("company", "customer") and the source names something else
    // of it: below the default threshold (the company's category is not its name; fuzzy 0.52
    // before this rule).
    EXPECT_LT(compare("Catégorie entreprise", "Company name").score, 0.5);
    EXPECT_LT(compare("Customer job", "Customer name").score, 0.5);
    // Not when the source says nothing else, or shares the attribute itself.
    EXPECT_GT(compare("Entreprise", "Company name").score, 0.9);
    EXPECT_GT(compare("Customer email", "Email").score, 0.5);
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

// SourceSimilarities is a faster way to the same numbers: for every pair, with and without it,
// compare_names and token_overlap must agree to the last bit. One object is reused across sources
// (as the field matcher does), so a similarity left over from an earlier source would show here.
TEST(NameScore, PreparedSourceSimilaritiesGiveTheSameScores) {
    const std::vector<std::string> destinations = {
        "Shipping city",
        "Date of birth",
        "Purchase Order Number",
        "Street",
        "Email",
        "Customer number",
        "Address line 2",
        "Quantity ordered",
        "Company name",
        "Phone 1 - Value",
        "Billing address city",
        "GTIN, UPC, EAN or ISBN",
        "Invoice total amount",
        "Social Security Number",
        "created_at",
        "one two three four five six seven eight nine ten eleven",
    };
    const std::vector<std::string> sources = {
        "Shiping Citty",
        "DOB",
        "PON",
        "Strasse",
        "E-mail 1 - Value",
        "Cust No",
        "address_1",
        "qty ord",
        "Firmenname",
        "Geburtsdatum",
        "Work Address City",
        "Phone",
        "Totaal factuur",
        "SSN",
        "Date Created",
        "eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
        "Colour",
        "Rechnungsnummer",
        "x",
    };
    Lexicon lexicon;
    for (const std::string& name : destinations) lexicon.add_destination_name(name);
    std::vector<NameForm> targets;
    for (const std::string& name : destinations) {
        targets.push_back(lexicon.prepare(name, NameOrigin::Label));
        lexicon.register_destination_form(targets.back());
    }
    std::vector<NameForm> headers;
    for (const std::string& name : sources) headers.push_back(lexicon.prepare(name, NameOrigin::Label, true));
    // A form without bigrams (as enum values are prepared) takes them from its joined words.
    headers.push_back(lexicon.prepare(normalize_text("Shipping town"), "Shipping town", NameOrigin::Value, true, false));
    ASSERT_TRUE(headers.back().bigrams.empty());

    SourceSimilarities similarities;
    std::size_t related = 0;
    for (const NameForm& header : headers) {
        similarities.build(header, lexicon);
        for (const NameForm& target : targets) {
            const NameScore plain = compare_names(header, target, lexicon);
            const NameScore fast = compare_names(header, target, lexicon, &similarities);
            EXPECT_EQ(plain.score, fast.score) << header.text << " / " << target.text;
            EXPECT_EQ(plain.how, fast.how) << header.text << " / " << target.text;
            EXPECT_EQ(token_overlap(header, target, lexicon), token_overlap(header, target, lexicon, &similarities))
                << header.text << " / " << target.text;
            if (plain.score > 0) ++related;
        }
    }
    EXPECT_GE(related, headers.size());  // the pairs are not all unrelated: the check has teeth
}

}  // namespace
}  // namespace pm::match

namespace pm::match {
namespace {

// A source word that neither the table nor any destination knows (a brand, a code, a word of a
// language the table lacks) weighs half: it costs less than a known word that the destination
// lacks, and it alone never links two names.
TEST(NameScore, UnknownSourceWordsWeighHalf) {
    struct Case {
        const char* unknown_word_header;
        const char* known_word_header;
        const char* destination;
    };
    const Case cases[] = {
        {"Zorblax price", "Shipping price", "Price"},
        {"Email qxvleb", "Email consent", "Email"},
        {"Qxvleb total", "Weight total", "Total"},
    };
    for (const Case& c : cases)
        EXPECT_GT(compare(c.unknown_word_header, c.destination).score, compare(c.known_word_header, c.destination).score)
            << c.unknown_word_header;
    // What it must not do: link names by itself or make an unknown word a match.
    EXPECT_EQ(compare("Zorblax", "Price").how, NameMatch::None);
    EXPECT_EQ(compare("Zorblax qxvleb", "Email").how, NameMatch::None);
    EXPECT_LT(compare("Zorblax price", "Price").score, compare("Price", "Price").score);
}

}  // namespace
}  // namespace pm::match
