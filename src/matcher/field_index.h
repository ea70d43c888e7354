// Internal to the field matcher: prepared sources and destinations, and the blocking that keeps
// 2,000 x 2,000 cheap. Destinations' name forms are indexed by canonical token (an inverted
// index), by normalized text, by initials and by expected value kind; a source is scored only
// against destinations reached through those, and token overlap is first bounded with a few
// additions per shared token so that only plausible pairs reach the full comparison.
#pragma once

#include "matcher/field_evidence.h"
#include "matcher/lexicon.h"
#include "matcher/value_evidence.h"
#include "matcher/value_kinds.h"
#include "core/plan/model.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace pm::match::detail {

struct PreparedSource {
    std::size_t input = 0;                     // position in the caller's vector
    const UnmappedField* entry = nullptr;
    std::vector<NameForm> forms;               // key, label
    bool label_repeats_key = false;            // the label has the key's words ("first_name" /
                                               // "First Name"): only its exact text adds anything
    ValueProfile profile;
    const ColumnValues* column = nullptr;      // the whole column's summary, when the rows were read
    unsigned telling_kind = 0;                 // email, URL or phone when the values clearly are
};

struct PreparedDestination {
    std::size_t input = 0;
    const UnmappedField* entry = nullptr;
    std::vector<std::size_t> forms;            // ids into FieldIndex::form()
    std::vector<bool> repeats;                 // per form: same words as an earlier form (only its
                                               // exact text adds anything)
    Expectation expectation;
};

class FieldIndex {
public:
    // Destinations are kept sorted by key, then label, then input position.
    FieldIndex(const std::vector<const UnmappedField*>& destinations, Lexicon& lexicon);

    // `column`: the whole column's summary, used instead of the preview when given.
    PreparedSource prepare_source(const UnmappedField& entry, std::size_t input, bool use_values,
                                  const ColumnValues* column = nullptr);
    // Positions (in destinations()) worth scoring for `source`, ascending.
    void candidates(const PreparedSource& source, std::vector<std::size_t>& out);

    const std::vector<PreparedDestination>& destinations() const { return destinations_; }
    const NameForm& form(std::size_t id) const { return forms_[id]; }

private:
    Lexicon& lexicon_;
    std::vector<PreparedDestination> destinations_;
    std::vector<NameForm> forms_;
    std::vector<std::size_t> form_owner_;                         // form id -> destination position
    std::unordered_map<int, std::vector<std::size_t>> postings_;  // token -> form ids
    std::unordered_map<std::string, std::vector<std::size_t>> by_joined_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_initials_;
    std::unordered_map<unsigned, std::vector<std::size_t>> by_kind_;  // expectation kind -> positions
    // Scratch for candidates(): per form, the source and destination weight covered so far.
    std::vector<float> covered_source_, covered_destination_;
    std::vector<std::size_t> touched_;
    std::vector<unsigned> listed_;  // per position: stamp_ when listed
    unsigned stamp_ = 0;
};

}  // namespace pm::match::detail
