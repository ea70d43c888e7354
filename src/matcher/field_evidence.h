// Evidence from preview values: does what a source column holds fit what a destination expects?
//
// A destination expects a kind of value from its type (boolean, number, date, enum options) or,
// for strings, from the concept at the head of its name (email, phone, postal code, ...; the
// `kind` lines of synonyms.txt). Evidence is a number in -1..1: positive when most values fit,
// negative when few do, scaled down when there are fewer than three values and by how telling the
// kind is (every value "fits" free text; few values look like email addresses by accident).
#pragma once

#include "matcher/lexicon.h"
#include "matcher/value_kinds.h"
#include "core/plan/model.h"

#include <string>
#include <vector>

namespace pm::match {

struct Expectation {
    unsigned kind = 0;                         // one ValueKind bit, 0 for none
    bool enum_options = false;                 // enum / enum-list: values should be options
};

// From the field's type, else from the head token of its label or key forms (given prepared).
Expectation expectation_for(const Field& destination, const std::vector<const NameForm*>& forms,
                            const Lexicon& lexicon);

struct Evidence {
    double value = 0;                          // -1..1; 0 when there is nothing to go on
    // What the note says (built on demand by evidence_note: most pairs never show one).
    unsigned expected_kind = 0;
    bool enum_options = false;
    std::size_t fitting = 0, total = 0;        // values that fit, values looked at
    unsigned seen_kind = 0;                    // what the values look like instead, on a contradiction
    std::size_t rows = 0;                      // from the whole column's rows (value_evidence.h); 0: previews
};

// "3 of 3 values are email addresses", "0 of 3 values are email addresses (they look like yes/no
// values)", "2 of 2 values are options of the field"; "" when there was no evidence.
std::string evidence_note(const Evidence& evidence);

// `enum_matched`: for enum destinations, how many of the distinct non-empty values match an option.
Evidence value_evidence(const ValueProfile& profile, const Expectation& expected, std::size_t enum_matched = 0);

// The kind most of the values are, for explaining a contradiction ("they look like yes/no
// values"); 0 when none stands out.
unsigned dominant_kind(const ValueProfile& profile);

}  // namespace pm::match
