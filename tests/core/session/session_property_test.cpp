// Random operation sequences (seeded, deterministic on every platform) against the session's
// invariants: one source per destination, one destination per source unless one-to-many, every
// field exactly once, no field lost or invented, Change reports matching what moved, and undoing
// everything restores the start exactly.
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"

#include "support/synthetic_plan.h"
#include "support/test_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

namespace pm {
namespace {

// xorshift64*: tiny and identical everywhere (std distributions differ between libstdc++ and
// the libc++ of the wasm build).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed * 2654435761u + 0x9E3779B97F4A7C15ull) {}
    std::uint64_t next() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return state_ * 0x2545F4914F6CDD1Dull;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t state_;
};

using Pair = std::pair<std::string, std::string>;

std::map<Pair, Json> edges_of(const ExecutionPlan& plan) {
    std::map<Pair, Json> out;
    for (const auto& e : plan.field_mapping) out[{e.source.key, e.destination.key}] = e.raw;
    return out;
}

std::set<Pair> as_set(const std::vector<Link>& links) {
    std::set<Pair> out;
    for (const auto& l : links) out.insert({l.source_key, l.destination_key});
    return out;
}

// The Change must describe exactly the difference between the two plans' edges.
void expect_change_matches(const ExecutionPlan& before, const ExecutionPlan& after, const Change& change,
                           const std::string& context) {
    const auto b = edges_of(before), a = edges_of(after);
    std::set<Pair> linked, unlinked, edited;
    for (const auto& [pair, raw] : a) {
        const auto it = b.find(pair);
        if (it == b.end()) linked.insert(pair);
        else if (it->second != raw) edited.insert(pair);
    }
    for (const auto& [pair, raw] : b)
        if (!a.count(pair)) unlinked.insert(pair);
    EXPECT_EQ(as_set(change.linked), linked) << context;
    EXPECT_EQ(as_set(change.unlinked), unlinked) << context;
    EXPECT_EQ(as_set(change.edited), edited) << context;
}

void expect_invariants(const Session& s, const std::set<std::string>& all_sources,
                       const std::set<std::string>& all_destinations, const std::string& context) {
    const ExecutionPlan& plan = s.plan();
    std::map<std::string, int> source_edges, destination_edges, source_unmapped, destination_unmapped;
    for (const auto& e : plan.field_mapping) {
        ++source_edges[e.source.key];
        ++destination_edges[e.destination.key];
        const Edge* found = s.edge_to(e.destination.key);
        ASSERT_NE(found, nullptr) << context;
        EXPECT_EQ(found->source.key, e.source.key) << context;  // indexes agree with the vectors
    }
    for (const auto& e : plan.unmapped_sources) ++source_unmapped[e.field.key];
    for (const auto& e : plan.unmapped_destinations) ++destination_unmapped[e.field.key];

    std::set<std::string> sources, destinations;
    for (const auto& [key, n] : destination_edges) {
        EXPECT_EQ(n, 1) << context << ": destination " << key << " has " << n << " sources";
        EXPECT_EQ(destination_unmapped.count(key), 0u) << context << ": " << key << " mapped and unmapped";
        destinations.insert(key);
    }
    for (const auto& [key, n] : destination_unmapped) {
        EXPECT_EQ(n, 1) << context << ": destination " << key << " listed " << n << " times";
        destinations.insert(key);
    }
    for (const auto& [key, n] : source_edges) {
        if (!s.options().allow_one_to_many) {
            EXPECT_EQ(n, 1) << context << ": source " << key;
        }
        EXPECT_EQ(source_unmapped.count(key), 0u) << context << ": " << key << " mapped and unmapped";
        EXPECT_FALSE(s.is_ignored(key)) << context << ": ignored source " << key << " is mapped";
        sources.insert(key);
    }
    for (const auto& [key, n] : source_unmapped) {
        EXPECT_EQ(n, 1) << context << ": source " << key << " listed " << n << " times";
        sources.insert(key);
    }
    EXPECT_EQ(sources, all_sources) << context;
    EXPECT_EQ(destinations, all_destinations) << context;
    for (const auto& key : s.ignored()) EXPECT_EQ(source_unmapped.count(key), 1u) << context << ": " << key;

    const SessionCounts c = s.counts();
    EXPECT_EQ(c.edges, plan.field_mapping.size()) << context;
    EXPECT_EQ(c.sources(), all_sources.size()) << context;
    EXPECT_EQ(c.destinations(), all_destinations.size()) << context;
}

// diff_plans as it was first written (maps and sets, every edge compared as Json): the oracle
// for the linear one.
PlanDiff naive_diff(const ExecutionPlan& base, const ExecutionPlan& current) {
    PlanDiff diff;
    std::map<std::string, const Edge*> before, after;
    std::vector<std::string> destination_order;
    for (const auto& edge : current.field_mapping)
        if (after.emplace(edge.destination.key, &edge).second) destination_order.push_back(edge.destination.key);
    for (const auto& edge : base.field_mapping)
        if (before.emplace(edge.destination.key, &edge).second && !after.count(edge.destination.key))
            destination_order.push_back(edge.destination.key);
    std::map<std::string, std::vector<std::string>> sources_before, sources_after;
    for (const auto& [key, edge] : before) sources_before[edge->source.key].push_back(key);
    for (const auto& [key, edge] : after) sources_after[edge->source.key].push_back(key);
    for (const auto& key : destination_order) {
        const auto b = before.find(key);
        const auto a = after.find(key);
        std::optional<std::string> from = b == before.end() ? std::nullopt : std::optional<std::string>(b->second->source.key);
        std::optional<std::string> to = a == after.end() ? std::nullopt : std::optional<std::string>(a->second->source.key);
        if (from != to) diff.destinations.push_back({key, from, to});
        else if (write_edge(*b->second) != write_edge(*a->second)) diff.edited.push_back({*to, key});
    }
    std::set<std::string> source_keys;
    for (const auto& entry : sources_before) source_keys.insert(entry.first);
    for (const auto& entry : sources_after) source_keys.insert(entry.first);
    for (const auto& key : source_keys) {
        std::vector<std::string> b = sources_before.count(key) ? sources_before[key] : std::vector<std::string>{};
        std::vector<std::string> a = sources_after.count(key) ? sources_after[key] : std::vector<std::string>{};
        std::sort(b.begin(), b.end());
        std::sort(a.begin(), a.end());
        if (a != b) diff.sources.push_back({key, std::move(b), std::move(a)});
    }
    return diff;
}

void expect_same_diff(const PlanDiff& a, const PlanDiff& b, const std::string& context) {
    ASSERT_EQ(a.destinations.size(), b.destinations.size()) << context;
    for (std::size_t i = 0; i < a.destinations.size(); ++i) {
        EXPECT_EQ(a.destinations[i].key, b.destinations[i].key) << context;
        EXPECT_EQ(a.destinations[i].before, b.destinations[i].before) << context;
        EXPECT_EQ(a.destinations[i].after, b.destinations[i].after) << context;
    }
    ASSERT_EQ(a.sources.size(), b.sources.size()) << context;
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        EXPECT_EQ(a.sources[i].key, b.sources[i].key) << context;
        EXPECT_EQ(a.sources[i].before, b.sources[i].before) << context;
        EXPECT_EQ(a.sources[i].after, b.sources[i].after) << context;
    }
    EXPECT_EQ(a.edited, b.edited) << context;
}

