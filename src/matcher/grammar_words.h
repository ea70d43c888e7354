// What a word is to the header grammar (header_grammar.h), as bits. The words of each class are
// data: "grammar <class>: word, ..." lines of lexicon/grammar.txt, read by SynonymTable::parse
// (which checks them) and cached per token by the Lexicon, so no pair compares text.
#pragma once

#include <string_view>

namespace pm::match {

enum GrammarWord : unsigned {
    kPlainQualifier = 1,  // default, primary, main, haupt...
    kValueWord = 2,       // value, wert, valeur... (a qualifier after an index)
    kEntityWord = 4,      // billing, shipping, work, contact...
    kMetaWord = 8,        // type, label, kind...
    kNumberWord = 16,     // "number": with an index it is part of it ("Contact #2")
    kModalWord = 32,      // expected, planned, next, previous...: another time's value (name_score.cpp)
};

// The class named in a "grammar <class>:" line (qualifier, value, entity, meta, number, modal), 0
// when unknown.
inline unsigned grammar_word_from_name(std::string_view name) {
    if (name == "qualifier") return kPlainQualifier;
    if (name == "value") return kValueWord;
    if (name == "entity") return kEntityWord;
    if (name == "meta") return kMetaWord;
    if (name == "number") return kNumberWord;
    if (name == "modal") return kModalWord;
    return 0;
}

}  // namespace pm::match
