// Session operations on top of the recorded primitives of PlanState; see session.h.
#include "core/session/session_impl.h"

#include "core/json/document.h"
#include "core/plan/consistency.h"
#include "core/plan/parse.h"
#include "core/plan/write.h"

#include <algorithm>
#include <limits>

namespace pm {

namespace {

// The request's fault in English (logs, tests, the CLI) and as a catalog message (the panel).
Change refused(std::string why, MessageRef text) {
    Change change;
    change.refused = std::move(why);
    change.refused_text = std::move(text);
    return change;
}

std::string in_quotes(const std::string& key) { return "\"" + key + "\""; }

// A destination's name for the panel: its label, else its key.
std::string name_of(const Field* field, const std::string& key) { return field ? field->display_name() : key; }

bool is_enum_value(const Json& value) { return value.is_string() || value.is_number() || value.is_boolean(); }

// Removes every element equal to `value` from the array member `name` of `object` (if an array).
void remove_value(Json& object, const char* name, const Json& value) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_array()) return;
    Json kept = Json::array();
    for (const auto& item : *it)
        if (item != value) kept.push_back(item);
    *it = std::move(kept);
}

// Adds `value` to the array member `name` (created when missing) unless already there.
void add_value(Json& object, const char* name, const Json& value) {
    Json& list = object[name];
    if (!list.is_array()) list = Json::array();
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

bool used_as_destination(const Json& mapping, const Json& value) {
    for (const auto& pair : mapping)
        if (pair.is_object() && pair.contains("destinationValue") && pair["destinationValue"] == value) return true;
    return false;
}
}  // namespace

Session::Impl::Impl(ExecutionPlan server_plan, SessionOptions options) : options_(options) {
    server_ = normalize_plan(std::move(server_plan), options_.allow_one_to_many, &repairs_);
    load_catalog();
    state_ = PlanState(server_);
    state_.build_index();  // now rather than in the first edit
}

Session::Impl::Impl(const Impl& other)
    : options_(other.options_),
      server_(other.server_),
      repairs_(other.repairs_),
      state_(other.state_),
      retained_(other.retained_),
      server_edges_(other.server_edges_),
      undo_(other.undo_),
      redo_(other.redo_),
      revision_(other.revision_) {
    copy_catalog(other);
}

// The catalogs' keys are views into the other session's storage: take them from ours.
void Session::Impl::copy_catalog(const Impl& other) {
    sources_.reserve(other.sources_.size());
    destinations_.reserve(other.destinations_.size());
    other.sources_.for_each([&](std::string_view, const CatalogEntry& e) { sources_.put(field_of(e, true).key, e, true); });
    other.destinations_.for_each(
        [&](std::string_view, const CatalogEntry& e) { destinations_.put(field_of(e, false).key, e, true); });
}

const Field& Session::Impl::field_of(const CatalogEntry& entry, bool source) const {
    switch (entry.from) {
        case CatalogEntry::From::Entry:
            return (source ? server_.unmapped_sources : server_.unmapped_destinations)[entry.index].field;
        case CatalogEntry::From::Edge: {
            const Edge& edge = server_.field_mapping[entry.index];
            return source ? edge.source : edge.destination;
        }
        case CatalogEntry::From::Retained: break;
    }
    return retained_[entry.index].field;
}

const std::vector<std::string>& Session::Impl::preview_of(const CatalogEntry& entry, bool source) const {
    static const std::vector<std::string> none;
    switch (entry.from) {
        case CatalogEntry::From::Entry:
            return (source ? server_.unmapped_sources : server_.unmapped_destinations)[entry.index].preview;
        case CatalogEntry::From::Edge: return source ? server_.field_mapping[entry.index].preview : none;
        case CatalogEntry::From::Retained: break;
    }
    return retained_[entry.index].preview;
}

namespace {
// The unmapped entry a field of an edge goes back to (as unmapped_*_from_edge make it).
JsonRef entry_from_edge(const JsonRef& field, const JsonRef& edge, bool source) {
    Json raw = Json::object();
    raw[source ? "sourceField" : "destinationField"] = field.to_json();
    if (source)
        if (auto preview = detail::member_json(edge, "preview")) raw["preview"] = std::move(*preview);
    return JsonRef(std::move(raw));
}
}  // namespace

