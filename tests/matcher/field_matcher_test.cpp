// The field matcher end to end: the peers' failure cases, order independence, the threshold,
// ambiguity, exact matches that are not traded away, certainty bands and reasons.
#include "matcher/field_matcher.h"

#include "core/plan/parse.h"
#include "corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace pm::match {
namespace {

UnmappedField source(const std::string& key, const std::string& label, std::vector<std::string> preview = {}) {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", "string"}});
    out.preview = std::move(preview);
    return out;
}

UnmappedField destination(const std::string& key, const std::string& label, const std::string& type = "string") {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", type}});
    return out;
}

std::map<std::string, std::string> assignment(const MatchResult& result) {
    std::map<std::string, std::string> out;
    for (const SourceMatch& match : result.sources)
        if (match.assigned()) out[match.source_key] = match.destination_key;
    return out;
}

const SourceMatch& find(const MatchResult& result, const std::string& key) {
    for (const SourceMatch& match : result.sources)
        if (match.source_key == key) return match;
    static const SourceMatch none;
    ADD_FAILURE() << "no source " << key;
    return none;
}

const std::vector<std::string> kYesNo = {"Yes", "No", "Yes", "No"};
const std::vector<std::string> kEmails = {"a@example.com", "b@example.org", "c@example.net"};

TEST(FieldMatcher, EmailConsentIsNotTheEmail) {
    // ImportCSV #15: word-level similarity sent "Email consent" to Email.
    const std::vector<UnmappedField> destinations = {destination("email", "Email")};
    const MatchResult alone = match_fields({source("email_consent", "Email consent", kYesNo)}, destinations);
    EXPECT_FALSE(alone.sources[0].assigned());
    const MatchResult with_email =
        match_fields({source("email_consent", "Email consent", kYesNo), source("e_mail", "E-mail", kEmails)}, destinations);
    EXPECT_EQ(assignment(with_email), (std::map<std::string, std::string>{{"e_mail", "email"}}));
    // With a consent field in the schema, that is where it goes.
    const MatchResult with_opt_in = match_fields({source("email_consent", "Email consent", kYesNo)},
                                                 {destination("email", "Email"), destination("email_opt_in", "Email opt-in", "boolean")});
    EXPECT_EQ(with_opt_in.sources[0].destination_key, "email_opt_in");
}

// "Title" (de/nl "Titel", es "Título") means what the schema titles: the job in a contact list,
// the product in a catalog; "Order number" is the order's ID.
TEST(FieldMatcher, TitleAndNumberWordsFollowTheSchema) {
    const std::vector<UnmappedField> contacts = {destination("first_name", "First name"), destination("job_title", "Job title"),
                                                 destination("email", "Email")};
    const std::vector<UnmappedField> catalog = {destination("sku", "SKU"), destination("name", "Product name"),
                                                destination("price", "Price")};
    EXPECT_EQ(assignment(match_fields({source("title", "Title")}, contacts)),
              (std::map<std::string, std::string>{{"title", "job_title"}}));
    EXPECT_EQ(assignment(match_fields({source("titel", "Titel")}, catalog)),
              (std::map<std::string, std::string>{{"titel", "name"}}));
    EXPECT_EQ(assignment(match_fields({source("order_number", "Order number")},
                                      {destination("order_id", "Order ID"), destination("total", "Order total")})),
              (std::map<std::string, std::string>{{"order_number", "order_id"}}));
}

// A unit in a destination's label ("Weight (kg)") says how the value is written, not what it is.
TEST(FieldMatcher, UnitsInALabelWeighLittle) {
    // The name alone (no values to help): the weight, with the unit the label adds weighing little.
    const MatchResult result = match_fields({source("gewicht", "Gewicht", {})},
                                            {destination("weight_kg", "Weight (kg)", "number"), destination("name", "Name")});
    EXPECT_EQ(find(result, "gewicht").destination_key, "weight_kg") << find(result, "gewicht").reason;
}

TEST(FieldMatcher, AnEmptyHeaderNeverMaps) {
    // RSI: Levenshtein("", "id") = 2 <= autoMapDistance.
    const MatchResult result = match_fields({source("", "", {"1", "2", "3"}), source("", "  ", {"x"})},
                                            {destination("id", "ID"), destination("no", "No")});
    for (const SourceMatch& match : result.sources) {
        EXPECT_FALSE(match.assigned());
        EXPECT_TRUE(match.candidates.empty());
    }
}

TEST(FieldMatcher, PhoneHashIsThePhoneAndPhoneTypeIsNot) {
    const std::vector<UnmappedField> destinations = {destination("phone", "Phone"), destination("name", "Name")};
    const MatchResult result = match_fields({source("phone", "Phone #", {"+1 415 555 0134", "(212) 555-0199"}),
                                             source("phone_type", "Phone Type", {"mobile", "work", "home"})},
                                            destinations);
    EXPECT_EQ(assignment(result), (std::map<std::string, std::string>{{"phone", "phone"}}));
    const MatchResult typed = match_fields({source("phone_type", "Phone Type", {"mobile", "work", "home"})},
                                           {destination("phone", "Phone"), destination("phone_type", "Phone type")});
    EXPECT_EQ(typed.sources[0].destination_key, "phone_type");
}

TEST(FieldMatcher, ResultDoesNotDependOnOrder) {
    const test::Corpus corpus = test::load_corpus();
    ASSERT_TRUE(corpus.errors.empty());
    for (const test::CorpusExport& file : corpus.exports) {
        std::vector<UnmappedField> sources = test::source_fields(file);
        std::vector<UnmappedField> destinations = test::destination_fields(corpus.schemas.at(file.schema));
        const MatchResult reference = match_fields(sources, destinations);
        for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
            std::mt19937 random(seed);
            std::shuffle(sources.begin(), sources.end(), random);
            std::shuffle(destinations.begin(), destinations.end(), random);
            const MatchResult shuffled = match_fields(sources, destinations);
            EXPECT_EQ(assignment(shuffled), assignment(reference)) << file.file << " seed " << seed;
            for (const SourceMatch& match : reference.sources) {
                const SourceMatch& other = find(shuffled, match.source_key);
                ASSERT_EQ(other.candidates.size(), match.candidates.size()) << match.source_key;
                for (std::size_t i = 0; i < match.candidates.size(); ++i) {
                    EXPECT_EQ(other.candidates[i].destination_key, match.candidates[i].destination_key);
                    EXPECT_EQ(other.candidates[i].reason, match.candidates[i].reason);
                }
            }
        }
    }
}

