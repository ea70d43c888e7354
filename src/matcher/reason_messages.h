// The matcher's reasons as catalog messages (core/json/message_ref.h; the match.* keys of
// src/ui/messages.json), so the panel says them in its language. The matcher keeps its English
// sentence beside them (Candidate::reason) for the CLI; tests/ui/matcher_reasons_test.cpp checks
// that the catalog's English reads word for word the same and that every key has en and de.
#pragma once

#include "core/json/message_ref.h"
#include "matcher/field_evidence.h"
#include "matcher/header_grammar.h"
#include "matcher/lexicon.h"
#include "matcher/name_score.h"

#include <vector>

namespace pm::match {

// How the names relate: "exact label "E-mail"", "synonym of key "dob" (lexicon de: ...)", ...
// `source` or `destination` null: no name in common.
MessageRef name_reason_message(NameMatch how, const NameForm* source, const NameForm* destination, double score,
                               Lexicon& lexicon);

// The grammar's part of a name relation: "grammar: attribute email, index 1, ... of {where}".
MessageRef grammar_reason_message(const GrammarScore& grammar);

// What the values say (preview counts, or the whole column when evidence.rows > 0): "values fit:
// 3 of 3 values are dates", "values: 98% email addresses in 9,000 rows"; empty when nothing.
MessageRef evidence_message(const Evidence& evidence);

// "the only unmapped column and field of their kind".
MessageRef last_of_kind_message();

// A value kind in the plural ("email addresses"): match.kindEmail, ...
MessageRef kind_message(unsigned single_kind);

}  // namespace pm::match
