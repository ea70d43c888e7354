// The mutable state under a Session: the current plan, the ignored source keys, and key indexes.
//
// Every change goes through a primitive (insert/erase/replace one element, set one flag) that is
// recorded as a Step. A Step holds only the raw JSON of the element it touched, so undo/redo cost
// is proportional to what an operation changed, not to the plan size (10,000 edges stay cheap).
// Replaying a step backwards restores the exact previous vectors, order included.
#pragma once

#include "core/plan_model.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
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
    Json before;                               // raw element before (Erase, Replace)
    Json after;                                // raw element after (Insert, Replace)
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

    // Primitives: apply the change and append its Step to `log`.
    void insert_edge(std::size_t pos, Json raw, Steps& log);
    void erase_edge(std::size_t pos, Steps& log);
    void replace_edge(std::size_t pos, Json raw, Steps& log);
    void insert_source(std::size_t pos, Json raw, Steps& log);
    void erase_source(std::size_t pos, Steps& log);
    void insert_destination(std::size_t pos, Json raw, Steps& log);
    void erase_destination(std::size_t pos, Steps& log);
    void set_ignored(const std::string& key, bool ignored, Steps& log);

    // Replays a recorded step, forwards (redo) or backwards (undo).
    void apply(const Step& step, bool forward);

private:
    void ensure_index() const;
    void note_edge_inserted(std::size_t pos);
    void note_edge_erased(std::size_t pos, const Edge& edge);
    static void note_inserted(std::vector<UnmappedField>& list, std::size_t pos,
                              std::unordered_map<std::string, std::size_t>& index, bool& dirty);
    static void note_erased(std::vector<UnmappedField>& list, std::size_t pos, const std::string& key,
                            std::unordered_map<std::string, std::size_t>& index, bool& dirty);

    ExecutionPlan plan_;
    std::set<std::string> ignored_;

    // Key -> position indexes, kept up to date by every primitive (see note_*); built lazily
    // the first time they are needed.
    mutable bool dirty_ = true;
    mutable std::unordered_map<std::string, std::size_t> edge_by_destination_;
    mutable std::unordered_map<std::string, std::vector<std::size_t>> edges_by_source_;
    mutable std::unordered_map<std::string, std::size_t> unmapped_source_by_key_;
    mutable std::unordered_map<std::string, std::size_t> unmapped_destination_by_key_;
};

}  // namespace pm
