// The one-to-one assignment: optimal (checked against brute force), sparse, deterministic.
#include "matcher/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>

namespace pm::match {
namespace {

std::int64_t total(const std::vector<WeightedPair>& pairs, const std::vector<std::size_t>& result) {
    std::int64_t sum = 0;
    for (std::size_t s = 0; s < result.size(); ++s) {
        if (result[s] == kUnassigned) continue;
        std::int64_t best = 0;
        for (const WeightedPair& p : pairs)
            if (p.source == s && p.destination == result[s]) best = std::max(best, p.weight);
        EXPECT_GT(best, 0) << "assigned a pair that does not exist";
        sum += best;
    }
    return sum;
}

// Every matching, by recursion: fine for the small cases below.
std::int64_t brute_force(std::size_t sources, std::size_t destinations, const std::vector<WeightedPair>& pairs) {
    std::vector<std::vector<std::int64_t>> weight(sources, std::vector<std::int64_t>(destinations, 0));
    for (const WeightedPair& p : pairs) weight[p.source][p.destination] = std::max(weight[p.source][p.destination], p.weight);
    std::vector<bool> used(destinations, false);
    std::function<std::int64_t(std::size_t)> best = [&](std::size_t s) -> std::int64_t {
        if (s == sources) return 0;
        std::int64_t result = best(s + 1);                 // s unassigned
        for (std::size_t d = 0; d < destinations; ++d) {
            if (used[d] || weight[s][d] <= 0) continue;
            used[d] = true;
            result = std::max(result, weight[s][d] + best(s + 1));
            used[d] = false;
        }
        return result;
    };
    return best(0);
}

TEST(Assignment, BeatsGreedyOnTheClassicCase) {
    // Greedy by score gives s0 -> d0 (10) and leaves s1 with nothing; optimal is 9 + 9.
    const std::vector<WeightedPair> pairs = {{0, 0, 10}, {0, 1, 9}, {1, 0, 9}};
    const auto result = max_weight_matching(2, 2, pairs);
    EXPECT_EQ(result[0], 1u);
    EXPECT_EQ(result[1], 0u);
}

TEST(Assignment, LeavesSourcesUnassignedWhenThatIsBetter) {
    const std::vector<WeightedPair> pairs = {{0, 0, 5}, {1, 0, 7}, {2, 1, 3}};
    const auto result = max_weight_matching(3, 2, pairs);
    EXPECT_EQ(result[0], kUnassigned);
    EXPECT_EQ(result[1], 0u);
    EXPECT_EQ(result[2], 1u);
}

TEST(Assignment, IgnoresBadPairsAndKeepsTheBestDuplicate) {
    const std::vector<WeightedPair> pairs = {{0, 0, 0}, {0, 1, -4}, {1, 9, 5}, {0, 1, 2}, {0, 1, 6}};
    const auto result = max_weight_matching(2, 2, pairs);
    EXPECT_EQ(result[0], 1u);
    EXPECT_EQ(result[1], kUnassigned);
    EXPECT_EQ(total(pairs, result), 6);
}

TEST(Assignment, OptimalOnRandomSparseCases) {
    std::mt19937 random(12345);
    for (int round = 0; round < 300; ++round) {
        const std::size_t sources = 1 + random() % 6, destinations = 1 + random() % 6;
        std::vector<WeightedPair> pairs;
        for (std::size_t s = 0; s < sources; ++s)
            for (std::size_t d = 0; d < destinations; ++d)
                if (random() % 3 == 0) pairs.push_back({s, d, static_cast<std::int64_t>(1 + random() % 20)});
        const auto result = max_weight_matching(sources, destinations, pairs);
        std::vector<bool> taken(destinations, false);
        for (std::size_t d : result) {
            if (d == kUnassigned) continue;
            ASSERT_FALSE(taken[d]) << "a destination taken twice";
            taken[d] = true;
        }
        ASSERT_EQ(total(pairs, result), brute_force(sources, destinations, pairs)) << "round " << round;
    }
}

TEST(Assignment, SameResultWhateverTheOrderOfPairs) {
    std::mt19937 random(7);
    std::vector<WeightedPair> pairs;
    for (std::size_t s = 0; s < 40; ++s)
        for (std::size_t d = 0; d < 40; ++d)
            if (random() % 5 == 0) pairs.push_back({s, d, static_cast<std::int64_t>(1 + random() % 4)});  // many ties
    const auto expected = max_weight_matching(40, 40, pairs);
    for (int shuffle = 0; shuffle < 5; ++shuffle) {
        std::shuffle(pairs.begin(), pairs.end(), random);
        EXPECT_EQ(max_weight_matching(40, 40, pairs), expected);
    }
}

}  // namespace
}  // namespace pm::match