JsonRef Session::Impl::unmapped_raw(const CatalogEntry& entry, bool source) const {
    switch (entry.from) {
        case CatalogEntry::From::Entry:
            return (source ? server_.unmapped_sources : server_.unmapped_destinations)[entry.index].raw;
        case CatalogEntry::From::Edge: {
            const Edge& edge = server_.field_mapping[entry.index];
            return entry_from_edge((source ? edge.source : edge.destination).raw, edge.raw, source);
        }
        case CatalogEntry::From::Retained: break;
    }
    const RetainedEntry& kept = retained_[entry.index];
    if (kept.has_entry) return kept.entry;
    Json raw = Json::object();
    raw[source ? "sourceField" : "destinationField"] = kept.field.raw.to_json();
    if (source && !kept.edge_preview.is_null()) raw["preview"] = kept.edge_preview.to_json();
    return JsonRef(std::move(raw));
}

// The "preview" member of the unmapped entry a source goes back to.
std::optional<Json> Session::Impl::source_preview_json(const CatalogEntry& entry) const {
    switch (entry.from) {
        case CatalogEntry::From::Entry: return detail::member_json(server_.unmapped_sources[entry.index].raw, "preview");
        case CatalogEntry::From::Edge: return detail::member_json(server_.field_mapping[entry.index].raw, "preview");
        case CatalogEntry::From::Retained: break;
    }
    const RetainedEntry& kept = retained_[entry.index];
    if (kept.has_entry) return detail::member_json(kept.entry, "preview");
    if (kept.edge_preview.is_null()) return std::nullopt;
    return kept.edge_preview.to_json();
}

void Session::Impl::load_catalog() {
    const ExecutionPlan& plan = server_;
    server_edges_.clear();
    server_edges_.reserve(plan.field_mapping.size());
    sources_.reserve(sources_.size() + plan.unmapped_sources.size() + plan.field_mapping.size());
    destinations_.reserve(destinations_.size() + plan.unmapped_destinations.size() + plan.field_mapping.size());
    using From = CatalogEntry::From;
    // Unmapped entries first: their raw objects are what the fields go back to.
    for (std::size_t i = 0; i < plan.unmapped_sources.size(); ++i)
        sources_.put(plan.unmapped_sources[i].field.key, CatalogEntry{From::Entry, static_cast<std::uint32_t>(i)}, true);
    for (std::size_t i = 0; i < plan.unmapped_destinations.size(); ++i)
        destinations_.put(plan.unmapped_destinations[i].field.key, CatalogEntry{From::Entry, static_cast<std::uint32_t>(i)},
                          true);
    const auto destination_of = [&](std::uint32_t i) -> const std::string& { return plan.field_mapping[i].destination.key; };
    for (std::size_t i = 0; i < plan.field_mapping.size(); ++i) {
        const Edge& edge = plan.field_mapping[i];
        const auto at = static_cast<std::uint32_t>(i);
        if (server_edges_.find(edge.destination.key, destination_of) == detail::PositionIndex::kNone)
            server_edges_.insert(edge.destination.key, at);
        // A field known only from an edge: it goes back as the entry it would have as unmapped.
        // (no replacing: an entry known from an unmapped list, or from before a rebase, is kept)
        sources_.put(edge.source.key, CatalogEntry{From::Edge, at}, false);
        destinations_.put(edge.destination.key, CatalogEntry{From::Edge, at}, false);
    }
}

