// Abbreviations read against the synonym table's words (see abbreviations.h).
#include "matcher/abbreviations.h"

#include "matcher/string_metrics.h"

#include <algorithm>

namespace pm::match {

namespace {

constexpr std::size_t kMinPrefix = 4;    // "desc" yes, "des" no: three letters begin too much
constexpr std::size_t kPrefixSlack = 2;  // the full word is at least this much longer
constexpr std::size_t kMinSkeleton = 3;
constexpr std::size_t kMaxSkeleton = 5;

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }  // "qty": y ends skeletons

bool lower_letters(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The one concept of every word in [first, last) that passes `fits`, or none when they disagree.
template <typename It, typename Fits>
const SynonymTable::ConceptWord* one_concept(It first, It last, Fits fits) {
    const SynonymTable::ConceptWord* found = nullptr;
    for (It it = first; it != last; ++it) {
        if (!fits(*it)) continue;
        if (found && found->concept_index != it->concept_index) return nullptr;
        if (!found) found = &*it;
    }
    return found;
}

}  // namespace

Abbreviation expand_abbreviation(std::string_view word, const SynonymTable& table) {
    if (word.size() < kMinSkeleton || !lower_letters(word) || table.is_vocabulary_word(word)) return {};
    const auto& words = table.concept_words();
    auto starts = [&](std::string_view prefix) {
        return std::lower_bound(words.begin(), words.end(), prefix,
                                [](const SynonymTable::ConceptWord& a, std::string_view b) { return a.word < b; });
    };
    // Words beginning with `word`: a contiguous run of the sorted list.
    if (word.size() >= kMinPrefix) {
        auto first = starts(word), last = first;
        while (last != words.end() && last->word.compare(0, word.size(), word) == 0) ++last;
        const auto* found = one_concept(
            first, last, [&](const SynonymTable::ConceptWord& w) { return w.word.size() >= word.size() + kPrefixSlack; });
        if (found) return {found->word, "abbreviation prefix"};
        if (first != last) return {};  // it begins words of several concepts: ambiguous
    }
    if (word.size() > kMaxSkeleton) return {};
    for (std::size_t i = 1; i < word.size(); ++i)
        if (is_vowel(word[i])) return {};
    // Words with the same first letter: another contiguous run.
    auto first = starts(word.substr(0, 1)), last = first;
    while (last != words.end() && last->word[0] == word[0]) ++last;
    const auto* found = one_concept(first, last, [&](const SynonymTable::ConceptWord& w) {
        // The last letter ends the word or starts its last syllable ("qty" quantity, "nbr" number).
        return w.word.size() >= word.size() + kPrefixSlack && is_abbreviation_of(word, w.word) &&
            w.word.find(word.back(), w.word.size() >= 3 ? w.word.size() - 3 : 0) != std::string::npos;
    });
    if (found) return {found->word, "abbreviation skeleton"};
    return {};
}

}  // namespace pm::match
