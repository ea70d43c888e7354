// The catalog is read once (no exceptions: nlohmann's non-throwing parse), then every lookup is a
// map find in the host's overrides, the selected language and English, in that order.
#include "ui/messages.h"

#include "core/json/text.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace pm::ui {

namespace {

const char* const kCategories[] = {"zero", "one", "two", "few", "many", "other"};

bool is_category(const std::string& name) {
    return std::any_of(std::begin(kCategories), std::end(kCategories), [&](const char* c) { return name == c; });
}

// A message is a string, or an object of plural forms with at least "other", all strings.
bool well_formed(const Json& message) {
    if (message.is_string()) return true;
    if (!message.is_object() || !message.contains("other")) return false;
    for (auto it = message.begin(); it != message.end(); ++it)
        if (!is_category(it.key()) || !it.value().is_string()) return false;
    return true;
}

// The language subtag: "de-CH" -> "de".
std::string base_language(const std::string& lang) { return lower_ascii(lang.substr(0, lang.find_first_of("-_"))); }

}  // namespace

std::string fill_placeholders(const std::string& pattern, const MessageArgs& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string::npos) break;
        const std::size_t close = pattern.find('}', open + 1);
        if (close == std::string::npos) break;
        out.append(pattern, i, open - i);
        const std::string name = pattern.substr(open + 1, close - open - 1);
        auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return name == a.first; });
        if (arg != args.end()) {
            out += arg->second;  // inserted as text; never scanned again
            i = close + 1;
        } else {
            out += '{';  // not a placeholder we know: kept as written
            i = open + 1;
        }
    }
    out.append(pattern, i, std::string::npos);
    return out;
}