TEST(FieldMatcher, ThresholdDecidesWhatIsAssignedNotWhatIsListed) {
    const std::vector<UnmappedField> sources = {source("cust_email", "Customer email", kEmails)};
    const std::vector<UnmappedField> destinations = {destination("email", "Email")};
    const MatchResult normal = match_fields(sources, destinations);
    ASSERT_TRUE(normal.sources[0].assigned());
    const double score = normal.sources[0].score;
    MatchOptions strict;
    strict.threshold = std::min(1.0, score + 0.01);
    const MatchResult none = match_fields(sources, destinations, strict);
    EXPECT_FALSE(none.sources[0].assigned());
    ASSERT_EQ(none.sources[0].candidates.size(), 1u);
    EXPECT_EQ(none.sources[0].candidates[0].destination_key, "email");
    strict.threshold = score;
    EXPECT_TRUE(match_fields(sources, destinations, strict).sources[0].assigned());
}

TEST(FieldMatcher, AmbiguousPairsStayCandidates) {
    // One "Phone" column, two phone fields that fit it equally well.
    const MatchResult result = match_fields({source("phone", "Phone", {"+1 415 555 0134"})},
                                            {destination("home_phone", "Home phone"), destination("work_phone", "Work phone")});
    const SourceMatch& match = result.sources[0];
    EXPECT_FALSE(match.assigned());
    EXPECT_TRUE(match.ambiguous);
    ASSERT_EQ(match.candidates.size(), 2u);
    EXPECT_EQ(match.candidates[0].destination_key, "home_phone");      // ties by key
    EXPECT_EQ(match.candidates[0].score, match.candidates[1].score);
}

