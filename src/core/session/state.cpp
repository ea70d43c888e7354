// Primitive, recorded edits of the session state; see state.h.
#include "core/session/state.h"

#include "core/plan/parse.h"

#include <algorithm>

namespace pm {

namespace {
const char* const kSource = "sourceField";
const char* const kDestination = "destinationField";

template <class T>
void insert_at(std::vector<T>& list, std::size_t pos, T value) {
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(pos, list.size())), std::move(value));
}

template <class T>
void erase_at(std::vector<T>& list, std::size_t pos) {
    if (pos < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(pos));
}
}  // namespace

PlanState::PlanState(ExecutionPlan plan) : plan_(std::move(plan)) {}

namespace {
using detail::PositionIndex;
constexpr std::uint32_t kNone = PositionIndex::kNone;
std::uint32_t position(std::size_t pos) { return static_cast<std::uint32_t>(pos); }
}  // namespace

void PlanState::ensure_index() const {
    if (!dirty_) return;
    const auto& edges = plan_.field_mapping;
    edge_by_destination_.clear();
    edges_by_source_.clear();
    unmapped_source_by_key_.clear();
    unmapped_destination_by_key_.clear();
    edge_by_destination_.reserve(edges.size());
    edges_by_source_.reserve(edges.size());
    mapped_sources_ = 0;
    dirty_ = false;  // the finders below read the indexes being built
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& edge = edges[i];
        edge_by_destination_.insert(edge.destination.key, position(i));
        if (find_edge_from(edge.source.key) == kNone) ++mapped_sources_;
        edges_by_source_.insert(edge.source.key, position(i));
    }
    auto build = [](const std::vector<UnmappedField>& list, PositionIndex& index) {
        index.reserve(list.size());
        const auto key_of = [&](std::uint32_t i) -> const std::string& { return list[i].field.key; };
        for (std::size_t i = 0; i < list.size(); ++i)
            if (index.find(list[i].field.key, key_of) == kNone) index.insert(list[i].field.key, position(i));
    };
    build(plan_.unmapped_sources, unmapped_source_by_key_);
    build(plan_.unmapped_destinations, unmapped_destination_by_key_);
}

// The first edge to the destination (plans that break the invariants may have several).
std::uint32_t PlanState::find_edge_to(const std::string& destination_key) const {
    std::uint32_t first = kNone;
    edge_by_destination_.for_each(
        destination_key, [&](std::uint32_t i) -> const std::string& { return plan_.field_mapping[i].destination.key; },
        [&](std::uint32_t pos) { first = pos < first ? pos : first; });
    return first;
}

std::uint32_t PlanState::find_edge_from(const std::string& source_key) const {
    return edges_by_source_.find(source_key,
                                 [&](std::uint32_t i) -> const std::string& { return plan_.field_mapping[i].source.key; });
}

std::optional<std::size_t> PlanState::edge_to(const std::string& destination_key) const {
    ensure_index();
    const std::uint32_t pos = find_edge_to(destination_key);
    if (pos == kNone) return std::nullopt;
    return pos;
}

