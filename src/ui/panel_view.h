// What the panel draws, derived from the session and the filters: the visible source rows and
// destination rows with their marks (changed, low confidence, type warning). Deriving it walks the
// whole plan, so it is rebuilt only when the session's revision or a filter changes, never per
// frame: with 5,000 × 5,000 fields a frame only touches the rows on screen.
#pragma once

#include "core/session/session.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pm::ui {

// A destination the matcher proposes for a source, best first.
struct Candidate {
    std::string destination_key;
    double score = 0;                          // 0..1
    Certainty certainty = Certainty::None;
    std::vector<MessageRef> reason;  // the matcher's reason (match.* messages), said with ui::tr
};
using SuggestionsBySource = std::unordered_map<std::string, std::vector<Candidate>>;

// Filter chips; several may be on at once (all must hold).
enum FilterChip : unsigned {
    kChipUnmapped = 1u << 0,                   // no destination / no source
    kChipRequiredMissing = 1u << 1,            // required destinations without a source
    kChipLowConfidence = 1u << 2,              // edges below strong certainty
    kChipChanged = 1u << 3,                    // differs from the server's plan
};

struct SourceRow {
    std::string source_key;
    std::string destination_key;               // empty when not mapped
    bool ignored = false;
    bool changed = false;
    bool low_confidence = false;
    std::string type_warning;                  // e.g. "2 of 3 preview values do not look like numbers"
    bool is_enum_edge = false;                 // has values to map (enum or enum-list destination)
    bool suggested = false;                    // applied by plan-mapper on load, not yet reviewed
};

struct DestinationRow {
    std::string key;
    std::string source_key;                    // empty when nothing feeds it
    bool required = false;
    bool changed = false;
};

class PanelView {
public:
    // Rebuilds when the session, its revision or the filters differ from the last build;
    // returns true when it did.
    bool update(const Session& session, const std::string& filter, unsigned chips);
    void invalidate() { session_ = nullptr; }

    const std::vector<SourceRow>& sources() const { return sources_; }
    const std::vector<DestinationRow>& destinations() const { return destinations_; }
    const PlanDiff& changes() const { return diff_; }
    std::size_t required_missing() const { return required_missing_; }
    std::size_t low_confidence() const { return low_confidence_; }
    std::size_t type_warnings() const { return type_warnings_; }
    std::size_t suggested() const { return suggested_; }  // edges still "suggested by plan-mapper"

private:
    // What depends on the plan only (not the filters): recomputed when the revision changes.
    void derive(const Session& session);
    void build_rows(const Session& session);

    const Session* session_ = nullptr;
    std::uint64_t revision_ = 0;
    std::string filter_;
    unsigned chips_ = 0;
    std::vector<SourceRow> sources_;
    std::vector<DestinationRow> destinations_;
    PlanDiff diff_;
    // The keys diff_ says changed (PlanDiff::source_changed / destination_changed), looked up per
    // row: scanning the diff for each of 10,000 rows grew with every edit the person made.
    std::unordered_set<std::string> changed_sources_;
    std::unordered_set<std::string> changed_destinations_;
    std::unordered_map<std::string, std::string> warnings_;   // by source key
    std::unordered_set<std::string> required_missing_keys_;
    std::size_t required_missing_ = 0;
    std::size_t low_confidence_ = 0;
    std::size_t type_warnings_ = 0;
    std::size_t suggested_ = 0;
};

bool is_low_confidence(const Edge& edge);

}  // namespace pm::ui