// Before server_ is replaced (rebase): what the catalogs know moves to retained_.
void Session::Impl::retain_catalog() {
    std::deque<RetainedEntry> kept;
    Catalog sources, destinations;
    sources.reserve(sources_.size());
    destinations.reserve(destinations_.size());
    auto keep = [&](const CatalogEntry& e, bool source) {
        RetainedEntry entry;
        if (e.from == CatalogEntry::From::Retained) {
            entry = retained_[e.index];
        } else {
            entry.field = field_of(e, source);
            entry.preview = preview_of(e, source);
            if (e.from == CatalogEntry::From::Entry) {
                entry.entry = (source ? server_.unmapped_sources : server_.unmapped_destinations)[e.index].raw;
                entry.has_entry = true;
            } else if (source) {
                entry.edge_preview = detail::member_ref(server_.field_mapping[e.index].raw, "preview");
            }
        }
        kept.push_back(std::move(entry));
    };
    sources_.for_each([&](std::string_view, const CatalogEntry& e) { keep(e, true); });
    const std::size_t source_count = kept.size();
    destinations_.for_each([&](std::string_view, const CatalogEntry& e) { keep(e, false); });
    compact(kept);
    for (std::size_t i = 0; i < kept.size(); ++i)
        (i < source_count ? sources : destinations)
            .put(kept[i].field.key, CatalogEntry{CatalogEntry::From::Retained, static_cast<std::uint32_t>(i)}, true);
    sources_ = std::move(sources);
    destinations_ = std::move(destinations);
    retained_ = std::move(kept);
}

// Moves the raw values of `entries` into one new document (written out and read back), so that
// the documents they came from (whole plans) can go.
void Session::Impl::compact(std::deque<RetainedEntry>& entries) {
    std::string text = "[";
    for (const RetainedEntry& entry : entries) {
        if (text.size() > 1) text += ',';
        text += '[';
        entry.field.raw.write(text);
        text += ',';
        (entry.has_entry ? entry.entry : entry.edge_preview).write(text);
        text += ']';
    }
    text += ']';
    JsonLimits limits;
    limits.max_bytes = text.size();
    limits.max_depth = std::numeric_limits<std::size_t>::max();
    limits.max_values = std::numeric_limits<std::size_t>::max();
    const detail::DocumentPtr doc = detail::scan_json(text, limits);
    if (!doc) return;  // cannot happen (the values were JSON); the entries keep their documents
    std::size_t i = 0;
    detail::TapeValue(&doc, 0).items([&](std::size_t, const detail::TapeValue& pair) {
        RetainedEntry& entry = entries[i++];
        pair.items([&](std::size_t member, const detail::TapeValue& value) {
            if (member == 0) entry.field.raw = value.ref();
            else if (entry.has_entry) entry.entry = value.ref();
            else entry.edge_preview = value.is_null() ? JsonRef() : value.ref();
        });
    });
}

const Field* Session::Impl::source_field(const std::string& key) const {
    const CatalogEntry* entry = sources_.find(key);
    return entry ? &field_of(*entry, true) : nullptr;
}

const Field* Session::Impl::destination_field(const std::string& key) const {
    const CatalogEntry* entry = destinations_.find(key);
    return entry ? &field_of(*entry, false) : nullptr;
}

const std::vector<std::string>& Session::Impl::preview_of_source(const std::string& key) const {
    static const std::vector<std::string> none;
    const CatalogEntry* entry = sources_.find(key);
    return entry ? preview_of(*entry, true) : none;
}

const Edge* Session::Impl::edge_to(const std::string& destination_key) const {
    const auto pos = state_.edge_to(destination_key);
    return pos ? &plan().field_mapping[*pos] : nullptr;
}

std::vector<const Edge*> Session::Impl::edges_from(const std::string& source_key) const {
    std::vector<const Edge*> out;
    for (std::size_t pos : state_.edges_from(source_key)) out.push_back(&plan().field_mapping[pos]);
    return out;
}

JsonRef Session::Impl::edge_raw_for(const std::string& source_key, const std::string& destination_key) const {
    const std::uint32_t server = server_edges_.find(
        destination_key, [&](std::uint32_t i) -> const std::string& { return server_.field_mapping[i].destination.key; });
    if (server != detail::PositionIndex::kNone) {
        const Edge& edge = server_.field_mapping[server];
        if (edge.source.key == source_key) return edge.raw;
    }
    // A new edge (as make_edge builds it): both raw fields, and the source entry's preview.
    // Callers have checked that both keys are known.
    const CatalogEntry& source = *sources_.find(source_key);
    const CatalogEntry& destination = *destinations_.find(destination_key);
    Json raw = Json::object();
    raw["sourceField"] = field_of(source, true).raw.to_json();
    raw["destinationField"] = field_of(destination, false).raw.to_json();
    if (auto preview = source_preview_json(source)) raw["preview"] = std::move(*preview);
    return JsonRef(std::move(raw));
}

