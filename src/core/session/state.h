// The mutable state under a Session: the current plan, the ignored source keys, and key indexes.
//
// Every change goes through a primitive (insert/erase/replace one element, set one flag) that is
// recorded as a Step. A Step holds only the raw JSON of the element it touched (shared with the
// element, not copied), so undo/redo cost is proportional to what an operation changed, not to
// the plan size (10,000 edges stay cheap). Replaying a step backwards restores the exact previous
// vectors, order included.
#pragma once

#include "core/plan/key_index.h"
#include "core/plan/model.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm {

struct Step {
    enum class Kind : unsigned char {
        InsertEdge, EraseEdge, ReplaceEdge,
        InsertSource, EraseSource,
        InsertDestination, EraseDestination,
        SetIgnored,
    };
    Kind kind = Kind::SetIgnored;
    std::size_t pos = 0;                       // position in the list touched
    JsonRef before;                            // raw element before (Erase, Replace)
    JsonRef after;                             // raw element after (Insert, Replace)
    std::string key;                           // SetIgnored: the source key
    bool ignored_before = false;
    bool ignored_after = false;
};
using Steps = std::vector<Step>;

class PlanState {
public:
    PlanState() = default;
    explicit PlanState(ExecutionPlan plan);

    const ExecutionPlan& plan() const { return plan_; }
    const std::set<std::string>& ignored() const { return ignored_; }
    bool is_ignored(const std::string& source_key) const { return ignored_.count(source_key) > 0; }

    // Positions by key (valid until the next change).
    std::optional<std::size_t> edge_to(const std::string& destination_key) const;
    std::vector<std::size_t> edges_from(const std::string& source_key) const;   // ascending
    std::optional<std::size_t> unmapped_source(const std::string& key) const;
    std::optional<std::size_t> unmapped_destination(const std::string& key) const;
    std::size_t mapped_source_count() const;                                    // distinct keys
    // Builds the key indexes now (they are otherwise built by the first lookup).
    void build_index() const { ensure_index(); }

    // Primitives: apply the change and append its Step to `log`.
    void insert_edge(std::size_t pos, JsonRef raw, Steps& log);
    void erase_edge(std::size_t pos, Steps& log);
    void replace_edge(std::size_t pos, JsonRef raw, Steps& log);
    void insert_source(std::size_t pos, JsonRef raw, Steps& log);
    void erase_source(std::size_t pos, Steps& log);
    void insert_destination(std::size_t pos, JsonRef raw, Steps& log);
    void erase_destination(std::size_t pos, Steps& log);
    void set_ignored(const std::string& key, bool ignored, Steps& log);

    // Replays a recorded step, forwards (redo) or backwards (undo).
    void apply(const Step& step, bool forward);

private:
    void ensure_index() const;
    void note_edge_inserted(std::size_t pos);
    void note_edge_erased(std::size_t pos, const Edge& edge);
    void note_inserted(const std::vector<UnmappedField>& list, std::size_t pos, detail::PositionIndex& index);
    void note_erased(const std::vector<UnmappedField>& list, std::size_t pos, const std::string& key,
                     detail::PositionIndex& index);
    std::uint32_t find_edge_to(const std::string& destination_key) const;
    std::uint32_t find_edge_from(const std::string& source_key) const;

    ExecutionPlan plan_;
    std::set<std::string> ignored_;

    // Key -> position indexes (the keys stay in the plan's elements), kept up to date by every
    // primitive (see note_*); built the first time they are needed.
    mutable bool dirty_ = true;
    mutable detail::PositionIndex edge_by_destination_;   // every position
    mutable detail::PositionIndex edges_by_source_;       // every position
    mutable std::size_t mapped_sources_ = 0;              // distinct keys in edges_by_source_
    mutable detail::PositionIndex unmapped_source_by_key_;
    mutable detail::PositionIndex unmapped_destination_by_key_;
};

}  // namespace pm
