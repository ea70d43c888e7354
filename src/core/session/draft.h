// The draft the page keeps in localStorage until the server confirms the edits: the person's
// decisions only, never the plan. Storage is readable by every script of the host page and
// outlives the visit, so it holds no sample values, labels, descriptions or tokens: field keys,
// the enum value choices, and which columns are ignored. Restored onto the plan fetched again,
// where a decision about a field that no longer exists is dropped.
//
// JSON (version 2): {"version": 2, "map": [[sourceKey, destinationKey], ...],
//   "unmap": [destinationKey, ...], "enumValues": {destinationKey: [[sourceValue, destinationValue], ...]},
//   "ignored": [sourceKey, ...], "base": fingerprint}
// `base` is plan_fingerprint() of the plan the decisions were made against (a hash of its field
// keys and pairs, no text of the plan): restoring onto a plan whose fingerprint differs says the
// plan changed meanwhile, since decisions about fields it no longer has are dropped.
#pragma once

#include "core/json/value.h"
#include "core/plan/insights.h"
#include "core/session/session.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pm {

struct Draft {
    std::vector<Link> map;                     // destinations fed by another source than on the server
    std::vector<std::string> unmap;            // destinations the server feeds and the person emptied
    // Per edited enum edge, every source value with a chosen destination value (a value not listed
    // has none): the whole choice, so restoring it also undoes choices the server had.
    std::vector<std::pair<std::string, std::vector<std::pair<Json, Json>>>> enum_values;
    std::vector<std::string> ignored;          // source keys
    std::string base;                          // plan_fingerprint of the plan they were made on ("": unknown)
    bool empty() const { return map.empty() && unmap.empty() && enum_values.empty() && ignored.empty(); }
};

// The decisions that make the session's plan differ from its server plan, or from `base` (a plan
// the server saved instead of the one sent, which is what a reload will fetch).
Draft draft_of(const Session& session);
Draft draft_of(const Session& session, const ExecutionPlan& base);
Json write_draft(const Draft& draft);
// 16 hex digits (FNV-1a, 64 bits) over the plan's pairs and unmapped keys, in order.
std::string plan_fingerprint(const ExecutionPlan& plan);
// Nullopt for anything that is not a version-2 draft (an older draft held the whole plan: it is
// dropped, not read). Entries of the wrong type are skipped.
std::optional<Draft> read_draft(const Json& document);
// Applies the decisions to the session as edits (each one undoable); unknown keys are skipped.
// True when the plan changed.
bool apply_draft(Session& session, const Draft& draft);

}  // namespace pm