std::vector<std::size_t> PlanState::edges_from(const std::string& source_key) const {
    ensure_index();
    std::vector<std::size_t> out;
    edges_by_source_.for_each(
        source_key, [&](std::uint32_t i) -> const std::string& { return plan_.field_mapping[i].source.key; },
        [&](std::uint32_t pos) { out.push_back(pos); });
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::size_t> PlanState::unmapped_source(const std::string& key) const {
    ensure_index();
    const std::uint32_t pos = unmapped_source_by_key_.find(
        key, [&](std::uint32_t i) -> const std::string& { return plan_.unmapped_sources[i].field.key; });
    if (pos == kNone) return std::nullopt;
    return pos;
}

std::optional<std::size_t> PlanState::unmapped_destination(const std::string& key) const {
    ensure_index();
    const std::uint32_t pos = unmapped_destination_by_key_.find(
        key, [&](std::uint32_t i) -> const std::string& { return plan_.unmapped_destinations[i].field.key; });
    if (pos == kNone) return std::nullopt;
    return pos;
}

std::size_t PlanState::mapped_source_count() const {
    ensure_index();
    return mapped_sources_;
}

// Index upkeep: O(1) at the end of a list, else one pass over a flat array of positions; both far
// cheaper than a rebuild, which a 10,000-edge plan would otherwise pay on every edit.
void PlanState::note_edge_inserted(std::size_t pos) {
    if (dirty_) return;
    if (pos + 1 != plan_.field_mapping.size()) {
        edge_by_destination_.shift(position(pos), true);
        edges_by_source_.shift(position(pos), true);
    }
    const Edge& edge = plan_.field_mapping[pos];
    edge_by_destination_.insert(edge.destination.key, position(pos));
    if (find_edge_from(edge.source.key) == kNone) ++mapped_sources_;
    edges_by_source_.insert(edge.source.key, position(pos));
}

void PlanState::note_edge_erased(std::size_t pos, const Edge& edge) {
    if (dirty_) return;
    // The element is gone from the vector: the entries are found by their position.
    edge_by_destination_.erase(edge.destination.key, position(pos));
    edges_by_source_.erase(edge.source.key, position(pos));
    if (pos != plan_.field_mapping.size()) {
        edge_by_destination_.shift(position(pos + 1), false);
        edges_by_source_.shift(position(pos + 1), false);
    }
    if (find_edge_from(edge.source.key) == kNone) --mapped_sources_;
}

void PlanState::note_inserted(const std::vector<UnmappedField>& list, std::size_t pos, PositionIndex& index) {
    if (dirty_) return;
    if (pos + 1 != list.size()) index.shift(position(pos), true);
    const auto key_of = [&](std::uint32_t i) -> const std::string& { return list[i].field.key; };
    if (index.find(list[pos].field.key, key_of) == kNone) index.insert(list[pos].field.key, position(pos));
}

void PlanState::note_erased(const std::vector<UnmappedField>& list, std::size_t pos, const std::string& key,
                            PositionIndex& index) {
    if (dirty_) return;
    index.erase(key, position(pos));
    if (pos != list.size()) index.shift(position(pos + 1), false);
}

void PlanState::apply(const Step& step, bool forward) {
    using Kind = Step::Kind;
    // Undoing an insert is an erase at the same position and vice versa.
    Kind kind = step.kind;
    if (!forward) {
        switch (kind) {
            case Kind::InsertEdge: kind = Kind::EraseEdge; break;
            case Kind::EraseEdge: kind = Kind::InsertEdge; break;
            case Kind::InsertSource: kind = Kind::EraseSource; break;
            case Kind::EraseSource: kind = Kind::InsertSource; break;
            case Kind::InsertDestination: kind = Kind::EraseDestination; break;
            case Kind::EraseDestination: kind = Kind::InsertDestination; break;
            case Kind::ReplaceEdge: case Kind::SetIgnored: break;
        }
    }
    // The element an insert brings back: `after` when going forwards, `before` when undoing an erase.
    const JsonRef& incoming = forward ? step.after : step.before;
    switch (kind) {
        case Kind::InsertEdge:
            insert_at(plan_.field_mapping, step.pos, edge_from_ref(incoming));
            note_edge_inserted(step.pos);
            break;
        case Kind::EraseEdge:
            if (step.pos < plan_.field_mapping.size()) {
                const Edge gone = std::move(plan_.field_mapping[step.pos]);
                erase_at(plan_.field_mapping, step.pos);
                note_edge_erased(step.pos, gone);
            }
            break;
        case Kind::ReplaceEdge:
            if (step.pos < plan_.field_mapping.size()) {
                Edge& edge = plan_.field_mapping[step.pos];
                Edge replacement = edge_from_ref(forward ? step.after : step.before);
                // The session only replaces an edge by one with the same keys; anything else rebuilds.
                if (replacement.source.key != edge.source.key || replacement.destination.key != edge.destination.key)
                    dirty_ = true;
                edge = std::move(replacement);
            }
            break;
        case Kind::InsertSource:
            insert_at(plan_.unmapped_sources, step.pos, unmapped_from_ref(incoming, kSource));
            note_inserted(plan_.unmapped_sources, step.pos, unmapped_source_by_key_);
            break;
        case Kind::EraseSource:
            if (step.pos < plan_.unmapped_sources.size()) {
                const std::string key = plan_.unmapped_sources[step.pos].field.key;
                erase_at(plan_.unmapped_sources, step.pos);
                note_erased(plan_.unmapped_sources, step.pos, key, unmapped_source_by_key_);
            }
            break;
        case Kind::InsertDestination:
            insert_at(plan_.unmapped_destinations, step.pos, unmapped_from_ref(incoming, kDestination));
            note_inserted(plan_.unmapped_destinations, step.pos, unmapped_destination_by_key_);
            break;
        case Kind::EraseDestination:
            if (step.pos < plan_.unmapped_destinations.size()) {
                const std::string key = plan_.unmapped_destinations[step.pos].field.key;
                erase_at(plan_.unmapped_destinations, step.pos);
                note_erased(plan_.unmapped_destinations, step.pos, key, unmapped_destination_by_key_);
            }
            break;
        case Kind::SetIgnored:
            if (forward ? step.ignored_after : step.ignored_before) ignored_.insert(step.key);
            else ignored_.erase(step.key);
            break;
    }
}

void PlanState::insert_edge(std::size_t pos, JsonRef raw, Steps& log) {
    Step step;
    step.kind = Step::Kind::InsertEdge;
    step.pos = std::min(pos, plan_.field_mapping.size());
    step.after = std::move(raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::erase_edge(std::size_t pos, Steps& log) {
    if (pos >= plan_.field_mapping.size()) return;
    Step step;
    step.kind = Step::Kind::EraseEdge;
    step.pos = pos;
    step.before = std::move(plan_.field_mapping[pos].raw);  // the element goes away anyway
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::replace_edge(std::size_t pos, JsonRef raw, Steps& log) {
    if (pos >= plan_.field_mapping.size()) return;
    Step step;
    step.kind = Step::Kind::ReplaceEdge;
    step.pos = pos;
    step.before = plan_.field_mapping[pos].raw;
    step.after = std::move(raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::insert_source(std::size_t pos, JsonRef raw, Steps& log) {
    Step step;
    step.kind = Step::Kind::InsertSource;
    step.pos = std::min(pos, plan_.unmapped_sources.size());
    step.after = std::move(raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::erase_source(std::size_t pos, Steps& log) {
    if (pos >= plan_.unmapped_sources.size()) return;
    Step step;
    step.kind = Step::Kind::EraseSource;
    step.pos = pos;
    step.before = std::move(plan_.unmapped_sources[pos].raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::insert_destination(std::size_t pos, JsonRef raw, Steps& log) {
    Step step;
    step.kind = Step::Kind::InsertDestination;
    step.pos = std::min(pos, plan_.unmapped_destinations.size());
    step.after = std::move(raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::erase_destination(std::size_t pos, Steps& log) {
    if (pos >= plan_.unmapped_destinations.size()) return;
    Step step;
    step.kind = Step::Kind::EraseDestination;
    step.pos = pos;
    step.before = std::move(plan_.unmapped_destinations[pos].raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::set_ignored(const std::string& key, bool ignored, Steps& log) {
    if (is_ignored(key) == ignored) return;
    Step step;
    step.kind = Step::Kind::SetIgnored;
    step.key = key;
    step.ignored_before = !ignored;
    step.ignored_after = ignored;
    apply(step, true);
    log.push_back(std::move(step));
}

}  // namespace pm
