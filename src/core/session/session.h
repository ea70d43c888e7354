// A mapping session: the user's edits of one job's plan, starting from the server's plan.
//
// Invariants kept by every operation (and checked by tests/core/session_property_test.cpp):
//   - a destination has at most one source;
//   - a source has at most one destination, unless options.allow_one_to_many;
//   - every field is either in fieldMapping or in its unmapped list, exactly once (a source with
//     several edges appears in each of them and in no unmapped entry);
//   - no field is ever lost or duplicated; undoing everything restores the starting plan exactly.
// Fields are identified by key. A broken edge returns its fields to the unmapped lists with the
// raw objects (and previews) they had in the server's plan; re-making a pair the server had
// restores the server's edge (metadata, enumDetails). "Ignored" is session state: the plan format
// has no such flag, an ignored column is simply an unmapped source.
//
// Operations return a Change. Invalid requests (unknown keys, ...) change nothing and say why in
// Change::refused; requests that would change nothing return an empty Change and add no undo step.
#pragma once

#include "core/json/message_ref.h"
#include "core/json/problems.h"
#include "core/plan/insights.h"
#include "core/plan/model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm {

struct SessionOptions {
    bool allow_one_to_many = false;            // one source column feeding several destinations
};

// What an operation (or an undo/redo) did, net: a pair broken and made again with the same edge
// does not appear.
struct Change {
    std::vector<Link> linked;                  // edges made
    std::vector<Link> unlinked;                // edges broken
    std::vector<Link> edited;                  // same pair, edge changed (enum values, metadata)
    std::vector<std::string> ignored;          // source keys
    std::vector<std::string> unignored;
    std::string refused;                       // non-empty: the request was invalid; nothing changed
    MessageRef refused_text;                   // the same as a catalog message ("session.*"), for the panel

    bool empty() const {
        return linked.empty() && unlinked.empty() && edited.empty() && ignored.empty() && unignored.empty();
    }
};

// A match proposed by someone else (the server's automap, a matcher): accepted as a map() whose
// edge carries the given members.
struct Suggestion {
    std::string source_key;
    std::string destination_key;
    Json metadata;                             // the edge's "metadata" object; null for none
    Json enum_details;                         // the edge's "enumDetails" object; null for none
};

struct SessionCounts {
    std::size_t edges = 0;                     // fieldMapping entries
    std::size_t mapped_sources = 0;            // distinct source keys in fieldMapping
    std::size_t unmapped_sources = 0;          // not mapped and not ignored
    std::size_t ignored_sources = 0;
    std::size_t unmapped_destinations = 0;
    std::size_t sources() const { return mapped_sources + unmapped_sources + ignored_sources; }
    std::size_t destinations() const { return edges + unmapped_destinations; }
};

class Session {
public:
    // The plan is normalised first (core/plan/consistency.h); load_repairs() says what that changed.
    explicit Session(ExecutionPlan server_plan, SessionOptions options = {});
    Session(const Session& other);
    Session& operator=(const Session& other);
    Session(Session&& other) noexcept;
    Session& operator=(Session&& other) noexcept;
    ~Session();

    const ExecutionPlan& plan() const;
    const ExecutionPlan& server_plan() const;
    const Problems& load_repairs() const;
    const SessionOptions& options() const;
    // Goes up by one with every change, undo and redo included: a cheap cache key for the UI.
    std::uint64_t revision() const;

    // Lookups by key. Fields are known from the server's plan whether mapped or not.
    const Field* source_field(const std::string& key) const;
    const Field* destination_field(const std::string& key) const;
    // A field's name as people read it (its label, else its key); the key itself when unknown.
    std::string source_name(const std::string& key) const {
        const Field* field = source_field(key);
        return field ? field->display_name() : key;
    }
    std::string destination_name(const std::string& key) const {
        const Field* field = destination_field(key);
        return field ? field->display_name() : key;
    }
    const std::vector<std::string>& preview_of_source(const std::string& key) const;
    const Edge* edge_to(const std::string& destination_key) const;
    std::vector<const Edge*> edges_from(const std::string& source_key) const;
    bool is_ignored(const std::string& source_key) const;
    const std::set<std::string>& ignored() const;

    // Edits.
    Change map(const std::string& source_key, const std::string& destination_key);
    Change unmap(const std::string& destination_key);
    Change unmap_edge(const std::string& source_key, const std::string& destination_key);
    Change ignore(const std::string& source_key);      // unmaps it too
    Change unignore(const std::string& source_key);
    // The two destinations exchange sources (one may have none: the source then moves over).
    Change swap(const std::string& destination_a, const std::string& destination_b);
    Change accept(const Suggestion& suggestion);
    // Maps one source value of an enum edge to an option value; nullopt removes that value's
    // mapping (it goes back to unusedSourceValues). The value must be one of the destination's
    // options unless its config says allowCustom.
    Change set_enum_value(const std::string& destination_key, const Json& source_value,
                          const std::optional<Json>& destination_value);
    Change clear_all();                        // breaks every edge; ignored flags stay
    Change reset_to_server();                  // back to the server's plan, nothing ignored

    // History: unlimited; an edit after an undo drops the redo steps.
    bool can_undo() const;
    bool can_redo() const;
    std::size_t undo_depth() const;
    Change undo();
    Change redo();

    // A plan the server confirmed (the response to a PUT/PATCH) becomes the new base and the
    // current plan. History is cleared (it was relative to the old base); ignored flags stay
    // for sources that are still unmapped. Call it when no edit happened since the request was
    // sent (compare revision()), or the edits made meanwhile are replaced.
    void rebase(ExecutionPlan confirmed_plan);

    // Derived state. counts() is O(1); the others are O(plan): cache them by revision().
    SessionCounts counts() const;
    std::vector<std::string> required_unmapped() const { return required_unmapped_destinations(plan()); }
    std::vector<EnumGap> enum_gaps() const { return pm::enum_gaps(plan()); }
    std::vector<TypeWarning> type_warnings() const { return pm::type_warnings(plan()); }
    PlanDiff changes() const { return diff_plans(server_plan(), plan()); }

private:
    // The catalog of known fields, the recorded state and its key indexes, the history: internal
    // to pm_core (core/session/session_impl.h), so users of the session see none of it.
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pm
