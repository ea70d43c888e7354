// Sister spellings read against the synonym table's words (see spelling_neighbours.h).
#include "matcher/spelling_neighbours.h"

#include <algorithm>
#include <string>

namespace pm::match {

namespace {

constexpr std::size_t kMinUnknown = 7;  // "telefoon" yes; "county" (6) is not read as "country"
constexpr std::size_t kMinKnown = 6;

bool lower_letters(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// English inflects by a final letter: "purchased", "purchaser" are forms of "purchase", whose
// meaning as a header word differs (quantity purchased is no purchase quantity); not a spelling.
bool inflection_of(std::string_view word, std::string_view known) {
    if (word.size() != known.size() + 1 || word.substr(0, known.size()) != known) return false;
    const char last = word.back();
    return last == 'd' || last == 's' || last == 'r' || last == 'n';
}

}  // namespace

bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) return i < a.size() && a.substr(i + 1) == b.substr(i + 1);  // one replaced
    return a.substr(i) == b.substr(i + 1);                                                // one inserted
}

Abbreviation spelling_neighbour(std::string_view word, const SynonymTable& table,
                                const std::function<bool(std::string_view)>& known) {
    if (word.size() < kMinUnknown || !lower_letters(word) || table.is_vocabulary_word(word)) return {};
    std::string swapped(word);
    for (std::size_t i = 0; i + 1 < swapped.size(); ++i) {
        std::swap(swapped[i], swapped[i + 1]);
        if (swapped != word && known(swapped)) return {};  // a typo of a known word
        std::swap(swapped[i], swapped[i + 1]);
    }
    const auto& words = table.concept_words();  // sorted by word: those of one first letter are a run
    auto first = std::lower_bound(words.begin(), words.end(), word.substr(0, 1),
                                  [](const SynonymTable::ConceptWord& a, std::string_view b) { return a.word < b; });
    const SynonymTable::ConceptWord* found = nullptr;
    for (auto it = first; it != words.end() && it->word[0] == word[0]; ++it) {
        if (it->word.size() < kMinKnown || !one_edit_apart(word, it->word) || inflection_of(word, it->word)) continue;
        if (found && found->concept_index != it->concept_index) return {};  // neighbours of two concepts
        if (!found) found = &*it;
    }
    if (!found) return {};
    return {found->word, "spelling neighbour"};
}

}  // namespace pm::match
