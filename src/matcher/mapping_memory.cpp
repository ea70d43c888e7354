// Mapping memory: learning, lookup, bounds and the stored format (see mapping_memory.h).
#include "matcher/mapping_memory.h"

#include "matcher/enum_matcher.h"
#include "matcher/text_normalize.h"
#include "core/json/parse.h"
#include "core/json/problems.h"
#include "core/json/text.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <set>
#include <unordered_map>

namespace pm::match {

namespace {

// The document's whole size is bounded by kMaxMemoryTextBytes; values by what 256 schemas of
// modest size need (a full 10,000-entry schema is about 70,000 values).
JsonLimits memory_limits() {
    JsonLimits limits;
    limits.max_bytes = kMaxMemoryTextBytes;
    limits.max_depth = 8;
    limits.max_values = 2000000;
    return limits;
}

std::uint64_t fnv1a(std::uint64_t hash, std::string_view text) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::string entry_key(std::string_view normalized, std::string_view destination) {
    std::string key(normalized);
    key += '\0';
    key += destination;
    return key;
}

// Keeps the kMaxMemoryEntriesPerSchema most recently used entries (then the most confirmed).
void trim(SchemaMemory& memory) {
    if (memory.entries.size() <= kMaxMemoryEntriesPerSchema) return;
    std::stable_sort(memory.entries.begin(), memory.entries.end(), [](const MemoryEntry& a, const MemoryEntry& b) {
        if (a.last_used != b.last_used) return a.last_used > b.last_used;
        if (a.count != b.count) return a.count > b.count;
        if (a.normalized != b.normalized) return a.normalized < b.normalized;
        return a.destination_key < b.destination_key;
    });
    memory.entries.resize(kMaxMemoryEntriesPerSchema);
}

std::size_t shared_keys(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::size_t shared = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return shared;
}

bool valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    char32_t codepoint = 0;
    while (pos < text.size())
        if (!decode_utf8(text, pos, codepoint)) return false;
    return true;
}

// Civil date <-> days since 1970-01-01 in the proleptic Gregorian calendar (era arithmetic:
// 400-year eras of 146,097 days, years starting in March so the leap day comes last).
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

// Reading one stored document; every check names the JSON Pointer of what it refused.
class Reader {
public:
    bool read(const Json& document, std::vector<SchemaMemory>& out) {
        if (!document.is_object()) return fail("", "expected an object, got " + describe_json(document));
        const auto format = document.find("format");
        if (format == document.end() || !format->is_string() || format->get_ref<const std::string&>() != kMemoryFormatName)
            return fail("/format", std::string("expected \"") + kMemoryFormatName + "\"");
        const auto version = document.find("version");
        if (version == document.end() || !version->is_number_integer()) return fail("/version", "expected an integer");
        if (version->get<long long>() != kMemoryFormatVersion)
            return fail("/version",
                        "version " + dump_json(*version) + " is not supported (this build reads " +
                            std::to_string(kMemoryFormatVersion) + ")");
        const auto schemas = document.find("schemas");
        if (schemas == document.end() || !schemas->is_array()) return fail("/schemas", "expected an array");
        if (schemas->size() > kMaxMemorySchemas)
            return fail("/schemas", "more than " + std::to_string(kMaxMemorySchemas) + " schemas");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < schemas->size(); ++i) {
            SchemaMemory schema;
            if (!read_schema((*schemas)[i], pointer_join("/schemas", i), schema)) return false;
            if (!ids.insert(schema.schema.id).second)
                return fail(pointer_join("/schemas", i), "schema " + schema.schema.id + " appears twice");
            out.push_back(std::move(schema));
        }
        return true;
    }

    std::string message;

private:
    bool fail(const std::string& pointer, const std::string& why) {
        message = (pointer.empty() ? std::string("memory") : "memory " + pointer) + ": " + why;
        return false;
    }

