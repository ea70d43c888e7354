// Enum value matching: by value, label, alias, normalization, typos, yes/no polarity; many values
// to one option; ambiguous values left alone; the enumDetails JSON.
#include "matcher/enum_matcher.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

EnumOption option(Json value, std::string label, std::vector<std::string> aliases = {}) {
    EnumOption out;
    out.value = std::move(value);
    out.label = std::move(label);
    out.alternative_names = std::move(aliases);
    return out;
}

const std::vector<EnumOption>& countries() {
    static const std::vector<EnumOption> options = {
        option("US", "United States", {"USA", "U.S."}), option("GB", "United Kingdom", {"UK", "Great Britain"}),
        option("DE", "Germany", {"Deutschland"}), option("FR", "France"), option("IT", "Italy", {"Italia"}),
    };
    return options;
}

std::string mapped_value(EnumMatcher& matcher, const std::string& value, const std::vector<EnumOption>& options) {
    const EnumValueMatch match = matcher.match(value);
    return match.option < 0 ? "" : option_value_text(options[static_cast<std::size_t>(match.option)].value);
}

TEST(EnumMatcher, MatchesByValueLabelAliasAndNormalization) {
    EnumMatcher matcher(countries());
    EXPECT_EQ(mapped_value(matcher, "DE", countries()), "DE");
    EXPECT_EQ(mapped_value(matcher, "Germany", countries()), "DE");
    EXPECT_EQ(mapped_value(matcher, "USA", countries()), "US");
    EXPECT_EQ(mapped_value(matcher, "u.s.", countries()), "US");
    EXPECT_EQ(mapped_value(matcher, "UNITED KINGDOM", countries()), "GB");
    EXPECT_EQ(mapped_value(matcher, " italia ", countries()), "IT");
    EXPECT_EQ(mapped_value(matcher, "Grmany", countries()), "DE");        // a typo
    EXPECT_EQ(mapped_value(matcher, "Spain", countries()), "");
    EXPECT_EQ(mapped_value(matcher, "", countries()), "");
}

TEST(EnumMatcher, ExplainsItself) {
    EnumMatcher matcher(countries());
    EXPECT_EQ(matcher.match("USA").reason, "exact alias \"USA\"");
    EXPECT_EQ(matcher.match("germany").reason, "same as label \"Germany\" after normalization");
    EXPECT_EQ(matcher.match("germany").how, NameMatch::Normalized);
}

TEST(EnumMatcher, YesNoOptionsTakeAnyWayOfSayingIt) {
    const std::vector<EnumOption> options = {option(true, "Yes"), option(false, "No")};
    EnumMatcher matcher(options);
    EXPECT_EQ(mapped_value(matcher, "Y", options), "true");
    EXPECT_EQ(mapped_value(matcher, "oui", options), "true");
    EXPECT_EQ(mapped_value(matcher, "FALSE", options), "false");
    EXPECT_EQ(mapped_value(matcher, "nein", options), "false");
    EXPECT_EQ(mapped_value(matcher, "perhaps", options), "");
}

TEST(EnumMatcher, NumericOptionValues) {
    const std::vector<EnumOption> options = {option(1, "High"), option(2, "Medium"), option(3, "Low")};
    EnumMatcher matcher(options);
    EXPECT_EQ(mapped_value(matcher, "2", options), "2");
    EXPECT_EQ(mapped_value(matcher, "low", options), "3");
}

TEST(EnumMatcher, CloseRivalsLeaveTheValueUnmapped) {
    const std::vector<EnumOption> options = {option("north_east", "North East"), option("north_west", "North West")};
    EnumMatchOptions lenient;
    lenient.threshold = 0.5;
    EnumMatcher matcher(options, lenient);
    const EnumValueMatch match = matcher.match("North");
    EXPECT_EQ(match.option, -1);
    EXPECT_TRUE(match.ambiguous);
    EXPECT_EQ(mapped_value(matcher, "north-west", options), "north_west");
}

TEST(EnumMatcher, EnumDetailsJson) {
    const EnumMatch match = match_enum_values({"UK", "USA", "Italia", "U.S.", "Atlantis", "UK", ""}, countries());
    ASSERT_EQ(match.values.size(), 5u);                  // distinct, non-empty
    const Json details = enum_details_json(match, countries());
    EXPECT_EQ(details["mapping"], Json::parse(R"([
        {"sourceValue": "UK", "destinationValue": "GB"}, {"sourceValue": "USA", "destinationValue": "US"},
        {"sourceValue": "Italia", "destinationValue": "IT"}, {"sourceValue": "U.S.", "destinationValue": "US"}])"));
    EXPECT_EQ(details["unusedSourceValues"], Json::parse(R"(["Atlantis"])"));
    EXPECT_EQ(details["unusedDestinationValues"], Json::parse(R"(["DE", "FR"])"));
}

}  // namespace
}  // namespace pm::match
