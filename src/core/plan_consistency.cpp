// Key-level consistency checks and repairs; see plan_consistency.h.
#include "core/plan_consistency.h"

#include "core/plan_write.h"

#include <unordered_map>
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
    std::unordered_map<std::string, std::size_t> edge_of_destination, edge_of_source;
    for (std::size_t i = 0; i < plan.field_mapping.size(); ++i) {
        const Edge& edge = plan.field_mapping[i];
        const auto [dest_it, dest_new] = edge_of_destination.emplace(edge.destination.key, i);
        if (!dest_new)
            problems.error(pointer_join(where.edge(i), "destinationField"),
                           "destination " + in_quotes(edge.destination.key) + " is already mapped by " +
                               where.edge(dest_it->second) + "; a destination takes one source");
        const auto [source_it, source_new] = edge_of_source.emplace(edge.source.key, i);
        if (!source_new)
            problems.warning(pointer_join(where.edge(i), "sourceField"),
                             "source " + in_quotes(edge.source.key) + " is also mapped by " + where.edge(source_it->second) +
                                 " (one column into several fields)");
    }
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < plan.unmapped_sources.size(); ++i) {
        const std::string& key = plan.unmapped_sources[i].field.key;
        if (const auto it = edge_of_source.find(key); it != edge_of_source.end())
            problems.warning(where.source(i), "source " + in_quotes(key) + " is also mapped by " + where.edge(it->second));
        else if (const auto [first, added] = seen.emplace(key, i); !added)
            problems.warning(where.source(i), "source " + in_quotes(key) + " is already listed at " + where.source(first->second));
    }
    seen.clear();
    for (std::size_t i = 0; i < plan.unmapped_destinations.size(); ++i) {
        const std::string& key = plan.unmapped_destinations[i].field.key;
        if (const auto it = edge_of_destination.find(key); it != edge_of_destination.end())
            problems.warning(where.destination(i), "destination " + in_quotes(key) + " is also mapped by " + where.edge(it->second));
        else if (const auto [first, added] = seen.emplace(key, i); !added)
            problems.warning(where.destination(i),
                             "destination " + in_quotes(key) + " is already listed at " + where.destination(first->second));
    }
    return problems.take();
}

ExecutionPlan normalize_plan(ExecutionPlan plan, bool allow_one_to_many, Problems* repairs) {
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
