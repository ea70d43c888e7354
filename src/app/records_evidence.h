// The app's side of reading the source rows: what the panel shows about values that will not
// import, per mapped edge, from the profile of the rows read (core/profile/field_check.h).
#pragma once

#include "core/profile/sheet_profile.h"
#include "core/session/session.h"
#include "ui/panel_state.h"

#include <map>
#include <string>

namespace pm {

// For every mapped edge whose column was read and whose values its destination would not all
// take (or that leaves blanks in a required field): the row's mark, the review's sentence and a
// few of the values.
std::map<std::string, ui::ValueProblem> value_problems(const Session& session, const profile::SheetProfile& records);

}  // namespace pm
