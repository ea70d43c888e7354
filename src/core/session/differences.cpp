// Field names come from the session, which knows every field the plans ever carried; a key the
// session does not know is shown as it is. The panel's words are catalog messages
// ("differences.*", ui/messages.json); the English sentence is kept for logs and tests.
#include "core/session/differences.h"

namespace pm {

namespace {

MessageRef describe(const Session& session, const PlanDiff::DestinationChange& change) {
    const std::string destination = session.destination_name(change.key);
    if (change.before && !change.after)
        return MessageRef("differences.leftUnmapped")
            .with("destination", destination)
            .with("source", session.source_name(*change.before));
    if (!change.before && change.after)
        return MessageRef("differences.mappedFrom")
            .with("destination", destination)
            .with("source", session.source_name(*change.after));
    if (change.before && change.after)
        return MessageRef("differences.mappedInstead")
            .with("destination", destination)
            .with("source", session.source_name(*change.after))
            .with("before", session.source_name(*change.before));
    return MessageRef("differences.differs").with("destination", destination);
}

const char* english(const std::string& id) {
    if (id == "differences.leftUnmapped") return "{destination} was left unmapped (you mapped {source})";
    if (id == "differences.mappedFrom") return "{destination} was mapped from {source}";
    if (id == "differences.mappedInstead") return "{destination} is mapped from {source} instead of {before}";
    if (id == "differences.otherValues") return "{destination} has other value mappings or details";
    if (id == "differences.sourceDiffers") return "{source} is mapped differently";
    if (id == "differences.andMore") return "and {count} more";
    return "{destination} differs";
}

// The English form of one item (its arguments are all text, or the count).
std::string in_english(const MessageRef& item) {
    std::string text = english(item.id);
    auto fill = [&](const std::string& name, const std::string& value) {
        const std::string slot = "{" + name + "}";
        const auto at = text.find(slot);
        if (at != std::string::npos) text.replace(at, slot.size(), value);
    };
    for (const MessageArg& arg : item.args) fill(arg.name, arg.text);
    if (item.count) fill("count", std::to_string(*item.count));
    return text;
}

}  // namespace

MessageRef server_differences_message(const Session& session, const PlanDiff& sent_to_saved, std::size_t max_items) {
    std::vector<MessageRef> items;
    for (const auto& change : sent_to_saved.destinations) items.push_back(describe(session, change));
    for (const Link& link : sent_to_saved.edited)
        items.push_back(
            MessageRef("differences.otherValues").with("destination", session.destination_name(link.destination_key)));
    // A source moved without any destination changing hands cannot happen in a one-to-one plan;
    // with one-to-many it can, so name the sources when nothing else was.
    if (items.empty())
        for (const auto& change : sent_to_saved.sources)
            items.push_back(MessageRef("differences.sourceDiffers").with("source", session.source_name(change.key)));
    if (items.size() > max_items) {
        const auto more = static_cast<long long>(items.size() - max_items);
        items.resize(max_items);
        items.push_back(MessageRef("differences.andMore").counting(more));
    }
    return MessageRef("differences.summary").with_messages("items", std::move(items));
}

std::string describe_server_differences(const Session& session, const PlanDiff& sent_to_saved, std::size_t max_items) {
    const MessageRef message = server_differences_message(session, sent_to_saved, max_items);
    std::string text = "Flatfile saved a plan that differs from the one you sent: ";
    const std::vector<MessageRef>& items = message.args.front().messages;
    for (std::size_t i = 0; i < items.size(); ++i) text += (i ? "; " : "") + in_english(items[i]);
    text += ". Your plan is still shown here.";
    return text;
}

}  // namespace pm