    bool read_string(const Json& object, const char* name, const std::string& at, std::size_t max_bytes, bool required,
                     std::string& out) {
        const auto it = object.find(name);
        if (it == object.end()) return required ? fail(pointer_join(at, name), "missing") : true;
        if (!it->is_string()) return fail(pointer_join(at, name), "expected a string, got " + describe_json(*it));
        const std::string& text = it->get_ref<const std::string&>();
        if (text.size() > max_bytes) return fail(pointer_join(at, name), "longer than " + std::to_string(max_bytes) + " bytes");
        if (!valid_utf8(text)) return fail(pointer_join(at, name), "not valid UTF-8");
        out = text;
        return true;
    }

    bool read_schema(const Json& value, const std::string& at, SchemaMemory& out) {
        if (!value.is_object()) return fail(at, "expected an object, got " + describe_json(value));
        std::string slug;
        if (!read_string(value, "slug", at, kMaxMemoryKeyBytes, false, slug)) return false;
        const auto keys = value.find("destinationKeys");
        if (keys == value.end() || !keys->is_array()) return fail(pointer_join(at, "destinationKeys"), "expected an array");
        if (keys->size() > 100000) return fail(pointer_join(at, "destinationKeys"), "more than 100000 keys");
        std::vector<std::string> destination_keys;
        for (std::size_t i = 0; i < keys->size(); ++i) {
            const Json& key = (*keys)[i];
            const std::string where = pointer_join(pointer_join(at, "destinationKeys"), i);
            if (!key.is_string() || key.get_ref<const std::string&>().empty()) return fail(where, "expected a non-empty string");
            if (key.get_ref<const std::string&>().size() > kMaxMemoryKeyBytes) return fail(where, "key too long");
            destination_keys.push_back(key.get<std::string>());
        }
        out.schema = schema_identity(std::move(destination_keys), slug);
        // A stored id must be the fingerprint of what is stored with it: an id that does not fit
        // would file entries under another schema.
        std::string id;
        if (!read_string(value, "id", at, 64, true, id)) return false;
        if (id != out.schema.id)
            return fail(pointer_join(at, "id"),
                        "\"" + id + "\" is not the fingerprint of its destinationKeys and slug (" + out.schema.id + ")");
        const auto entries = value.find("entries");
        if (entries == value.end() || !entries->is_array()) return fail(pointer_join(at, "entries"), "expected an array");
        if (entries->size() > kMaxMemoryEntriesPerSchema)
            return fail(pointer_join(at, "entries"), "more than " + std::to_string(kMaxMemoryEntriesPerSchema) + " entries");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            MemoryEntry entry;
            const std::string where = pointer_join(pointer_join(at, "entries"), i);
            if (!read_entry((*entries)[i], where, entry)) return false;
            if (!seen.insert(entry_key(entry.normalized, entry.destination_key)).second)
                return fail(where, "the same header and destination appear twice");
            out.entries.push_back(std::move(entry));
        }
        return true;
    }

    bool read_entry(const Json& value, const std::string& at, MemoryEntry& out) {
        if (!value.is_object()) return fail(at, "expected an object, got " + describe_json(value));
        if (!read_string(value, "header", at, kMaxMatchedTextBytes, true, out.header)) return false;
        out.normalized = normalized_header(out.header);
        if (out.normalized.empty()) return fail(pointer_join(at, "header"), "has no words to match on");
        if (!read_string(value, "sourceKey", at, kMaxMemoryKeyBytes, false, out.source_key)) return false;
        if (!read_string(value, "destination", at, kMaxMemoryKeyBytes, true, out.destination_key)) return false;
        const auto count = value.find("count");
        if (count == value.end() || !count->is_number_integer() || count->get<long long>() < 1 ||
            count->get<long long>() > 1000000000)
            return fail(pointer_join(at, "count"), "expected an integer from 1 to 1000000000");
        out.count = static_cast<std::uint32_t>(count->get<long long>());
        std::string day;
        if (!read_string(value, "lastUsed", at, 10, true, day)) return false;
        if (!parse_day(day, out.last_used)) return fail(pointer_join(at, "lastUsed"), "expected a date YYYY-MM-DD");
        const auto rejected = value.find("rejected");
        if (rejected != value.end()) {
            if (!rejected->is_boolean()) return fail(pointer_join(at, "rejected"), "expected true or false");
            out.rejected = rejected->get<bool>();
        }
        const auto unmatched = value.find("valuesMatchedNoOption");
        if (unmatched != value.end()) {
            if (!unmatched->is_boolean()) return fail(pointer_join(at, "valuesMatchedNoOption"), "expected true or false");
            out.values_matched_no_option = unmatched->get<bool>();
        }
        if (out.rejected && out.destination_key.empty())
            return fail(pointer_join(at, "rejected"), "a column left unmapped cannot be rejected");
        return true;
    }
};

