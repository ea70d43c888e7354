// Says in words how the plan the server confirmed differs from the one that was sent, so the
// person can decide which to keep (MapperApp never applies a different plan silently).
#pragma once

#include "core/json/message_ref.h"
#include "core/plan/insights.h"
#include "core/session/session.h"

#include <cstddef>
#include <string>

namespace pm {

// E.g. "Flatfile saved a plan that differs from the one you sent: Tags was left unmapped (you
// mapped Notes). Your plan is still shown here." At most `max_items` differences are named.
std::string describe_server_differences(const Session& session, const PlanDiff& sent_to_saved, std::size_t max_items = 3);
// The same as a catalog message for the panel ("differences.summary" with its items).
MessageRef server_differences_message(const Session& session, const PlanDiff& sent_to_saved, std::size_t max_items = 3);

}  // namespace pm