void Session::Impl::break_edge(std::size_t pos, Steps& log) {
    const Edge& edge = plan().field_mapping[pos];
    const std::string source_key = edge.source.key;
    const std::string destination_key = edge.destination.key;
    const CatalogEntry* source = sources_.find(source_key);
    const CatalogEntry* destination = destinations_.find(destination_key);
    // Every field in the plan is in the catalog; the fallback only guards against a broken invariant.
    JsonRef source_fallback = source ? JsonRef() : unmapped_source_from_edge(edge).raw;
    JsonRef destination_fallback = destination ? JsonRef() : unmapped_destination_from_edge(edge).raw;
    state_.erase_edge(pos, log);
    if (state_.edges_from(source_key).empty() && !state_.unmapped_source(source_key))
        state_.insert_source(plan().unmapped_sources.size(), source ? unmapped_raw(*source, true) : std::move(source_fallback),
                             log);
    if (!state_.edge_to(destination_key) && !state_.unmapped_destination(destination_key))
        state_.insert_destination(plan().unmapped_destinations.size(),
                                  destination ? unmapped_raw(*destination, false) : std::move(destination_fallback), log);
}

void Session::Impl::link(const std::string& source_key, const std::string& destination_key, JsonRef raw, Steps& log) {
    if (const auto pos = state_.unmapped_source(source_key)) state_.erase_source(*pos, log);
    if (const auto pos = state_.unmapped_destination(destination_key)) state_.erase_destination(*pos, log);
    state_.insert_edge(plan().field_mapping.size(), std::move(raw), log);
    state_.set_ignored(source_key, false, log);
}

Change Session::Impl::commit(Steps steps) {
    if (steps.empty()) return {};
    Change change = describe_steps(steps, true);
    undo_.push_back(std::move(steps));
    redo_.clear();
    ++revision_;
    return change;
}

Change Session::Impl::map(const std::string& source_key, const std::string& destination_key) {
    if (!sources_.contains(source_key))
        return refused("unknown source field " + in_quotes(source_key),
                       MessageRef("session.unknownSource").with("key", source_key));
    if (!destinations_.contains(destination_key))
        return refused("unknown destination field " + in_quotes(destination_key),
                       MessageRef("session.unknownDestination").with("key", destination_key));
    const Edge* existing = edge_to(destination_key);
    if (existing && existing->source.key == source_key) return {};
    Steps log;
    if (const auto pos = state_.edge_to(destination_key)) break_edge(*pos, log);
    if (!options_.allow_one_to_many)
        while (!state_.edges_from(source_key).empty()) break_edge(state_.edges_from(source_key).back(), log);
    link(source_key, destination_key, edge_raw_for(source_key, destination_key), log);
    return commit(std::move(log));
}

Change Session::Impl::unmap(const std::string& destination_key) {
    if (!destinations_.contains(destination_key))
        return refused("unknown destination field " + in_quotes(destination_key),
                       MessageRef("session.unknownDestination").with("key", destination_key));
    Steps log;
    if (const auto pos = state_.edge_to(destination_key)) break_edge(*pos, log);
    return commit(std::move(log));
}

Change Session::Impl::unmap_edge(const std::string& source_key, const std::string& destination_key) {
    const Edge* edge = edge_to(destination_key);
    if (!edge || edge->source.key != source_key) return {};
    return unmap(destination_key);
}

Change Session::Impl::ignore(const std::string& source_key) {
    if (!sources_.contains(source_key))
        return refused("unknown source field " + in_quotes(source_key),
                       MessageRef("session.unknownSource").with("key", source_key));
    Steps log;
    while (!state_.edges_from(source_key).empty()) break_edge(state_.edges_from(source_key).back(), log);
    state_.set_ignored(source_key, true, log);
    return commit(std::move(log));
}

Change Session::Impl::unignore(const std::string& source_key) {
    if (!sources_.contains(source_key))
        return refused("unknown source field " + in_quotes(source_key),
                       MessageRef("session.unknownSource").with("key", source_key));
    Steps log;
    state_.set_ignored(source_key, false, log);
    return commit(std::move(log));
}