TEST(FieldMatcher, ADestinationIsNeverTakenTwice) {
    const MatchResult result = match_fields(
        {source("email", "Email", kEmails), source("email_2", "E-mail", kEmails), source("mail", "Mail", kEmails)},
        {destination("email", "Email")});
    EXPECT_EQ(assignment(result), (std::map<std::string, std::string>{{"email", "email"}}));
}

TEST(FieldMatcher, AnExactMatchIsNotTradedForTwoFuzzyOnes) {
    // Max-sum alone would prefer "Zip" -> postal_code (0.95) + "Postal code" -> zip4 (fuzzy) over
    // the exact "Postal code" -> postal_code.
    const MatchResult result = match_fields(
        {source("postal_code", "Postal code", {"94103"}), source("zip", "Zip", {"94103"})},
        {destination("postal_code", "Postal code"), destination("postal_code_extension", "Postal code extension")});
    EXPECT_EQ(find(result, "postal_code").destination_key, "postal_code");
    EXPECT_EQ(find(result, "postal_code").certainty, Certainty::Absolute);
}

TEST(FieldMatcher, CertaintyBandsAndReasons) {
    const MatchResult result = match_fields(
        {source("email", "Email", kEmails), source("fname", "FNAME", {"Ann", "Bo"}), source("dob", "DOB", {"1984-07-21"}),
         source("shipping_citty", "Shiping Citty", {"Lyon"})},
        {destination("email", "Email"), destination("first_name", "First name"),
         destination("date_of_birth", "Date of birth", "date"), destination("shipping_city", "Shipping city")});
    const SourceMatch& email = find(result, "email");
    EXPECT_EQ(email.certainty, Certainty::Absolute);
    EXPECT_EQ(email.reason.rfind("exact key \"email\"", 0), 0u) << email.reason;
    const SourceMatch& fname = find(result, "fname");
    EXPECT_EQ(fname.destination_key, "first_name");
    EXPECT_EQ(fname.certainty, Certainty::Strong);
    EXPECT_NE(fname.reason.find("synonym of"), std::string::npos) << fname.reason;
    const SourceMatch& dob = find(result, "dob");
    EXPECT_EQ(dob.destination_key, "date_of_birth");
    EXPECT_NE(dob.reason.find("values fit: 1 of 1 values are dates"), std::string::npos) << dob.reason;
    const SourceMatch& city = find(result, "shipping_citty");
    EXPECT_EQ(city.destination_key, "shipping_city");
    EXPECT_EQ(city.certainty, Certainty::Moderate);
    EXPECT_EQ(city.reason.rfind("fuzzy ", 0), 0u) << city.reason;
    EXPECT_EQ(certainty_for(0.95, false), Certainty::Strong);
    EXPECT_EQ(certainty_for(0.9, false), Certainty::Moderate);
    EXPECT_EQ(certainty_for(0.7, false), Certainty::Weak);
    EXPECT_EQ(certainty_for(0.2, true), Certainty::Absolute);
}

TEST(FieldMatcher, ContradictingValuesLowerEvenAnExactName) {
    const MatchResult result = match_fields({source("email", "Email", kYesNo)}, {destination("email", "Email")});
    const SourceMatch& match = result.sources[0];
    ASSERT_TRUE(match.assigned());
    EXPECT_NE(match.certainty, Certainty::Absolute);
    EXPECT_LT(match.score, 0.9);
    EXPECT_NE(match.reason.find("values contradict: 0 of 4 values are email addresses (they look like yes/no values)"),
              std::string::npos)
        << match.reason;
}

TEST(FieldMatcher, ValuesAloneGiveOnlyAWeakCandidate) {
    const MatchResult result = match_fields({source("col_7", "Column 7", kEmails)},
                                            {destination("email", "Email"), destination("city", "City")});
    const SourceMatch& match = result.sources[0];
    EXPECT_FALSE(match.assigned());
    ASSERT_EQ(match.candidates.size(), 1u);
    EXPECT_EQ(match.candidates[0].destination_key, "email");
    EXPECT_LT(match.candidates[0].score, 0.5);
    EXPECT_EQ(match.candidates[0].certainty, Certainty::Weak);
}

