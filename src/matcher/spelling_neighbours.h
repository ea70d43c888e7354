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
//   - every such table word means the same concept (one-word variants that mean a concept alone);
//     neighbours of two concepts read as nothing.
// The caller names the rule in the reason ("spelling neighbour: telefoon = telefon").
#pragma once

#include "matcher/abbreviations.h"
#include "matcher/synonym_table.h"

#include <string_view>

namespace pm::match {

// `word`: one normalized word (lower-case ASCII letters); words of the table are themselves.
// Returns the table's word (rule "spelling neighbour") or an empty word.
Abbreviation spelling_neighbour(std::string_view word, const SynonymTable& table);

// True when `a` and `b` differ by exactly one inserted, deleted or replaced character.
bool one_edit_apart(std::string_view a, std::string_view b);

}  // namespace pm::match
