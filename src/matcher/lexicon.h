// The words of one matching run: interned tokens, prepared names (NameForm), and the fuzzy
// relations between source tokens and destination tokens.
//
// A Lexicon is built for one set of destinations (or enum options): their words are the known
// vocabulary, which lets it split run-together source words ("zipcode" -> zip code, "custid" ->
// cust id) and find, for a source token, the destination tokens it may be a typo or an
// abbreviation of. Those neighbours are computed once per distinct token (a bigram index over the
// destination tokens keeps that cheap), so comparing two names never runs a string metric.
#pragma once

#include "matcher/abbreviations.h"
#include "matcher/cognates.h"
#include "matcher/synonym_table.h"
#include "matcher/text_normalize.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pm::match {

struct HeaderParse;  // header_grammar.h

enum class NameOrigin { Key, Label, Alias, Value };
const char* to_string(NameOrigin origin);

// One name of a field (its key, its label, an alias) or of an enum option, ready to compare.
struct NameForm {
    NameOrigin origin = NameOrigin::Key;
    std::string text;                          // as given, trimmed and cut to bounded_prefix(): reasons
    bool truncated = false;                    // the text was longer than that: never "exact"
    std::string joined;                        // normalized words concatenated: "same after normalization"
    std::string initials;                      // first letters of every word, noise words included
    std::vector<std::uint16_t> bigrams;        // sorted character bigrams of `joined` (destination
                                               // forms and field sources; empty: computed when needed)
    std::vector<int> tokens;                   // canonical tokens (synonyms applied), in order
    std::vector<int> numbers;                  // the numbers among them, in order ("Phone 1" -> 1)
    std::vector<SynonymUse> synonym_uses;      // what the synonym table and lexicon replaced
    std::vector<int> sorted_tokens;            // the same, sorted: order-free equality
    std::vector<float> weights;                // per token: 1, or 0.5 for generic words and digits
    float total_weight = 0;
    bool used_synonyms = false;                // tokens differ from the plain normalized words
    std::size_t word_count = 0;                // normalized words before synonyms
    int grammar_head = -1;                     // the header grammar's attribute token (computed once
                                               // here, not per pair: header_grammar.h grammar_head)
    // The whole parse_header() of a name that has a head, also made once (grammar_compare used to
    // parse both names of every pair whose heads were related: allocations and copies that made
    // most of the matcher's time in wasm). Shared: copying a form does not copy it.
    std::shared_ptr<const HeaderParse> grammar_parse;

    bool empty() const { return tokens.empty(); }
};

// A destination token related to a source token, with its similarity (0..1).
struct Neighbour {
    int token;
    float similarity;
};

class Lexicon {
public:
    explicit Lexicon(const SynonymTable& synonyms = SynonymTable::builtin());

    // Adds destination-side text (names of destinations, enum options). Call for every
    // destination name before preparing any source name: segmentation and fuzzy neighbours use
    // the whole vocabulary.
    void add_destination_name(std::string_view text);
    // `source`: a source-side name, whose numbers unknown to the destinations share one token.
    NameForm prepare(std::string_view text, NameOrigin origin, bool source = false);
    // The same from text already normalized (normalize_text(text)), to avoid doing it twice.
    // `complete` false: without the sorted tokens and the grammar reading, which compare_names
    // needs but a candidate search does not (enum values: most find no candidate); complete_form()
    // adds them later.
    NameForm prepare(const NormalizedText& normalized, std::string_view text, NameOrigin origin, bool source = false,
                     bool with_bigrams = true, bool complete = true);
    // The same into `form`, replacing it but reusing its lists and strings: one form per enum
    // value of a column would otherwise allocate them all again.
    void prepare_into(NameForm& form, const NormalizedText& normalized, std::string_view text, NameOrigin origin,
                      bool source = false, bool with_bigrams = true, bool complete = true);
    void complete_form(NameForm& form) const;
    // Marks the tokens of a prepared destination form as destination tokens (fuzzy targets).
    void register_destination_form(const NameForm& form);