// What is derived from both plans (diff, PATCH parts, request bodies) against plain Json.
void expect_derived_state(const Session& s, const std::string& context) {
    expect_same_diff(s.changes(), naive_diff(s.server_plan(), s.plan()), context);
    const Json base = write_plan(s.server_plan()), now = write_plan(s.plan());
    const PatchParts parts = changed_parts(s.server_plan(), s.plan());
    EXPECT_EQ(parts.field_mapping, base["fieldMapping"] != now["fieldMapping"]) << context;
    EXPECT_EQ(parts.unmapped_sources, base["unmappedSourceFields"] != now["unmappedSourceFields"]) << context;
    EXPECT_EQ(parts.unmapped_destinations, base["unmappedDestinationFields"] != now["unmappedDestinationFields"]) << context;
    EXPECT_EQ(Json::parse(put_body_text(s.plan(), "j", "f"), nullptr, false), put_body(s.plan(), "j", "f")) << context;
}

template <class T>
const T& pick(Rng& rng, const std::vector<T>& from) {
    return from[rng.below(from.size())];
}

void run_random_session(const ExecutionPlan& start, SessionOptions options, std::uint64_t seed, int operations) {
    Session s(start, options);
    std::set<std::string> all_sources, all_destinations;
    for (const auto& e : s.plan().field_mapping) {
        all_sources.insert(e.source.key);
        all_destinations.insert(e.destination.key);
    }
    for (const auto& e : s.plan().unmapped_sources) all_sources.insert(e.field.key);
    for (const auto& e : s.plan().unmapped_destinations) all_destinations.insert(e.field.key);
    std::vector<std::string> sources(all_sources.begin(), all_sources.end());
    std::vector<std::string> destinations(all_destinations.begin(), all_destinations.end());
    sources.push_back("no_such_source");
    destinations.push_back("no_such_destination");
    const std::vector<Json> values = {"UK", "Dead", "Gold", "v0_0", "a", Json(1), Json(true)};
    const std::vector<Json> options_values = {"GB", "lost", "a", "b", Json(3), Json(2), Json("vip")};

    const Json initial = write_plan(s.plan());
    Rng rng(seed);
    for (int i = 0; i < operations; ++i) {
        const ExecutionPlan before = s.plan();
        const std::uint64_t revision = s.revision();
        const std::size_t op = rng.below(100);
        std::string what;
        Change change;
        if (op < 30) {
            const auto& a = pick(rng, sources);
            const auto& b = pick(rng, destinations);
            what = "map " + a + " " + b;
            change = s.map(a, b);
        } else if (op < 40) {
            what = "unmap";
            change = s.unmap(pick(rng, destinations));
        } else if (op < 44) {
            what = "unmap_edge";
            change = s.unmap_edge(pick(rng, sources), pick(rng, destinations));
        } else if (op < 52) {
            what = "ignore";
            change = s.ignore(pick(rng, sources));
        } else if (op < 56) {
            what = "unignore";
            change = s.unignore(pick(rng, sources));
        } else if (op < 64) {
            what = "swap";
            change = s.swap(pick(rng, destinations), pick(rng, destinations));
        } else if (op < 69) {
            what = "accept";
            change = s.accept({pick(rng, sources), pick(rng, destinations),
                               {{"certainty", "strong"}, {"confidence", static_cast<double>(rng.below(100)) / 100}}, nullptr});
        } else if (op < 77) {
            what = "set_enum_value";
            const auto& value = pick(rng, values);
            std::optional<Json> target;
            if (rng.below(4) != 0) target = pick(rng, options_values);
            change = s.set_enum_value(pick(rng, destinations), value, target);
        } else if (op < 79) {
            what = "clear_all";
            change = s.clear_all();
        } else if (op < 81) {
            what = "reset_to_server";
            change = s.reset_to_server();
        } else if (op < 92) {
            what = "undo";
            change = s.undo();
        } else {
            what = "redo";
            change = s.redo();
        }
        const std::string context = "seed " + std::to_string(seed) + " op " + std::to_string(i) + " (" + what + ")";
        expect_invariants(s, all_sources, all_destinations, context);
        if (i % 5 == 0) expect_derived_state(s, context);
        expect_change_matches(before, s.plan(), change, context);
        if (change.empty() && change.refused.empty() && what != "undo" && what != "redo") {
            // A reported no-op must be one: same plan, same revision, nothing to undo added.
            EXPECT_EQ(write_plan(before), write_plan(s.plan())) << context;
            EXPECT_EQ(revision, s.revision()) << context;
        }
        if (!change.refused.empty()) {
            EXPECT_EQ(revision, s.revision()) << context;
        }
        if (::testing::Test::HasFailure()) return;
    }

    while (s.can_undo()) s.undo();
    EXPECT_EQ(write_plan(s.plan()), initial) << "seed " << seed << ": undo-all differs from the start";
    EXPECT_TRUE(s.ignored().empty());
    // Redo everything (including steps undone at the end of the run), then undo it all again.
    while (s.can_redo()) s.redo();
    expect_invariants(s, all_sources, all_destinations, "after redo-all");
    while (s.can_undo()) s.undo();
    EXPECT_EQ(write_plan(s.plan()), initial);
}

