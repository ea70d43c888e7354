// Field names come from the session, which knows every field the plans ever carried; a key the
// session does not know is shown as it is.
#include "core/session/differences.h"

namespace pm {

namespace {

std::string source_name(const Session& session, const std::string& key) {
    const Field* field = session.source_field(key);
    return field ? field->display_name() : key;
}

std::string destination_name(const Session& session, const std::string& key) {
    const Field* field = session.destination_field(key);
    return field ? field->display_name() : key;
}

std::string describe(const Session& session, const PlanDiff::DestinationChange& change) {
    const std::string destination = destination_name(session, change.key);
    if (change.before && !change.after)
        return destination + " was left unmapped (you mapped " + source_name(session, *change.before) + ")";
    if (!change.before && change.after)
        return destination + " was mapped from " + source_name(session, *change.after);
    if (change.before && change.after)
        return destination + " is mapped from " + source_name(session, *change.after) + " instead of " +
               source_name(session, *change.before);
    return destination + " differs";
}

}  // namespace

std::string describe_server_differences(const Session& session, const PlanDiff& sent_to_saved, std::size_t max_items) {
    std::vector<std::string> items;
    for (const auto& change : sent_to_saved.destinations) items.push_back(describe(session, change));
    for (const Link& link : sent_to_saved.edited)
        items.push_back(destination_name(session, link.destination_key) + " has other value mappings or details");
    // A source moved without any destination changing hands cannot happen in a one-to-one plan;
    // with one-to-many it can, so name the sources when nothing else was.
    if (items.empty())
        for (const auto& change : sent_to_saved.sources) items.push_back(source_name(session, change.key) + " is mapped differently");
    std::string text = "Flatfile saved a plan that differs from the one you sent: ";
    for (std::size_t i = 0; i < items.size() && i < max_items; ++i) text += (i ? "; " : "") + items[i];
    if (items.size() > max_items) text += "; and " + std::to_string(items.size() - max_items) + " more";
    text += ". Your plan is still shown here.";
    return text;
}

}  // namespace pm