    // Destination tokens that `token` may stand for (typo, abbreviation, related concept), the
    // token itself excluded. Computed on first use and cached.
    const std::vector<Neighbour>& neighbours(int token);
    // Similarity of a source token and a destination token: 1 when equal, else from neighbours().
    float similarity(int source_token, int destination_token);

    std::size_t token_count() const { return tokens_.size(); }
    const std::string& text(int token) const { return tokens_[static_cast<std::size_t>(token)].text; }
    bool is_generic(int token) const { return tokens_[static_cast<std::size_t>(token)].generic; }
    bool is_digits(int token) const { return tokens_[static_cast<std::size_t>(token)].digits; }
    unsigned grammar_class(int token) const { return tokens_[static_cast<std::size_t>(token)].grammar; }
    unsigned kind_of(int token) const { return tokens_[static_cast<std::size_t>(token)].kind; }
    const SynonymTable& synonyms() const { return synonyms_; }
    std::string describe(int token) const { return synonyms_.display(text(token)); }

private:
    struct TokenInfo {
        std::string text;
        bool generic = false;
        bool digits = false;
        bool concept = false;                  // a multi-word concept ("postal_code"): never fuzzy
        bool dictionary = false;               // a word of the synonym table: a real word
        bool destination = false;
        bool neighbours_done = false;
        unsigned kind = 0;     // the synonym table's value kind, looked up once
        unsigned grammar = 0;  // header_grammar.h grammar_word_class, found once
        std::vector<Neighbour> neighbours;
    };
    int intern(const std::string& text);
    // Numbers no destination mentions all share one token: they can only ever be "a number that
    // matches nothing", and long columns of values would otherwise grow the lexicon without end.
    int unknown_number();
    // German umlauts spelt out ("Geschaeftlich", "Strasse" is already ss): ae/oe/ue become a/o/u,
    // as ä/ö/ü fold in normalize_text, so both spellings meet. Words the synonym table knows are
    // left alone ("value", "due"), and so are short ones; both sides get the same folding.
    std::string fold_umlaut_spelling(std::string word) const;
    // Appends the pieces of `word` to `out` (the word itself when it does not split).
    void segment_into(std::string word, std::vector<std::string>& out);
    // The known word an unknown `word` is a cognate of (cognates.h), cached; empty when none.
    const Cognate& cognate_of(const std::string& word);
    // The table's word an unknown `word` abbreviates (abbreviations.h) or is a sister spelling of
    // (spelling_neighbours.h), cached; empty when none.
    const Abbreviation& abbreviation_of(const std::string& word);
    // What prepare() reads one normalized word as: its pieces after segmentation, umlaut folding,
    // cognates and abbreviations, and the cognate/abbreviation uses, in order. The same for the
    // same word (it depends on the destination vocabulary only, fixed before any source is
    // prepared), so it is worked out once per distinct lower-case word: a column of 10,000
    // values repeats its words, and each reading costs several hash lookups and string copies.
    struct WordReading {
        std::string joined;  // the pieces concatenated, before cognates
        std::vector<std::string> words;
        std::vector<SynonymUse> uses;
    };
    const WordReading& read_word(const std::string& word);
    float fuzzy_similarity(const TokenInfo& a, const TokenInfo& b) const;

    const SynonymTable& synonyms_;
    std::vector<TokenInfo> tokens_;
    std::unordered_map<std::string, int> ids_;
    // Words that may be pieces of a run-together word: destination words and the synonym table's,
    // as views into storage that never moves (lookups without building strings).
    std::unordered_set<std::string_view> pieces_;
    std::vector<std::unique_ptr<std::string>> piece_storage_;
    std::size_t longest_piece_ = 0;
    std::unordered_map<std::string, std::vector<std::string>> segment_cache_;
    std::unordered_map<std::string, Cognate> cognate_cache_;
    std::unordered_map<std::string, Abbreviation> abbreviation_cache_;
    std::unordered_map<std::string, WordReading> reading_cache_;
    std::vector<int> destination_tokens_;                    // in registration order
    std::unordered_map<std::uint32_t, std::vector<int>> bigram_index_;  // bigram -> destination tokens
    std::unordered_map<char, std::vector<int>> first_letter_index_;
    int unknown_number_ = -1;
};

}  // namespace pm::match
