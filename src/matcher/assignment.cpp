// Max-weight bipartite matching by min-cost flow (see assignment.h).
#include "matcher/assignment.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <utility>

namespace pm::match {

namespace {

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> parent_;
};

// A small min-cost-flow network for one component. Each source sends one unit, either through a
// destination (cost W - weight) or through its own "stay unassigned" edge (cost W); minimising the
// total cost maximises the matched weight. All costs start non-negative, so Dijkstra applies.
class FlowNetwork {
public:
    explicit FlowNetwork(std::size_t nodes) : adjacency_(nodes) {}
    void add_edge(std::size_t from, std::size_t to, std::int64_t cost) {
        adjacency_[from].push_back(edges_.size());
        edges_.push_back({to, 1, cost});
        adjacency_[to].push_back(edges_.size());
        edges_.push_back({from, 0, -cost});
    }
    // One unit along a cheapest path from `source` to `sink`.
    bool augment(std::size_t source, std::size_t sink) {
        constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max() / 4;
        const std::size_t n = adjacency_.size();
        if (potential_.empty()) potential_.assign(n, 0);
        std::vector<std::int64_t> dist(n, kInf);
        std::vector<std::size_t> via(n, kUnassigned);
        std::vector<bool> done(n, false);
        using Entry = std::pair<std::int64_t, std::size_t>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
        dist[source] = 0;
        queue.push({0, source});
        while (!queue.empty()) {
            const auto [d, node] = queue.top();
            queue.pop();
            if (done[node] || d != dist[node]) continue;
            done[node] = true;
            if (node == sink) break;              // later nodes cannot shorten this path
            for (std::size_t e : adjacency_[node]) {
                const Edge& edge = edges_[e];
                if (edge.capacity == 0 || done[edge.to]) continue;
                const std::int64_t next = d + edge.cost + potential_[node] - potential_[edge.to];
                if (next < dist[edge.to]) {
                    dist[edge.to] = next;
                    via[edge.to] = e;
                    queue.push({next, edge.to});
                }
            }
        }
        if (dist[sink] == kInf) return false;
        // Nodes not settled take the sink's distance: reduced costs stay non-negative.
        for (std::size_t v = 0; v < n; ++v) potential_[v] += std::min(dist[v], dist[sink]);
        for (std::size_t v = sink; v != source;) {
            Edge& edge = edges_[via[v]];
            edge.capacity -= 1;
            edges_[via[v] ^ 1].capacity += 1;
            v = edges_[via[v] ^ 1].to;
        }
        return true;
    }
    bool saturated(std::size_t edge_index) const { return edges_[edge_index].capacity == 0; }

private:
    struct Edge {
        std::size_t to;
        int capacity;
        std::int64_t cost;
    };
    std::vector<std::vector<std::size_t>> adjacency_;
    std::vector<Edge> edges_;
    std::vector<std::int64_t> potential_;
};

void solve_component(const std::vector<std::size_t>& sources, const std::vector<std::size_t>& destinations,
                     const std::vector<WeightedPair>& pairs, std::vector<std::size_t>& result) {
    // Local numbering: sources 0..S-1, destinations S..S+D-1, then one "unassigned" node per
    // source isn't needed: a source's unassigned edge goes straight to the sink.
    const std::size_t ns = sources.size(), nd = destinations.size();
    const std::size_t sink = ns + nd;
    std::int64_t top = 0;
    for (const WeightedPair& pair : pairs) top = std::max(top, pair.weight);
    const std::int64_t base = top + 1;
    FlowNetwork network(ns + nd + 1);
    auto local_destination = [&](std::size_t d) {
        return ns + static_cast<std::size_t>(std::lower_bound(destinations.begin(), destinations.end(), d) -
                                             destinations.begin());
    };
    std::vector<std::size_t> pair_edges;
    std::vector<std::pair<std::size_t, std::size_t>> pair_ends;
    std::size_t edge_count = 0;
    for (std::size_t s = 0; s < ns; ++s) {
        const std::size_t global = sources[s];
        auto first = std::lower_bound(pairs.begin(), pairs.end(), global,
                                      [](const WeightedPair& p, std::size_t value) { return p.source < value; });
        for (auto it = first; it != pairs.end() && it->source == global; ++it) {
            pair_edges.push_back(edge_count);
            pair_ends.emplace_back(global, it->destination);
            network.add_edge(s, local_destination(it->destination), base - it->weight);
            edge_count += 2;
        }
        network.add_edge(s, sink, base);          // stays unassigned
        edge_count += 2;
    }
    for (std::size_t d = 0; d < nd; ++d) {
        network.add_edge(ns + d, sink, 0);
        edge_count += 2;
    }
    for (std::size_t s = 0; s < ns; ++s) network.augment(s, sink);
    for (std::size_t i = 0; i < pair_edges.size(); ++i)
        if (network.saturated(pair_edges[i])) result[pair_ends[i].first] = pair_ends[i].second;
}

}  // namespace

std::vector<std::size_t> max_weight_matching(std::size_t sources, std::size_t destinations,
                                             std::vector<WeightedPair> pairs) {
    std::vector<std::size_t> result(sources, kUnassigned);
    pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                               [&](const WeightedPair& p) {
                                   return p.weight <= 0 || p.source >= sources || p.destination >= destinations;
                               }),
                pairs.end());
    std::sort(pairs.begin(), pairs.end(), [](const WeightedPair& a, const WeightedPair& b) {
        if (a.source != b.source) return a.source < b.source;
        if (a.destination != b.destination) return a.destination < b.destination;
        return a.weight > b.weight;
    });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const WeightedPair& a, const WeightedPair& b) {
                                return a.source == b.source && a.destination == b.destination;
                            }),
                pairs.end());
    if (pairs.empty()) return result;

    // Components of the pair graph: nodes 0..sources-1 are sources, then destinations.
    UnionFind components(sources + destinations);
    for (const WeightedPair& pair : pairs) components.join(pair.source, sources + pair.destination);
    std::vector<std::vector<std::size_t>> component_sources(sources + destinations);
    std::vector<std::vector<std::size_t>> component_destinations(sources + destinations);
    std::vector<bool> seen_destination(destinations, false);
    for (const WeightedPair& pair : pairs) {
        const std::size_t root = components.find(pair.source);
        std::vector<std::size_t>& list = component_sources[root];
        if (list.empty() || list.back() != pair.source) list.push_back(pair.source);
        if (!seen_destination[pair.destination]) {
            seen_destination[pair.destination] = true;
            component_destinations[root].push_back(pair.destination);
        }
    }
    for (std::size_t root = 0; root < sources + destinations; ++root) {
        if (component_sources[root].empty()) continue;
        std::sort(component_destinations[root].begin(), component_destinations[root].end());
        std::vector<WeightedPair> local;
        for (std::size_t s : component_sources[root]) {
            auto first = std::lower_bound(pairs.begin(), pairs.end(), s,
                                          [](const WeightedPair& p, std::size_t value) { return p.source < value; });
            for (auto it = first; it != pairs.end() && it->source == s; ++it) local.push_back(*it);
        }
        solve_component(component_sources[root], component_destinations[root], local, result);
    }
    return result;
}

}  // namespace pm::match
