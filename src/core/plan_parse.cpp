// Checked, non-throwing readers for the elements of a plan (fields, edges, entries, plan, job);
// see plan_parse.h. Whole documents are read in plan_documents.cpp.
#include "core/plan_parse.h"

#include "core/json_access.h"

namespace pm {

namespace {

const char* const kSourceField = "sourceField";
const char* const kDestinationField = "destinationField";

bool is_enum_value(const Json& value) { return value.is_string() || value.is_number() || value.is_boolean(); }

// An optional string member; a value of another type is a warning and reads as absent.
std::optional<std::string> optional_string(const Json& object, const char* name, const std::string& pointer,
                                           ProblemSink& problems) {
    const Json* value = optional_member(object, name);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        problems.warning(pointer_join(pointer, name), expected("a string", *value) + "; ignored");
        return std::nullopt;
    }
    return value->get_ref<const std::string&>();
}

std::vector<std::string> string_list(const Json& object, const char* name, const std::string& pointer,
                                     ProblemSink& problems) {
    std::vector<std::string> out;
    const Json* list = optional_member(object, name);
    if (!list) return out;
    const std::string here = pointer_join(pointer, name);
    if (!list->is_array()) {
        problems.warning(here, expected("an array of strings", *list) + "; ignored");
        return out;
    }
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        if (item.is_string()) out.push_back(item.get_ref<const std::string&>());
        else problems.warning(pointer_join(here, i), expected("a string", item) + "; ignored");
    }
    return out;
}

// Previews are strings on the wire; other scalars are shown as their JSON text (null as "").
std::vector<std::string> preview_list(const Json& object, const std::string& pointer, ProblemSink& problems) {
    std::vector<std::string> out;
    const Json* list = optional_member(object, "preview");
    if (!list) return out;
    const std::string here = pointer_join(pointer, "preview");
    if (!list->is_array()) {
        problems.warning(here, expected("an array of strings", *list) + "; ignored");
        return out;
    }
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        if (item.is_string()) {
            out.push_back(item.get_ref<const std::string&>());
        } else {
            problems.warning(pointer_join(here, i), expected("a string", item) + "; shown as text");
            out.push_back(item.is_null() || item.is_structured() ? std::string() : dump_json(item));
        }
    }
    return out;
}

std::vector<Json> enum_value_list(const Json& object, const char* name, const std::string& pointer,
                                  ProblemSink& problems) {
    std::vector<Json> out;
    const Json* list = optional_member(object, name);
    if (!list) return out;
    const std::string here = pointer_join(pointer, name);
    if (!list->is_array()) {
        problems.warning(here, expected("an array of enum values", *list) + "; ignored");
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        if (is_enum_value(item)) out.push_back(item);
        else problems.warning(pointer_join(here, i), expected("a string, number or boolean", item) + "; ignored");
    }
    return out;
}

std::vector<EnumOption> read_enum_options(const Json& field, const std::string& pointer, ProblemSink& problems) {
    std::vector<EnumOption> out;
    const Json* config = optional_member(field, "config");
    const std::string config_pointer = pointer_join(pointer, "config");
    if (!config) {
        problems.warning(config_pointer, "an enum field without config.options: no values to map to");
        return out;
    }
    if (!config->is_object()) {
        problems.warning(config_pointer, expected("an object", *config) + "; the field has no options");
        return out;
    }
    const Json* options = optional_member(*config, "options");
    const std::string options_pointer = pointer_join(config_pointer, "options");
    if (!options) {
        problems.warning(options_pointer, "missing: the enum field has no values to map to");
        return out;
    }
    if (!options->is_array()) {
        problems.warning(options_pointer, expected("an array", *options) + "; the field has no options");
        return out;
    }
    for (std::size_t i = 0; i < options->size(); ++i) {
        const Json& item = (*options)[i];
        const std::string here = pointer_join(options_pointer, i);
        if (!item.is_object()) {
            problems.warning(here, expected("an object (an enum option)", item) + "; ignored");
            continue;
        }
        const Json* value = member(item, "value");
        if (!value) {
            problems.warning(here, "an option without \"value\"; ignored");
            continue;
        }
        if (!is_enum_value(*value)) {
            problems.warning(pointer_join(here, "value"), expected("a string, number or boolean", *value) + "; option ignored");
            continue;
        }
        EnumOption option;
        option.value = *value;
        option.label = optional_string(item, "label", here, problems).value_or("");
        option.alternative_names = string_list(item, "alternativeNames", here, problems);
        out.push_back(std::move(option));
    }
    return out;
}