Json schema_json(const SchemaMemory& memory) {
    Json entries = Json::array();
    for (const MemoryEntry& entry : memory.entries) {
        Json item = {{"header", entry.header},
                     {"sourceKey", entry.source_key},
                     {"destination", entry.destination_key},
                     {"count", entry.count},
                     {"lastUsed", format_day(entry.last_used)}};
        if (entry.rejected) item["rejected"] = true;
        if (entry.values_matched_no_option) item["valuesMatchedNoOption"] = true;
        entries.push_back(std::move(item));
    }
    Json out = {{"id", memory.schema.id}, {"destinationKeys", memory.schema.destination_keys}};
    if (!memory.schema.slug.empty()) out["slug"] = memory.schema.slug;
    out["entries"] = std::move(entries);
    return out;
}

Json document_json(Json schemas) {
    return {{"format", kMemoryFormatName}, {"version", kMemoryFormatVersion}, {"schemas", std::move(schemas)}};
}

}  // namespace

SchemaIdentity schema_identity(std::vector<std::string> destination_keys, std::string_view slug) {
    std::sort(destination_keys.begin(), destination_keys.end());
    destination_keys.erase(std::unique(destination_keys.begin(), destination_keys.end()), destination_keys.end());
    std::uint64_t hash = 14695981039346656037ULL;
    for (const std::string& key : destination_keys) {
        hash = fnv1a(hash, key);
        hash = fnv1a(hash, std::string_view("\n", 1));
    }
    hash = fnv1a(hash, "#slug:");
    hash = fnv1a(hash, slug);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return {std::string("s1-") + hex, std::string(slug), std::move(destination_keys)};
}

SchemaIdentity schema_identity(const ExecutionPlan& plan, std::string_view slug) {
    std::vector<std::string> keys;
    for (const Edge& edge : plan.field_mapping) keys.push_back(edge.destination.key);
    for (const UnmappedField& field : plan.unmapped_destinations) keys.push_back(field.field.key);
    return schema_identity(std::move(keys), slug);
}

std::string normalized_header(std::string_view header) { return joined(normalize_text(header).all_words); }

bool enum_values_fit(const std::vector<std::string>& values, const Field& destination) {
    if (destination.type != FieldType::Enum && destination.type != FieldType::EnumList) return true;
    const EnumMatch matched = match_enum_values(values, destination.enum_options);
    if (matched.values.empty()) return true;
    for (const EnumValueMatch& value : matched.values)
        if (value.option >= 0) return true;
    return false;
}

const std::string& header_of(const Field& source) { return source.label.empty() ? source.key : source.label; }

const SchemaMemory* MappingMemory::find(const SchemaIdentity& schema) const {
    const SchemaMemory* best = nullptr;
    std::size_t best_shared = 0;
    for (const SchemaMemory& stored : schemas_) {
        if (stored.schema.id == schema.id) return &stored;
    }
    if (!schema.slug.empty())
        for (const SchemaMemory& stored : schemas_)
            if (stored.schema.slug == schema.slug) return &stored;
    for (const SchemaMemory& stored : schemas_) {
        // Another slug is another sheet, even with the same fields.
        if (!schema.slug.empty() && !stored.schema.slug.empty()) continue;
        const std::size_t shared = shared_keys(stored.schema.destination_keys, schema.destination_keys);
        if (shared * 2 < stored.schema.destination_keys.size() || shared * 2 < schema.destination_keys.size()) continue;
        if (shared > best_shared) {
            best = &stored;
            best_shared = shared;
        }
    }
    return best;
}

