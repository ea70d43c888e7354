// Reading plan elements (fields, edges, plans, jobs) from JSON into the model (core/plan/model.h);
// whole documents from text are read by core/plan/documents.h.
//
// Never throws and never aborts, whatever the input: every member's type is checked before use.
// Documents read from text keep their text: the raw members of the result are views into it
// (core/plan/model.h JsonRef), so no Json is built for them unless asked for.
// Each reader reports problems with JSON Pointers into the document being read. Elements with an
// error (e.g. an edge whose destinationField has no string key) are left out of the result; a
// warning means the value was read anyway (an odd member is ignored but still kept in `raw`).
#pragma once

#include "core/json/problems.h"
#include "core/json/parse.h"
#include "core/plan/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm {

// A value read from a document plus what was wrong with it. `value` is present when the
// document's shape was recognised and its plan readable, even if some elements were left out;
// ok() means present and free of errors (warnings allowed).
template <class T>
struct Parsed {
    std::optional<T> value;
    Problems problems;
    bool ok() const { return value.has_value() && !has_errors(problems); }
};

// Where each element of the plan's arrays sat in the document (elements with errors are left
// out, so positions in the vectors and in the document can differ).
struct PlanPositions {
    std::string plan_pointer;                  // e.g. "/data/plan"
    std::vector<std::size_t> edges, sources, destinations;
};

// Building blocks, from JSON already parsed. `pointer` is where `value` sits in its document.
// They fill `out` as far as they can and return false when an error makes the value unusable.
bool read_field(const Json& value, const std::string& pointer, ProblemSink& problems, Field& out);
bool read_edge(const Json& value, const std::string& pointer, ProblemSink& problems, Edge& out);
// member is "sourceField" or "destinationField".
bool read_unmapped(const Json& value, const char* member, const std::string& pointer, ProblemSink& problems,
                   UnmappedField& out);
// require_arrays: the three arrays are required (plans, PUT bodies) or optional (PATCH bodies).
bool read_plan(const Json& value, const std::string& pointer, bool require_arrays, ProblemSink& problems,
               ExecutionPlan& out, PlanPositions* positions = nullptr);
bool read_job(const Json& value, const std::string& pointer, ProblemSink& problems, Job& out);
// {job, plan} (the value of `data` in responses).
bool read_job_plan(const Json& value, const std::string& pointer, ProblemSink& problems, JobPlan& out,
                   PlanPositions* positions = nullptr);

// For code that builds or edits raw objects itself (the session): derive the typed members.
// Problems are dropped; the raw object is kept whatever it holds.
Field field_from_raw(Json raw);
Edge edge_from_raw(Json raw);
UnmappedField unmapped_from_raw(Json raw, const char* member);
// The same from a shared raw value (e.g. one an undo step kept): the result shares it.
Field field_from_ref(const JsonRef& raw);
Edge edge_from_ref(const JsonRef& raw);
UnmappedField unmapped_from_ref(const JsonRef& raw, const char* member);

}  // namespace pm
