// Consistency of a plan as a whole, beyond each element's shape: which keys appear where.
//
// Fields are identified by key (source and destination keys are separate namespaces). The
// contract does not forbid these cases, but plan-mapper edits plans under the rules "a
// destination has at most one source" and "a field is either mapped or unmapped, once":
//   - a destination mapped by two edges: error (the model cannot show it; the session keeps the
//     first edge and returns the other edge's source to unmappedSourceFields);
//   - a source mapped by two edges (one column into several fields): warning (kept when the
//     session allows one-to-many, otherwise only the first edge is kept);
//   - a field both mapped and listed as unmapped: warning (the edge wins);
//   - a key listed twice in an unmapped list: warning (the first entry is kept).
#pragma once

#include "core/json/problems.h"
#include "core/plan/model.h"
#include "core/plan/parse.h"

namespace pm {

// Pointers are built from `positions` (document positions of the elements) when given, else
// from vector indices under the plan root "".
Problems check_plan_consistency(const ExecutionPlan& plan, const PlanPositions* positions = nullptr);

// Applies the repairs described above and says what it did (warnings, pointers into the plan as
// it was given). No field is lost: a field whose only occurrence is dropped is moved to its
// unmapped list, with the preview of the edge it came from.
ExecutionPlan normalize_plan(ExecutionPlan plan, bool allow_one_to_many, Problems* repairs = nullptr);

}  // namespace pm