SchemaMemory* MappingMemory::find_mutable(const SchemaIdentity& schema) {
    return const_cast<SchemaMemory*>(static_cast<const MappingMemory*>(this)->find(schema));
}

// Learning files the entries under the schema as it is now: a stored schema found by slug or by
// shared keys takes the new identity (its entries for vanished keys stay until they age out).
SchemaMemory& MappingMemory::schema_for_learning(const SchemaIdentity& schema) {
    if (SchemaMemory* found = find_mutable(schema)) {
        found->schema = schema;
        return *found;
    }
    if (schemas_.size() >= kMaxMemorySchemas) {
        // The schema used least recently makes room.
        auto oldest = schemas_.begin();
        std::int32_t oldest_day = std::numeric_limits<std::int32_t>::max();
        for (auto it = schemas_.begin(); it != schemas_.end(); ++it) {
            std::int32_t newest = std::numeric_limits<std::int32_t>::min();
            for (const MemoryEntry& entry : it->entries) newest = std::max(newest, entry.last_used);
            if (newest < oldest_day) {
                oldest_day = newest;
                oldest = it;
            }
        }
        schemas_.erase(oldest);
    }
    schemas_.push_back(SchemaMemory{schema, {}});
    return schemas_.back();
}

MemoryEntry& MappingMemory::entry(SchemaMemory& memory, const Field& source, const std::string& destination_key,
                                  std::int32_t today) {
    const std::string header(bounded_prefix(header_of(source)));
    const std::string normalized = normalized_header(header);
    for (MemoryEntry& existing : memory.entries)
        if (existing.normalized == normalized && existing.destination_key == destination_key) {
            existing.header = header;
            if (source.key.size() <= kMaxMemoryKeyBytes) existing.source_key = source.key;
            existing.last_used = std::max(existing.last_used, today);
            return existing;
        }
    MemoryEntry added;
    added.header = header;
    added.normalized = normalized;
    if (source.key.size() <= kMaxMemoryKeyBytes) added.source_key = source.key;
    added.destination_key = destination_key;
    added.last_used = today;
    memory.entries.push_back(std::move(added));
    return memory.entries.back();
}

void MappingMemory::learn_plan(const SchemaIdentity& schema, const ExecutionPlan& confirmed, std::int32_t today) {
    SchemaMemory& memory = schema_for_learning(schema);
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < memory.entries.size(); ++i)
        index.emplace(entry_key(memory.entries[i].normalized, memory.entries[i].destination_key), i);
    auto learn = [&](const Field& source, const std::string& destination_key, bool values_fit) {
        const std::string header(bounded_prefix(header_of(source)));
        const std::string normalized = normalized_header(header);
        if (normalized.empty() || destination_key.size() > kMaxMemoryKeyBytes) return;
        const std::string key = entry_key(normalized, destination_key);
        auto found = index.find(key);
        if (found == index.end()) {
            MemoryEntry added;
            added.normalized = normalized;
            added.destination_key = destination_key;
            memory.entries.push_back(std::move(added));
            found = index.emplace(key, memory.entries.size() - 1).first;
        }
        MemoryEntry& entry = memory.entries[found->second];
        entry.header = header;
        if (source.key.size() <= kMaxMemoryKeyBytes) entry.source_key = source.key;
        if (entry.count < 1000000000) ++entry.count;
        entry.last_used = std::max(entry.last_used, today);
        entry.rejected = false;
        entry.values_matched_no_option = !values_fit;
    };
    // A source with several edges counts once per destination; a header seen twice in one file
    // (two "Phone" columns) counts once per pair as well.
    std::set<std::string> learned;
    for (const Edge& edge : confirmed.field_mapping)
        if (learned.insert(entry_key(normalized_header(bounded_prefix(header_of(edge.source))), edge.destination.key)).second)
            learn(edge.source, edge.destination.key, enum_values_fit(edge.preview, edge.destination));
    for (const UnmappedField& source : confirmed.unmapped_sources)
        if (learned.insert(entry_key(normalized_header(bounded_prefix(header_of(source.field))), "")).second)
            learn(source.field, "", true);
    trim(memory);
}

