// Whole plan documents from text: shape detection, envelopes, error bodies; see plan_parse.h.
#include "core/plan_parse.h"

#include "core/json_access.h"
#include "core/plan_consistency.h"

namespace pm {

const char* to_string(PlanDocumentKind kind) {
    switch (kind) {
        case PlanDocumentKind::JobPlanResponse: return "plan response {data:{job,plan}}";
        case PlanDocumentKind::JobPlan: return "job plan {job,plan}";
        case PlanDocumentKind::Plan: return "plan";
        case PlanDocumentKind::PutRequest: return "PUT plan request";
        case PlanDocumentKind::PatchRequest: return "PATCH plan request";
    }
    return "";
}

namespace {

// A server error body ({errors:[{key?, message}]}) handed to a plan reader: say so plainly.
bool report_error_body(const Json& document, ProblemSink& problems) {
    const Json* errors = member(document, "errors");
    if (!errors || member(document, "data")) return false;
    std::string text = "this is an error response, not a plan";
    if (errors->is_array()) {
        for (const Json& e : *errors) {
            const Json* message = member(e, "message");
            if (message && message->is_string()) text += ": " + message->get<std::string>();
        }
    }
    problems.error("/errors", text);
    return true;
}

template <class T>
Parsed<T> finish(std::optional<T> value, ProblemSink& problems) {
    Parsed<T> result;
    result.value = std::move(value);
    result.problems = problems.take();
    return result;
}

void check_consistency(const ExecutionPlan& plan, const PlanPositions& positions, ProblemSink& problems) {
    problems.append(check_plan_consistency(plan, &positions));
}

}  // namespace

Parsed<JobPlan> parse_job_plan_response(std::string_view text, const JsonLimits& limits) {
    ProblemSink problems;
    Json document;
    if (!parse_json_text(text, document, problems, limits)) return finish<JobPlan>(std::nullopt, problems);
    if (!document.is_object()) {
        problems.error("", expected("an object ({data:{job, plan}})", document));
        return finish<JobPlan>(std::nullopt, problems);
    }
    if (report_error_body(document, problems)) return finish<JobPlan>(std::nullopt, problems);
    const Json* data = member(document, "data");
    if (!data) {
        problems.error("/data", "missing (required)");
        return finish<JobPlan>(std::nullopt, problems);
    }
    JobPlan job_plan;
    PlanPositions positions;
    if (!read_job_plan(*data, "/data", problems, job_plan, &positions)) return finish<JobPlan>(std::nullopt, problems);
    check_consistency(job_plan.plan, positions, problems);
    return finish<JobPlan>(std::move(job_plan), problems);
}

Parsed<Job> parse_job_response(std::string_view text, const JsonLimits& limits) {
    ProblemSink problems;
    Json document;
    if (!parse_json_text(text, document, problems, limits)) return finish<Job>(std::nullopt, problems);
    if (!document.is_object()) {
        problems.error("", expected("an object ({data: job})", document));
        return finish<Job>(std::nullopt, problems);
    }
    if (report_error_body(document, problems)) return finish<Job>(std::nullopt, problems);
    const Json* data = member(document, "data");
    if (!data) {
        problems.error("/data", "missing (required)");
        return finish<Job>(std::nullopt, problems);
    }
    Job job;
    if (!read_job(*data, "/data", problems, job) && !data->is_object()) return finish<Job>(std::nullopt, problems);
    return finish<Job>(std::move(job), problems);
}

Parsed<PlanDocument> parse_plan_document(std::string_view text, const JsonLimits& limits) {
    ProblemSink problems;
    Json document;
    if (!parse_json_text(text, document, problems, limits)) return finish<PlanDocument>(std::nullopt, problems);
    if (!document.is_object()) {
        problems.error("", expected("an object (a plan or a plan response)", document));
        return finish<PlanDocument>(std::nullopt, problems);
    }
    if (report_error_body(document, problems)) return finish<PlanDocument>(std::nullopt, problems);

    PlanDocument out;
    PlanPositions positions;
    const bool has_data = member(document, "data") != nullptr;
    if (has_data || member(document, "plan")) {
        out.kind = has_data ? PlanDocumentKind::JobPlanResponse : PlanDocumentKind::JobPlan;
        const Json& job_plan_json = has_data ? document["data"] : document;
        JobPlan job_plan;
        if (!read_job_plan(job_plan_json, has_data ? "/data" : "", problems, job_plan, &positions))
            return finish<PlanDocument>(std::nullopt, problems);
        out.plan = job_plan.plan;
        out.job_id = job_plan.job.id;
        out.file_id = job_plan.job.file_id;
        out.job_plan = std::move(job_plan);
    } else if (member(document, "fieldMapping") || member(document, "unmappedSourceFields") ||
               member(document, "unmappedDestinationFields") || member(document, "jobId")) {
        const bool is_request = member(document, "jobId") || member(document, "fileId");
        const bool all_arrays = member(document, "fieldMapping") && member(document, "unmappedSourceFields") &&
                                member(document, "unmappedDestinationFields");
        out.kind = !is_request ? PlanDocumentKind::Plan
                               : (all_arrays ? PlanDocumentKind::PutRequest : PlanDocumentKind::PatchRequest);
        read_plan(document, "", out.kind != PlanDocumentKind::PatchRequest, problems, out.plan, &positions);
        if (is_request) {
            for (const char* name : {"jobId", "fileId"}) {
                const Json* id = member(document, name);
                const std::string here = pointer_join("", name);
                if (!id) problems.error(here, "missing (required in plan requests)");
                else if (!id->is_string()) problems.error(here, expected("a string", *id));
                else (name[0] == 'j' ? out.job_id : out.file_id) = id->get<std::string>();
            }
            // jobId/fileId belong to the request, not to the plan.
            out.plan.raw.erase("jobId");
            out.plan.raw.erase("fileId");
        }
    } else {
        problems.error("", "not a plan: expected {data:{job, plan}}, {job, plan}, or an object with fieldMapping, "
                           "unmappedSourceFields and unmappedDestinationFields");
        return finish<PlanDocument>(std::nullopt, problems);
    }
    check_consistency(out.plan, positions, problems);
    return finish<PlanDocument>(std::move(out), problems);
}

}  // namespace pm
