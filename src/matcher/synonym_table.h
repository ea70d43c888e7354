// The abbreviation and synonym table: which words and phrases in column headers mean the same
// thing ("dob", "birth date", "Geburtsdatum" -> date of birth), which concepts are related but not
// equal (phone ~ mobile), which words carry little information ("name", "number", "id"), and what
// values a concept expects (email -> email addresses). The data lives in synonyms.txt next to this
// file, embedded into the library at build time (no file system needed, e.g. in wasm); its syntax
// is described at the top of that file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pm::match {

// One replacement canonicalize() made: which words became which concept, and the language file
// the variant came from ("" for synonyms.txt itself).
struct SynonymUse {
    std::string variant;                       // normalized words, space-separated
    std::string concept_token;
    std::string language;                      // "en" for domains.txt, "" for synonyms.txt
};

class SynonymTable {
public:
    // The table built from the embedded synonyms.txt and the language files of lexicon/ (parsed
    // once, on first use).
    static const SynonymTable& builtin();
    // The embedded text itself: synonyms.txt followed by every lexicon/*.txt.
    static std::string builtin_text();

    // Parses table text; each problem is reported as "line N: what" in `errors` (when given).
    // A line "@language xx" starts a language section: its lines may only add variants to
    // concepts defined before it (an unknown concept is an error), and its variants are tagged
    // with the language; "@concepts" starts a section that may define concepts again (its
    // variants are tagged "en"). A variant
    // listed twice for one concept is an error too.
    static SynonymTable parse(std::string_view text, std::vector<std::string>* errors = nullptr);

    // The concept tokens of normalized words: one-word variants are replaced first, then the
    // longest phrase variants ("phone no" -> phone); words that mean nothing special stay as they
    // are. Concept tokens are the canonical phrase with '_' between words ("postal_code").
    // `changed` (when given) tells whether any word was replaced.
    // `uses` (when given) receives every replacement made.
    std::vector<std::string> canonicalize(std::vector<std::string> words, bool* changed = nullptr,
                                          std::vector<SynonymUse>* uses = nullptr) const;

    // Partial credit for two distinct concepts (0 when unrelated), and every concept related to one.
    double related(std::string_view a, std::string_view b) const;
    const std::vector<std::pair<std::string, double>>& related_to(std::string_view token) const;
    // The value kind (value_kinds.h) a concept expects; 0 when none.
    unsigned kind_of(std::string_view concept_token) const;
    bool is_generic(std::string_view token) const { return generic_.count(std::string(token)) > 0; }
    // The header grammar's classes of a word (grammar_words.h bits; lexicon/grammar.txt), 0 for none.
    unsigned grammar_class(std::string_view word) const {
        const auto found = grammar_.find(std::string(word));
        return found == grammar_.end() ? 0u : found->second;
    }
    // Every word used in any variant: the vocabulary that splits "zipcode" into "zip code".
    bool is_vocabulary_word(std::string_view word) const { return vocabulary_.count(std::string(word)) > 0; }
    const std::unordered_set<std::string>& vocabulary() const { return vocabulary_; }
    // The word means a concept by itself (a one-word variant or a concept's own word), as opposed
    // to a word that only occurs inside phrases ("rechnungsnummer" of "rechnungsnummer extern").
    bool means_alone(const std::string& word) const {
        const auto it = words_.find(word);
        return (it != words_.end() && it->second.concept_index != kNoConcept) || phrases_.count(word) > 0;
    }
    // The canonical phrase of a concept token as the table writes it, for reasons
    // ("date_birth" -> "date of birth"); other tokens with '_' read as spaces.
    std::string display(std::string_view concept_token) const;

    std::size_t concept_count() const { return concepts_.size(); }

    // The words that mean a concept by themselves (one-word variants and one-word concepts), with
    // the concept's index, sorted by word: abbreviations (abbreviations.h) are read against them.
    struct ConceptWord {
        std::string word;
        std::size_t concept_index;
    };
    const std::vector<ConceptWord>& concept_words() const { return concept_words_; }

private:
    // canonicalize()'s step for an index after the entity words that follow its head (see there).
    void move_index_to_head(std::vector<std::string>& words, std::size_t* longest, bool* translated) const;
    struct Variant {
        std::size_t concept_index;
        bool whole_name_only;
        std::string language;
    };
    std::vector<std::string> concepts_;
    std::unordered_map<std::string, std::string> written_;       // concept token -> phrase as written
    // Per known word, in one lookup: the concept a one-word variant means (kNoConcept: none) and
    // the longest phrase that starts with the word after that replacement (1: none).
    struct WordInfo {
        std::size_t concept_index;
        std::size_t longest_phrase;
        std::string language;                  // of the one-word variant
        bool inside_only = false;              // a {variant}: replaced only inside a longer header
    };
    static constexpr std::size_t kNoConcept = static_cast<std::size_t>(-1);
    std::unordered_map<std::string, WordInfo> words_;
    std::unordered_map<std::string, Variant> phrases_;           // "phone number" -> phone
    std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> related_;  // both ways
    std::unordered_map<std::string, unsigned> kinds_;
    std::unordered_set<std::string> generic_;
    std::unordered_map<std::string, unsigned> grammar_;
    std::unordered_set<std::string> vocabulary_;
    std::size_t longest_phrase_ = 1;
    std::vector<ConceptWord> concept_words_;
};

}  // namespace pm::match