Change Session::Impl::swap(const std::string& destination_a, const std::string& destination_b) {
    for (const auto* key : {&destination_a, &destination_b})
        if (!destinations_.contains(*key))
            return refused("unknown destination field " + in_quotes(*key),
                           MessageRef("session.unknownDestination").with("key", *key));
    if (destination_a == destination_b) return {};
    const Edge* edge_a = edge_to(destination_a);
    const Edge* edge_b = edge_to(destination_b);
    const std::optional<std::string> source_a = edge_a ? std::optional<std::string>(edge_a->source.key) : std::nullopt;
    const std::optional<std::string> source_b = edge_b ? std::optional<std::string>(edge_b->source.key) : std::nullopt;
    if (source_a == source_b) return {};  // both unmapped, or one source feeding both
    Steps log;
    if (const auto pos = state_.edge_to(destination_a)) break_edge(*pos, log);
    if (const auto pos = state_.edge_to(destination_b)) break_edge(*pos, log);
    if (source_b) link(*source_b, destination_a, edge_raw_for(*source_b, destination_a), log);
    if (source_a) link(*source_a, destination_b, edge_raw_for(*source_a, destination_b), log);
    return commit(std::move(log));
}

Change Session::Impl::accept(const Suggestion& suggestion) {
    if (!sources_.contains(suggestion.source_key))
        return refused("unknown source field " + in_quotes(suggestion.source_key),
                       MessageRef("session.unknownSource").with("key", suggestion.source_key));
    if (!destinations_.contains(suggestion.destination_key))
        return refused("unknown destination field " + in_quotes(suggestion.destination_key),
                       MessageRef("session.unknownDestination").with("key", suggestion.destination_key));
    if (!suggestion.metadata.is_null() && !suggestion.metadata.is_object())
        return refused("metadata must be an object", MessageRef("session.metadataNotObject"));
    if (!suggestion.enum_details.is_null() && !suggestion.enum_details.is_object())
        return refused("enumDetails must be an object", MessageRef("session.enumDetailsNotObject"));

    const Edge* existing = edge_to(suggestion.destination_key);
    const bool same_pair = existing && existing->source.key == suggestion.source_key;
    JsonRef raw = same_pair ? existing->raw : edge_raw_for(suggestion.source_key, suggestion.destination_key);
    if (!suggestion.metadata.is_null() || !suggestion.enum_details.is_null()) {
        Json edited = raw.to_json();
        if (!suggestion.metadata.is_null()) edited["metadata"] = suggestion.metadata;
        if (!suggestion.enum_details.is_null()) edited["enumDetails"] = suggestion.enum_details;
        raw = JsonRef(std::move(edited));
    }

    Steps log;
    if (same_pair) {
        if (raw != existing->raw) state_.replace_edge(*state_.edge_to(suggestion.destination_key), std::move(raw), log);
        return commit(std::move(log));
    }
    if (const auto pos = state_.edge_to(suggestion.destination_key)) break_edge(*pos, log);
    if (!options_.allow_one_to_many)
        while (!state_.edges_from(suggestion.source_key).empty())
            break_edge(state_.edges_from(suggestion.source_key).back(), log);
    link(suggestion.source_key, suggestion.destination_key, std::move(raw), log);
    return commit(std::move(log));
}

