// Abbreviations of hand-typed headers read against the synonym table's words, in any language:
// "descr" = description, "beschr" = beschreibung, "qty" = quantity, "ansprechp" = ansprechpartner.
//
// Two general rules, both bounded so that a real word is not taken for an abbreviation:
//   - prefix: a word of at least 4 letters that begins words of the table meaning one concept
//     only, each at least 2 letters longer ("descr" begins description, descripcion,
//     descrizione: all the description concept; "stat" begins status and statement: none);
//   - consonant skeleton: a word of 3 to 5 letters with no vowel after its first letter whose
//     letters, in order, are found in words of one concept only that start with the same letter
//     and have its last letter among their last three ("qty" = quantity, "amt" = amount,
//     "nbr" = number).
// The result is a word of the table, so the header then reads as that concept; the caller names
// the rule in the reason ("abbreviation prefix: descr = description").
#pragma once

#include "matcher/synonym_table.h"

#include <string>
#include <string_view>

namespace pm::match {

struct Abbreviation {
    std::string word;       // the table's word the abbreviation stands for; empty: none
    const char* rule = "";  // "abbreviation prefix" or "abbreviation skeleton"
};

// `word`: one normalized word (lower-case ASCII letters); words of the table are not abbreviations.
Abbreviation expand_abbreviation(std::string_view word, const SynonymTable& table);

}  // namespace pm::match
