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

#include "core/json/value.h"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pm {

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
// (core/plan/parse.h).
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
    JsonRef raw;                               // the plan object minus its three arrays (which live
                                               // in the vectors below): unknown top-level members,
                                               // kept as their text (numbers exactly as they came)
    std::vector<Edge> field_mapping;
    std::vector<UnmappedField> unmapped_sources;
    std::vector<UnmappedField> unmapped_destinations;
    std::optional<std::string> program_id;
};

struct Job {
    JsonRef raw;                               // the whole job as received
    std::string id;
    std::string file_id;                       // empty when absent
    std::string status;
    std::string operation;
};

// The `{data:{job, plan}}` envelope of GET/PUT/PATCH plan responses.
struct JobPlan {
    JsonRef raw_data;                          // unknown members of `data` (an object)
    Job job;
    ExecutionPlan plan;
};

}  // namespace pm
