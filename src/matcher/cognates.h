// Romance and Germanic cognates as rules, not lists: a word the synonym table and the destinations
// do not know ("prioridad", "registratie", "nazione", "telefoon") is read as the known English or
// table word it corresponds to by a regular suffix correspondence (-idad/-ità/-ité/-iteit/-ität =
// -ity, -ción/-ção/-zione/-tie = -tion, -enz/-entie/-enza/-encia = -ence, -ia/-ie = -y,
// -ario/-aire = -ary, a final vowel or a Dutch double vowel dropped). A rewrite counts only when its result is a known word, so an unknown word
// that no rule turns into one stays as it is.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace pm::match {

struct Cognate {
    std::string word;  // the known word it reads as ("" when none)
    std::string rule;  // the correspondence used, for reasons ("-idad = -ity")
};

// `known` says whether a candidate is a known word. Looks at most at a fixed number of suffix
// rules, each a constant amount of work plus one lookup: bounded for any word.
Cognate find_cognate(std::string_view word, const std::function<bool(std::string_view)>& known);

}  // namespace pm::match
