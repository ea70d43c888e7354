// Character-level measures: reference values from their definitions.
#include "matcher/string_metrics.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

TEST(StringMetrics, JaroWinklerTextbookValues) {
    EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.9611, 1e-4);
    EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 1e-4);
    EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.8133, 1e-4);
    EXPECT_EQ(jaro_winkler("abc", "abc"), 1.0);
    EXPECT_EQ(jaro_winkler("abc", "xyz"), 0.0);
    EXPECT_EQ(jaro_winkler("", ""), 1.0);
}

TEST(StringMetrics, BigramDice) {
    EXPECT_NEAR(bigram_dice("night", "nacht"), 0.25, 1e-9);
    EXPECT_EQ(bigram_dice("email", "email"), 1.0);
    EXPECT_EQ(bigram_dice("a", "b"), 0.0);
    EXPECT_NEAR(bigram_dice_sorted(sorted_bigrams("customeremail"), sorted_bigrams("email")),
                bigram_dice("customeremail", "email"), 1e-12);
}

TEST(StringMetrics, EditDistances) {
    EXPECT_EQ(levenshtein("kitten", "sitting"), 3u);
    EXPECT_EQ(levenshtein("", "id"), 2u);
    EXPECT_EQ(levenshtein("email", "emial"), 2u);
    EXPECT_EQ(osa_distance("email", "emial"), 1u);     // one transposition
    EXPECT_EQ(osa_distance("address", "adress"), 1u);
}

TEST(StringMetrics, Abbreviations) {
    EXPECT_TRUE(is_abbreviation_of("qty", "quantity"));
    EXPECT_TRUE(is_abbreviation_of("dept", "department"));
    EXPECT_FALSE(is_abbreviation_of("qyt", "quantity"));
    EXPECT_FALSE(is_abbreviation_of("uantity", "quantity"));   // first letter must match
    EXPECT_FALSE(is_abbreviation_of("quantity", "quantity"));
}

}  // namespace
}  // namespace pm::match