bool read_required_constraint(const Json& field, const std::string& pointer, ProblemSink& problems) {
    const Json* constraints = optional_member(field, "constraints");
    if (!constraints) return false;
    const std::string here = pointer_join(pointer, "constraints");
    if (!constraints->is_array()) {
        problems.warning(here, expected("an array", *constraints) + "; ignored");
        return false;
    }
    bool required = false;
    for (std::size_t i = 0; i < constraints->size(); ++i) {
        const Json& item = (*constraints)[i];
        const Json* type = member(item, "type");
        if (!type || !type->is_string()) {
            problems.warning(pointer_join(here, i), "a constraint without a string \"type\"; ignored");
            continue;
        }
        if (type->get_ref<const std::string&>() == "required") required = true;
    }
    return required;
}

std::optional<EdgeMetadata> read_metadata(const Json& edge, const std::string& pointer, ProblemSink& problems) {
    const Json* metadata = optional_member(edge, "metadata");
    if (!metadata) return std::nullopt;
    const std::string here = pointer_join(pointer, "metadata");
    if (!metadata->is_object()) {
        problems.warning(here, expected("an object", *metadata) + "; ignored");
        return std::nullopt;
    }
    EdgeMetadata out;
    if (auto certainty = optional_string(*metadata, "certainty", here, problems)) {
        out.certainty = certainty_from_string(*certainty);
        if (out.certainty == Certainty::None)
            problems.warning(pointer_join(here, "certainty"),
                             "unknown certainty \"" + *certainty + "\" (expected absolute, strong, moderate or weak)");
    }
    if (const Json* confidence = optional_member(*metadata, "confidence")) {
        if (confidence->is_number()) out.confidence = confidence->get<double>();
        else problems.warning(pointer_join(here, "confidence"), expected("a number", *confidence) + "; ignored");
    }
    out.source = optional_string(*metadata, "source", here, problems).value_or("");
    return out;
}

std::optional<EnumDetails> read_enum_details(const Json& edge, const std::string& pointer, ProblemSink& problems) {
    const Json* details = optional_member(edge, "enumDetails");
    if (!details) return std::nullopt;
    const std::string here = pointer_join(pointer, "enumDetails");
    if (!details->is_object()) {
        problems.warning(here, expected("an object", *details) + "; ignored");
        return std::nullopt;
    }
    EnumDetails out;
    out.raw = *details;
    const Json* mapping = optional_member(*details, "mapping");
    const std::string mapping_pointer = pointer_join(here, "mapping");
    if (!mapping) {
        problems.warning(mapping_pointer, "missing (required); read as empty");
    } else if (!mapping->is_array()) {
        problems.warning(mapping_pointer, expected("an array", *mapping) + "; read as empty");
    } else {
        for (std::size_t i = 0; i < mapping->size(); ++i) {
            const Json& item = (*mapping)[i];
            const std::string item_pointer = pointer_join(mapping_pointer, i);
            if (!item.is_object()) {
                problems.warning(item_pointer, expected("an object", item) + "; ignored");
                continue;
            }
            CategoryMapping pair;
            for (const char* side : {"sourceValue", "destinationValue"}) {
                const Json* value = optional_member(item, side);
                if (!value) continue;
                if (!is_enum_value(*value)) {
                    problems.warning(pointer_join(item_pointer, side), expected("a string, number or boolean", *value) + "; ignored");
                    continue;
                }
                (side[0] == 's' ? pair.source_value : pair.destination_value) = *value;
            }
            out.mapping.push_back(std::move(pair));
        }
    }
    out.unused_source_values = enum_value_list(*details, "unusedSourceValues", here, problems);
    out.unused_destination_values = enum_value_list(*details, "unusedDestinationValues", here, problems);
    return out;
}

