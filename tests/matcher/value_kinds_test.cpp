// Recognising preview values, including the look-alikes that must not be recognised.
#include "matcher/value_kinds.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

bool is(const char* value, unsigned kind) { return (classify_value(value) & kind) != 0; }

TEST(ValueKinds, Emails) {
    EXPECT_TRUE(is("amara.o@example.org", kKindEmail));
    EXPECT_TRUE(is("  first+tag@sub.example.co.uk ", kKindEmail));
    EXPECT_FALSE(is("not an@email.com", kKindEmail));
    EXPECT_FALSE(is("@example.com", kKindEmail));
    EXPECT_FALSE(is("a@b", kKindEmail));
}

TEST(ValueKinds, Urls) {
    EXPECT_TRUE(is("https://acme.example/path?q=1", kKindUrl));
    EXPECT_TRUE(is("www.acme.com", kKindUrl));
    EXPECT_TRUE(is("globex.com", kKindUrl));
    EXPECT_FALSE(is("J.Smith", kKindUrl));                 // unknown "TLD"
    EXPECT_FALSE(is("12.50", kKindUrl));
}

TEST(ValueKinds, PhoneNumbers) {
    EXPECT_TRUE(is("+49 30 1234567", kKindPhone));
    EXPECT_TRUE(is("(555) 123-4567", kKindPhone));
    EXPECT_TRUE(is("06 12 34 56 78", kKindPhone));
    EXPECT_TRUE(is("+1 650 555 0110 ext 12", kKindPhone));
    EXPECT_FALSE(is("2024-03-12", kKindPhone));             // a date
    EXPECT_FALSE(is("12.50", kKindPhone));
    EXPECT_FALSE(is("1234567", kKindPhone));                // a bare number
}

TEST(ValueKinds, Dates) {
    for (const char* value : {"2024-03-12", "12/03/2024", "3/12/24", "12.03.2024", "2024-03-01T10:15:00.000Z",
                              "12 Mar 2024", "Mar 12, 2024", "March 2024", "01.02.2024 10:30"})
        EXPECT_TRUE(is(value, kKindDate)) << value;
    for (const char* value : {"1.2.3", "13/13/2024", "555-123-4567", "2024", "10:30"})
        EXPECT_FALSE(is(value, kKindDate)) << value;
}

TEST(ValueKinds, NumbersAndMoney) {
    for (const char* value : {"42", "-3.5", "1,234,567.89", "1.234.567,89", "12,50", "1 234", "15%", "(12.00)"})
        EXPECT_TRUE(is(value, kKindNumber)) << value;
    for (const char* value : {"$1,234.56", "12,50 €", "EUR 12", "£3"}) {
        EXPECT_TRUE(is(value, kKindNumber)) << value;
        EXPECT_TRUE(is(value, kKindMoney)) << value;
    }
    EXPECT_FALSE(is("12.5.3", kKindNumber));
    EXPECT_FALSE(is("1,23,4", kKindNumber));
    EXPECT_FALSE(is("42", kKindMoney));
}

TEST(ValueKinds, BooleansPostalCodesCountriesCurrencies) {
    for (const char* value : {"yes", "No", "TRUE", "y", "0", "oui", "Nein", "x"}) EXPECT_TRUE(is(value, kKindBoolean)) << value;
    EXPECT_FALSE(is("maybe", kKindBoolean));
    for (const char* value : {"94103", "10115", "SW1A 1AA", "E14 5AB", "K1A 0B1", "1012 AB", "100-0005", "02108"})
        EXPECT_TRUE(is(value, kKindPostal)) << value;
    EXPECT_FALSE(is("ABC DEF", kKindPostal));
    EXPECT_TRUE(is("DE", kKindCountry));
    EXPECT_TRUE(is("United Kingdom", kKindCountry));
    EXPECT_TRUE(is("Deutschland", kKindCountry));
    EXPECT_FALSE(is("QQ", kKindCountry));
    EXPECT_TRUE(is("EUR", kKindCurrency));
    EXPECT_FALSE(is("EURO", kKindCurrency));
}

TEST(ValueKinds, TextAndCodes) {
    EXPECT_TRUE(is("Acme Corp", kKindText));
    EXPECT_FALSE(is("yes", kKindText));                    // a short yes/no is not prose
    EXPECT_FALSE(is("123", kKindText));
    EXPECT_TRUE(is("INV-0042", kKindCode));
    EXPECT_TRUE(is("10023", kKindCode));
    EXPECT_FALSE(is("Acme Corp", kKindCode));
    EXPECT_EQ(classify_value("   "), 0u);
}

TEST(ValueKinds, ProfileCountsSharesAndCardinality) {
    const ValueProfile profile = profile_values({"a@x.com", "b@y.org", "", "hello", "a@x.com"});
    EXPECT_EQ(profile.total, 5u);
    EXPECT_EQ(profile.non_empty, 4u);
    EXPECT_EQ(profile.distinct, 3u);
    EXPECT_DOUBLE_EQ(profile.share(kKindEmail), 0.75);
    EXPECT_FALSE(profile.low_cardinality());
    EXPECT_TRUE(profile_values({"red", "blue", "red", "red", "blue"}).low_cardinality());
    EXPECT_EQ(std::string(kind_name(kKindPhone)), "phone");
    EXPECT_EQ(kind_from_name("postal"), kKindPostal);
}

}  // namespace
}  // namespace pm::match
