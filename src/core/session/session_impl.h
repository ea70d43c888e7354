// Internal to pm_core: what a Session holds (session.h keeps it behind a pointer, so users of
// the session include none of the state, key index or step headers). The operations themselves
// are documented in session.h; the members here are the same ones, on the data they touch.
#pragma once

#include "core/plan/key_index.h"
#include "core/session/session.h"
#include "core/session/state.h"

#include <deque>

namespace pm {

struct Session::Impl {
    Impl(ExecutionPlan server_plan, SessionOptions options);
    Impl(const Impl& other);
    Impl& operator=(const Impl&) = delete;

    const ExecutionPlan& plan() const { return state_.plan(); }

    const Field* source_field(const std::string& key) const;
    const Field* destination_field(const std::string& key) const;
    const std::vector<std::string>& preview_of_source(const std::string& key) const;
    const Edge* edge_to(const std::string& destination_key) const;
    std::vector<const Edge*> edges_from(const std::string& source_key) const;

    Change map(const std::string& source_key, const std::string& destination_key);
    Change unmap(const std::string& destination_key);
    Change unmap_edge(const std::string& source_key, const std::string& destination_key);
    Change ignore(const std::string& source_key);
    Change unignore(const std::string& source_key);
    Change swap(const std::string& destination_a, const std::string& destination_b);
    Change accept(const Suggestion& suggestion);
    Change set_enum_value(const std::string& destination_key, const Json& source_value,
                          const std::optional<Json>& destination_value);
    Change clear_all();
    Change reset_to_server();
    Change undo();
    Change redo();
    void rebase(ExecutionPlan confirmed_plan);
    SessionCounts counts() const;

    // How a known field goes back to its unmapped list: the entry it had in an unmapped list, or
    // else one made from the edge it came from ({"sourceField": field, "preview": the edge's} or
    // {"destinationField": field}), built only when needed. Points into server_ or retained_.
    struct CatalogEntry {
        enum class From : unsigned char { Entry, Edge, Retained };
        From from = From::Entry;               // an unmapped entry or an edge of server_, or retained_
        std::uint32_t index = 0;               // in that list
    };
    // Catalog entries from the server plans before a rebase (they stay known). Their raw values
    // live in a document of their own, so an old plan's document is not kept for them.
    struct RetainedEntry {
        Field field;
        std::vector<std::string> preview;
        JsonRef entry;                         // the unmapped entry's raw, when there was one
        JsonRef edge_preview;                  // else the "preview" of the edge (null: none)
        bool has_entry = false;
    };
    using Catalog = detail::KeyMap<CatalogEntry>;

    const Field& field_of(const CatalogEntry& entry, bool source) const;
    const std::vector<std::string>& preview_of(const CatalogEntry& entry, bool source) const;
    JsonRef unmapped_raw(const CatalogEntry& entry, bool source) const;
    std::optional<Json> source_preview_json(const CatalogEntry& entry) const;
    void load_catalog();
    void retain_catalog();
    static void compact(std::deque<RetainedEntry>& entries);
    void copy_catalog(const Impl& other);
    JsonRef edge_raw_for(const std::string& source_key, const std::string& destination_key) const;
    void break_edge(std::size_t pos, Steps& log);
    void link(const std::string& source_key, const std::string& destination_key, JsonRef raw, Steps& log);
    Change commit(Steps steps);

    SessionOptions options_;
    ExecutionPlan server_;
    Problems repairs_;
    PlanState state_;
    // Every field ever seen, by key (views of the keys in server_ and retained_, which the
    // catalogs point into by index; neither changes between rebases).
    std::deque<RetainedEntry> retained_;
    Catalog sources_;
    Catalog destinations_;
    // The server's edges by destination key, to restore them when a pair is made again.
    detail::PositionIndex server_edges_;
    std::vector<Steps> undo_;
    std::vector<Steps> redo_;
    std::uint64_t revision_ = 0;
};

// The net effect of replaying `steps` forwards (or backwards, for undo).
Change describe_steps(const Steps& steps, bool forward);

}  // namespace pm
