// The mapping memory inside the widget; see app_memory.h.
#include "app/app_memory.h"

#include "matcher/memory_match.h"
#include "matcher/text_normalize.h"
#include "core/json/problems.h"

#include <algorithm>
#include <iterator>

namespace pm {

void AppMemory::begin(const Session& session, const std::string& sheet_slug) {
    schema_ = match::schema_identity(session.plan(), sheet_slug);
    memory_ = match::MappingMemory{};
    marks_.clear();
}

Json AppMemory::schema_json() const {
    return {{"id", schema_.id}, {"slug", schema_.slug}, {"destinationKeys", schema_.destination_keys}};
}

bool AppMemory::supply(const std::string& document_json, std::string& message) {
    if (!enabled_) return true;
    match::MappingMemory loaded;
    const std::string_view text(document_json);
    if (text.empty() || text == "null") {
        memory_ = loaded;
        return true;
    }
    if (!loaded.load_json_text(text, message)) return false;
    memory_ = std::move(loaded);
    return true;
}

std::size_t AppMemory::apply(Session& session, std::int32_t today) {
    if (!enabled_ || memory_.empty()) return 0;
    const match::MemoryPlanMatch found =
        match::match_plan_with_memory(session.plan(), memory_, schema_, today, {}, session.ignored());
    std::size_t accepted = 0;
    for (const match::RememberedSource& note : found.remembered) {
        if (note.outcome != match::RememberedSource::Outcome::Proposed) continue;
        for (const Suggestion& suggestion : found.match.suggestions) {
            if (suggestion.source_key != note.source_key) continue;
            if (session.accept(suggestion).empty()) break;
            marks_[note.source_key] = RememberedMark{note.destination_key, note.reason, note.reason_message};
            ++accepted;
        }
    }
    return accepted;
}

const RememberedMark* AppMemory::mark(const std::string& source_key) const {
    const auto it = marks_.find(source_key);
    return it == marks_.end() ? nullptr : &it->second;
}

bool AppMemory::observe(const Session& session, std::int32_t today) {
    bool changed = false;
    for (auto it = marks_.begin(); it != marks_.end();) {
        bool still = false;
        for (const Edge* edge : session.edges_from(it->first))
            if (edge->destination.key == it->second.destination_key) still = true;
        if (still) {
            ++it;
            continue;
        }
        if (const Field* source = session.source_field(it->first)) {
            memory_.reject(schema_, *source, it->second.destination_key, today);
            changed = true;
        }
        it = marks_.erase(it);
    }
    return changed && enabled_;
}

bool AppMemory::learn(const ExecutionPlan& confirmed, std::int32_t today) {
    if (!enabled_) return false;
    memory_.learn_plan(schema_, confirmed, today);
    return true;
}

bool AppMemory::forget(const Session& session, const std::string& source_key) {
    const auto it = marks_.find(source_key);
    if (it == marks_.end()) return false;
    const Field* source = session.source_field(source_key);
    const bool removed = source && memory_.forget(schema_, match::header_of(*source), it->second.destination_key);
    marks_.erase(it);
    return removed;
}

std::string AppMemory::list_json(const Session* session) const {
    Json entries = Json::array();
    if (const match::SchemaMemory* stored = memory_.find(schema_)) {
        std::vector<const match::MemoryEntry*> sorted;
        for (const match::MemoryEntry& entry : stored->entries) sorted.push_back(&entry);
        std::stable_sort(sorted.begin(), sorted.end(), [](const match::MemoryEntry* a, const match::MemoryEntry* b) {
            if (a->last_used != b->last_used) return a->last_used > b->last_used;
            return a->header < b->header;
        });
        for (const match::MemoryEntry* entry : sorted) {
            const std::string label = entry->destination_key.empty()
                ? std::string()
                : (session ? session->destination_name(entry->destination_key) : entry->destination_key);
            entries.push_back({{"header", entry->header},
                               {"sourceKey", entry->source_key},
                               {"destination", entry->destination_key},
                               {"destinationLabel", label},
                               {"count", entry->count},
                               {"lastUsed", match::format_day(entry->last_used)},
                               {"rejected", entry->rejected}});
        }
    }
    return dump_json({{"enabled", enabled_}, {"schema", schema_json()}, {"entries", std::move(entries)}});
}

bool AppMemory::remove(const Session* session, const std::string& header, const std::string& destination_key) {
    if (!memory_.forget(schema_, header, destination_key)) return false;
    // The rows it marked are no longer "remembered".
    const std::string normalized = match::normalized_header(match::bounded_prefix(header));
    for (auto it = marks_.begin(); it != marks_.end();) {
        const Field* source = session ? session->source_field(it->first) : nullptr;
        const bool same = it->second.destination_key == destination_key &&
            (!source || match::normalized_header(match::bounded_prefix(match::header_of(*source))) == normalized);
        it = same ? marks_.erase(it) : std::next(it);
    }
    return true;
}

void AppMemory::clear() {
    memory_.clear(schema_);
    marks_.clear();
}

std::string AppMemory::export_json() const { return dump_json(memory_.schema_to_json(schema_)); }

bool AppMemory::import_json(const std::string& document_json, std::string& message) {
    return memory_.merge_json_text(document_json, message);
}

}  // namespace pm