Change Session::Impl::set_enum_value(const std::string& destination_key, const Json& source_value,
                               const std::optional<Json>& destination_value) {
    const auto pos = state_.edge_to(destination_key);
    if (!pos)
        return refused(
            "destination " + in_quotes(destination_key) + " is not mapped",
            MessageRef("session.notMapped").with("destination", name_of(destination_field(destination_key), destination_key)));
    const Edge& edge = plan().field_mapping[*pos];
    if (edge.destination.type != FieldType::Enum && edge.destination.type != FieldType::EnumList)
        return refused(
            "destination " + in_quotes(destination_key) + " is not an enum field",
            MessageRef("session.notEnum").with("destination", name_of(destination_field(destination_key), destination_key)));
    if (!is_enum_value(source_value))
        return refused("an enum value is a string, number or boolean", MessageRef("session.badEnumValue"));
    if (destination_value) {
        if (!is_enum_value(*destination_value))
            return refused("an enum value is a string, number or boolean", MessageRef("session.badEnumValue"));
        const auto config = edge.destination.raw.find("config");
        const bool allow_custom = config != edge.destination.raw.end() && config->is_object() &&
                                  config->value("allowCustom", Json(false)) == Json(true);
        const auto& options = edge.destination.enum_options;
        const bool is_option = std::any_of(options.begin(), options.end(),
                                           [&](const EnumOption& o) { return o.value == *destination_value; });
        if (!is_option && !allow_custom)
            return refused(dump_json(*destination_value) + " is not an option of " + in_quotes(destination_key),
                           MessageRef("session.notAnOption")
                               .with("value", dump_json(*destination_value))
                               .with("destination", name_of(destination_field(destination_key), destination_key)));
    }

    Json raw = edge.raw.to_json();
    Json& details = raw["enumDetails"];
    if (!details.is_object()) details = Json::object();
    Json& mapping = details["mapping"];
    if (!mapping.is_array()) mapping = Json::array();
    Json* entry = nullptr;
    for (auto& pair : mapping)
        if (pair.is_object() && pair.contains("sourceValue") && pair["sourceValue"] == source_value) entry = &pair;
    const std::optional<Json> previous =
        entry && entry->contains("destinationValue") ? std::optional<Json>((*entry)["destinationValue"]) : std::nullopt;
    if (previous == destination_value) return {};

    if (destination_value) {
        if (entry) {
            (*entry)["destinationValue"] = *destination_value;
        } else {
            Json pair = Json::object();
            pair["sourceValue"] = source_value;
            pair["destinationValue"] = *destination_value;
            mapping.push_back(std::move(pair));
        }
        remove_value(details, "unusedSourceValues", source_value);
        remove_value(details, "unusedDestinationValues", *destination_value);
    } else {
        Json kept = Json::array();
        for (auto& pair : mapping)
            if (&pair != entry) kept.push_back(std::move(pair));
        mapping = std::move(kept);
        add_value(details, "unusedSourceValues", source_value);
    }
    // The value this source value used to map to may now be unused.
    if (previous && !used_as_destination(details["mapping"], *previous)) add_value(details, "unusedDestinationValues", *previous);

    Steps log;
    state_.replace_edge(*pos, JsonRef(std::move(raw)), log);
    return commit(std::move(log));
}

Change Session::Impl::clear_all() {
    Steps log;
    // From the back, so each erase is O(1); the fields reach the unmapped lists in reverse order.
    while (!plan().field_mapping.empty()) break_edge(plan().field_mapping.size() - 1, log);
    return commit(std::move(log));
}

Change Session::Impl::reset_to_server() {
    if (state_.ignored().empty() && same_written(plan(), server_)) return {};
    Steps log;
    while (!plan().field_mapping.empty()) state_.erase_edge(plan().field_mapping.size() - 1, log);
    while (!plan().unmapped_sources.empty()) state_.erase_source(plan().unmapped_sources.size() - 1, log);
    while (!plan().unmapped_destinations.empty()) state_.erase_destination(plan().unmapped_destinations.size() - 1, log);
    for (const auto& edge : server_.field_mapping) state_.insert_edge(plan().field_mapping.size(), edge.raw, log);
    for (const auto& entry : server_.unmapped_sources) state_.insert_source(plan().unmapped_sources.size(), entry.raw, log);
    for (const auto& entry : server_.unmapped_destinations)
        state_.insert_destination(plan().unmapped_destinations.size(), entry.raw, log);
    const std::set<std::string> ignored = state_.ignored();
    for (const auto& key : ignored) state_.set_ignored(key, false, log);
    return commit(std::move(log));
}

Change Session::Impl::undo() {
    if (undo_.empty()) return {};
    Steps steps = std::move(undo_.back());
    undo_.pop_back();
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) state_.apply(*it, false);
    Change change = describe_steps(steps, false);
    redo_.push_back(std::move(steps));
    ++revision_;
    return change;
}

Change Session::Impl::redo() {
    if (redo_.empty()) return {};
    Steps steps = std::move(redo_.back());
    redo_.pop_back();
    for (const auto& step : steps) state_.apply(step, true);
    Change change = describe_steps(steps, true);
    undo_.push_back(std::move(steps));
    ++revision_;
    return change;
}