ExecutionPlan example_plan() {
    auto parsed = parse_job_plan_response(test::read_fixture("tests/data/contract/01-get-plan-response.json"));
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

TEST(SessionProperty, RandomSequencesOnTheContractExample) {
    const ExecutionPlan plan = example_plan();
    ASSERT_FALSE(plan.field_mapping.empty());
    for (std::uint64_t seed = 1; seed <= 12; ++seed) run_random_session(plan, SessionOptions{false}, seed, 300);
}

TEST(SessionProperty, RandomSequencesWithOneToMany) {
    const ExecutionPlan plan = example_plan();
    for (std::uint64_t seed = 100; seed <= 108; ++seed) run_random_session(plan, SessionOptions{true}, seed, 300);
}

TEST(SessionProperty, RandomSequencesOnASyntheticPlan) {
    test::SyntheticShape shape;
    shape.edges = 25;
    shape.unmapped_sources = 6;
    shape.unmapped_destinations = 9;
    shape.unknown_members = true;
    const ExecutionPlan plan = test::make_synthetic_plan(shape);
    for (std::uint64_t seed = 1000; seed <= 1005; ++seed) run_random_session(plan, SessionOptions{seed % 2 == 0}, seed, 400);
}

TEST(SessionProperty, RedoAllReturnsToTheEnd) {
    Session s(example_plan());
    Rng rng(7);
    std::vector<std::string> sources, destinations;
    for (const auto& e : s.plan().field_mapping) {
        sources.push_back(e.source.key);
        destinations.push_back(e.destination.key);
    }
    for (int i = 0; i < 200; ++i) s.map(pick(rng, sources), pick(rng, destinations));
    const Json end = write_plan(s.plan());
    while (s.can_undo()) s.undo();
    while (s.can_redo()) s.redo();
    EXPECT_EQ(write_plan(s.plan()), end);
}

TEST(SessionProperty, LargePlanStaysCheap) {
    // 10,000 edges: clearing and undoing must not copy the plan per step (this would take
    // minutes); a generous bound catches quadratic behaviour without being flaky.
    Session s(test::make_synthetic_plan(10000, 3));
    const Json start = write_plan(s.plan());
    s.map("src_10", "dst_20");
    s.clear_all();
    EXPECT_EQ(s.counts().edges, 0u);
    EXPECT_EQ(s.counts().unmapped_destinations, 10010u);
    s.undo();
    s.undo();
    EXPECT_EQ(write_plan(s.plan()), start);
    for (int i = 0; i < 100; ++i) s.map("src_" + std::to_string(i), "dst_" + std::to_string(9999 - i));
    // Each map joins two mapped fields' partners: two edges broken, one made.
    EXPECT_EQ(s.counts().edges, 9900u);
    EXPECT_EQ(s.counts().destinations(), 10010u);
}

}  // namespace
}  // namespace pm
