// Writing the model back to JSON, and building the raw objects of edges and unmapped entries.
//
// Lossless: every element is written from its `raw` object, so members the model does not know
// (at any depth) go back to the server untouched. With no edits, write_plan() gives arrays equal
// to the ones that were read.
#pragma once

#include "core/plan/model.h"

#include <string>

namespace pm {

Json write_edge(const Edge& edge);
// member is "sourceField" or "destinationField".
Json write_unmapped(const UnmappedField& entry, const char* member);
// The plan object: unknown top-level members, the three arrays, programId when set.
Json write_plan(const ExecutionPlan& plan);
// {data:{job, plan}}, e.g. for a local API double.
Json write_job_plan_response(const JobPlan& job_plan);

// PUT /jobs/{id}/plan body (JobExecutionPlanRequest): the plan plus fileId and jobId.
Json put_body(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id);

// PATCH /jobs/{id}/plan body (JobExecutionPlanConfigRequest): fileId, jobId and the chosen parts.
// The server replaces each array it receives as a whole (element-level merging is undocumented).
struct PatchParts {
    bool field_mapping = false;
    bool unmapped_sources = false;
    bool unmapped_destinations = false;
    bool program_id = false;
    bool any() const { return field_mapping || unmapped_sources || unmapped_destinations || program_id; }
};
Json patch_body(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id, PatchParts parts);
// The parts of `current` whose JSON differs from `base` (what a minimal PATCH must send).
PatchParts changed_parts(const ExecutionPlan& base, const ExecutionPlan& current);

// The same documents as compact JSON text, JSON-equal to dump_json() of the functions above but
// written straight from the raw objects: a raw read from a document is copied as text, so no Json
// is built (a 10,000-edge PUT body takes a few milliseconds, not a hundred). What goes on the wire.
std::string write_plan_text(const ExecutionPlan& plan);
std::string write_job_plan_response_text(const JobPlan& job_plan);
std::string put_body_text(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id);
std::string patch_body_text(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id,
                            PatchParts parts);

// write_edge(a) == write_edge(b), and the same for unmapped entries and whole plans (write_plan),
// without building the Json of elements that share their raw value (the usual case).
bool same_written(const Edge& a, const Edge& b);
bool same_written(const UnmappedField& a, const UnmappedField& b, const char* member);
bool same_written(const ExecutionPlan& a, const ExecutionPlan& b);

// Building blocks for edits (the session, normalisation, tests).
// A new edge joining two fields: both fields' raw objects, and the source's preview when it has one.
Edge make_edge(const UnmappedField& source, const UnmappedField& destination);
// The unmapped entry a field of a broken edge goes back to when no original entry is known:
// {"sourceField": <raw>, "preview": <edge preview>} / {"destinationField": <raw>}.
UnmappedField unmapped_source_from_edge(const Edge& edge);
UnmappedField unmapped_destination_from_edge(const Edge& edge);

}  // namespace pm