std::string group_digits(long long n, const std::string& lang) {
    const char separator = base_language(lang) == "de" ? '.' : ',';
    const bool negative = n < 0;
    std::string digits = std::to_string(negative ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

Messages::Messages(const std::string& catalog_json) {
    catalog_ = Json::parse(catalog_json, nullptr, false);
    if (!catalog_.is_object() || !catalog_.contains("en") || !catalog_["en"].is_object()) {
        problems_.push_back("The message catalog could not be read.");
        catalog_ = Json{{"en", Json::object()}};
    }
    // The web module's catalog is packed with its keys grouped by area ({"header.": {"title": ...}},
    // cmake/pack_messages.py): read back into "header.title" (a real key never ends with ".").
    for (auto& [lang, messages] : catalog_.items()) {
        if (!messages.is_object()) continue;
        Json flat = Json::object();
        for (auto& [key, message] : messages.items()) {
            if (key.empty() || key.back() != '.' || !message.is_object()) {
                flat[key] = std::move(message);
                continue;
            }
            for (auto& [name, text] : message.items()) flat[key + name] = std::move(text);
        }
        messages = std::move(flat);
    }
}

void Messages::add_language(const std::string& lang, const Json& messages) {
    const std::string base = base_language(lang);
    if (base.empty() || base == "en" || !messages.is_object()) {
        problems_.push_back("The messages of language \"" + lang + "\" could not be read.");
        return;
    }
    catalog_[base] = messages;   // each message is checked where it is looked up (well_formed)
}

void Messages::select(const std::string& lang) {
    overrides_ = Json::object();
    const std::string base = base_language(lang);
    // A language not shipped keeps its name (its plural rule; a host may supply its words through
    // override_with), and English fills in every key.
    language_ = base.empty() ? "en" : base;
    if (!catalog_.contains(language_) || !catalog_[language_].is_object())
        problems_.push_back("No messages in language \"" + lang +
                            "\" are shipped; English is used for what strings does not give.");
}

void Messages::override_with(const Json& strings) {
    if (!strings.is_object()) {
        if (!strings.is_null()) problems_.push_back("strings must be an object of key -> text.");
        return;
    }
    const Json& english = catalog_["en"];
    for (auto it = strings.begin(); it != strings.end(); ++it) {
        auto known = english.find(it.key());
        if (known == english.end()) {
            problems_.push_back("strings: unknown key \"" + it.key() + "\".");
            continue;
        }
        if (!well_formed(it.value())) {
            problems_.push_back("strings: \"" + it.key() + "\" must be text or {one, other, ...} forms of text.");
            continue;
        }
        if (it.value().is_object() != known->is_object()) {
            problems_.push_back(
                "strings: \"" + it.key() +
                (known->is_object() ? "\" needs plural forms {one, other, ...}." : "\" takes plain text, not plural forms."));
            continue;
        }
        const std::vector<std::string> allowed = placeholders(*known);
        std::string wrong;
        for (const std::string& name : placeholders(it.value()))
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                wrong += (wrong.empty() ? "{" : ", {") + name + "}";
        if (!wrong.empty()) {
            problems_.push_back("strings: \"" + it.key() + "\" has placeholders its message does not fill: " + wrong + ".");
            continue;
        }
        overrides_[it.key()] = it.value();
    }
}

const Json* Messages::find(const std::string& key) const {
    if (auto it = overrides_.find(key); it != overrides_.end()) return &*it;
    if (language_ != "en") {
        if (auto shipped = catalog_.find(language_); shipped != catalog_.end() && shipped->is_object())
            if (auto it = shipped->find(key); it != shipped->end() && well_formed(*it)) return &*it;
    }
    const Json& english = catalog_["en"];
    if (auto it = english.find(key); it != english.end() && well_formed(*it)) return &*it;
    return nullptr;
}

std::string Messages::get(const std::string& key, const MessageArgs& args) const {
    const Json* message = find(key);
    if (!message) return key;
    const std::string& pattern =
        message->is_string() ? message->get_ref<const std::string&>() : (*message)["other"].get_ref<const std::string&>();
    return fill_placeholders(pattern, args);
}

std::string Messages::count(const std::string& key, long long n, MessageArgs args) const {
    const Json* message = find(key);
    if (!message) return key;
    args.emplace_back("count", group_digits(n, language_));
    if (message->is_string()) return fill_placeholders(message->get_ref<const std::string&>(), args);
    auto form = message->find(plural_category(n));
    if (form == message->end()) form = message->find("other");
    return fill_placeholders(form->get_ref<const std::string&>(), args);
}

// CLDR's cardinal rules for integers, for the languages a host is likely to add; any other
// language uses "other" (and its "one" form for exactly 1 when it has one).
std::string Messages::format(const MessageRef& message) const {
    if (message.empty()) return {};
    MessageArgs args;
    args.reserve(message.args.size());
    for (const MessageArg& arg : message.args) {
        std::string value;
        switch (arg.kind) {
            case MessageArg::Kind::Text: value = arg.text; break;
            case MessageArg::Kind::Number: value = group_digits(std::strtoll(arg.text.c_str(), nullptr, 10), language_); break;
            case MessageArg::Kind::Messages:
                for (const MessageRef& part : arg.messages) {
                    if (!value.empty()) value += "; ";
                    value += format(part);
                }
                break;
        }
        args.emplace_back(arg.name.c_str(), std::move(value));
    }
    return message.count ? count(message.id, *message.count, std::move(args)) : get(message.id, args);
}

std::string Messages::plural_category(long long n) const {
    const long long a = n < 0 ? -n : n;
    const long long ten = a % 10, hundred = a % 100;
    const std::string& l = language_;
    if (l == "fr" || l == "pt") return a <= 1 ? "one" : "other";
    if (l == "pl") {
        if (a == 1) return "one";
        return ten >= 2 && ten <= 4 && !(hundred >= 12 && hundred <= 14) ? "few" : "many";
    }
    if (l == "ru" || l == "uk") {
        if (ten == 1 && hundred != 11) return "one";
        return ten >= 2 && ten <= 4 && !(hundred >= 12 && hundred <= 14) ? "few" : "many";
    }
    if (l == "cs" || l == "sk") return a == 1 ? "one" : a >= 2 && a <= 4 ? "few" : "other";
    if (l == "ja" || l == "zh" || l == "ko") return "other";
    return a == 1 ? "one" : "other";  // en, de, nl, sv, it, es, ...
}

Json Messages::resolved() const {
    // The usual case, English with nothing overridden, is the catalog itself: no lookup per key
    // (the page asks for it at start-up, before the first frame).
    const Json& english = catalog_["en"];
    if (language_ == "en" && overrides_.empty() && std::all_of(english.begin(), english.end(), well_formed)) return english;
    Json out = Json::object();
    for (const std::string& key : keys())
        if (const Json* message = find(key)) out[key] = *message;
    return out;
}

std::vector<std::string> Messages::keys() const {
    std::vector<std::string> out;
    const Json& english = catalog_["en"];
    for (auto it = english.begin(); it != english.end(); ++it) out.push_back(it.key());
    return out;
}

std::vector<std::string> Messages::placeholders(const Json& message) {
    std::set<std::string> names;
    auto scan = [&](const std::string& pattern) {
        for (std::size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
            const std::size_t close = pattern.find('}', open + 1);
            if (close == std::string::npos) break;
            const std::string name = pattern.substr(open + 1, close - open - 1);
            if (!name.empty() && name.find('{') == std::string::npos && name.find(' ') == std::string::npos) names.insert(name);
        }
    };
    if (message.is_string()) scan(message.get_ref<const std::string&>());
    else if (message.is_object())
        for (auto it = message.begin(); it != message.end(); ++it)
            if (it.value().is_string()) scan(it.value().get_ref<const std::string&>());
    return {names.begin(), names.end()};
}

std::string tr(const std::vector<MessageRef>& parts) {
    std::string out;
    for (const MessageRef& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += "; ";
        out += messages().format(part);
    }
    return out;
}

Messages& messages() {
    static Messages catalog{kMessageCatalog};
    return catalog;
}

}  // namespace pm::ui
