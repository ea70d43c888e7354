// The message catalog: every fixed word the panel shows or announces, by key, in English and
// German (src/ui/messages.json, compiled in), with a host's overrides on top. Templates hold
// {name} placeholders; values are inserted as text and never read as a format (a label with
// "{x}" or "%s" in it stays exactly that). Plural messages hold one form per CLDR category
// (zero, one, two, few, many, other; "other" is required), chosen by the language's rule.
// One catalog per process: the web module is one instance per widget, the desktop app one panel.
#pragma once

#include "core/json/message_ref.h"
#include "core/json/value.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pm::ui {

// The catalog JSON compiled in from src/ui/messages.json (generated messages_data.cpp).
extern const char* const kMessageCatalog;

using MessageArgs = std::vector<std::pair<const char*, std::string>>;

class Messages {
public:
    // Reads a catalog document {"en": {key: text or {category: text}}, "de": {...}, ...};
    // problems (bad JSON, a value of the wrong type) go to problems().
    explicit Messages(const std::string& catalog_json);

    // Adds a language's messages {key: text or {category: text}} fetched apart (the web module
    // has English compiled in; the page fetches the language a host asks for). Not an object, or
    // English: noted in problems(), nothing added. Call before select().
    void add_language(const std::string& lang, const Json& messages);
    // Chooses the language ("de"; "de-CH" reads "de"). Keys the language lacks, and every key of
    // a language not shipped (noted in problems()), come from English; the language's plural rule
    // applies either way. Clears overrides.
    void select(const std::string& lang);
    // A host's overrides {key: text or {category: text}}: unknown keys, values of the wrong type
    // and placeholders the English message does not have are noted in problems() and skipped.
    void override_with(const Json& strings);

    const std::string& language() const { return language_; }
    const std::vector<std::string>& problems() const { return problems_; }

    // The message `key` with its placeholders filled; the key itself when it is unknown.
    std::string get(const std::string& key, const MessageArgs& args = {}) const;
    // The form of `key` for `count` ({count} is filled in too, with the language's digit grouping).
    std::string count(const std::string& key, long long count, MessageArgs args = {}) const;
    // A message core produced (an API error, a refusal, a note): its key in this language, its
    // numbers grouped, its nested messages formatted too and joined by "; ", its text data as is.
    std::string format(const MessageRef& message) const;

    // The resolved messages of the selected language as {key: text or {category: text}}, for the
    // page's accessibility mirror (it fills placeholders itself, with Intl.PluralRules).
    Json resolved() const;

    // Every key of English, with the placeholders its message uses (for tests and the checker).
    std::vector<std::string> keys() const;
    static std::vector<std::string> placeholders(const Json& message);

private:
    const Json* find(const std::string& key) const;
    std::string plural_category(long long n) const;

    Json catalog_;
    std::string language_ = "en";
    Json overrides_ = Json::object();
    std::vector<std::string> problems_;
};

// Fills {name} placeholders in `pattern` from `args`; unknown names and lone braces stay as they are.
std::string fill_placeholders(const std::string& pattern, const MessageArgs& args);
// 1234567 -> "1,234,567" (en) or "1.234.567" (de).
std::string group_digits(long long n, const std::string& lang);

// The process's catalog (English until the app selects a language).
Messages& messages();

// Short forms for the panel's code: tr("header.undo"), tr("x", {{"name", label}}), trn("y", n).
inline std::string tr(const std::string& key, const MessageArgs& args = {}) { return messages().get(key, args); }
inline std::string tr(const MessageRef& message) { return messages().format(message); }
// Several messages said one after the other, joined by "; " (the matcher's reasons).
std::string tr(const std::vector<MessageRef>& parts);
inline std::string trn(const std::string& key, long long n, MessageArgs args = {}) {
    return messages().count(key, n, std::move(args));
}

}  // namespace pm::ui
