// Key-level consistency checks and repairs; see consistency.h.
#include "core/plan/consistency.h"

#include "core/plan/key_index.h"
#include "core/plan/write.h"

#include <unordered_set>

namespace pm {

namespace {

struct Pointers {
    const PlanPositions* positions;
    std::string edge(std::size_t i) const { return at("fieldMapping", positions ? &positions->edges : nullptr, i); }
    std::string source(std::size_t i) const { return at("unmappedSourceFields", positions ? &positions->sources : nullptr, i); }
    std::string destination(std::size_t i) const {
        return at("unmappedDestinationFields", positions ? &positions->destinations : nullptr, i);
    }

private:
    std::string at(const char* name, const std::vector<std::size_t>* map, std::size_t i) const {
        const std::string root = positions ? positions->plan_pointer : std::string();
        const std::size_t index = map && i < map->size() ? (*map)[i] : i;
        return pointer_join(pointer_join(root, name), index);
    }
};

std::string in_quotes(const std::string& key) { return "\"" + key + "\""; }

}  // namespace

Problems check_plan_consistency(const ExecutionPlan& plan, const PlanPositions* positions) {
    ProblemSink problems;
    const Pointers where{positions};
    const auto& edges = plan.field_mapping;
    const auto destination_of = [&](std::uint32_t i) -> const std::string& { return edges[i].destination.key; };
    const auto source_of = [&](std::uint32_t i) -> const std::string& { return edges[i].source.key; };
    detail::PositionIndex edge_of_destination, edge_of_source;
    edge_of_destination.reserve(edges.size());
    edge_of_source.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& edge = edges[i];
        const auto at = static_cast<std::uint32_t>(i);
        const std::uint32_t first_destination = edge_of_destination.find(edge.destination.key, destination_of);
        if (first_destination == detail::PositionIndex::kNone) edge_of_destination.insert(edge.destination.key, at);
        else
            problems.error(pointer_join(where.edge(i), "destinationField"),
                           "destination " + in_quotes(edge.destination.key) + " is already mapped by " +
                               where.edge(first_destination) + "; a destination takes one source");
        const std::uint32_t first_source = edge_of_source.find(edge.source.key, source_of);
        if (first_source == detail::PositionIndex::kNone) edge_of_source.insert(edge.source.key, at);
        else
            problems.warning(pointer_join(where.edge(i), "sourceField"),
                             "source " + in_quotes(edge.source.key) + " is also mapped by " + where.edge(first_source) +
                                 " (one column into several fields)");
    }
    auto check_unmapped = [&](const std::vector<UnmappedField>& list, const detail::PositionIndex& mapped,
                              const auto& mapped_key_of, const char* what, auto pointer_of) {
        const auto key_of = [&](std::uint32_t i) -> const std::string& { return list[i].field.key; };
        detail::PositionIndex seen;
        seen.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string& key = list[i].field.key;
            if (const std::uint32_t edge = mapped.find(key, mapped_key_of); edge != detail::PositionIndex::kNone) {
                problems.warning(pointer_of(i), std::string(what) + " " + in_quotes(key) + " is also mapped by " + where.edge(edge));
            } else if (const std::uint32_t first = seen.find(key, key_of); first != detail::PositionIndex::kNone) {
                problems.warning(pointer_of(i),
                                 std::string(what) + " " + in_quotes(key) + " is already listed at " + pointer_of(first));
            } else {
                seen.insert(key, static_cast<std::uint32_t>(i));
            }
        }
    };
    check_unmapped(plan.unmapped_sources, edge_of_source, source_of, "source", [&](std::size_t i) { return where.source(i); });
    check_unmapped(plan.unmapped_destinations, edge_of_destination, destination_of, "destination",
                   [&](std::size_t i) { return where.destination(i); });
    return problems.take();
}