// Reads one array of the plan; elements with errors are left out (their index is skipped in `positions`).
template <class T, class Reader>
void read_array(const Json& plan, const char* name, const std::string& pointer, bool required, ProblemSink& problems,
                std::vector<T>& out, std::vector<std::size_t>* positions, Reader read_one) {
    const Json* list = member(plan, name);
    const std::string here = pointer_join(pointer, name);
    if (!list || list->is_null()) {
        if (required) problems.error(here, "missing (required); read as empty");
        return;
    }
    if (!list->is_array()) {
        problems.error(here, expected("an array", *list) + "; read as empty");
        return;
    }
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        T item;
        if (!read_one((*list)[i], pointer_join(here, i), item)) continue;
        out.push_back(std::move(item));
        if (positions) positions->push_back(i);
    }
}

}  // namespace

bool read_field(const Json& value, const std::string& pointer, ProblemSink& problems, Field& out) {
    out = Field{};
    out.raw = value;
    if (!value.is_object()) {
        problems.error(pointer, expected("an object (a field definition)", value));
        return false;
    }
    bool ok = true;
    const Json* key = member(value, "key");
    if (!key) {
        problems.error(pointer_join(pointer, "key"), "missing: every field needs a key");
        ok = false;
    } else if (!key->is_string()) {
        problems.error(pointer_join(pointer, "key"), expected("a string", *key));
        ok = false;
    } else if (key->get_ref<const std::string&>().empty()) {
        problems.error(pointer_join(pointer, "key"), "empty: every field needs a key");
        ok = false;
    } else {
        out.key = key->get_ref<const std::string&>();
    }

    // Unknown or missing types are kept as Unknown (type_name as received) and handled like strings.
    const Json* type = member(value, "type");
    if (!type || type->is_null()) {
        problems.warning(pointer_join(pointer, "type"), "missing; handled like a string field");
        out.type = FieldType::Unknown;
    } else if (!type->is_string()) {
        problems.warning(pointer_join(pointer, "type"), expected("a string", *type) + "; handled like a string field");
        out.type = FieldType::Unknown;
    } else {
        out.type_name = type->get_ref<const std::string&>();
        out.type = field_type_from_string(out.type_name);
        if (out.type == FieldType::Unknown)
            problems.warning(pointer_join(pointer, "type"), "unknown field type \"" + out.type_name + "\"; handled like a string field");
    }
    out.label = optional_string(value, "label", pointer, problems).value_or("");
    out.description = optional_string(value, "description", pointer, problems).value_or("");
    out.required = read_required_constraint(value, pointer, problems);
    out.alternative_names = string_list(value, "alternativeNames", pointer, problems);
    if (out.type == FieldType::Enum || out.type == FieldType::EnumList)
        out.enum_options = read_enum_options(value, pointer, problems);
    return ok;
}

bool read_edge(const Json& value, const std::string& pointer, ProblemSink& problems, Edge& out) {
    out = Edge{};
    out.raw = value;
    if (!value.is_object()) {
        problems.error(pointer, expected("an object (an edge)", value));
        return false;
    }
    bool ok = true;
    for (const char* side : {kSourceField, kDestinationField}) {
        Field& field = side == kSourceField ? out.source : out.destination;
        const Json* raw = member(value, side);
        if (!raw) {
            problems.error(pointer_join(pointer, side), "missing (required)");
            ok = false;
        } else if (!read_field(*raw, pointer_join(pointer, side), problems, field)) {
            ok = false;
        }
    }
    out.preview = preview_list(value, pointer, problems);
    out.metadata = read_metadata(value, pointer, problems);
    out.enum_details = read_enum_details(value, pointer, problems);
    return ok;
}

bool read_unmapped(const Json& value, const char* member_name, const std::string& pointer, ProblemSink& problems,
                   UnmappedField& out) {
    out = UnmappedField{};
    out.raw = value;
    if (!value.is_object()) {
        problems.error(pointer, expected(std::string("an object ({\"").append(member_name).append("\": ...})").c_str(), value));
        return false;
    }
    const Json* field = member(value, member_name);
    if (!field) {
        problems.error(pointer_join(pointer, member_name), "missing (required)");
        return false;
    }
    const bool ok = read_field(*field, pointer_join(pointer, member_name), problems, out.field);
    out.preview = preview_list(value, pointer, problems);
    return ok;
}

