// Sister spellings across languages: a word nobody listed that is one letter away from a word of
// the synonym table is read as that word ("telefoon" = telefon, "provincie" = provincia,
// "prioridade" = prioridad). Languages that share a word often spell it one letter apart, and a
// lexicon lists only some of the spellings.
//
// Bounded so that a real word is not taken for another one:
//   - the unknown word has at least 7 letters and the table's word at least 6 ("county" is not
//     "country"; short words have too many neighbours);
//   - both begin with the same letter, and differ by exactly one inserted, deleted or replaced
//     letter (code points: the words are folded ASCII already);
//   - not an English inflection: the table's word plus a final d, s, r or n ("purchased",
//     "purchaser" are not "purchase");
//   - not a typo: a word that two swapped neighbouring letters turn into a known word
//     ("contarct" is contract mistyped, not a spelling of "contact");
//   - every such table word means the same concept (one-word variants that mean a concept alone);
//     neighbours of two concepts read as nothing.
// The caller names the rule in the reason ("spelling neighbour: telefoon = telefon").
#pragma once

#include "matcher/abbreviations.h"
#include "matcher/synonym_table.h"

#include <functional>
#include <string_view>

namespace pm::match {

// `word`: one normalized word (lower-case ASCII letters); words of the table are themselves.
// `known`: whether a word is a known word (the table's or a destination's), for the typo check.
// Returns the table's word (rule "spelling neighbour") or an empty word.
Abbreviation spelling_neighbour(std::string_view word, const SynonymTable& table,
                                const std::function<bool(std::string_view)>& known);

// True when `a` and `b` differ by exactly one inserted, deleted or replaced character.
bool one_edit_apart(std::string_view a, std::string_view b);

}  // namespace pm::match
