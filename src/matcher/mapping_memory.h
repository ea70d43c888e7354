// Mapping memory: which source header a person mapped to which destination field in earlier
// imports of a schema, so that a second import of the same export maps itself.
//
//   pm::match::MappingMemory memory;
//   std::string message;
//   if (!memory.load_json_text(text, message)) report_once(message);       // ignored, never fatal
//   const auto schema = pm::match::schema_identity(plan, sheet_slug);
//   memory.learn_plan(schema, confirmed_plan, pm::match::today_days());    // after a successful PUT
//   save(memory.to_json_text());
//
// An entry is keyed by the normalized source header (normalize_text's words before singular and
// noise removal, joined: "Tel. (mobile)", "tel_mobile" and "TelMobile" are one header) and the destination key; it keeps the header as
// last seen, the source key, how many imports confirmed it, the day it was last used, and whether
// the person rejected it. A column left unmapped in a confirmed plan is an entry with an empty
// destination key. Nothing else is kept: no preview values, no job, file or token.
//
// The schema's identity is a fingerprint of its destination keys (sorted) plus the sheet slug
// when known, so a new job in another space with the same schema finds the entries. A schema that
// gained or lost fields falls back to the stored schema with the same slug, else the one sharing
// most keys (at least half of both), and uses the entries whose destination keys still exist.
//
// Bounded: at most kMaxMemoryEntriesPerSchema entries per schema (the least recently used go
// first) and kMaxMemorySchemas schemas. The JSON format is versioned and validated as a whole: a
// document that breaks it is rejected with one message and the memory stays as it was.
#pragma once

#include "core/json/message_ref.h"
#include "core/json/value.h"
#include "core/plan/model.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pm::match {

constexpr std::size_t kMaxMemoryEntriesPerSchema = 10000;
constexpr std::size_t kMaxMemorySchemas = 256;
constexpr std::size_t kMaxMemoryTextBytes = std::size_t{32} << 20;  // a stored document
constexpr std::size_t kMaxMemoryKeyBytes = 1024;                    // a source or destination key
constexpr int kMemoryFormatVersion = 1;
constexpr const char* kMemoryFormatName = "plan-mapper-memory";

struct SchemaIdentity {
    std::string id;                             // "s1-" + 16 hex digits
    std::string slug;                           // the sheet's slug; empty when unknown
    std::vector<std::string> destination_keys;  // sorted, unique
};

// The identity of a schema from its destination keys (any order, repeats ignored) and slug.
SchemaIdentity schema_identity(std::vector<std::string> destination_keys, std::string_view slug = {});
// From a plan: the destinations of its edges and its unmapped destinations.
SchemaIdentity schema_identity(const ExecutionPlan& plan, std::string_view slug = {});

// The normalized form entries are keyed by: normalize_text's all_words, joined ("telmobile").
std::string normalized_header(std::string_view header);
// What a source field is remembered by: its label, else its key.
const std::string& header_of(const Field& source);

struct MemoryEntry {
    std::string header;           // as last seen (at most kMaxMatchedTextBytes)
    std::string normalized;       // normalized_header(header); derived, not stored
    std::string source_key;       // as last seen
    std::string destination_key;  // empty: the column was left unmapped
    std::uint32_t count = 0;      // confirmed imports
    std::int32_t last_used = 0;   // days since 1970-01-01
    bool rejected = false;        // the person changed away from it: never proposed
    // For an enum destination: when last learned, none of the column's values matched an option
    // (the person mapped it anyway). A column whose values do not match is then still this one.
    bool values_matched_no_option = false;
};

// False when `destination` is an enum or enum list and `values` has some, none of them an option.
bool enum_values_fit(const std::vector<std::string>& values, const Field& destination);

struct SchemaMemory {
    SchemaIdentity schema;
    std::vector<MemoryEntry> entries;  // no two with the same (normalized, destination_key)
};

class MappingMemory {
public:
    // Learns every edge of a confirmed plan (count + 1, no longer rejected) and every unmapped
    // source as left unmapped. Sources whose header normalizes to nothing are skipped.
    void learn_plan(const SchemaIdentity& schema, const ExecutionPlan& confirmed, std::int32_t today);
    // One confirmed pair (an empty destination: left unmapped).
    void learn_pair(const SchemaIdentity& schema, const Field& source, const std::string& destination_key, std::int32_t today);
    // The person changed away from this pair: it is kept, marked rejected, and never proposed.
    void reject(const SchemaIdentity& schema, const Field& source, const std::string& destination_key, std::int32_t today);
    // Removes one entry ("Forget this"); false when there was none.
    bool forget(const SchemaIdentity& schema, std::string_view header, const std::string& destination_key);
    // Removes every entry of the schema (the schema found for it).
    void clear(const SchemaIdentity& schema);

    // The stored schema used for `schema` (exact id, else same slug, else most shared keys), or null.
    const SchemaMemory* find(const SchemaIdentity& schema) const;
    // The entries of `schema` for a header (any spelling with the same normalized form).
    std::vector<const MemoryEntry*> entries_for(const SchemaIdentity& schema, std::string_view header) const;

    const std::vector<SchemaMemory>& schemas() const { return schemas_; }
    std::size_t size() const;
    bool empty() const { return size() == 0; }

    // {"format":"plan-mapper-memory","version":1,"schemas":[{id, slug, destinationKeys,
    //   entries:[{header, sourceKey, destination, count, lastUsed:"2026-12-03", rejected,
    //             valuesMatchedNoOption}]}]}   (the two flags only when true)
    Json to_json() const;
    // The same document holding one schema (what a host stores per schema); null schema when unknown.
    Json schema_to_json(const SchemaIdentity& schema) const;
    std::string to_json_text() const;

    // Replaces the memory with a document's content. On any problem: false, one message saying
    // what and where, and the memory unchanged.
    bool load_json_text(std::string_view text, std::string& message);
    bool load_json(const Json& document, std::string& message);
    // Adds a document's entries to the memory (import): counts add up, the later day wins.
    bool merge_json_text(std::string_view text, std::string& message);
    // Takes a document's schemas as they are, each replacing the stored schema with the same id
    // (a store keeping several schemas, told of one schema's new state).
    bool replace_json_text(std::string_view text, std::string& message);

private:
    SchemaMemory* find_mutable(const SchemaIdentity& schema);
    SchemaMemory& schema_for_learning(const SchemaIdentity& schema);
    MemoryEntry& entry(SchemaMemory& memory, const Field& source, const std::string& destination_key, std::int32_t today);
    void merge(const MappingMemory& other);

    std::vector<SchemaMemory> schemas_;
};

// Days since 1970-01-01 <-> "YYYY-MM-DD" (false on a malformed or impossible date).
std::string format_day(std::int32_t days);
bool parse_day(std::string_view text, std::int32_t& days);
// "3 Dec", or "3 Dec 2025" when not in `today`'s year.
std::string short_day(std::int32_t days, std::int32_t today);
// The same as a catalog message (match.day / match.dayInYear with match.monthJan ...).
MessageRef short_day_message(std::int32_t days, std::int32_t today);
// Today in UTC, from the system clock.
std::int32_t today_days();

}  // namespace pm::match
