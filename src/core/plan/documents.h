// Reading whole Flatfile plan documents from text: which shape a document has (response
// envelope, bare plan, PUT or PATCH body), its plan, job and ids, with problems as JSON Pointers.
// Built on the element readers of core/plan/parse.h; implemented in documents.cpp.
#pragma once

#include "core/plan/parse.h"

#include <string>
#include <string_view>

namespace pm {

// The shapes a plan arrives in.
enum class PlanDocumentKind {
    JobPlanResponse,   // {data:{job, plan}}: GET/PUT/PATCH /jobs/{id}/plan responses
    JobPlan,           // {job, plan}: what SDKs before 2023-07 returned
    Plan,              // a bare JobExecutionPlan
    PutRequest,        // JobExecutionPlanRequest: a plan plus jobId and fileId
    PatchRequest,      // JobExecutionPlanConfigRequest: jobId, fileId, any of the plan's members
};
const char* to_string(PlanDocumentKind kind);

struct PlanDocument {
    PlanDocumentKind kind = PlanDocumentKind::Plan;
    // The two response shapes: the job and data's other members. Its plan is left empty, moved
    // to `plan`: a plan of 10,000 edges is not worth holding twice.
    std::optional<JobPlan> job_plan;
    ExecutionPlan plan;
    std::string job_id;                        // from the job, or jobId of a request body
    std::string file_id;                       // from the job, or fileId of a request body
};

// Whole documents, from text.
Parsed<JobPlan> parse_job_plan_response(std::string_view text, const JsonLimits& limits = {});
Parsed<Job> parse_job_response(std::string_view text, const JsonLimits& limits = {});
// Any of the PlanDocumentKind shapes; also checks the plan's consistency (core/plan/consistency.h).
Parsed<PlanDocument> parse_plan_document(std::string_view text, const JsonLimits& limits = {});

}  // namespace pm