void Session::Impl::rebase(ExecutionPlan confirmed_plan) {
    Problems repairs;
    ExecutionPlan confirmed = normalize_plan(std::move(confirmed_plan), options_.allow_one_to_many, &repairs);
    retain_catalog();  // every field stays known, as it was (the catalog points into server_)
    server_ = std::move(confirmed);
    repairs_ = std::move(repairs);
    const std::set<std::string> ignored = state_.ignored();
    state_ = PlanState(server_);
    state_.build_index();
    load_catalog();
    Steps discarded;
    for (const auto& key : ignored)
        if (state_.unmapped_source(key)) state_.set_ignored(key, true, discarded);
    undo_.clear();
    redo_.clear();
    ++revision_;
}

SessionCounts Session::Impl::counts() const {
    SessionCounts counts;
    counts.edges = plan().field_mapping.size();
    counts.mapped_sources = state_.mapped_source_count();
    counts.ignored_sources = state_.ignored().size();
    const std::size_t unmapped = plan().unmapped_sources.size();
    counts.unmapped_sources = unmapped > counts.ignored_sources ? unmapped - counts.ignored_sources : 0;
    counts.unmapped_destinations = plan().unmapped_destinations.size();
    return counts;
}

// Session: the public face of Impl.
Session::Session(ExecutionPlan server_plan, SessionOptions options)
    : impl_(std::make_unique<Impl>(std::move(server_plan), options)) {}
Session::Session(const Session& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Session& Session::operator=(const Session& other) {
    if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
    return *this;
}
Session::Session(Session&& other) noexcept = default;
Session& Session::operator=(Session&& other) noexcept = default;
Session::~Session() = default;

const ExecutionPlan& Session::plan() const { return impl_->plan(); }
const ExecutionPlan& Session::server_plan() const { return impl_->server_; }
const Problems& Session::load_repairs() const { return impl_->repairs_; }
const SessionOptions& Session::options() const { return impl_->options_; }
std::uint64_t Session::revision() const { return impl_->revision_; }
const Field* Session::source_field(const std::string& key) const { return impl_->source_field(key); }
const Field* Session::destination_field(const std::string& key) const { return impl_->destination_field(key); }
const std::vector<std::string>& Session::preview_of_source(const std::string& key) const {
    return impl_->preview_of_source(key);
}
const Edge* Session::edge_to(const std::string& destination_key) const { return impl_->edge_to(destination_key); }
std::vector<const Edge*> Session::edges_from(const std::string& source_key) const { return impl_->edges_from(source_key); }
bool Session::is_ignored(const std::string& source_key) const { return impl_->state_.is_ignored(source_key); }
const std::set<std::string>& Session::ignored() const { return impl_->state_.ignored(); }
Change Session::map(const std::string& source_key, const std::string& destination_key) {
    return impl_->map(source_key, destination_key);
}
Change Session::unmap(const std::string& destination_key) { return impl_->unmap(destination_key); }
Change Session::unmap_edge(const std::string& source_key, const std::string& destination_key) {
    return impl_->unmap_edge(source_key, destination_key);
}
Change Session::ignore(const std::string& source_key) { return impl_->ignore(source_key); }
Change Session::unignore(const std::string& source_key) { return impl_->unignore(source_key); }
Change Session::swap(const std::string& destination_a, const std::string& destination_b) {
    return impl_->swap(destination_a, destination_b);
}
Change Session::accept(const Suggestion& suggestion) { return impl_->accept(suggestion); }
Change Session::set_enum_value(const std::string& destination_key, const Json& source_value,
                               const std::optional<Json>& destination_value) {
    return impl_->set_enum_value(destination_key, source_value, destination_value);
}
Change Session::clear_all() { return impl_->clear_all(); }
Change Session::reset_to_server() { return impl_->reset_to_server(); }
bool Session::can_undo() const { return !impl_->undo_.empty(); }
bool Session::can_redo() const { return !impl_->redo_.empty(); }
std::size_t Session::undo_depth() const { return impl_->undo_.size(); }
Change Session::undo() { return impl_->undo(); }
Change Session::redo() { return impl_->redo(); }
void Session::rebase(ExecutionPlan confirmed_plan) { impl_->rebase(std::move(confirmed_plan)); }
SessionCounts Session::counts() const { return impl_->counts(); }

}  // namespace pm
