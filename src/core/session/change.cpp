// Turning recorded steps into a Change report (what an operation, undo or redo did, net).
#include "core/session/session_impl.h"

#include "core/json/document.h"

#include <algorithm>
#include <map>

namespace pm {

namespace {

std::string key_of(const JsonRef& edge_raw, const char* side) {
    return detail::visit(edge_raw, [&](const auto& edge) {
        const auto field = edge.member(side);
        if (!field || !field.is_object()) return std::string();
        const auto key = field.member("key");
        return key && key.is_string() ? std::string(key.str()) : std::string();
    });
}

Link link_of(const JsonRef& edge_raw) { return {key_of(edge_raw, "sourceField"), key_of(edge_raw, "destinationField")}; }

}  // namespace

Change describe_steps(const Steps& steps, bool forward) {
    // Per pair: the edge it had before the first step that touched it, and after the last one.
    struct PairState {
        std::size_t order;
        bool existed_before = false;
        bool exists_after = false;
        JsonRef before;
        JsonRef after;
    };
    std::map<std::pair<std::string, std::string>, PairState> pairs;
    std::map<std::string, std::pair<bool, bool>> flags;  // key -> (ignored before, ignored after)
    std::size_t order = 0;

    auto removed = [&](const JsonRef& raw) {
        const Link link = link_of(raw);
        auto [it, is_new] = pairs.try_emplace({link.source_key, link.destination_key});
        if (is_new) {  // first seen being removed: it existed before, with this edge
            it->second.order = order++;
            it->second.existed_before = true;
            it->second.before = raw;
        }
        it->second.exists_after = false;
        it->second.after = JsonRef();
    };
    auto added = [&](const JsonRef& raw) {
        const Link link = link_of(raw);
        auto [it, is_new] = pairs.try_emplace({link.source_key, link.destination_key});
        if (is_new) it->second.order = order++;
        it->second.exists_after = true;
        it->second.after = raw;
    };

    using Kind = Step::Kind;
    auto visit = [&](const Step& step) {
        const JsonRef& old_value = forward ? step.before : step.after;
        const JsonRef& new_value = forward ? step.after : step.before;
        switch (step.kind) {
            case Kind::InsertEdge: forward ? added(step.after) : removed(step.after); break;
            case Kind::EraseEdge: forward ? removed(step.before) : added(step.before); break;
            case Kind::ReplaceEdge: removed(old_value); added(new_value); break;
            case Kind::SetIgnored: {
                const bool from = forward ? step.ignored_before : step.ignored_after;
                const bool to = forward ? step.ignored_after : step.ignored_before;
                auto [it, is_new] = flags.try_emplace(step.key, from, to);
                if (!is_new) it->second.second = to;
                break;
            }
            default: break;  // unmapped-list moves follow from the edges
        }
    };
    if (forward) for (const auto& step : steps) visit(step);
    else for (auto it = steps.rbegin(); it != steps.rend(); ++it) visit(*it);

    std::vector<std::pair<std::size_t, std::pair<int, Link>>> ordered;  // (order, (0 unlinked|1 linked|2 edited, link))
    for (const auto& [keys, s] : pairs) {
        const Link link{keys.first, keys.second};
        if (s.existed_before && s.exists_after) {
            if (s.before != s.after) ordered.push_back({s.order, {2, link}});
        } else if (s.existed_before) {
            ordered.push_back({s.order, {0, link}});
        } else if (s.exists_after) {
            ordered.push_back({s.order, {1, link}});
        }
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Change change;
    for (const auto& [unused, entry] : ordered) {
        (void)unused;
        (entry.first == 0 ? change.unlinked : entry.first == 1 ? change.linked : change.edited).push_back(entry.second);
    }
    for (const auto& [key, states] : flags) {
        if (states.first == states.second) continue;
        (states.second ? change.ignored : change.unignored).push_back(key);
    }
    return change;
}

}  // namespace pm
