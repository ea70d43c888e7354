// How alike two names are (a source header and a destination key/label/alias, or a source value
// and an enum option), from exact equality down to fuzzy token overlap.
//
// Levels, best first (score before value evidence):
//   Exact       1.00  the same text
//   Normalized  0.99  the same after normalization ("First Names" ~ "first_name")
//   Synonym     0.95  the same concepts after the synonym table ("DOB" ~ "Date of birth"),
//                     or the same words in another order ("Date Created" ~ "created_date")
//   Acronym     0.85  one is the initials of the other ("SSN" ~ "Social Security Number")
//   Grammar    <0.95  the same attribute in a structured header, context checked on both sides
//                     (header_grammar.h: "E-mail 1 - Value" ~ "Email", "Work Address City" ~ "City")
//   Fuzzy      <0.90  weighted token overlap (typos and abbreviations give partial credit per
//                     token), blended with a character bigram Dice on the normalized forms.
#pragma once

#include "matcher/lexicon.h"

namespace pm::match {

enum class NameMatch { None, Fuzzy, Grammar, Acronym, Synonym, Normalized, Exact };

struct NameScore {
    double score = 0;
    NameMatch how = NameMatch::None;
};

// `source` and `destination` must come from the same Lexicon, the destination registered with it.
NameScore compare_names(const NameForm& source, const NameForm& destination, Lexicon& lexicon);

// The mean of the two coverages (share of each name's token weight that found a partner) used by
// the fuzzy level: a weighted harmonic mean leaning to the source side. Exposed for the blocking
// bounds, which must use the same formula.
double overlap_mean(double source_coverage, double destination_coverage);

// The token part of the fuzzy level alone (0..1), exposed for tests and for the candidate bound.
double token_overlap(const NameForm& source, const NameForm& destination, Lexicon& lexicon);

}  // namespace pm::match
