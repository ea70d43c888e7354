// Value recognition (see value_kinds.h). Hand-written scanners rather than <regex>: they are
// faster, behave the same natively and in wasm, and each rule is easy to read on its own.
#include "matcher/value_kinds.h"

#include "core/json/text.h"
#include "matcher/text_normalize.h"
#include "matcher/value_lexicon.h"

#include <algorithm>
#include <unordered_set>

namespace pm::match {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower_ascii(text[i]) != prefix[i]) return false;
    return true;
}

bool has_space(std::string_view text) { return std::any_of(text.begin(), text.end(), is_ascii_space); }

bool is_top_level_domain(std::string_view tld) {
    static constexpr std::string_view kTlds[] = {
        "com", "net", "org", "io", "co", "de", "uk", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no",
        "dk", "fi", "eu", "info", "biz", "us", "ca", "au", "jp", "cn", "in", "br", "mx", "app", "dev", "ai",
        "shop", "store", "online", "site", "xyz", "me", "tv", "edu", "gov", "pl", "pt", "ie", "nz", "ru",
    };
    const std::string low = lower_ascii(tld);
    return std::find(std::begin(kTlds), std::end(kTlds), low) != std::end(kTlds);
}

// label(.label)+ with letters, digits and hyphens; the last label is a letter-only TLD.
bool is_domain(std::string_view host, bool require_known_tld) {
    if (host.empty() || host.front() == '.' || host.back() == '.') return false;
    std::size_t dots = 0;
    for (char c : host) {
        if (c == '.') ++dots;
        else if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
    }
    if (dots == 0 || host.find("..") != std::string_view::npos) return false;
    const std::string_view tld = host.substr(host.rfind('.') + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), is_alpha)) return false;
    return !require_known_tld || is_top_level_domain(tld);
}

bool is_email(std::string_view v) {
    const std::size_t at = v.find('@');
    if (at == std::string_view::npos || at == 0 || v.find('@', at + 1) != std::string_view::npos) return false;
    if (has_space(v)) return false;
    return is_domain(v.substr(at + 1), false);
}

bool is_url(std::string_view v) {
    if (has_space(v) || v.find('@') != std::string_view::npos) return false;
    bool explicit_scheme = false;
    if (starts_with_ci(v, "https://")) {
        v.remove_prefix(8);
        explicit_scheme = true;
    } else if (starts_with_ci(v, "http://")) {
        v.remove_prefix(7);
        explicit_scheme = true;
    }
    if (starts_with_ci(v, "www.")) explicit_scheme = true;
    const std::size_t slash = v.find_first_of("/?#");
    const std::string_view host = v.substr(0, slash);
    return is_domain(host, !explicit_scheme);
}

