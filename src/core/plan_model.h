// The execution plan of a Flatfile mapping job, as C++ values.
//
// Lossless by construction: every object we read keeps its whole JSON (`raw`), and the typed
// members are read-only views parsed from it. Writing a plan back starts from `raw`, so members
// we do not model (today's or tomorrow's) survive a GET -> PUT untouched. Edges that the session
// creates carry a raw object built from the two fields they join.
//
// `raw` is a JsonRef: an immutable JSON value shared, not copied, by everything that holds it (an
// edge's raw and its two fields' raws are views into one document). Values read from a plan
// document stay as that document's text until someone asks for them as Json, so reading, copying
// and writing back a 10,000-edge plan never builds its DOM.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pm {

using Json = nlohmann::json;

namespace detail {
struct JsonDocument;
struct JsonRefAccess;
}  // namespace detail

// An immutable JSON value, shared by its copies (a copy costs a reference count). Reads like a
// `const Json&`: it converts to one, and the usual read-only members (contains, find, value,
// operator[], size, is_*) are forwarded. The value behind it never changes; to edit, take a copy
// with to_json() and make a new JsonRef from the result.
//
// A value read from a plan document (core/plan_parse.h) is kept as that document's text; the
// first Json-style access builds its Json once and keeps it with the document. The type tests,
// to_json(), write() and comparison with another JsonRef of the same document need no Json.
// Like Json, not safe for concurrent first use from several threads.
class JsonRef {
public:
    JsonRef() = default;                       // null
    JsonRef(Json value);                       // NOLINT(google-explicit-constructor): `raw = json`

    const Json& json() const;
    operator const Json&() const { return json(); }  // NOLINT(google-explicit-constructor)

    bool is_null() const;
    bool is_object() const;
    bool is_array() const;
    bool is_string() const;
    bool is_number() const;
    bool is_boolean() const;
    bool is_structured() const { return is_object() || is_array(); }
    bool is_primitive() const { return !is_structured(); }

    // A Json copy of the value, built without keeping one (what code that edits a raw object wants).
    Json to_json() const;
    // Appends the value as compact JSON text. Text read from a document is copied as it came
    // (whitespace between tokens dropped); invalid UTF-8 in values built in code becomes U+FFFD.
    void write(std::string& out) const;
    std::string text() const;
    // True when both refer to the same stored value (cheap; equal values may still differ here).
    bool same_as(const JsonRef& other) const {
        return doc_ == other.doc_ && dom_ == other.dom_ && node_ == other.node_;
    }

    // Json's read-only members, forwarded to json().
    template <class K> bool contains(K&& key) const { return json().contains(std::forward<K>(key)); }
    template <class K> Json::const_iterator find(K&& key) const { return json().find(std::forward<K>(key)); }
    Json::const_iterator end() const { return json().end(); }
    Json::const_iterator cend() const { return json().cend(); }
    template <class K> const Json& operator[](K&& key) const { return json()[std::forward<K>(key)]; }
    template <class K> const Json& at(K&& key) const { return json().at(std::forward<K>(key)); }
    template <class K, class D>
    auto value(K&& key, D&& default_value) const
        -> decltype(std::declval<const Json&>().value(std::forward<K>(key), std::forward<D>(default_value))) {
        return json().value(std::forward<K>(key), std::forward<D>(default_value));
    }
    Json::size_type size() const { return json().size(); }
    bool empty() const { return json().empty(); }
    Json::value_t type() const { return json().type(); }
    const char* type_name() const { return json().type_name(); }
    template <class... A> std::string dump(A&&... args) const { return json().dump(std::forward<A>(args)...); }

    friend bool operator==(const JsonRef& a, const JsonRef& b);
    friend bool operator!=(const JsonRef& a, const JsonRef& b) { return !(a == b); }
    friend bool operator==(const JsonRef& a, const Json& b) { return a.json() == b; }
    friend bool operator==(const Json& a, const JsonRef& b) { return a == b.json(); }
    friend bool operator!=(const JsonRef& a, const Json& b) { return !(a == b); }
    friend bool operator!=(const Json& a, const JsonRef& b) { return !(a == b); }

private:
    friend struct detail::JsonRefAccess;
    std::shared_ptr<const detail::JsonDocument> doc_;   // null: the value is null
    const Json* dom_ = nullptr;                         // a value of a Json document
    std::uint32_t node_ = 0;                            // else: the tape position in a text document
};

std::ostream& operator<<(std::ostream& out, const JsonRef& value);

// The nine property types of the contract; anything else is kept as Unknown and handled like a string.
enum class FieldType { String, Number, Boolean, Date, Enum, Reference, ReferenceList, StringList, EnumList, Unknown };

const char* to_string(FieldType type);
FieldType field_type_from_string(const std::string& text);

enum class Certainty { None, Weak, Moderate, Strong, Absolute };
const char* to_string(Certainty certainty);
Certainty certainty_from_string(const std::string& text);

struct EnumOption {
    Json value;                                // string, integer or boolean on the wire
    std::string label;                         // empty when absent
    std::vector<std::string> alternative_names;
};

// A field definition (the contract's `Property`), source or destination.
struct Field {
    JsonRef raw;                               // the whole object as received, written back as-is
    std::string key;
    std::string label;                         // empty when absent
    std::string description;
    std::string type_name;                     // as received, e.g. "string" or an unknown type
    FieldType type = FieldType::String;
    bool required = false;                     // has a {"type":"required"} constraint
    std::vector<std::string> alternative_names;
    std::vector<EnumOption> enum_options;      // enum and enum-list only

    const std::string& display_name() const { return label.empty() ? key : label; }
};

struct EdgeMetadata {
    Certainty certainty = Certainty::None;
    std::optional<double> confidence;
    std::string source;                        // e.g. "exact"
};

// One source value -> destination value pair of an enum edge. Either side may be absent.
struct CategoryMapping {
    std::optional<Json> source_value;
    std::optional<Json> destination_value;
};

struct EnumDetails {
    JsonRef raw;                               // keeps unknown members
    std::vector<CategoryMapping> mapping;
    std::vector<Json> unused_source_values;
    std::vector<Json> unused_destination_values;
};

// A mapped pair (the contract's `Edge`).
// `raw` is the source of truth: writers emit it unchanged, and code that edits an edge (the Session)
// edits a copy of `raw` (to_json()) and re-derives the typed members with edge_from_raw()
// (core/plan_parse.h).
struct Edge {
    JsonRef raw;                               // the whole edge object, unknown members included
    Field source;
    Field destination;
    std::vector<std::string> preview;
    std::optional<EdgeMetadata> metadata;
    std::optional<EnumDetails> enum_details;
};

// An entry of unmappedSourceFields / unmappedDestinationFields: {sourceField|destinationField, preview}.
struct UnmappedField {
    JsonRef raw;
    Field field;
    std::vector<std::string> preview;
};

struct ExecutionPlan {
    Json raw;                                  // the plan object minus its three arrays (which live
                                               // in the vectors below): unknown top-level members
    std::vector<Edge> field_mapping;
    std::vector<UnmappedField> unmapped_sources;
    std::vector<UnmappedField> unmapped_destinations;
    std::optional<std::string> program_id;
};

struct Job {
    Json raw;                                  // the whole job as received
    std::string id;
    std::string file_id;                       // empty when absent
    std::string status;
    std::string operation;
};

// The `{data:{job, plan}}` envelope of GET/PUT/PATCH plan responses.
struct JobPlan {
    Json raw_data;                             // unknown members of `data`
    Job job;
    ExecutionPlan plan;
};

}  // namespace pm
