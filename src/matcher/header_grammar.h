// The grammar of structured export headers: "Billing Address - Line 2", "Contact 2 - Phone",
// "Work Address City", "E-mail 1 - Value", "Phone 1 - Type". A header (after normalization and
// the synonym table) reads as
//
//   context words (entity prefixes: billing, work, contact, order...)  +  head (the attribute)
//   + positional indices (1, 2, #1)  + qualifiers (default, primary, main; "value" after an index)
//   + an optional meta qualifier (type, label, kind): the column then describes the attribute
//     ("Phone 1 - Type" holds "Mobile"), it does not hold it.
//
// Two headers agree when their heads agree; the context is then checked on both sides: missing
// context on one side costs a little ("City" vs "Shipping city"), different context on both sides
// means different fields ("Billing city" vs "Shipping city"). Index 1 reads as the plain field;
// index 2 or two different indices do not.
#pragma once

#include "matcher/grammar_words.h"
#include "matcher/lexicon.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::match {

struct HeaderParse {
    int head = -1;                             // the attribute token, -1 when none
    std::vector<int> context;                  // tokens before the head (entity, modifiers)
    std::vector<int> indices;                  // positional numbers, in order
    bool meta = false;                         // ends in type / label / kind
    std::vector<std::string> dropped;          // qualifiers that were dropped ("value", "primary")
};

HeaderParse parse_header(const NameForm& form, const Lexicon& lexicon);
// The head alone (parse_header(form).head), without building a parse: Lexicon::prepare stores it
// in NameForm::grammar_head, so comparing two names starts from two ints.
int grammar_head(const NameForm& form, const Lexicon& lexicon);

struct GrammarScore {
    double score = 0;                          // 0: the grammar does not relate the two names
    bool conflict = false;                     // same attribute, different entities on both sides
    std::string reason;                        // "attribute email (index 1, qualifier value); ..."
    // The reason's parts, for the panel's words (field_matcher.cpp makes its catalog message).
    std::string attribute, entity;  // concept words, as the lexicon writes them (data)
    std::vector<int> index;         // the source's first index, when it has one
    std::vector<std::string> qualifiers;
    bool meta = false, head_first = false;
};

// Scores the two names through their parses (source from a source name, destination registered
// with the same lexicon). `with_reason` false: the reason stays empty (scoring every pair; the
// reason is asked for again for the pairs that are shown).
GrammarScore grammar_compare(const NameForm& source, const NameForm& destination, Lexicon& lexicon, bool with_reason = true);

}  // namespace pm::match