TEST(FieldMatcher, EnumOptionsAsEvidence) {
    UnmappedField status;
    status.field = field_from_raw(Json::parse(R"({"key": "status", "label": "Status", "type": "enum",
        "config": {"options": [{"value": "open", "label": "Open"}, {"value": "closed", "label": "Closed"}]}})"));
    const MatchResult fits = match_fields({source("ticket_status", "Ticket status", {"Open", "closed", "OPEN"})}, {status});
    ASSERT_TRUE(fits.sources[0].assigned());
    EXPECT_NE(fits.sources[0].reason.find("values fit: 3 of 3 values are options of the field"), std::string::npos)
        << fits.sources[0].reason;
    const MatchResult misfits = match_fields({source("ticket_status", "Ticket status", {"Red", "Blue", "Green"})}, {status});
    ASSERT_FALSE(misfits.sources[0].candidates.empty());
    EXPECT_LT(misfits.sources[0].candidates[0].score, fits.sources[0].score);
}

// Issue 13, point 5: when exactly one unassigned source and one unassigned destination of a
// telling kind remain and their names are related, the pair is proposed with moderate certainty.
namespace last_pair {

const std::vector<std::string> kDates = {"2024-01-02", "2024-02-03", "2024-03-04"};
constexpr const char* kLastPairReason = "the only unmapped column and field of their kind";

std::vector<UnmappedField> destinations_with(std::vector<UnmappedField> extra = {}) {
    std::vector<UnmappedField> out = {destination("transaction_date", "Transaction date", "date"), destination("name", "Name")};
    for (UnmappedField& field : extra) out.push_back(std::move(field));
    return out;
}

}  // namespace last_pair

TEST(FieldMatcher, TheLastPairOfAKindIsProposedWithModerateCertainty) {
    using namespace last_pair;
    const std::vector<UnmappedField> sources = {source("date_of_trade", "Date of trade", kDates),
                                                source("name", "Name", {"Ann", "Bob"})};
    const MatchResult result = match_fields(sources, destinations_with());
    const SourceMatch& trade = find(result, "date_of_trade");
    ASSERT_TRUE(trade.assigned());
    EXPECT_EQ(trade.destination_key, "transaction_date");
    EXPECT_DOUBLE_EQ(trade.score, 0.75);
    EXPECT_EQ(trade.certainty, Certainty::Moderate);
    EXPECT_NE(trade.reason.find(kLastPairReason), std::string::npos) << trade.reason;
    // Without the rule the names alone would not reach the threshold: the name part is weak.
    EXPECT_NE(trade.reason.find("fuzzy 0.3"), std::string::npos) << trade.reason;
}

TEST(FieldMatcher, TheLastPairRuleNeedsExactlyOneOfEachSide) {
    using namespace last_pair;
    // Two date columns left: which one is the transaction date is not for the rule to guess.
    const std::vector<UnmappedField> two_sources = {source("date_of_trade", "Date of trade", kDates),
                                                    source("date_of_entry", "Date of entry", kDates)};
    const MatchResult sources_result = match_fields(two_sources, destinations_with());
    EXPECT_FALSE(find(sources_result, "date_of_trade").assigned());
    EXPECT_FALSE(find(sources_result, "date_of_entry").assigned());
    // Two date fields left.
    std::vector<UnmappedField> extra;
    extra.push_back(destination("settlement_date", "Settlement date", "date"));
    const MatchResult destinations_result =
        match_fields({source("date_of_trade", "Date of trade", kDates)}, destinations_with(std::move(extra)));
    EXPECT_FALSE(find(destinations_result, "date_of_trade").assigned());
}