namespace {

// Whether normalize_plan has anything to repair (for a server's plan, usually not).
bool needs_repair(const ExecutionPlan& plan, bool allow_one_to_many) {
    const auto& edges = plan.field_mapping;
    const auto destination_of = [&](std::uint32_t i) -> const std::string& { return edges[i].destination.key; };
    const auto source_of = [&](std::uint32_t i) -> const std::string& { return edges[i].source.key; };
    detail::PositionIndex destinations, sources;
    destinations.reserve(edges.size());
    sources.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (destinations.find(edges[i].destination.key, destination_of) != detail::PositionIndex::kNone) return true;
        destinations.insert(edges[i].destination.key, static_cast<std::uint32_t>(i));
        if (sources.find(edges[i].source.key, source_of) == detail::PositionIndex::kNone)
            sources.insert(edges[i].source.key, static_cast<std::uint32_t>(i));
        else if (!allow_one_to_many)
            return true;
    }
    auto clash = [](const std::vector<UnmappedField>& list, const detail::PositionIndex& mapped, const auto& mapped_key_of) {
        const auto key_of = [&](std::uint32_t i) -> const std::string& { return list[i].field.key; };
        detail::PositionIndex seen;
        seen.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string& key = list[i].field.key;
            if (mapped.find(key, mapped_key_of) != detail::PositionIndex::kNone) return true;
            if (seen.find(key, key_of) != detail::PositionIndex::kNone) return true;
            seen.insert(key, static_cast<std::uint32_t>(i));
        }
        return false;
    };
    return clash(plan.unmapped_sources, sources, source_of) || clash(plan.unmapped_destinations, destinations, destination_of);
}

}  // namespace

ExecutionPlan normalize_plan(ExecutionPlan plan, bool allow_one_to_many, Problems* repairs) {
    if (!needs_repair(plan, allow_one_to_many)) {
        if (repairs) repairs->clear();
        return plan;
    }
    ProblemSink log(repairs ? ProblemSink::kDefaultLimit : 0);
    const Pointers where{nullptr};

    // 1. Edges: first edge per destination wins; without one-to-many, first edge per source too.
    std::vector<Edge> kept;
    std::vector<Edge> dropped;
    std::unordered_set<std::string> mapped_sources, mapped_destinations;
    for (std::size_t i = 0; i < plan.field_mapping.size(); ++i) {
        Edge& edge = plan.field_mapping[i];
        if (mapped_destinations.count(edge.destination.key)) {
            log.warning(where.edge(i), "dropped: destination " + in_quotes(edge.destination.key) + " was already mapped");
            dropped.push_back(std::move(edge));
            continue;
        }
        if (!allow_one_to_many && mapped_sources.count(edge.source.key)) {
            log.warning(where.edge(i), "dropped: source " + in_quotes(edge.source.key) + " was already mapped");
            dropped.push_back(std::move(edge));
            continue;
        }
        mapped_sources.insert(edge.source.key);
        mapped_destinations.insert(edge.destination.key);
        kept.push_back(std::move(edge));
    }
    plan.field_mapping = std::move(kept);

    // 2. Unmapped lists: drop entries for mapped fields and repeated keys.
    auto filter = [&](std::vector<UnmappedField>& list, std::unordered_set<std::string> taken, const char* what,
                      auto pointer_of) {
        std::vector<UnmappedField> out;
        out.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!taken.insert(list[i].field.key).second) {
                log.warning(pointer_of(i), std::string("dropped: ") + what + " " + in_quotes(list[i].field.key) +
                                               " is mapped or listed before");
                continue;
            }
            out.push_back(std::move(list[i]));
        }
        list = std::move(out);
        return taken;
    };
    auto all_sources = filter(plan.unmapped_sources, mapped_sources, "source", [&](std::size_t i) { return where.source(i); });
    auto all_destinations = filter(plan.unmapped_destinations, mapped_destinations, "destination",
                                   [&](std::size_t i) { return where.destination(i); });

    // 3. Fields whose only occurrence was a dropped edge go back to the unmapped lists.
    for (const Edge& edge : dropped) {
        if (all_sources.insert(edge.source.key).second) plan.unmapped_sources.push_back(unmapped_source_from_edge(edge));
        if (all_destinations.insert(edge.destination.key).second)
            plan.unmapped_destinations.push_back(unmapped_destination_from_edge(edge));
    }
    if (repairs) *repairs = log.take();
    return plan;
}

}  // namespace pm
