// Recognising what preview values are (emails, dates, phone numbers, ...), one value at a time and
// as a profile of a column's samples. The matcher compares a source's profile with what a
// destination expects (field_evidence.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pm::match {

// A value can be several kinds at once ("12345" is a number, a postal code and a code).
enum ValueKind : unsigned {
    kKindEmail = 1u << 0,
    kKindUrl = 1u << 1,                        // http(s)://..., www...., or a bare domain
    kKindPhone = 1u << 2,
    kKindDate = 1u << 3,                       // also date-times
    kKindNumber = 1u << 4,                     // integers, decimals, percentages, money amounts
    kKindMoney = 1u << 5,                      // a number with a currency symbol or code
    kKindBoolean = 1u << 6,                    // yes/no, true/false, 1/0, x, oui/non, ja/nein...
    kKindPostal = 1u << 7,                     // postal code shapes of common countries
    kKindCountry = 1u << 8,                    // ISO 3166 alpha-2/alpha-3 code or a country name
    kKindCurrency = 1u << 9,                   // ISO 4217 code
    kKindText = 1u << 10,                      // words: letters, not an email, URL, date or yes/no
    kKindCode = 1u << 11,                      // identifier: no spaces, has digits ("INV-0042", "10023")
};
constexpr unsigned kKindCount = 12;

// The kinds `value` (trimmed) can be; 0 for an empty value.
unsigned classify_value(std::string_view value);

// Kind name as used in the synonym data file and in reasons ("email", "phone", ...).
const char* kind_name(unsigned single_kind);
// The kind for a name from the data file; 0 when unknown.
unsigned kind_from_name(std::string_view name);
// Human wording for reasons: "email addresses", "dates", ...
const char* kind_plural(unsigned single_kind);

// What a column's preview values are.
struct ValueProfile {
    std::size_t total = 0;                     // values seen
    std::size_t non_empty = 0;
    std::size_t distinct = 0;                  // distinct non-empty values
    std::size_t counts[kKindCount] = {};       // values compatible with each kind
    std::vector<std::string> distinct_values;  // trimmed, in first-seen order

    // Share of the non-empty values compatible with `single_kind` (0 when there are none).
    double share(unsigned single_kind) const;
    // Few distinct values repeated (a category): at least 4 values, at most half distinct.
    bool low_cardinality() const { return non_empty >= 4 && distinct * 2 <= non_empty; }
};

ValueProfile profile_values(const std::vector<std::string>& values);

}  // namespace pm::match