TEST(FieldMatcher, TheLastPairRuleNeedsRelatedNamesFittingValuesAndALenientThreshold) {
    using namespace last_pair;
    // Names with nothing in common: never proposed, however alone the two are.
    const MatchResult unrelated = match_fields({source("misc", "Misc", kDates)}, destinations_with());
    EXPECT_FALSE(find(unrelated, "misc").assigned());
    // Names related by little more than the kind itself ("Service date" and "Payment date", a name
    // score near 0.26): not related enough for the rule.
    const MatchResult kind_word =
        match_fields({source("service_date", "Service date", kDates)},
                     {destination("payment_date", "Payment date", "date"), destination("name", "Name")});
    EXPECT_FALSE(find(kind_word, "service_date").assigned()) << find(kind_word, "service_date").reason;
    // Values that are not dates: the column is not of the kind.
    const MatchResult text =
        match_fields({source("date_of_trade", "Date of trade", {"soon", "later", "never"})}, destinations_with());
    EXPECT_FALSE(find(text, "date_of_trade").assigned());
    // A stricter threshold than the rule's certainty wins.
    MatchOptions strict;
    strict.threshold = 0.8;
    const MatchResult stricter = match_fields({source("date_of_trade", "Date of trade", kDates)}, destinations_with(), strict);
    EXPECT_FALSE(find(stricter, "date_of_trade").assigned());
    // And the same pair at the default threshold is proposed (the cases above differ in one thing each).
    EXPECT_TRUE(
        find(match_fields({source("date_of_trade", "Date of trade", kDates)}, destinations_with()), "date_of_trade").assigned());
}

// The blocking (field_index.h) scores only destinations reached through shared words, joined
// forms, initials or value kinds. Pairs that share no word with their destination must still be
// found when hundreds of other destinations are around: an acronym, a lexicon concept in another
// language, a transliteration, and distinctive values with an unrelated name. The ranker, built on
// the same index and scorer, must list the same best candidate.
TEST(FieldMatcher, PairsSharingNoWordAreFoundAmongManyDestinations) {
    std::vector<UnmappedField> destinations;
    static const char* const kSubjects[] = {"widget", "gadget", "sprocket", "lever", "gear", "valve", "pump", "belt"};
    static const char* const kAttributes[] = {"name", "code", "status", "weight", "colour", "notes", "owner", "rating"};
    for (int copy = 0; copy < 5; ++copy)
        for (const char* subject : kSubjects)
            for (const char* attribute : kAttributes) {
                const std::string words = std::string(subject) + " " + attribute + " " + std::to_string(copy + 1);
                std::string key = words;
                std::replace(key.begin(), key.end(), ' ', '_');
                destinations.push_back(destination(key, words));
            }
    destinations.push_back(destination("social_security_number", "Social Security Number"));
    destinations.push_back(destination("date_of_birth", "Date of birth", "date"));
    destinations.push_back(destination("street", "Street"));
    destinations.push_back(destination("email", "Email"));
    const std::vector<UnmappedField> sources = {
        source("ssn", "SSN"),
        source("geburtsdatum", "Geburtsdatum", {"1980-02-03", "1975-11-30", "1990-07-14"}),
        source("strasse", "Strasse"),
        source("col_9", "Column 9", kEmails),
    };
    const MatchResult result = match_fields(sources, destinations);
    EXPECT_EQ(find(result, "ssn").destination_key, "social_security_number");
    EXPECT_EQ(find(result, "geburtsdatum").destination_key, "date_of_birth");
    EXPECT_EQ(find(result, "strasse").destination_key, "street");
    const SourceMatch& by_values = find(result, "col_9");
    EXPECT_FALSE(by_values.assigned());
    ASSERT_FALSE(by_values.candidates.empty());
    EXPECT_EQ(by_values.candidates[0].destination_key, "email");

    DestinationRanker ranker(destinations);
    for (const UnmappedField& entry : sources) {
        const std::vector<Candidate> ranked = ranker.rank(entry);
        const SourceMatch& matched = find(result, entry.field.key);
        ASSERT_FALSE(ranked.empty()) << entry.field.key;
        ASSERT_FALSE(matched.candidates.empty()) << entry.field.key;
        EXPECT_EQ(ranked[0].destination_key, matched.candidates[0].destination_key);
        EXPECT_EQ(ranked[0].score, matched.candidates[0].score);
    }
}

}  // namespace
}  // namespace pm::match
