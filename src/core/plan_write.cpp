// Writers and raw-object builders; see plan_write.h.
#include "core/plan_write.h"

#include "core/plan_parse.h"

namespace pm {

namespace {

Json array_of_edges(const ExecutionPlan& plan) {
    Json out = Json::array();
    for (const auto& edge : plan.field_mapping) out.push_back(write_edge(edge));
    return out;
}

Json array_of_unmapped(const std::vector<UnmappedField>& list, const char* member) {
    Json out = Json::array();
    for (const auto& entry : list) out.push_back(write_unmapped(entry, member));
    return out;
}

void write_program_id(const ExecutionPlan& plan, Json& out) {
    if (plan.program_id) out["programId"] = *plan.program_id;
    // A program id that was read but has since been cleared is removed; anything else in raw
    // (e.g. an explicit null) stays as it came.
    else if (out.is_object() && out.contains("programId") && out["programId"].is_string()) out.erase("programId");
}

}  // namespace

Json write_edge(const Edge& edge) {
    if (edge.raw.is_object()) return edge.raw;
    // Edges built in code without a raw object: write what the model knows.
    Json out = Json::object();
    out["sourceField"] = edge.source.raw;
    out["destinationField"] = edge.destination.raw;
    if (!edge.preview.empty()) out["preview"] = edge.preview;
    return out;
}

Json write_unmapped(const UnmappedField& entry, const char* member) {
    if (entry.raw.is_object()) return entry.raw;
    Json out = Json::object();
    out[member] = entry.field.raw;
    if (!entry.preview.empty()) out["preview"] = entry.preview;
    return out;
}

Json write_plan(const ExecutionPlan& plan) {
    Json out = plan.raw.is_object() ? plan.raw : Json::object();
    out["fieldMapping"] = array_of_edges(plan);
    out["unmappedSourceFields"] = array_of_unmapped(plan.unmapped_sources, "sourceField");
    out["unmappedDestinationFields"] = array_of_unmapped(plan.unmapped_destinations, "destinationField");
    write_program_id(plan, out);
    return out;
}

Json write_job_plan_response(const JobPlan& job_plan) {
    Json data = job_plan.raw_data.is_object() ? job_plan.raw_data : Json::object();
    data["job"] = job_plan.job.raw.is_object() ? job_plan.job.raw : Json::object();
    data["plan"] = write_plan(job_plan.plan);
    Json out = Json::object();
    out["data"] = std::move(data);
    return out;
}

Json put_body(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id) {
    Json out = write_plan(plan);
    out["jobId"] = job_id;
    out["fileId"] = file_id;
    return out;
}

Json patch_body(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id, PatchParts parts) {
    Json out = Json::object();
    out["jobId"] = job_id;
    out["fileId"] = file_id;
    if (parts.field_mapping) out["fieldMapping"] = array_of_edges(plan);
    if (parts.unmapped_sources) out["unmappedSourceFields"] = array_of_unmapped(plan.unmapped_sources, "sourceField");
    if (parts.unmapped_destinations)
        out["unmappedDestinationFields"] = array_of_unmapped(plan.unmapped_destinations, "destinationField");
    if (parts.program_id && plan.program_id) out["programId"] = *plan.program_id;
    return out;
}

PatchParts changed_parts(const ExecutionPlan& base, const ExecutionPlan& current) {
    PatchParts parts;
    parts.field_mapping = array_of_edges(base) != array_of_edges(current);
    parts.unmapped_sources = array_of_unmapped(base.unmapped_sources, "sourceField") !=
                             array_of_unmapped(current.unmapped_sources, "sourceField");
    parts.unmapped_destinations = array_of_unmapped(base.unmapped_destinations, "destinationField") !=
                                  array_of_unmapped(current.unmapped_destinations, "destinationField");
    parts.program_id = base.program_id != current.program_id;
    return parts;
}

Edge make_edge(const UnmappedField& source, const UnmappedField& destination) {
    Json raw = Json::object();
    raw["sourceField"] = source.field.raw;
    raw["destinationField"] = destination.field.raw;
    if (source.raw.is_object()) {
        const auto preview = source.raw.find("preview");
        if (preview != source.raw.end() && !preview->is_null()) raw["preview"] = *preview;
    }
    return edge_from_raw(std::move(raw));
}

UnmappedField unmapped_source_from_edge(const Edge& edge) {
    Json raw = Json::object();
    raw["sourceField"] = edge.source.raw;
    if (edge.raw.is_object()) {
        const auto preview = edge.raw.find("preview");
        if (preview != edge.raw.end() && !preview->is_null()) raw["preview"] = *preview;
    }
    return unmapped_from_raw(std::move(raw), "sourceField");
}

UnmappedField unmapped_destination_from_edge(const Edge& edge) {
    Json raw = Json::object();
    raw["destinationField"] = edge.destination.raw;
    return unmapped_from_raw(std::move(raw), "destinationField");
}

}  // namespace pm
