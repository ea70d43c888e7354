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

#include <array>
#include <cstdint>
#include <vector>

namespace pm::match {

enum class NameMatch { None, Fuzzy, Grammar, Acronym, Synonym, Normalized, Exact };

struct NameScore {
    double score = 0;
    NameMatch how = NameMatch::None;
};

// Lexicon::similarity of one source name's first 8 tokens with any destination token, and the
// counts of its character bigrams, made once per source name so that comparing it with many
// destinations reads arrays instead of searching neighbour lists and merging bigram lists: the
// same values, bit for bit. Valid until the lexicon interns more tokens.
class SourceSimilarities {
public:
    void build(const NameForm& source, Lexicon& lexicon);
    // bigram_dice_sorted(the source's sorted bigrams, destination_bigrams), as compare_names takes it.
    double bigram_dice(const std::vector<std::uint16_t>& destination_bigrams) const;
    // Lexicon::similarity(source.tokens[i], destination_token), i < 8.
    float get(std::size_t i, int destination_token) const {
        const auto d = static_cast<std::size_t>(destination_token);
        if (d >= stamp_.size() || stamp_[d] != generation_) return 0.0f;
        const float similarity = rows_[row_[d]][i];
        return similarity < 0 ? 0.0f : similarity;
    }

private:
    std::vector<unsigned> stamp_, row_;       // per destination token: generation_ when it has a row
    std::vector<std::array<float, 8>> rows_;  // per related destination token: per source token, -1 = none
    unsigned generation_ = 0;
    std::vector<std::uint16_t> bigrams_;        // the source's sorted bigrams
    std::vector<std::uint32_t> bigram_counts_;  // per bigram value: how often the source has it
};

// `source` and `destination` must come from the same Lexicon, the destination registered with it.
// `similarities`: built for `source` (optional; the same result, faster over many destinations).
NameScore compare_names(const NameForm& source, const NameForm& destination, Lexicon& lexicon,
                        const SourceSimilarities* similarities = nullptr);

// The mean of the two coverages (share of each name's token weight that found a partner) used by
// the fuzzy level: a weighted harmonic mean leaning to the source side. Exposed for the blocking
// bounds, which must use the same formula.
double overlap_mean(double source_coverage, double destination_coverage);

// The token part of the fuzzy level alone (0..1), exposed for tests and for the candidate bound.
double token_overlap(const NameForm& source, const NameForm& destination, Lexicon& lexicon,
                     const SourceSimilarities* similarities = nullptr);

}  // namespace pm::match
