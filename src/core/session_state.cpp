// Primitive, recorded edits of the session state; see session_state.h.
#include "core/session_state.h"

#include "core/plan_parse.h"

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

void PlanState::ensure_index() const {
    if (!dirty_) return;
    edge_by_destination_.clear();
    edges_by_source_.clear();
    unmapped_source_by_key_.clear();
    unmapped_destination_by_key_.clear();
    for (std::size_t i = 0; i < plan_.field_mapping.size(); ++i) {
        const Edge& edge = plan_.field_mapping[i];
        edge_by_destination_.emplace(edge.destination.key, i);
        edges_by_source_[edge.source.key].push_back(i);
    }
    for (std::size_t i = 0; i < plan_.unmapped_sources.size(); ++i)
        unmapped_source_by_key_.emplace(plan_.unmapped_sources[i].field.key, i);
    for (std::size_t i = 0; i < plan_.unmapped_destinations.size(); ++i)
        unmapped_destination_by_key_.emplace(plan_.unmapped_destinations[i].field.key, i);
    dirty_ = false;
}

std::optional<std::size_t> PlanState::edge_to(const std::string& destination_key) const {
    ensure_index();
    const auto it = edge_by_destination_.find(destination_key);
    if (it == edge_by_destination_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::size_t> PlanState::edges_from(const std::string& source_key) const {
    ensure_index();
    const auto it = edges_by_source_.find(source_key);
    if (it == edges_by_source_.end()) return {};
    return it->second;
}

std::optional<std::size_t> PlanState::unmapped_source(const std::string& key) const {
    ensure_index();
    const auto it = unmapped_source_by_key_.find(key);
    if (it == unmapped_source_by_key_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> PlanState::unmapped_destination(const std::string& key) const {
    ensure_index();
    const auto it = unmapped_destination_by_key_.find(key);
    if (it == unmapped_destination_by_key_.end()) return std::nullopt;
    return it->second;
}

std::size_t PlanState::mapped_source_count() const {
    ensure_index();
    return edges_by_source_.size();
}

namespace {

// Moves every indexed position >= from by delta (+1 after an insert, -1 after an erase).
void shift(std::unordered_map<std::string, std::size_t>& index, std::size_t from, bool up) {
    for (auto& entry : index)
        if (entry.second >= from) entry.second = up ? entry.second + 1 : entry.second - 1;
}

void shift(std::unordered_map<std::string, std::vector<std::size_t>>& index, std::size_t from, bool up) {
    for (auto& entry : index)
        for (auto& pos : entry.second)
            if (pos >= from) pos = up ? pos + 1 : pos - 1;
}

void forget(std::unordered_map<std::string, std::size_t>& index, const std::string& key, std::size_t pos) {
    const auto it = index.find(key);
    if (it != index.end() && it->second == pos) index.erase(it);
}

}  // namespace

// Index upkeep: O(1) at the end of a list, one pass without hashing elsewhere; both far cheaper
// than a rebuild, which a 10,000-edge plan would otherwise pay on every edit.
void PlanState::note_edge_inserted(std::size_t pos) {
    if (dirty_) return;
    if (pos + 1 != plan_.field_mapping.size()) {
        shift(edge_by_destination_, pos, true);
        shift(edges_by_source_, pos, true);
    }
    const Edge& edge = plan_.field_mapping[pos];
    edge_by_destination_.emplace(edge.destination.key, pos);
    auto& positions = edges_by_source_[edge.source.key];
    positions.insert(std::upper_bound(positions.begin(), positions.end(), pos), pos);
}

void PlanState::note_edge_erased(std::size_t pos, const Edge& edge) {
    if (dirty_) return;
    forget(edge_by_destination_, edge.destination.key, pos);
    const auto source = edges_by_source_.find(edge.source.key);
    if (source != edges_by_source_.end()) {
        auto& positions = source->second;
        positions.erase(std::remove(positions.begin(), positions.end(), pos), positions.end());
        if (positions.empty()) edges_by_source_.erase(source);
    }
    if (pos != plan_.field_mapping.size()) {
        shift(edge_by_destination_, pos + 1, false);
        shift(edges_by_source_, pos + 1, false);
    }
}

void PlanState::note_inserted(std::vector<UnmappedField>& list, std::size_t pos,
                              std::unordered_map<std::string, std::size_t>& index, bool& dirty) {
    if (dirty) return;
    if (pos + 1 != list.size()) shift(index, pos, true);
    index.emplace(list[pos].field.key, pos);
}

void PlanState::note_erased(std::vector<UnmappedField>& list, std::size_t pos, const std::string& key,
                            std::unordered_map<std::string, std::size_t>& index, bool& dirty) {
    if (dirty) return;
    forget(index, key, pos);
    if (pos != list.size()) shift(index, pos + 1, false);
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
    const Json& incoming = forward ? step.after : step.before;
    switch (kind) {
        case Kind::InsertEdge:
            insert_at(plan_.field_mapping, step.pos, edge_from_raw(incoming));
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
                Edge replacement = edge_from_raw(forward ? step.after : step.before);
                // The session only replaces an edge by one with the same keys; anything else rebuilds.
                if (replacement.source.key != edge.source.key || replacement.destination.key != edge.destination.key)
                    dirty_ = true;
                edge = std::move(replacement);
            }
            break;
        case Kind::InsertSource:
            insert_at(plan_.unmapped_sources, step.pos, unmapped_from_raw(incoming, kSource));
            note_inserted(plan_.unmapped_sources, step.pos, unmapped_source_by_key_, dirty_);
            break;
        case Kind::EraseSource:
            if (step.pos < plan_.unmapped_sources.size()) {
                const std::string key = plan_.unmapped_sources[step.pos].field.key;
                erase_at(plan_.unmapped_sources, step.pos);
                note_erased(plan_.unmapped_sources, step.pos, key, unmapped_source_by_key_, dirty_);
            }
            break;
        case Kind::InsertDestination:
            insert_at(plan_.unmapped_destinations, step.pos, unmapped_from_raw(incoming, kDestination));
            note_inserted(plan_.unmapped_destinations, step.pos, unmapped_destination_by_key_, dirty_);
            break;
        case Kind::EraseDestination:
            if (step.pos < plan_.unmapped_destinations.size()) {
                const std::string key = plan_.unmapped_destinations[step.pos].field.key;
                erase_at(plan_.unmapped_destinations, step.pos);
                note_erased(plan_.unmapped_destinations, step.pos, key, unmapped_destination_by_key_, dirty_);
            }
            break;
        case Kind::SetIgnored:
            if (forward ? step.ignored_after : step.ignored_before) ignored_.insert(step.key);
            else ignored_.erase(step.key);
            break;
    }
}

void PlanState::insert_edge(std::size_t pos, Json raw, Steps& log) {
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

void PlanState::replace_edge(std::size_t pos, Json raw, Steps& log) {
    if (pos >= plan_.field_mapping.size()) return;
    Step step;
    step.kind = Step::Kind::ReplaceEdge;
    step.pos = pos;
    step.before = plan_.field_mapping[pos].raw;
    step.after = std::move(raw);
    apply(step, true);
    log.push_back(std::move(step));
}

void PlanState::insert_source(std::size_t pos, Json raw, Steps& log) {
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

void PlanState::insert_destination(std::size_t pos, Json raw, Steps& log) {
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
