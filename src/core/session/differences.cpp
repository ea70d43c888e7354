// Field names come from the session, which knows every field the plans ever carried; a key the
// session does not know is shown as it is.
#include "core/session/differences.h"

namespace pm {

namespace {

std::string describe(const Session& session, const PlanDiff::DestinationChange& change) {
    const std::string destination = session.destination_name(change.key);
    if (change.before && !change.after)
        return destination + " was left unmapped (you mapped " + session.source_name(*change.before) + ")";
    if (!change.before && change.after)
        return destination + " was mapped from " + session.source_name(*change.after);
    if (change.before && change.after)
        return destination + " is mapped from " + session.source_name(*change.after) + " instead of " +
               session.source_name(*change.before);
    return destination + " differs";
}

}  // namespace

std::string describe_server_differences(const Session& session, const PlanDiff& sent_to_saved, std::size_t max_items) {
    std::vector<std::string> items;
    for (const auto& change : sent_to_saved.destinations) items.push_back(describe(session, change));
    for (const Link& link : sent_to_saved.edited)
        items.push_back(session.destination_name(link.destination_key) + " has other value mappings or details");
    // A source moved without any destination changing hands cannot happen in a one-to-one plan;
    // with one-to-many it can, so name the sources when nothing else was.
    if (items.empty())
        for (const auto& change : sent_to_saved.sources) items.push_back(session.source_name(change.key) + " is mapped differently");
    std::string text = "Flatfile saved a plan that differs from the one you sent: ";
    for (std::size_t i = 0; i < items.size() && i < max_items; ++i) text += (i ? "; " : "") + items[i];
    if (items.size() > max_items) text += "; and " + std::to_string(items.size() - max_items) + " more";
    text += ". Your plan is still shown here.";
    return text;
}

}  // namespace pm
