// Checked, non-throwing readers for the elements of a plan (fields, edges, entries, plan, job);
// see parse.h. Whole documents are read in documents.cpp.
//
// The readers are templates over a document value (core/plan/read.h): Json values (DomValue) for
// the public building blocks and documents the fast path leaves alone, tape values (TapeValue)
// for plan documents read from text. One body, so both report the same problems.
#include "core/plan/parse.h"

#include "core/json/access.h"
#include "core/plan/read.h"

namespace pm {

namespace detail {

namespace {

const char* const kSourceField = "sourceField";
const char* const kDestinationField = "destinationField";

template <class V> bool is_enum_value(const V& value) { return value.is_string() || value.is_number() || value.is_boolean(); }

// The members named in `names`, picked out of an object in one pass (an object holds each name
// once: Json by construction, the tape because documents with a repeated name go to the slow
// path). Absent for names not there, and all absent when `object` is not an object.
template <class V, std::size_t N> class Members {
public:
    Members(const V& object, const std::string_view (&names)[N]) {
        if (!object.is_object()) return;
        object.members([&](std::string_view name, const V& value) {
            for (std::size_t i = 0; i < N; ++i)
                if (name.size() == names[i].size() && name == names[i]) {
                    values_[i] = value;
                    break;
                }
        });
    }
    const V& operator[](std::size_t i) const { return values_[i]; }
    // Absent and null are the same for optional members.
    V optional(std::size_t i) const { return values_[i] && !values_[i].is_null() ? values_[i] : V{}; }

private:
    V values_[N];
};

// An optional string member (`value`, maybe absent); another type is a warning and reads as absent.
template <class V>
bool read_string(const V& value, std::string_view name, const Where& where, ProblemSink& problems, std::string& out) {
    if (!value) return false;
    if (!value.is_string()) {
        problems.warning(pointer_join(where.str(), name), expected_value("a string", value) + "; ignored");
        return false;
    }
    out.assign(value.str());
    return true;
}

template <class V>
std::vector<std::string> string_list(const V& list, std::string_view name, const Where& where, ProblemSink& problems) {
    std::vector<std::string> out;
    if (!list) return out;
    const Where here(where, name);
    if (!list.is_array()) {
        problems.warning(here.str(), expected_value("an array of strings", list) + "; ignored");
        return out;
    }
    out.reserve(list.size());
    list.items([&](std::size_t i, const V& item) {
        if (item.is_string()) out.emplace_back(item.str());
        else problems.warning(pointer_join(here.str(), i), expected_value("a string", item) + "; ignored");
    });
    return out;
}

// Previews are strings on the wire; other scalars are shown as their JSON text (null as "").
template <class V>
std::vector<std::string> preview_list(const V& list, const Where& where, ProblemSink& problems) {
    std::vector<std::string> out;
    if (!list) return out;
    const Where here(where, "preview");
    if (!list.is_array()) {
        problems.warning(here.str(), expected_value("an array of strings", list) + "; ignored");
        return out;
    }
    out.reserve(list.size());
    list.items([&](std::size_t i, const V& item) {
        if (item.is_string()) {
            out.emplace_back(item.str());
        } else {
            problems.warning(pointer_join(here.str(), i), expected_value("a string", item) + "; shown as text");
            out.push_back(item.is_null() || item.is_structured() ? std::string() : dump_json(item.to_json()));
        }
    });
    return out;
}

template <class V>
std::vector<Json> enum_value_list(const V& list, std::string_view name, const Where& where, ProblemSink& problems) {
    std::vector<Json> out;
    if (!list) return out;
    const Where here(where, name);
    if (!list.is_array()) {
        problems.warning(here.str(), expected_value("an array of enum values", list) + "; ignored");
        return out;
    }
    list.items([&](std::size_t i, const V& item) {
        if (is_enum_value(item)) out.push_back(item.to_json());
        else problems.warning(pointer_join(here.str(), i), expected_value("a string, number or boolean", item) + "; ignored");
    });
    return out;
}

constexpr std::string_view kOptionMembers[] = {"value", "label", "alternativeNames"};

template <class V>
std::vector<EnumOption> read_enum_options(const V& config, const Where& where, ProblemSink& problems) {
    std::vector<EnumOption> out;
    const Where config_where(where, "config");
    if (!config) {
        problems.warning(config_where.str(), "an enum field without config.options: no values to map to");
        return out;
    }
    if (!config.is_object()) {
        problems.warning(config_where.str(), expected_value("an object", config) + "; the field has no options");
        return out;
    }
    const V options = optional_value(config, "options");
    const Where options_where(config_where, "options");
    if (!options) {
        problems.warning(options_where.str(), "missing: the enum field has no values to map to");
        return out;
    }
    if (!options.is_array()) {
        problems.warning(options_where.str(), expected_value("an array", options) + "; the field has no options");
        return out;
    }
    out.reserve(options.size());
    options.items([&](std::size_t i, const V& item) {
        const Where here(options_where, i);
        if (!item.is_object()) {
            problems.warning(here.str(), expected_value("an object (an enum option)", item) + "; ignored");
            return;
        }
        const Members<V, 3> m(item, kOptionMembers);
        const V& value = m[0];
        if (!value) {
            problems.warning(here.str(), "an option without \"value\"; ignored");
            return;
        }
        if (!is_enum_value(value)) {
            problems.warning(pointer_join(here.str(), "value"),
                             expected_value("a string, number or boolean", value) + "; option ignored");
            return;
        }
        EnumOption option;
        option.value = value.to_json();
        read_string(m.optional(1), "label", here, problems, option.label);
        option.alternative_names = string_list(m.optional(2), "alternativeNames", here, problems);
        out.push_back(std::move(option));
    });
    return out;
}

template <class V> bool read_required_constraint(const V& constraints, const Where& where, ProblemSink& problems) {
    if (!constraints) return false;
    const Where here(where, "constraints");
    if (!constraints.is_array()) {
        problems.warning(here.str(), expected_value("an array", constraints) + "; ignored");
        return false;
    }
    bool required = false;
    constraints.items([&](std::size_t i, const V& item) {
        const V type = item.member("type");
        if (!type || !type.is_string()) {
            problems.warning(pointer_join(here.str(), i), "a constraint without a string \"type\"; ignored");
            return;
        }
        if (type.str() == "required") required = true;
    });
    return required;
}

constexpr std::string_view kMetadataMembers[] = {"certainty", "confidence", "source"};

template <class V>
std::optional<EdgeMetadata> read_metadata(const V& metadata, const Where& where, ProblemSink& problems) {
    if (!metadata) return std::nullopt;
    const Where here(where, "metadata");
    if (!metadata.is_object()) {
        problems.warning(here.str(), expected_value("an object", metadata) + "; ignored");
        return std::nullopt;
    }
    const Members<V, 3> m(metadata, kMetadataMembers);
    EdgeMetadata out;
    std::string certainty;
    if (read_string(m.optional(0), "certainty", here, problems, certainty)) {
        out.certainty = certainty_from_string(certainty);
        if (out.certainty == Certainty::None)
            problems.warning(pointer_join(here.str(), "certainty"),
                             "unknown certainty \"" + certainty + "\" (expected absolute, strong, moderate or weak)");
    }
    if (const V confidence = m.optional(1)) {
        if (confidence.is_number()) out.confidence = confidence.number();
        else problems.warning(pointer_join(here.str(), "confidence"), expected_value("a number", confidence) + "; ignored");
    }
    read_string(m.optional(2), "source", here, problems, out.source);
    return out;
}

constexpr std::string_view kEnumDetailsMembers[] = {"mapping", "unusedSourceValues", "unusedDestinationValues"};

template <class V>
std::optional<EnumDetails> read_enum_details(const V& details, const Where& where, ProblemSink& problems) {
    if (!details) return std::nullopt;
    const Where here(where, "enumDetails");
    if (!details.is_object()) {
        problems.warning(here.str(), expected_value("an object", details) + "; ignored");
        return std::nullopt;
    }
    const Members<V, 3> m(details, kEnumDetailsMembers);
    EnumDetails out;
    out.raw = details.ref();
    const V mapping = m.optional(0);
    const Where mapping_where(here, "mapping");
    if (!mapping) {
        problems.warning(mapping_where.str(), "missing (required); read as empty");
    } else if (!mapping.is_array()) {
        problems.warning(mapping_where.str(), expected_value("an array", mapping) + "; read as empty");
    } else {
        mapping.items([&](std::size_t i, const V& item) {
            const Where item_where(mapping_where, i);
            if (!item.is_object()) {
                problems.warning(item_where.str(), expected_value("an object", item) + "; ignored");
                return;
            }
            CategoryMapping pair;
            for (const char* side : {"sourceValue", "destinationValue"}) {
                const V value = optional_value(item, side);
                if (!value) continue;
                if (!is_enum_value(value)) {
                    problems.warning(pointer_join(item_where.str(), side),
                                     expected_value("a string, number or boolean", value) + "; ignored");
                    continue;
                }
                (side[0] == 's' ? pair.source_value : pair.destination_value) = value.to_json();
            }
            out.mapping.push_back(std::move(pair));
        });
    }
    out.unused_source_values = enum_value_list(m.optional(1), "unusedSourceValues", here, problems);
    out.unused_destination_values = enum_value_list(m.optional(2), "unusedDestinationValues", here, problems);
    return out;
}

// Reads one array of the plan; elements with errors are left out (their index is skipped in `positions`).
template <class V, class T, class Reader>
void read_array(const V& list, std::string_view name, const Where& where, bool required, ProblemSink& problems,
                std::vector<T>& out, std::vector<std::size_t>* positions, Reader read_one) {
    const Where here(where, name);
    if (!list || list.is_null()) {
        if (required) problems.error(here.str(), "missing (required); read as empty");
        return;
    }
    if (!list.is_array()) {
        problems.error(here.str(), expected_value("an array", list) + "; read as empty");
        return;
    }
    out.reserve(list.size());
    if (positions) positions->reserve(list.size());
    list.items([&](std::size_t i, const V& item) {
        out.emplace_back();
        if (!read_one(item, Where(here, i), out.back())) {
            out.pop_back();
            return;
        }
        if (positions) positions->push_back(i);
    });
}

constexpr std::string_view kFieldMembers[] = {"key",         "type",           "label", "description",
                                              "constraints", "alternativeNames", "config"};
constexpr std::string_view kEdgeMembers[] = {"sourceField", "destinationField", "preview", "metadata", "enumDetails"};
constexpr std::string_view kPlanMembers[] = {"fieldMapping", "unmappedSourceFields", "unmappedDestinationFields",
                                             "programId"};

}  // namespace

template <class V> bool read_field_at(const V& value, const Where& where, ProblemSink& problems, Field& out) {
    out.raw = value.ref();
    if (!value.is_object()) {
        problems.error(where.str(), expected_value("an object (a field definition)", value));
        return false;
    }
    const Members<V, 7> m(value, kFieldMembers);
    bool ok = true;
    const V& key = m[0];
    if (!key) {
        problems.error(pointer_join(where.str(), "key"), "missing: every field needs a key");
        ok = false;
    } else if (!key.is_string()) {
        problems.error(pointer_join(where.str(), "key"), expected_value("a string", key));
        ok = false;
    } else if (key.str().empty()) {
        problems.error(pointer_join(where.str(), "key"), "empty: every field needs a key");
        ok = false;
    } else {
        out.key.assign(key.str());
    }

    // Unknown or missing types are kept as Unknown (type_name as received) and handled like strings.
    const V& type = m[1];
    if (!type || type.is_null()) {
        problems.warning(pointer_join(where.str(), "type"), "missing; handled like a string field");
        out.type = FieldType::Unknown;
    } else if (!type.is_string()) {
        problems.warning(pointer_join(where.str(), "type"), expected_value("a string", type) + "; handled like a string field");
        out.type = FieldType::Unknown;
    } else {
        out.type_name.assign(type.str());
        out.type = field_type_from_string(out.type_name);
        if (out.type == FieldType::Unknown)
            problems.warning(pointer_join(where.str(), "type"),
                             "unknown field type \"" + out.type_name + "\"; handled like a string field");
    }
    read_string(m.optional(2), "label", where, problems, out.label);
    read_string(m.optional(3), "description", where, problems, out.description);
    out.required = read_required_constraint(m.optional(4), where, problems);
    out.alternative_names = string_list(m.optional(5), "alternativeNames", where, problems);
    if (out.type == FieldType::Enum || out.type == FieldType::EnumList)
        out.enum_options = read_enum_options(m.optional(6), where, problems);
    return ok;
}

template <class V> bool read_edge_at(const V& value, const Where& where, ProblemSink& problems, Edge& out) {
    out.raw = value.ref();
    if (!value.is_object()) {
        problems.error(where.str(), expected_value("an object (an edge)", value));
        return false;
    }
    const Members<V, 5> m(value, kEdgeMembers);
    bool ok = true;
    for (std::size_t side = 0; side < 2; ++side) {
        Field& field = side == 0 ? out.source : out.destination;
        const V& raw = m[side];
        const Where here(where, kEdgeMembers[side]);
        if (!raw) {
            problems.error(here.str(), "missing (required)");
            ok = false;
        } else if (!read_field_at(raw, here, problems, field)) {
            ok = false;
        }
    }
    out.preview = preview_list(m.optional(2), where, problems);
    out.metadata = read_metadata(m.optional(3), where, problems);
    out.enum_details = read_enum_details(m.optional(4), where, problems);
    return ok;
}

template <class V>
bool read_unmapped_at(const V& value, const char* member_name, const Where& where, ProblemSink& problems,
                      UnmappedField& out) {
    out.raw = value.ref();
    if (!value.is_object()) {
        problems.error(where.str(),
                       expected_value(std::string("an object ({\"").append(member_name).append("\": ...})").c_str(), value));
        return false;
    }
    const std::string_view names[] = {member_name, "preview"};
    const Members<V, 2> m(value, names);
    const V& field = m[0];
    const Where here(where, member_name);
    if (!field) {
        problems.error(here.str(), "missing (required)");
        return false;
    }
    const bool ok = read_field_at(field, here, problems, out.field);
    out.preview = preview_list(m.optional(1), where, problems);
    return ok;
}

template <class V>
bool read_plan_at(const V& value, const Where& where, bool require_arrays, ProblemSink& problems, ExecutionPlan& out,
                  PlanPositions* positions) {
    if (positions) *positions = PlanPositions{where.str(), {}, {}, {}};
    if (!value.is_object()) {
        problems.error(where.str(), expected_value("an object (an execution plan)", value));
        return false;
    }
    const Members<V, 4> m(value, kPlanMembers);
    read_array(m[0], kPlanMembers[0], where, require_arrays, problems, out.field_mapping,
               positions ? &positions->edges : nullptr,
               [&](const V& v, const Where& w, Edge& e) { return read_edge_at(v, w, problems, e); });
    read_array(m[1], kPlanMembers[1], where, require_arrays, problems, out.unmapped_sources,
               positions ? &positions->sources : nullptr,
               [&](const V& v, const Where& w, UnmappedField& f) { return read_unmapped_at(v, kSourceField, w, problems, f); });
    read_array(m[2], kPlanMembers[2], where, require_arrays, problems, out.unmapped_destinations,
               positions ? &positions->destinations : nullptr, [&](const V& v, const Where& w, UnmappedField& f) {
                   return read_unmapped_at(v, kDestinationField, w, problems, f);
               });
    std::string program_id;
    if (read_string(m.optional(3), "programId", where, problems, program_id)) out.program_id = std::move(program_id);

    // Keep everything but the arrays (they live in the vectors): unknown members survive a PUT.
    out.raw = without_members(value.ref(), {"fieldMapping", "unmappedSourceFields", "unmappedDestinationFields"});
    return true;
}

constexpr std::string_view kJobMembers[] = {"id", "fileId", "status", "operation"};

template <class V> bool read_job_at(const V& value, const Where& where, ProblemSink& problems, Job& out) {
    out.raw = value.ref();
    if (!value.is_object()) {
        problems.error(where.str(), expected_value("an object (a job)", value));
        return false;
    }
    const Members<V, 4> m(value, kJobMembers);
    bool ok = true;
    const V& id = m[0];
    if (!id) {
        problems.error(pointer_join(where.str(), "id"), "missing: the job id is needed to save the plan");
        ok = false;
    } else if (!id.is_string() || id.str().empty()) {
        problems.error(pointer_join(where.str(), "id"), expected_value("a non-empty string", id));
        ok = false;
    } else {
        out.id.assign(id.str());
    }
    read_string(m.optional(1), "fileId", where, problems, out.file_id);
    read_string(m.optional(2), "status", where, problems, out.status);
    read_string(m.optional(3), "operation", where, problems, out.operation);
    return ok;
}

template <class V>
bool read_job_plan_at(const V& value, const Where& where, ProblemSink& problems, JobPlan& out, PlanPositions* positions) {
    if (!value.is_object()) {
        problems.error(where.str(), expected_value("an object ({job, plan})", value));
        return false;
    }
    const V job = value.member("job");
    if (!job) problems.error(pointer_join(where.str(), "job"), "missing (required)");
    else read_job_at(job, Where(where, "job"), problems, out.job);

    const V plan = value.member("plan");
    if (!plan) {
        problems.error(pointer_join(where.str(), "plan"), "missing (required)");
        return false;
    }
    if (!read_plan_at(plan, Where(where, "plan"), true, problems, out.plan, positions)) return false;

    out.raw_data = without_members(value.ref(), {"job", "plan"});
    return true;
}

#define PM_INSTANTIATE_READERS(V)                                                                                   \
    template bool read_field_at<V>(const V&, const Where&, ProblemSink&, Field&);                                   \
    template bool read_edge_at<V>(const V&, const Where&, ProblemSink&, Edge&);                                     \
    template bool read_unmapped_at<V>(const V&, const char*, const Where&, ProblemSink&, UnmappedField&);            \
    template bool read_plan_at<V>(const V&, const Where&, bool, ProblemSink&, ExecutionPlan&, PlanPositions*);      \
    template bool read_job_at<V>(const V&, const Where&, ProblemSink&, Job&);                                       \
    template bool read_job_plan_at<V>(const V&, const Where&, ProblemSink&, JobPlan&, PlanPositions*);
PM_INSTANTIATE_READERS(DomValue)
PM_INSTANTIATE_READERS(TapeValue)
#undef PM_INSTANTIATE_READERS

}  // namespace detail

using detail::DomValue;
using detail::Where;

// The public building blocks read a copy of the given Json, which their results then share.
bool read_field(const Json& value, const std::string& pointer, ProblemSink& problems, Field& out) {
    out = Field{};
    const detail::DocumentPtr doc = detail::dom_document(value);
    return detail::read_field_at(DomValue(&doc, &doc->root), Where(pointer), problems, out);
}

bool read_edge(const Json& value, const std::string& pointer, ProblemSink& problems, Edge& out) {
    out = Edge{};
    const detail::DocumentPtr doc = detail::dom_document(value);
    return detail::read_edge_at(DomValue(&doc, &doc->root), Where(pointer), problems, out);
}

bool read_unmapped(const Json& value, const char* member_name, const std::string& pointer, ProblemSink& problems,
                   UnmappedField& out) {
    out = UnmappedField{};
    const detail::DocumentPtr doc = detail::dom_document(value);
    return detail::read_unmapped_at(DomValue(&doc, &doc->root), member_name, Where(pointer), problems, out);
}

bool read_plan(const Json& value, const std::string& pointer, bool require_arrays, ProblemSink& problems,
               ExecutionPlan& out, PlanPositions* positions) {
    out = ExecutionPlan{};
    const detail::DocumentPtr doc = detail::dom_document(value);
    return detail::read_plan_at(DomValue(&doc, &doc->root), Where(pointer), require_arrays, problems, out, positions);
}

bool read_job(const Json& value, const std::string& pointer, ProblemSink& problems, Job& out) {
    out = Job{};
    const detail::DocumentPtr doc = detail::dom_document(value);
    return detail::read_job_at(DomValue(&doc, &doc->root), Where(pointer), problems, out);
}

bool read_job_plan(const Json& value, const std::string& pointer, ProblemSink& problems, JobPlan& out,
                   PlanPositions* positions) {
    out = JobPlan{};
    const detail::DocumentPtr doc = detail::dom_document(value);
    return detail::read_job_plan_at(DomValue(&doc, &doc->root), Where(pointer), problems, out, positions);
}

namespace {
const std::string kNoPointer;
}  // namespace

Field field_from_raw(Json raw) { return field_from_ref(JsonRef(std::move(raw))); }
Edge edge_from_raw(Json raw) { return edge_from_ref(JsonRef(std::move(raw))); }
UnmappedField unmapped_from_raw(Json raw, const char* member_name) {
    return unmapped_from_ref(JsonRef(std::move(raw)), member_name);
}

Field field_from_ref(const JsonRef& raw) {
    ProblemSink ignored(0);
    Field out;
    detail::visit(raw, [&](const auto& value) { detail::read_field_at(value, Where(kNoPointer), ignored, out); });
    out.raw = raw;
    return out;
}

Edge edge_from_ref(const JsonRef& raw) {
    ProblemSink ignored(0);
    Edge out;
    detail::visit(raw, [&](const auto& value) { detail::read_edge_at(value, Where(kNoPointer), ignored, out); });
    out.raw = raw;
    return out;
}

UnmappedField unmapped_from_ref(const JsonRef& raw, const char* member_name) {
    ProblemSink ignored(0);
    UnmappedField out;
    detail::visit(raw, [&](const auto& value) { detail::read_unmapped_at(value, member_name, Where(kNoPointer), ignored, out); });
    out.raw = raw;
    return out;
}

}  // namespace pm
