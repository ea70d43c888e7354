// Name comparison (see name_score.h).
#include "matcher/name_score.h"

#include "matcher/header_grammar.h"
#include "matcher/string_metrics.h"

#include <algorithm>

namespace pm::match {

namespace {

constexpr double kNormalizedScore = 0.99;
constexpr double kSynonymScore = 0.95;
constexpr double kAcronymScore = 0.85;
constexpr double kFuzzyCap = 0.9;
// English headers put the head noun last: "Email consent" is a consent, "Phone type" a type. When
// the head of one name finds no partner in the other, the names talk about different things.
constexpr double kHeadPenalty = 0.7;
constexpr double kBothHeadsPenalty = 0.6;
// Only generic or entity words shared, while the source has a word of its own (token_overlap).
constexpr double kWeakSharePenalty = 0.8;
// "Address 2" vs "address_line_1": both have a number and they differ.
constexpr double kNumberMismatchPenalty = 0.5;
// "Billing city" vs "Shipping city": the same attribute of two different entities.
constexpr double kEntityConflictPenalty = 0.5;
// "Expected payment date" vs "Payment date": a word that puts the value at another time (grammar_words.h
// kModalWord) on one side only. Low enough that a name otherwise equal stays a weak candidate, below
// the threshold and below the last-of-a-kind rule's name floor (field_matcher.cpp) even with fitting values.
constexpr double kModalPenalty = 0.4;
// Weight of source coverage in the weighted harmonic mean of the two coverages.
constexpr double kSourceShare = 0.65;

bool is_acronym_of(const NameForm& short_form, const NameForm& long_form, const Lexicon& lexicon) {
    if (short_form.tokens.size() != 1 || long_form.word_count < 2) return false;
    const int token = short_form.tokens[0];
    const std::string& text = lexicon.text(token);
    // A known word ("id", "tax") is itself, not somebody's initials.
    if (text.size() < 2 || text.size() > 5 || lexicon.synonyms().is_vocabulary_word(text) || lexicon.is_digits(token))
        return false;
    return text == long_form.initials;
}

// Whether one name has a modal word ("expected", "previous") the other does not have.
bool modal_on_one_side(const NameForm& source, const NameForm& destination, const Lexicon& lexicon) {
    const auto has = [&](const NameForm& form, int token) {
        return std::find(form.tokens.begin(), form.tokens.end(), token) != form.tokens.end();
    };
    for (int token : source.tokens)
        if ((lexicon.grammar_class(token) & kModalWord) && !has(destination, token)) return true;
    for (int token : destination.tokens)
        if ((lexicon.grammar_class(token) & kModalWord) && !has(source, token)) return true;
    return false;
}

}  // namespace

double overlap_mean(double source_coverage, double destination_coverage) {
    if (source_coverage <= 0 || destination_coverage <= 0) return 0.0;
    return 1.0 / (kSourceShare / source_coverage + (1.0 - kSourceShare) / destination_coverage);
}

void SourceSimilarities::build(const NameForm& source, Lexicon& lexicon) {
    if (++generation_ == 0) {
        std::fill(stamp_.begin(), stamp_.end(), 0u);
        generation_ = 1;
    }
    rows_.clear();
    stamp_.resize(lexicon.token_count(), 0u);
    row_.resize(lexicon.token_count(), 0u);
    // The first value found for a pair is the one Lexicon::similarity returns: the token itself
    // (1), else the first neighbour listed with that token.
    auto note = [&](std::size_t i, int token, float similarity) {
        const auto d = static_cast<std::size_t>(token);
        if (stamp_[d] != generation_) {
            stamp_[d] = generation_;
            row_[d] = static_cast<unsigned>(rows_.size());
            rows_.emplace_back();
            rows_.back().fill(-1.0f);
        }
        float& slot = rows_[row_[d]][i];
        if (slot < 0) slot = similarity;
    };
    for (std::size_t i = 0; i < source.tokens.size() && i < 8; ++i) {
        note(i, source.tokens[i], 1.0f);
        for (const Neighbour& neighbour : lexicon.neighbours(source.tokens[i])) note(i, neighbour.token, neighbour.similarity);
    }
    // The bigrams compare_names would use (a form prepared without them gets them from `joined`).
    for (std::uint16_t bigram : bigrams_) bigram_counts_[bigram] = 0;
    bigrams_ = source.bigrams.empty() && !source.joined.empty() ? sorted_bigrams(source.joined) : source.bigrams;
    bigram_counts_.resize(std::size_t{1} << 16, 0u);
    for (std::uint16_t bigram : bigrams_) ++bigram_counts_[bigram];
}

double SourceSimilarities::bigram_dice(const std::vector<std::uint16_t>& b) const {
    const std::vector<std::uint16_t>& a = bigrams_;
    if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
    // What the merge in bigram_dice_sorted counts: per bigram value, the smaller multiplicity.
    std::size_t common = 0;
    for (std::size_t k = 0; k < b.size();) {
        std::size_t run = k + 1;
        while (run < b.size() && b[run] == b[k]) ++run;
        common += std::min<std::size_t>(bigram_counts_[b[k]], run - k);
        k = run;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

double token_overlap(const NameForm& source, const NameForm& destination, Lexicon& lexicon,
                     const SourceSimilarities* similarities) {
    const std::size_t ns = source.tokens.size(), nd = destination.tokens.size();
    if (ns == 0 || nd == 0) return 0.0;
    struct Pair {
        float similarity;
        std::size_t i, j;
    };
    // Names have a handful of tokens: a small array, sorted, then a greedy one-to-one pairing.
    Pair pairs[64];
    std::size_t count = 0;
    for (std::size_t i = 0; i < ns && i < 8; ++i)
        for (std::size_t j = 0; j < nd && j < 8; ++j) {
            const float similarity = similarities ? similarities->get(i, destination.tokens[j])
                                                  : lexicon.similarity(source.tokens[i], destination.tokens[j]);
            if (similarity > 0) pairs[count++] = {similarity, i, j};
        }
    if (count == 0) return 0.0;
    std::sort(pairs, pairs + count, [](const Pair& a, const Pair& b) {
        if (a.similarity != b.similarity) return a.similarity > b.similarity;
        return a.i != b.i ? a.i < b.i : a.j < b.j;
    });
    float matched_s[8] = {}, matched_d[8] = {};
    for (std::size_t k = 0; k < count; ++k) {
        const Pair& p = pairs[k];
        if (matched_s[p.i] > 0 || matched_d[p.j] > 0) continue;
        matched_s[p.i] = p.similarity;
        matched_d[p.j] = p.similarity;
    }
    double covered_s = 0, covered_d = 0, total_s = 0, total_d = 0;
    for (std::size_t i = 0; i < ns && i < 8; ++i) {
        covered_s += source.weights[i] * matched_s[i];
        total_s += source.weights[i];
    }
    for (std::size_t j = 0; j < nd && j < 8; ++j) {
        covered_d += destination.weights[j] * matched_d[j];
        total_d += destination.weights[j];
    }
    const double cs = covered_s / total_s, cd = covered_d / total_d;
    if (cs <= 0 || cd <= 0) return 0.0;
    // Destination names often carry context the source leaves implicit ("Total" in an orders file
    // is order_total), so unexplained destination words cost less than unexplained source words.
    double score = overlap_mean(cs, cd);

    const std::size_t head_s = std::min<std::size_t>(ns, 8) - 1, head_d = std::min<std::size_t>(nd, 8) - 1;
    const bool s_head_lost = ns >= 2 && matched_s[head_s] == 0;
    const bool d_head_lost = nd >= 2 && matched_d[head_d] == 0;
    // A lost generic head ("Company name" vs company) matters only when the other head is lost too
    // ("Product code" vs product_name).
    const bool s_counts = s_head_lost && (!lexicon.is_generic(source.tokens[head_s]) || d_head_lost);
    const bool d_counts = d_head_lost && (!lexicon.is_generic(destination.tokens[head_d]) || s_head_lost);
    if (s_counts && d_counts) score *= kBothHeadsPenalty;
    else if (s_counts || d_counts) score *= kHeadPenalty;

    // Weak evidence: every source word the names share is generic or an entity word ("Company" in
    // "Category company" vs "Company name", "Customer" in "Customer job" vs "Customer name") while
    // the source says something else too. Sharing whose thing it is does not make it the same
    // attribute, so such a pair stays below the default threshold unless the rest of it agrees.
    bool s_shares_content = false, s_unshared_content = false;
    for (std::size_t i = 0; i < ns && i < 8; ++i) {
        const int token = source.tokens[i];
        if (lexicon.is_digits(token)) continue;
        const bool weak = lexicon.is_generic(token) || (lexicon.grammar_class(token) & kEntityWord);
        if (matched_s[i] > 0 && !weak) s_shares_content = true;
        if (matched_s[i] == 0 && !weak) s_unshared_content = true;
    }
    if (!s_shares_content && s_unshared_content) score *= kWeakSharePenalty;

    bool s_lone_number = false, d_lone_number = false;
    for (std::size_t i = 0; i < ns && i < 8; ++i)
        if (matched_s[i] == 0 && lexicon.is_digits(source.tokens[i])) s_lone_number = true;
    for (std::size_t j = 0; j < nd && j < 8; ++j)
        if (matched_d[j] == 0 && lexicon.is_digits(destination.tokens[j])) d_lone_number = true;
    if (s_lone_number && d_lone_number) score *= kNumberMismatchPenalty;
    return score;
}

NameScore compare_names(const NameForm& source, const NameForm& destination, Lexicon& lexicon,
                        const SourceSimilarities* similarities) {
    if (source.empty() || destination.empty()) return {};
    if (source.text == destination.text && !source.truncated && !destination.truncated) return {1.0, NameMatch::Exact};
    if (source.joined == destination.joined) return {kNormalizedScore, NameMatch::Normalized};
    if (source.sorted_tokens == destination.sorted_tokens) return {kSynonymScore, NameMatch::Synonym};
    if (is_acronym_of(source, destination, lexicon) || is_acronym_of(destination, source, lexicon))
        return {kAcronymScore, NameMatch::Acronym};
    const double tokens = token_overlap(source, destination, lexicon, similarities);
    // No token in common among the first 8 (all of them in a name of 8 or fewer, so not the heads
    // either): the grammar cannot relate the names.
    if (tokens <= 0 && source.tokens.size() <= 8 && destination.tokens.size() <= 8) return {};
    const GrammarScore grammar = grammar_compare(source, destination, lexicon, false);
    if (tokens <= 0) return grammar.score > 0 ? NameScore{grammar.score, NameMatch::Grammar} : NameScore{};
    // A form prepared without bigrams (an enum value, compared with few options) gets them here.
    double chars = 0;
    if (similarities) chars = similarities->bigram_dice(destination.bigrams);
    else if (source.bigrams.empty() && !source.joined.empty())
        chars = bigram_dice_sorted(sorted_bigrams(source.joined), destination.bigrams);
    else chars = bigram_dice_sorted(source.bigrams, destination.bigrams);
    double fuzzy = std::min(kFuzzyCap, 0.85 * tokens + 0.15 * chars);
    if (grammar.conflict) fuzzy *= kEntityConflictPenalty;
    const double modal = modal_on_one_side(source, destination, lexicon) ? kModalPenalty : 1.0;
    if (grammar.score > fuzzy) return {grammar.score * modal, NameMatch::Grammar};
    return {fuzzy * modal, NameMatch::Fuzzy};
}

}  // namespace pm::match
