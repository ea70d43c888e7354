// Whole plan documents from text: shape detection, envelopes, error bodies; see documents.h.
//
// Fast path: the text is scanned once into a tape (core/json/document.h) and read from there, so
// the plan's raw members are views into the text and no Json DOM is built. Text the scanner does
// not take as plain, valid JSON (a syntax error, a limit, a repeated member name, ...) is read
// through parse_json_text, which reports the problem; when that is only a warning (a byte order
// mark, a repeated member name) the values still come from a tape (scan_json_normalised), so
// numbers keep their text. Both paths run the same readers.
#include "core/plan/documents.h"

#include "core/json/access.h"
#include "core/plan/consistency.h"
#include "core/plan/read.h"

#include <utility>

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

using detail::Where;

// Calls read(root value) with the document's root, from the tape when the text allows it, else
// from Json. Returns false (the problem reported) when the text is not JSON at all.
template <class Read>
bool with_document(std::string_view text, const JsonLimits& limits, ProblemSink& problems, Read&& read) {
    if (const detail::DocumentPtr tape = detail::scan_json(text, limits)) {
        read(detail::TapeValue(&tape, 0));
        return true;
    }
    auto doc = std::make_shared<detail::JsonDocument>();
    if (!parse_json_text(text, doc->root, problems, limits)) return false;
    // Read with warnings only (a byte order mark, a repeated member name, which parse_json_text
    // has reported): the values are read from a tape all the same, so numbers keep their text.
    if (const detail::DocumentPtr tape = detail::scan_json_normalised(text, limits)) {
        read(detail::TapeValue(&tape, 0));
        return true;
    }
    const detail::DocumentPtr shared = std::move(doc);
    read(detail::DomValue(&shared, &shared->root));
    return true;
}

// A server error body ({errors:[{key?, message}]}) handed to a plan reader: say so plainly.
template <class V> bool report_error_body(const V& document, ProblemSink& problems) {
    const V errors = document.member("errors");
    if (!errors || document.member("data")) return false;
    std::string text = "this is an error response, not a plan";
    if (errors.is_array()) {
        errors.items([&](std::size_t, const V& e) {
            const V message = e.member("message");
            if (message && message.is_string()) text.append(": ").append(message.str());
        });
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

const std::string kRoot;
const std::string kData = "/data";

template <class V> std::optional<JobPlan> read_job_plan_response(const V& document, ProblemSink& problems) {
    if (!document.is_object()) {
        problems.error("", detail::expected_value("an object ({data:{job, plan}})", document));
        return std::nullopt;
    }
    if (report_error_body(document, problems)) return std::nullopt;
    const V data = document.member("data");
    if (!data) {
        problems.error("/data", "missing (required)");
        return std::nullopt;
    }
    std::optional<JobPlan> job_plan(std::in_place);
    PlanPositions positions;
    if (!detail::read_job_plan_at(data, Where(kData), problems, *job_plan, &positions)) return std::nullopt;
    check_consistency(job_plan->plan, positions, problems);
    return job_plan;
}

template <class V> std::optional<Job> read_job_response(const V& document, ProblemSink& problems) {
    if (!document.is_object()) {
        problems.error("", detail::expected_value("an object ({data: job})", document));
        return std::nullopt;
    }
    if (report_error_body(document, problems)) return std::nullopt;
    const V data = document.member("data");
    if (!data) {
        problems.error("/data", "missing (required)");
        return std::nullopt;
    }
    Job job;
    if (!detail::read_job_at(data, Where(kData), problems, job) && !data.is_object()) return std::nullopt;
    return job;
}

template <class V> std::optional<PlanDocument> read_plan_document(const V& document, ProblemSink& problems) {
    if (!document.is_object()) {
        problems.error("", detail::expected_value("an object (a plan or a plan response)", document));
        return std::nullopt;
    }
    if (report_error_body(document, problems)) return std::nullopt;

    std::optional<PlanDocument> result(std::in_place);
    PlanDocument& out = *result;
    PlanPositions positions;
    const V data = document.member("data");
    // A plan's own arrays (or a request's jobId) at the top level decide first: a plan may carry
    // unknown members named "data" or "plan", and its PUT body must still read as a plan
    // (found by fuzz_plan_parse: such a body was read as {job, plan} and failed).
    const bool plan_members = document.member("fieldMapping") || document.member("unmappedSourceFields") ||
                              document.member("unmappedDestinationFields") || document.member("jobId");
    if ((data || document.member("plan")) && !plan_members) {
        out.kind = data ? PlanDocumentKind::JobPlanResponse : PlanDocumentKind::JobPlan;
        JobPlan job_plan;
        if (!detail::read_job_plan_at(data ? data : document, Where(data ? kData : kRoot), problems, job_plan, &positions))
            return std::nullopt;
        out.plan = std::exchange(job_plan.plan, ExecutionPlan{});  // moved, leaving job_plan's empty
        out.job_id = job_plan.job.id;
        out.file_id = job_plan.job.file_id;
        out.job_plan = std::move(job_plan);
    } else if (plan_members) {
        const bool is_request = document.member("jobId") || document.member("fileId");
        const bool all_arrays = document.member("fieldMapping") && document.member("unmappedSourceFields") &&
                                document.member("unmappedDestinationFields");
        out.kind = !is_request ? PlanDocumentKind::Plan
                               : (all_arrays ? PlanDocumentKind::PutRequest : PlanDocumentKind::PatchRequest);
        detail::read_plan_at(document, Where(kRoot), out.kind != PlanDocumentKind::PatchRequest, problems, out.plan,
                             &positions);
        if (is_request) {
            for (const char* name : {"jobId", "fileId"}) {
                const V id = document.member(name);
                const std::string here = pointer_join("", name);
                if (!id) problems.error(here, "missing (required in plan requests)");
                else if (!id.is_string()) problems.error(here, detail::expected_value("a string", id));
                else (name[0] == 'j' ? out.job_id : out.file_id).assign(id.str());
            }
            // jobId/fileId belong to the request, not to the plan.
            out.plan.raw = detail::without_members(out.plan.raw, {"jobId", "fileId"});
        }
    } else {
        problems.error("", "not a plan: expected {data:{job, plan}}, {job, plan}, or an object with fieldMapping, "
                           "unmappedSourceFields and unmappedDestinationFields");
        return std::nullopt;
    }
    check_consistency(out.plan, positions, problems);
    return result;
}

}  // namespace

Parsed<JobPlan> parse_job_plan_response(std::string_view text, const JsonLimits& limits) {
    ProblemSink problems;
    std::optional<JobPlan> out;
    with_document(text, limits, problems, [&](const auto& document) { out = read_job_plan_response(document, problems); });
    return finish<JobPlan>(std::move(out), problems);
}

Parsed<Job> parse_job_response(std::string_view text, const JsonLimits& limits) {
    ProblemSink problems;
    std::optional<Job> out;
    with_document(text, limits, problems, [&](const auto& document) { out = read_job_response(document, problems); });
    return finish<Job>(std::move(out), problems);
}

Parsed<PlanDocument> parse_plan_document(std::string_view text, const JsonLimits& limits) {
    ProblemSink problems;
    std::optional<PlanDocument> out;
    with_document(text, limits, problems, [&](const auto& document) { out = read_plan_document(document, problems); });
    return finish<PlanDocument>(std::move(out), problems);
}

}  // namespace pm
