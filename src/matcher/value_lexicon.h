// Closed word lists that value recognition needs: country codes and names, currency codes,
// yes/no words and month names. Lookups take lower-case ASCII (already folded) text.
#pragma once

#include <string_view>

namespace pm::match {

bool is_country_code(std::string_view lower);      // ISO 3166-1 alpha-2 or common alpha-3 ("de", "deu")
bool is_country_name(std::string_view lower);      // "germany", "deutschland", "united states", ...
bool is_currency_code(std::string_view lower);     // ISO 4217 ("usd", "eur", ...)
bool is_boolean_word(std::string_view lower);      // "yes", "no", "true", "oui", "ja", "1", "x", ...
// 1 for a word that means yes/true, 0 for no/false, -1 for anything else.
int boolean_polarity(std::string_view lower);
// 1..12 for an English, German, French or Spanish month name or abbreviation; 0 otherwise.
int month_number(std::string_view lower);

}  // namespace pm::match