void MappingMemory::learn_pair(const SchemaIdentity& schema, const Field& source, const std::string& destination_key,
                               std::int32_t today) {
    if (normalized_header(bounded_prefix(header_of(source))).empty() || destination_key.size() > kMaxMemoryKeyBytes) return;
    SchemaMemory& memory = schema_for_learning(schema);
    MemoryEntry& learned = entry(memory, source, destination_key, today);
    if (learned.count < 1000000000) ++learned.count;
    learned.rejected = false;
    trim(memory);
}

void MappingMemory::reject(const SchemaIdentity& schema, const Field& source, const std::string& destination_key,
                           std::int32_t today) {
    if (destination_key.empty() || destination_key.size() > kMaxMemoryKeyBytes) return;
    if (normalized_header(bounded_prefix(header_of(source))).empty()) return;
    SchemaMemory& memory = schema_for_learning(schema);
    MemoryEntry& rejected = entry(memory, source, destination_key, today);
    if (rejected.count == 0) rejected.count = 1;  // stored counts are at least 1
    rejected.rejected = true;
    trim(memory);
}

bool MappingMemory::forget(const SchemaIdentity& schema, std::string_view header, const std::string& destination_key) {
    SchemaMemory* memory = find_mutable(schema);
    if (!memory) return false;
    const std::string normalized = normalized_header(bounded_prefix(header));
    const auto before = memory->entries.size();
    memory->entries.erase(std::remove_if(memory->entries.begin(), memory->entries.end(),
                                         [&](const MemoryEntry& entry) {
                                             return entry.normalized == normalized && entry.destination_key == destination_key;
                                         }),
                          memory->entries.end());
    return memory->entries.size() != before;
}

void MappingMemory::clear(const SchemaIdentity& schema) {
    if (SchemaMemory* memory = find_mutable(schema)) memory->entries.clear();
}

std::vector<const MemoryEntry*> MappingMemory::entries_for(const SchemaIdentity& schema, std::string_view header) const {
    std::vector<const MemoryEntry*> out;
    const SchemaMemory* memory = find(schema);
    if (!memory) return out;
    const std::string normalized = normalized_header(bounded_prefix(header));
    for (const MemoryEntry& entry : memory->entries)
        if (entry.normalized == normalized) out.push_back(&entry);
    return out;
}

std::size_t MappingMemory::size() const {
    std::size_t total = 0;
    for (const SchemaMemory& memory : schemas_) total += memory.entries.size();
    return total;
}

Json MappingMemory::to_json() const {
    Json schemas = Json::array();
    for (const SchemaMemory& memory : schemas_)
        if (!memory.entries.empty()) schemas.push_back(schema_json(memory));
    return document_json(std::move(schemas));
}

Json MappingMemory::schema_to_json(const SchemaIdentity& schema) const {
    Json schemas = Json::array();
    if (const SchemaMemory* memory = find(schema)) schemas.push_back(schema_json(*memory));
    return document_json(std::move(schemas));
}

std::string MappingMemory::to_json_text() const { return dump_json(to_json(), 1); }

bool MappingMemory::load_json(const Json& document, std::string& message) {
    Reader reader;
    std::vector<SchemaMemory> loaded;
    if (!reader.read(document, loaded)) {
        message = reader.message;
        return false;
    }
    schemas_ = std::move(loaded);
    return true;
}

bool MappingMemory::load_json_text(std::string_view text, std::string& message) {
    Json document;
    ProblemSink problems(4);
    if (!parse_json_text(text, document, problems, memory_limits())) {
        const Problems list = problems.take();
        message = "memory: " + (list.empty() ? std::string("not JSON") : list.front().message);
        return false;
    }
    return load_json(document, message);
}

