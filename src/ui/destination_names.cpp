// Lower-cased destination names for the picker's search, cached per session revision.
#include "ui/destination_names.h"

#include "core/json/text.h"

namespace pm::ui {

const std::vector<DestinationNames::Entry>& DestinationNames::of(const Session& session) {
    if (session_ == &session && revision_ == session.revision()) return entries_;
    session_ = &session;
    revision_ = session.revision();
    entries_.clear();
    const ExecutionPlan& plan = session.plan();
    entries_.reserve(plan.field_mapping.size() + plan.unmapped_destinations.size());
    const auto add = [&](const Field& field) {
        entries_.push_back({field.key, lower_ascii(field.key), lower_ascii(field.label)});
    };
    for (const Edge& edge : plan.field_mapping) add(edge.destination);
    for (const UnmappedField& entry : plan.unmapped_destinations) add(entry.field);
    return entries_;
}

}  // namespace pm::ui