// Splits date text into runs of digits and of letters; false when a separator is not one of " -/.,".
struct DatePart {
    std::string text;
    bool digits;
};
bool date_parts(std::string_view v, std::vector<DatePart>& parts) {
    for (std::size_t i = 0; i < v.size();) {
        const char c = v[i];
        if (is_digit(c) || is_alpha(c)) {
            const bool digits = is_digit(c);
            std::size_t j = i;
            while (j < v.size() && (digits ? is_digit(v[j]) : is_alpha(v[j]))) ++j;
            parts.push_back({lower_ascii(v.substr(i, j - i)), digits});
            i = j;
        } else if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ',') {
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

int to_int(const std::string& digits) {
    if (digits.empty() || digits.size() > 6) return -1;
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

bool is_day(const DatePart& p) { return p.digits && p.text.size() <= 2 && to_int(p.text) >= 1 && to_int(p.text) <= 31; }
bool is_month(const DatePart& p) { return p.digits && p.text.size() <= 2 && to_int(p.text) >= 1 && to_int(p.text) <= 12; }
bool is_year(const DatePart& p) { return p.digits && (p.text.size() == 4 || p.text.size() == 2); }
bool is_long_year(const DatePart& p) { return p.digits && p.text.size() == 4 && p.text[0] >= '1' && p.text[0] <= '2'; }
bool is_month_name(const DatePart& p) { return !p.digits && month_number(p.text) > 0; }
bool is_day_ordinal(const DatePart& p) { return !p.digits && (p.text == "st" || p.text == "nd" || p.text == "rd" || p.text == "th"); }

bool is_date(std::string_view v) {
    // Drop a time of day: "2024-03-01T10:00:00Z", "01/03/2024 10:00".
    for (std::size_t i = 1; i + 2 < v.size(); ++i) {
        if ((v[i] == 'T' || v[i] == ' ') && is_digit(v[i - 1]) && is_digit(v[i + 1]) &&
            (v[i + 2] == ':' || (i + 3 < v.size() && is_digit(v[i + 2]) && v[i + 3] == ':'))) {
            v = v.substr(0, i);
            break;
        }
    }
    std::vector<DatePart> parts;
    if (!date_parts(v, parts)) return false;
    parts.erase(std::remove_if(parts.begin(), parts.end(), is_day_ordinal), parts.end());
    if (parts.size() == 3) {
        const DatePart &a = parts[0], &b = parts[1], &c = parts[2];
        if (a.digits && b.digits && c.digits) {
            if (is_long_year(a)) return is_month(b) && is_day(c);                 // 2024-03-12
            return is_year(c) && ((is_day(a) && is_month(b)) || (is_month(a) && is_day(b)));  // 12/03/2024
        }
        if (is_day(a) && is_month_name(b) && is_year(c)) return true;             // 12 Mar 2024
        if (is_month_name(a) && is_day(b) && is_year(c)) return true;             // Mar 12, 2024
        return false;
    }
    if (parts.size() == 2) {
        // "March 2024", "2024-03": a month, not a day, but date-shaped all the same.
        if (is_month_name(parts[0]) && is_long_year(parts[1])) return true;
        if (is_long_year(parts[0]) && is_month(parts[1]) && v.find('-') != std::string_view::npos) return true;
    }
    return false;
}

const char* const kCurrencySymbols[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xE2\x82\xB9", "\xE2\x82\xA9",
                                        "\xE2\x82\xBD", "\xE2\x82\xBA", "\xE2\x82\xAA", "R$", "kr"};

// Removes a currency symbol or ISO code at either end; true when one was there.
bool strip_currency(std::string_view& v) {
    for (const char* symbol : kCurrencySymbols) {
        const std::string_view s(symbol);
        if (v.size() > s.size() && v.substr(0, s.size()) == s) {
            v = trim_ascii(v.substr(s.size()));
            return true;
        }
        if (v.size() > s.size() && v.substr(v.size() - s.size()) == s) {
            v = trim_ascii(v.substr(0, v.size() - s.size()));
            return true;
        }
    }
    if (v.size() > 4 && is_alpha(v[0]) && is_alpha(v[1]) && is_alpha(v[2]) &&
        is_currency_code(lower_ascii(v.substr(0, 3)))) {
        v = trim_ascii(v.substr(3));
        return true;
    }
    if (v.size() > 4 && is_currency_code(lower_ascii(v.substr(v.size() - 3))) && is_alpha(v[v.size() - 4]) == false) {
        v = trim_ascii(v.substr(0, v.size() - 3));
        return true;
    }
    return false;
}

// "1234", "12.5", "12,5", "1,234,567.89", "1.234.567,89", "1 234", "1'234.50".
bool is_plain_number(std::string_view v, bool* has_fraction) {
    *has_fraction = false;
    if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
    // Runs of digits and the separators between them.
    std::vector<std::size_t> runs;
    std::string separators;
    std::size_t run = 0;
    for (char c : v) {
        if (is_digit(c)) {
            ++run;
        } else if ((c == ',' || c == '.' || c == '\'' || c == ' ') && run > 0) {
            runs.push_back(run);
            separators.push_back(c);
            run = 0;
        } else {
            return false;
        }
    }
    if (run == 0) return false;
    runs.push_back(run);
    if (separators.empty()) return true;
    const bool decimal_last = separators.back() == '.' || separators.back() == ',';
    if (separators.size() == 1) {
        // "12.5" or "1,234": a three-digit tail after a comma or a 1-3 digit head reads as grouping.
        if (runs[0] <= 3 && runs[1] == 3 && separators[0] != '.') return true;
        *has_fraction = decimal_last;
        return decimal_last || (runs[0] <= 3 && runs[1] == 3);
    }
    // Several separators: groups of three after a 1-3 digit head, all with the same separator,
    // optionally followed by a decimal part with the other separator.
    std::size_t grouped = separators.size();
    if (separators.back() != separators.front()) {
        if (!decimal_last) return false;
        grouped = separators.size() - 1;
        *has_fraction = true;
    }
    if (runs[0] > 3) return false;
    for (std::size_t i = 0; i < grouped; ++i)
        if (separators[i] != separators[0] || runs[i + 1] != 3) return false;
    return true;
}

bool is_number(std::string_view v, bool* money, bool* has_fraction) {
    *money = false;
    if (v.size() > 2 && v.front() == '(' && v.back() == ')') v = trim_ascii(v.substr(1, v.size() - 2));
    if (!v.empty() && v[0] == '-') v = trim_ascii(v.substr(1));
    *money = strip_currency(v);
    if (!v.empty() && v[0] == '-') v = trim_ascii(v.substr(1));
    if (!*money && !v.empty() && v.back() == '%') v = trim_ascii(v.substr(0, v.size() - 1));
    return is_plain_number(v, has_fraction);
}

bool is_phone(std::string_view v) {
    std::size_t digits = 0, groups = 0;
    bool in_group = false, has_dot = false;
    const bool plus = !v.empty() && (v[0] == '+' || v[0] == '(');
    std::size_t end = v.size();
    // "... ext 12", "... x12": an extension does not count.
    const std::string lower = lower_ascii(v);
    for (std::string_view marker : {"ext", "x", "#"}) {
        const std::size_t at = lower.rfind(marker);
        if (at != std::string::npos && at > 6) end = std::min(end, at);
    }
    for (std::size_t i = 0; i < end; ++i) {
        const char c = v[i];
        if (is_digit(c)) {
            ++digits;
            if (!in_group) ++groups;
            in_group = true;
        } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/' || c == '+') {
            in_group = false;
            if (c == '.') has_dot = true;
            if (c == '+' && i != 0) return false;
        } else {
            return false;
        }
    }
    if (digits < 7 || digits > 15) return false;
    if (plus || groups >= 3) return true;
    if (groups == 1) return digits >= 10;
    return !has_dot;                                  // "555-1234", "030 1234567"; not "1234.5678"
}

// A pattern of 'D' (digit), 'A' (letter) and literal characters.
bool shape_matches(std::string_view v, std::string_view pattern) {
    if (v.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char p = pattern[i];
        if (p == 'D' ? !is_digit(v[i]) : p == 'A' ? !is_alpha(v[i]) : v[i] != p) return false;
    }
    return true;
}

bool is_postal(std::string_view v) {
    static constexpr std::string_view kShapes[] = {
        "DDDDD", "DDDDD-DDDD", "DDDD", "DDDDDD", "DDD-DDDD", "DD-DDD", "DDDD-DDD", "DDDDD-DDD", "DDD DD",
        "DDDD AA", "DDDDAA", "ADA DAD", "ADADAD", "AD DAA", "ADD DAA", "AAD DAA", "AADD DAA", "ADA DAA",
        "AADA DAA", "ADDAA", "ADDDAA", "AADDAA", "AADDDAA", "ADADAA", "AADADAA",
    };
    for (std::string_view shape : kShapes)
        if (shape_matches(v, shape)) return true;
    return false;
}

bool is_code(std::string_view v, bool number_with_fraction) {
    if (v.size() < 2 || has_space(v) || number_with_fraction) return false;
    bool digit = false;
    for (char c : v) {
        if (is_digit(c)) digit = true;
        else if (!is_alpha(c) && c != '-' && c != '_' && c != '/' && c != '.' && c != '#' && c != ':') return false;
    }
    return digit;
}

}  // namespace

unsigned classify_value(std::string_view value) {
    // A value is recognised from its first kMaxMatchedTextBytes (every scanner below is linear).
    const std::string_view v = trim_ascii(bounded_prefix(trim_ascii(value)));
    if (v.empty()) return 0;
    if (is_email(v)) return kKindEmail;
    if (is_url(v)) return kKindUrl;

    unsigned kinds = 0;
    const NormalizedText words = normalize_text(v);
    std::string phrase;
    for (const std::string& word : words.all_words) {
        if (!phrase.empty()) phrase += ' ';
        phrase += word;
    }
    const bool date = is_date(v);
    if (date) kinds |= kKindDate;
    bool money = false, fraction = false;
    const bool number = !date && is_number(v, &money, &fraction);
    if (number) kinds |= kKindNumber | (money ? kKindMoney : 0u);
    if (!date && is_phone(v)) kinds |= kKindPhone;
    if (is_boolean_word(phrase) || is_boolean_word(lower_ascii(v))) kinds |= kKindBoolean;
    if (is_postal(v)) kinds |= kKindPostal;
    if (is_country_code(phrase) || is_country_name(phrase)) kinds |= kKindCountry;
    if (is_currency_code(phrase)) kinds |= kKindCurrency;
    if (!date && is_code(v, fraction)) kinds |= kKindCode;

    std::size_t letters = 0;
    for (const std::string& word : words.all_words)
        for (char c : word) letters += is_digit(c) ? 0 : 1;
    const bool short_yes_no = (kinds & kKindBoolean) && v.size() <= 5;
    if (!date && letters >= 2 && !short_yes_no && !(kinds & kKindNumber)) kinds |= kKindText;
    return kinds;
}

namespace {
struct KindName {
    unsigned kind;
    const char* name;
    const char* plural;
};
constexpr KindName kKindNames[] = {
    {kKindEmail, "email", "email addresses"}, {kKindUrl, "url", "web addresses"},
    {kKindPhone, "phone", "phone numbers"},   {kKindDate, "date", "dates"},
    {kKindNumber, "number", "numbers"},       {kKindMoney, "money", "money amounts"},
    {kKindBoolean, "boolean", "yes/no values"}, {kKindPostal, "postal", "postal codes"},
    {kKindCountry, "country", "countries"},   {kKindCurrency, "currency", "currency codes"},
    {kKindText, "text", "words"},             {kKindCode, "code", "codes"},
};
}  // namespace

const char* kind_name(unsigned single_kind) {
    for (const KindName& entry : kKindNames)
        if (entry.kind == single_kind) return entry.name;
    return "";
}

const char* kind_plural(unsigned single_kind) {
    for (const KindName& entry : kKindNames)
        if (entry.kind == single_kind) return entry.plural;
    return "";
}

unsigned kind_from_name(std::string_view name) {
    for (const KindName& entry : kKindNames)
        if (name == entry.name) return entry.kind;
    return 0;
}

double ValueProfile::share(unsigned single_kind) const {
    if (non_empty == 0) return 0.0;
    for (unsigned bit = 0; bit < kKindCount; ++bit)
        if (single_kind == (1u << bit)) return static_cast<double>(counts[bit]) / static_cast<double>(non_empty);
    return 0.0;
}

ValueProfile profile_values(const std::vector<std::string>& values) {
    ValueProfile profile;
    std::unordered_set<std::string_view> seen;
    for (const std::string& raw : values) {
        ++profile.total;
        // Values are compared by their bounded prefix too: a preview of megabytes costs no more.
        const std::string_view v = bounded_prefix(trim_ascii(raw));
        if (v.empty()) continue;
        ++profile.non_empty;
        if (seen.insert(v).second) profile.distinct_values.emplace_back(v);
        const unsigned kinds = classify_value(v);
        for (unsigned bit = 0; bit < kKindCount; ++bit)
            if (kinds & (1u << bit)) ++profile.counts[bit];
    }
    profile.distinct = profile.distinct_values.size();
    return profile;
}

}  // namespace pm::match