void MappingMemory::merge(const MappingMemory& other) {
    for (const SchemaMemory& incoming : other.schemas_) {
        SchemaMemory& memory = schema_for_learning(incoming.schema);
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < memory.entries.size(); ++i)
            index.emplace(entry_key(memory.entries[i].normalized, memory.entries[i].destination_key), i);
        for (const MemoryEntry& entry : incoming.entries) {
            const auto found = index.find(entry_key(entry.normalized, entry.destination_key));
            MemoryEntry* existing = found == index.end() ? nullptr : &memory.entries[found->second];
            if (!existing) {
                index.emplace(entry_key(entry.normalized, entry.destination_key), memory.entries.size());
                memory.entries.push_back(entry);
                continue;
            }
            existing->count =
                static_cast<std::uint32_t>(std::min<std::uint64_t>(std::uint64_t{existing->count} + entry.count, 1000000000));
            if (entry.last_used >= existing->last_used) {
                existing->header = entry.header;
                existing->source_key = entry.source_key;
                existing->rejected = entry.rejected;
                existing->values_matched_no_option = entry.values_matched_no_option;
                existing->last_used = entry.last_used;
            }
        }
        trim(memory);
    }
}

bool MappingMemory::merge_json_text(std::string_view text, std::string& message) {
    MappingMemory incoming;
    if (!incoming.load_json_text(text, message)) return false;
    merge(incoming);
    return true;
}

bool MappingMemory::replace_json_text(std::string_view text, std::string& message) {
    MappingMemory incoming;
    if (!incoming.load_json_text(text, message)) return false;
    for (SchemaMemory& schema : incoming.schemas_) {
        schemas_.erase(std::remove_if(schemas_.begin(), schemas_.end(),
                                      [&](const SchemaMemory& stored) { return stored.schema.id == schema.schema.id; }),
                       schemas_.end());
        if (schemas_.size() >= kMaxMemorySchemas) schemas_.erase(schemas_.begin());
        schemas_.push_back(std::move(schema));
    }
    return true;
}

std::string format_day(std::int32_t days) {
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
    return text;
}

bool parse_day(std::string_view text, std::int32_t& days) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    const int y = parts[0];
    const unsigned m = static_cast<unsigned>(parts[1]), d = static_cast<unsigned>(parts[2]);
    if (y < 1970 || m < 1 || m > 12 || d < 1) return false;
    static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1u : 0u)) return false;
    days = days_from_civil(y, m, d);
    return true;
}

std::string short_day(std::int32_t days, std::int32_t today) {
    static const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y = 0, today_year = 0;
    unsigned m = 0, d = 0, tm = 0, td = 0;
    civil_from_days(days, y, m, d);
    civil_from_days(today, today_year, tm, td);
    std::string out = std::to_string(d) + " " + kMonths[m - 1];
    if (y != today_year) out += " " + std::to_string(y);
    return out;
}

MessageRef short_day_message(std::int32_t days, std::int32_t today) {
    // Each key written out, so the catalog check finds it used (tests/web/messages-catalog.test.mjs).
    static const char* const kMonths[12] = {"match.monthJan", "match.monthFeb", "match.monthMar", "match.monthApr",
                                            "match.monthMay", "match.monthJun", "match.monthJul", "match.monthAug",
                                            "match.monthSep", "match.monthOct", "match.monthNov", "match.monthDec"};
    int y = 0, today_year = 0;
    unsigned m = 0, d = 0, tm = 0, td = 0;
    civil_from_days(days, y, m, d);
    civil_from_days(today, today_year, tm, td);
    MessageRef out(y != today_year ? "match.dayInYear" : "match.day");
    out.with("day", std::to_string(d)).with_messages("month", {MessageRef(kMonths[m - 1])});
    if (y != today_year) out.with("year", std::to_string(y));
    return out;
}

std::int32_t today_days() {
    using namespace std::chrono;
    return static_cast<std::int32_t>(duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24);
}

}  // namespace pm::match
