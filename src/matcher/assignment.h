// Globally optimal one-to-one assignment on a sparse score matrix: the matching of sources to
// destinations with the largest total weight, where every source and every destination is used at
// most once and a source may stay unassigned.
//
// Solved as a min-cost flow by successive shortest paths (Dijkstra with potentials) on each
// connected component of the pair graph, so the cost follows the plausible pairs rather than
// sources x destinations. Integer weights make it exact; the result depends only on the set of
// pairs and on the indices (not on the order of `pairs`), so it is reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pm::match {

struct WeightedPair {
    std::size_t source;
    std::size_t destination;
    std::int64_t weight;                       // > 0; pairs with weight <= 0 are ignored
};

constexpr std::size_t kUnassigned = static_cast<std::size_t>(-1);

// For each source, its destination or kUnassigned. Duplicate pairs keep their largest weight.
std::vector<std::size_t> max_weight_matching(std::size_t sources, std::size_t destinations,
                                             std::vector<WeightedPair> pairs);

}  // namespace pm::match
