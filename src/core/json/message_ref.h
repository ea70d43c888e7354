// A message for a person as a catalog key and named arguments, so that core, the matcher and the
// profile reader can say what happened without holding the words: the UI formats it through its
// message catalog (ui/messages.h: tr(const MessageRef&)) in the panel's language, and a host's
// `strings` override it like any other key. Core keeps its English sentence beside it for logs
// and the CLI. The keys live in src/ui/messages.json (en and de).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pm {

struct MessageRef;

// One named argument: data shown as it is (a label, an id, the server's words), a whole number
// (shown with the language's digit grouping), or other messages (each formatted, joined by "; ").
struct MessageArg {
    enum class Kind { Text, Number, Messages };
    std::string name;
    Kind kind = Kind::Text;
    std::string text;                  // Text: the data; Number: the digits
    std::vector<MessageRef> messages;  // Messages
};

struct MessageRef {
    std::string id;  // the catalog key ("api.unauthorized"); empty: no message
    std::vector<MessageArg> args;
    std::optional<long long> count;  // plural messages: the number that picks the form ({count})

    MessageRef() = default;
    explicit MessageRef(std::string key) : id(std::move(key)) {}

    bool empty() const { return id.empty(); }
    MessageRef& with(std::string name, std::string text) {
        args.push_back(MessageArg{std::move(name), MessageArg::Kind::Text, std::move(text), {}});
        return *this;
    }
    MessageRef& with_number(std::string name, long long number) {
        args.push_back(MessageArg{std::move(name), MessageArg::Kind::Number, std::to_string(number), {}});
        return *this;
    }
    MessageRef& with_messages(std::string name, std::vector<MessageRef> parts) {
        args.push_back(MessageArg{std::move(name), MessageArg::Kind::Messages, {}, std::move(parts)});
        return *this;
    }
    MessageRef& counting(long long n) {
        count = n;
        return *this;
    }
};

}  // namespace pm