bool read_plan(const Json& value, const std::string& pointer, bool require_arrays, ProblemSink& problems,
               ExecutionPlan& out, PlanPositions* positions) {
    out = ExecutionPlan{};
    if (positions) *positions = PlanPositions{pointer, {}, {}, {}};
    if (!value.is_object()) {
        problems.error(pointer, expected("an object (an execution plan)", value));
        return false;
    }
    read_array(value, "fieldMapping", pointer, require_arrays, problems, out.field_mapping,
               positions ? &positions->edges : nullptr,
               [&](const Json& v, const std::string& p, Edge& e) { return read_edge(v, p, problems, e); });
    read_array(value, "unmappedSourceFields", pointer, require_arrays, problems, out.unmapped_sources,
               positions ? &positions->sources : nullptr, [&](const Json& v, const std::string& p, UnmappedField& f) {
                   return read_unmapped(v, kSourceField, p, problems, f);
               });
    read_array(value, "unmappedDestinationFields", pointer, require_arrays, problems, out.unmapped_destinations,
               positions ? &positions->destinations : nullptr, [&](const Json& v, const std::string& p, UnmappedField& f) {
                   return read_unmapped(v, kDestinationField, p, problems, f);
               });
    out.program_id = optional_string(value, "programId", pointer, problems);

    // Keep everything but the arrays (they live in the vectors): unknown members survive a PUT.
    out.raw = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string& name = it.key();
        if (name != "fieldMapping" && name != "unmappedSourceFields" && name != "unmappedDestinationFields")
            out.raw[name] = it.value();
    }
    return true;
}

bool read_job(const Json& value, const std::string& pointer, ProblemSink& problems, Job& out) {
    out = Job{};
    out.raw = value;
    if (!value.is_object()) {
        problems.error(pointer, expected("an object (a job)", value));
        return false;
    }
    bool ok = true;
    const Json* id = member(value, "id");
    if (!id) {
        problems.error(pointer_join(pointer, "id"), "missing: the job id is needed to save the plan");
        ok = false;
    } else if (!id->is_string() || id->get_ref<const std::string&>().empty()) {
        problems.error(pointer_join(pointer, "id"), expected("a non-empty string", *id));
        ok = false;
    } else {
        out.id = id->get_ref<const std::string&>();
    }
    out.file_id = optional_string(value, "fileId", pointer, problems).value_or("");
    out.status = optional_string(value, "status", pointer, problems).value_or("");
    out.operation = optional_string(value, "operation", pointer, problems).value_or("");
    return ok;
}

bool read_job_plan(const Json& value, const std::string& pointer, ProblemSink& problems, JobPlan& out,
                   PlanPositions* positions) {
    out = JobPlan{};
    if (!value.is_object()) {
        problems.error(pointer, expected("an object ({job, plan})", value));
        return false;
    }
    const Json* job = member(value, "job");
    if (!job) problems.error(pointer_join(pointer, "job"), "missing (required)");
    else read_job(*job, pointer_join(pointer, "job"), problems, out.job);

    const Json* plan = member(value, "plan");
    if (!plan) {
        problems.error(pointer_join(pointer, "plan"), "missing (required)");
        return false;
    }
    if (!read_plan(*plan, pointer_join(pointer, "plan"), true, problems, out.plan, positions)) return false;

    out.raw_data = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it)
        if (it.key() != "job" && it.key() != "plan") out.raw_data[it.key()] = it.value();
    return true;
}

Field field_from_raw(Json raw) {
    ProblemSink ignored(0);
    Field out;
    read_field(raw, "", ignored, out);
    out.raw = std::move(raw);
    return out;
}

Edge edge_from_raw(Json raw) {
    ProblemSink ignored(0);
    Edge out;
    read_edge(raw, "", ignored, out);
    out.raw = std::move(raw);
    return out;
}

UnmappedField unmapped_from_raw(Json raw, const char* member_name) {
    ProblemSink ignored(0);
    UnmappedField out;
    read_unmapped(raw, member_name, "", ignored, out);
    out.raw = std::move(raw);
    return out;
}

}  // namespace pm
