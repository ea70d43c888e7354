// What `automap` and `profile` share: match the unmapped columns (the matcher's one-to-one
// assignment, with the rows' whole-column values as evidence), then map every distinct value of each enum edge's column from the records'
// profile, so enumDetails covers the whole column and not only the preview.
#pragma once

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/plan/documents.h"
#include "core/profile/sheet_profile.h"
#include "core/session/session.h"
#include "matcher/profile_enum_values.h"

#include <optional>

namespace pm::cli {

struct RecordsMatch {
    std::size_t pairs = 0;                     // new source -> destination pairs
    match::EnumFill enum_values;               // enum values mapped from the records
};

// --plan-file FILE --records-file FILE, read for the offline `automap` and `profile`: the plan
// into `document`, the records file's rows into `sheet` (the caller's, set up with its limits).
// Returns kExitOk, or says why on io.err and returns the exit code.
int read_offline_inputs(const ParsedArgs& args, Io io, std::optional<PlanDocument>& document, profile::SheetProfile& sheet,
                        profile::PageResult& page);

RecordsMatch match_with_records(Session& session, const profile::SheetProfile& sheet, std::optional<double> threshold);

}  // namespace pm::cli
