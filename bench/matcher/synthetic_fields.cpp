// Synthetic benchmark inputs (see synthetic_fields.h).
#include "synthetic_fields.h"

#include "core/plan/parse.h"

#include <algorithm>
#include <set>

namespace pm::match::bench {

namespace {

const char* const kSubjects[] = {
    "customer", "order", "product", "invoice", "shipping", "billing", "account", "payment", "employee", "vendor",
    "supplier", "contract", "project", "campaign", "lead", "contact", "company", "warehouse", "shipment", "return",
    "refund", "subscription", "plan", "ticket", "agent", "store", "region", "partner", "asset", "policy", "claim",
    "patient", "doctor", "student", "course", "vehicle", "driver", "booking", "room", "guest", "event", "venue",
    "member", "donor", "grant", "budget", "ledger", "tax", "loan", "branch", "device", "sensor", "release",
    "build", "server", "license", "certificate", "parcel", "route", "carrier", "item", "batch", "lot", "recipe",
};
const char* const kAttributes[] = {
    "name", "id", "number", "code", "date", "status", "type", "email", "phone", "city", "country", "postal code",
    "amount", "total", "price", "quantity", "description", "notes", "owner", "created at", "updated at", "start date",
    "end date", "currency", "rate", "score", "category", "priority", "source", "reference", "address", "street",
    "state", "website", "discount", "weight", "balance", "due date", "first name", "last name", "title", "count",
};
const char* const kQualifiers[] = {"primary", "secondary", "internal", "external", "net", "gross", "planned",
                                   "actual", "previous", "next", "default", "legacy", "local", "annual", "monthly"};

// Header abbreviations people use, applied to source variants.
struct Abbreviation {
    const char* word;
    const char* shortened;
};
const Abbreviation kAbbreviations[] = {
    {"customer", "cust"}, {"number", "no"}, {"quantity", "qty"}, {"description", "desc"}, {"amount", "amt"},
    {"address", "addr"}, {"reference", "ref"}, {"account", "acct"}, {"department", "dept"}, {"email", "e-mail"},
    {"phone", "tel"}, {"postal code", "zip"}, {"first name", "fname"}, {"last name", "lname"}, {"company", "org"},
    {"invoice", "inv"}, {"transaction", "txn"}, {"identifier", "id"}, {"created at", "created"}, {"date", "dt"},
};

std::string title_case(const std::string& text) {
    std::string out = text;
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ';
    }
    return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string snake(const std::string& words) { return replace_all(words, " ", "_"); }

std::string camel(const std::string& words) {
    std::string out;
    bool upper = false;
    for (char c : words) {
        if (c == ' ') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

std::string typo(std::string word, Random& random) {
    if (word.size() < 5) return word;
    const std::size_t at = 1 + random.below(word.size() - 2);
    std::swap(word[at], word[at + 1]);
    return word;
}

// A messy header for the destination phrase `words`.
std::string variant(const std::string& words, Random& random) {
    std::string text = words;
    if (random.below(3) == 0)
        for (const Abbreviation& a : kAbbreviations)
            if (text.find(a.word) != std::string::npos) {
                text = replace_all(text, a.word, a.shortened);
                break;
            }
    if (random.below(8) == 0) {
        // A typo in the longest word.
        std::size_t best_start = 0, best_length = 0, start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i)
            if (i == text.size() || text[i] == ' ') {
                if (i - start > best_length) {
                    best_length = i - start;
                    best_start = start;
                }
                start = i + 1;
            }
        text.replace(best_start, best_length, typo(text.substr(best_start, best_length), random));
    }
    switch (random.below(5)) {
        case 0: return title_case(text);
        case 1: return snake(text);
        case 2: return camel(text);
        case 3: {
            std::string upper = snake(text);
            for (char& c : upper)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            return upper;
        }
        default: return replace_all(title_case(text), " ", "-");
    }
}

std::vector<std::string> preview_for(const std::string& attribute, std::size_t count, Random& random) {
    static const char* const kNames[] = {"Ada", "Bo", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana"};
    static const char* const kCities[] = {"Lyon", "Osaka", "Lima", "Oslo", "Pune", "Cork"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t n = random.below(100000);
        std::string value;
        if (attribute == "email") value = std::string(kNames[n % 8]) + std::to_string(n) + "@example.com";
        else if (attribute == "phone") value = "+1 555 " + std::to_string(100 + n % 900) + " " + std::to_string(1000 + n % 9000);
        else if (attribute.find("date") != std::string::npos || attribute.find(" at") != std::string::npos)
            value = "2024-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
        else if (attribute == "amount" || attribute == "total" || attribute == "price" || attribute == "balance" ||
                 attribute == "discount" || attribute == "rate")
            value = std::to_string(n % 1000) + "." + std::to_string(10 + n % 90);
        else if (attribute == "quantity" || attribute == "count" || attribute == "score" || attribute == "weight")
            value = std::to_string(n % 500);
        else if (attribute == "city") value = kCities[n % 6];
        else if (attribute == "country") value = n % 2 ? "DE" : "US";
        else if (attribute == "postal code") value = std::to_string(10000 + n % 89999);
        else if (attribute == "website") value = "https://site" + std::to_string(n) + ".example";
        else if (attribute == "status") value = n % 2 ? "open" : "closed";
        else if (attribute == "id" || attribute == "number" || attribute == "code" || attribute == "reference")
            value = "X-" + std::to_string(n);
        else value = std::string(kNames[n % 8]) + " " + kCities[n % 6];
        out.push_back(std::move(value));
    }
    return out;
}

}  // namespace

SyntheticFields make_synthetic_fields(std::size_t destinations, std::size_t sources, std::size_t previews,
                                      std::uint64_t seed) {
    Random random(seed);
    SyntheticFields out;
    std::set<std::string> used;
    std::vector<std::pair<std::string, std::string>> phrases;  // words, attribute
    const std::size_t subjects = std::size(kSubjects), attributes = std::size(kAttributes);
    while (phrases.size() < destinations) {
        const std::string attribute = kAttributes[random.below(attributes)];
        std::string words = std::string(kSubjects[random.below(subjects)]) + " " + attribute;
        if (random.below(3) == 0) words = std::string(kQualifiers[random.below(std::size(kQualifiers))]) + " " + words;
        if (used.count(words)) words += " " + std::to_string(2 + random.below(3));
        if (!used.insert(words).second) continue;
        phrases.emplace_back(words, attribute);
    }
    for (const auto& [words, attribute] : phrases) {
        Json raw = {{"key", snake(words)}, {"label", title_case(words)}, {"type", "string"}};
        if (attribute == "amount" || attribute == "total" || attribute == "price" || attribute == "quantity")
            raw["type"] = "number";
        else if (attribute.find("date") != std::string::npos) raw["type"] = "date";
        UnmappedField entry;
        entry.field = field_from_raw(raw);
        out.destinations.push_back(std::move(entry));
    }
    // Most sources vary a destination (in a shuffled order); the rest are unrelated columns.
    std::vector<std::size_t> picks(destinations);
    for (std::size_t i = 0; i < destinations; ++i) picks[i] = i;
    for (std::size_t i = destinations; i > 1; --i) std::swap(picks[i - 1], picks[random.below(i)]);
    const std::size_t related = std::min(destinations, sources * 4 / 5);
    std::set<std::string> source_keys;
    for (std::size_t i = 0; i < sources; ++i) {
        std::string header, attribute, truth;
        if (i < related) {
            header = variant(phrases[picks[i]].first, random);
            attribute = phrases[picks[i]].second;
            truth = out.destinations[picks[i]].field.key;
        } else {
            header = title_case(std::string("misc ") + kQualifiers[random.below(std::size(kQualifiers))] + " field " +
                                std::to_string(i));
            attribute = "notes";
        }
        std::string key = snake(header);
        while (!source_keys.insert(key).second) key += "_1";
        UnmappedField entry;
        entry.field = field_from_raw({{"key", key}, {"label", header}, {"type", "string"}});
        entry.preview = preview_for(attribute, previews, random);
        out.sources.push_back(std::move(entry));
        out.truth.push_back(truth);
    }
    return out;
}

SyntheticEnum make_synthetic_enum(std::size_t options, std::size_t values, std::uint64_t seed) {
    Random random(seed);
    static const char* const kHeads[] = {"Kitchen", "Garden", "Office", "Outdoor", "Kids", "Pet", "Bath", "Travel",
                                         "Sports", "Audio", "Lighting", "Storage", "Crafts", "Beauty", "Tools",
                                         "Books", "Games", "Music", "Baby", "Auto"};
    static const char* const kTails[] = {"Accessories", "Furniture", "Supplies", "Electronics", "Decor",
                                         "Textiles", "Equipment", "Essentials", "Care", "Gifts"};
    SyntheticEnum out;
    std::set<std::string> labels;
    while (out.options.size() < options) {
        // One draw per statement: the order of evaluation inside an expression is unspecified, and
        // GCC and Clang (native and wasm) would draw in different orders.
        const std::string head = kHeads[random.below(std::size(kHeads))];
        const std::string label = head + " " + kTails[random.below(std::size(kTails))];
        if (!labels.insert(label).second) continue;
        EnumOption option;
        option.value = snake(replace_all(label, "A", "a"));
        option.label = label;
        if (random.below(3) == 0) option.alternative_names.push_back(label + " & More");
        out.options.push_back(std::move(option));
    }
    // Half the values are variants of an option (as is, lower or upper case, one or two typos,
    // other separators and a plural), the rest unrelated; a variant already produced is drawn again.
    std::set<std::string> seen;
    while (out.values.size() < values) {
        const EnumOption& option = out.options[random.below(out.options.size())];
        std::string value = option.label;
        switch (random.below(8)) {
            case 0: break;
            case 1:
                for (char& c : value)
                    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                if (random.below(2))
                    for (char& c : value)
                        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
                break;
            case 2: value = typo(value, random); break;
            case 3: value = typo(typo(value, random), random); break;
            case 4: {
                const bool underscore = random.below(2) != 0;
                value = replace_all(value, " ", underscore ? "_" : "-") + (random.below(2) ? "s" : "");
                break;
            }
            default: {
                const std::string number = std::to_string(random.below(1000000));
                value = "Item " + number + " " + kTails[random.below(std::size(kTails))];
            }
        }
        if (seen.insert(value).second) out.values.push_back(std::move(value));
    }
    return out;
}

}  // namespace pm::match::bench
