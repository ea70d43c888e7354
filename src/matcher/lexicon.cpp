// Interned tokens, prepared names and fuzzy token relations (see lexicon.h).
#include "matcher/lexicon.h"

#include "core/json/text.h"
#include "matcher/abbreviations.h"
#include "matcher/header_grammar.h"
#include "matcher/spelling_neighbours.h"
#include "matcher/string_metrics.h"
#include "matcher/text_normalize.h"
#include "matcher/value_kinds.h"

#include <algorithm>
#include <limits>

namespace pm::match {

namespace {

bool all_lower_letters(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Letters only, in any script: lower-case ASCII letters or non-ASCII characters (normalize_text
// leaves no upper case, punctuation or spaces inside a word). Fuzzy relations apply to these.
bool letters_only(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::uint32_t bigram(char a, char b) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(a)) << 8) | static_cast<unsigned char>(b);
}

}  // namespace

const char* to_string(NameOrigin origin) {
    switch (origin) {
        case NameOrigin::Key: return "key";
        case NameOrigin::Label: return "label";
        case NameOrigin::Alias: return "alias";
        case NameOrigin::Value: return "value";
    }
    return "";
}

Lexicon::Lexicon(const SynonymTable& synonyms) : synonyms_(synonyms) {
    for (const std::string& word : synonyms_.vocabulary())
        if (word.size() >= 3 || word.size() == 2) {
            pieces_.insert(word);                       // views into the table, which outlives us
            longest_piece_ = std::max(longest_piece_, word.size());
        }
}

std::string Lexicon::fold_umlaut_spelling(std::string word) const {
    if (word.size() < 5 || !all_lower_letters(word) || synonyms_.is_vocabulary_word(word)) return word;
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        out += word[i];
        const char c = word[i];
        if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < word.size() && word[i + 1] == 'e') ++i;
    }
    return out;
}

void Lexicon::add_destination_name(std::string_view text) {
    for (const std::string& spelt : normalize_text(text).words) {
        const std::string word = fold_umlaut_spelling(spelt);
        if (!all_lower_letters(word) || word.size() < 3 || pieces_.count(word)) continue;
        piece_storage_.push_back(std::make_unique<std::string>(word));
        pieces_.insert(*piece_storage_.back());
        longest_piece_ = std::max(longest_piece_, word.size());
    }
}

void Lexicon::segment_into(std::string word, std::vector<std::string>& out) {
    // Only long run-together words that mean nothing by themselves in the synonym table. A word
    // found only inside its phrases ("rechnungsnummer" of "rechnungsnummer extern", but also
    // "proprio" of "nome proprio") splits only into words that each mean a concept alone.
    if (word.size() < 6 || !all_lower_letters(word) || synonyms_.means_alone(word)) {
        out.push_back(std::move(word));
        return;
    }
    const auto cached = segment_cache_.find(word);
    if (cached != segment_cache_.end()) {
        out.insert(out.end(), cached->second.begin(), cached->second.end());
        return;
    }
    // Two-letter pieces only from the synonym table ("id", "no", "nr").
    const bool phrase_word = synonyms_.is_vocabulary_word(word);
    auto known_piece = [&](std::string_view piece) {
        if (piece.size() < 2 || piece.size() > longest_piece_ || !pieces_.count(piece)) return false;
        if (phrase_word) return piece.size() >= 4 && synonyms_.means_alone(std::string(piece));
        return piece.size() >= 3 || synonyms_.is_vocabulary_word(std::string(piece));
    };
    // German and Dutch compounds join their parts with a linking element: Rechnung-s-nummer,
    // Zahlung-s-status, betaling-s-kenmerk, klant-en-nummer. A known word of at least four letters
    // followed by one ("s", "es", "en", "n") is a piece; the link is dropped from it. Never at the
    // end of the word: a final "s" there is a plural or the word itself.
    auto linked_length = [&](std::string_view piece, bool last) -> std::size_t {
        if (known_piece(piece)) return piece.size();
        if (last) return 0;
        for (std::string_view link : {"s", "es", "en", "n"}) {
            if (piece.size() < link.size() + 4 || piece.substr(piece.size() - link.size()) != link) continue;
            const std::string_view stem = piece.substr(0, piece.size() - link.size());
            if (known_piece(stem)) return stem.size();
        }
        return 0;
    };
    // Fewest pieces wins; among equals the first split found (longest first piece) - deterministic.
    // A piece is at most longest_piece_ long, so only that many start positions per end position
    // are tried: linear in the word's length (normalize_text bounds the word anyway).
    const std::size_t n = word.size();
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    // kept[end]: the length of the piece ending at `end` without its linking element.
    std::vector<std::size_t> pieces(n + 1, kNone), previous(n + 1, 0), kept(n + 1, 0);
    pieces[0] = 0;
    const std::size_t longest = longest_piece_ + 2;  // room for a linking element
    for (std::size_t end = 1; end <= n; ++end)
        for (std::size_t start = end > longest ? end - longest : 0; start < end; ++start) {
            if (pieces[start] == kNone || pieces[start] + 1 >= pieces[end]) continue;
            if (start == 0 && end == n) continue;  // the word itself is no split
            const std::size_t length = linked_length(std::string_view(word).substr(start, end - start), end == n);
            if (length == 0) continue;
            pieces[end] = pieces[start] + 1;
            previous[end] = start;
            kept[end] = length;
        }
    std::vector<std::string> split;
    if (pieces[n] == kNone || pieces[n] < 2) {
        split.push_back(word);
    } else {
        for (std::size_t end = n; end > 0; end = previous[end]) split.push_back(word.substr(previous[end], kept[end]));
        std::reverse(split.begin(), split.end());
    }
    out.insert(out.end(), split.begin(), split.end());
    segment_cache_.emplace(std::move(word), std::move(split));
}

const Cognate& Lexicon::cognate_of(const std::string& word) {
    static const Cognate none;
    // Known words, numbers and short words are what they are.
    if (word.size() < 5 || synonyms_.is_vocabulary_word(word) || pieces_.count(word)) return none;
    const auto cached = cognate_cache_.find(word);
    if (cached != cognate_cache_.end()) return cached->second;
    const Cognate found = find_cognate(word, [this](std::string_view candidate) {
        return candidate.size() >= 4 && pieces_.count(candidate) > 0;
    });
    return cognate_cache_.emplace(word, found).first->second;
}

const Abbreviation& Lexicon::abbreviation_of(const std::string& word) {
    static const Abbreviation none;
    // Destination words are what they are (a prefix of one is a fuzzy neighbour already).
    if (pieces_.count(word)) return none;
    const auto cached = abbreviation_cache_.find(word);
    if (cached != abbreviation_cache_.end()) return cached->second;
    Abbreviation found = expand_abbreviation(word, synonyms_);
    if (found.word.empty())
        found = spelling_neighbour(word, synonyms_, [this](std::string_view w) { return pieces_.count(w) > 0; });
    return abbreviation_cache_.emplace(word, std::move(found)).first->second;
}

const Lexicon::WordReading& Lexicon::read_word(const std::string& word) {
    const auto cached = reading_cache_.find(word);
    if (cached != reading_cache_.end()) return cached->second;
    WordReading reading;
    std::vector<std::string>& words = reading.words;
    // A compound of known words is split as written ("steuerbetrag": steuer + betrag), before
    // the umlaut folding that would read its "ue" as ü; anything else is folded first.
    segment_into(word, words);
    if (words.size() < 2) {
        words.clear();
        // Portuguese "-ões" is no spelt-out umlaut: a word whose folding is unknown but that is a
        // cognate as written stays as written ("observacoe" -> observation, not "observaco").
        std::string folded = fold_umlaut_spelling(word);
        if (folded != word && !pieces_.count(folded) && !synonyms_.is_vocabulary_word(folded) && !cognate_of(word).word.empty())
            words.push_back(word);
        else segment_into(std::move(folded), words);
    }
    reading.joined = joined(words);
    // Words nobody listed may still be cognates of known ones ("prioridad" = priority).
    for (std::string& piece : words) {
        const Cognate& cognate = cognate_of(piece);
        if (cognate.word.empty()) {
            // Still unknown: perhaps a hand-typed abbreviation of a known word ("descr").
            // Or a sister spelling of a known word in another language ("telefoon" = telefon).
            const Abbreviation& abbreviation = abbreviation_of(piece);
            if (abbreviation.word.empty()) continue;
            reading.uses.push_back({piece, abbreviation.word, abbreviation.rule});
            piece = abbreviation.word;
            continue;
        }
        reading.uses.push_back({piece, cognate.word, "cognate " + cognate.rule});
        piece = cognate.word;
    }
    return reading_cache_.emplace(word, std::move(reading)).first->second;
}

int Lexicon::intern(const std::string& text) {
    const auto found = ids_.find(text);
    if (found != ids_.end()) return found->second;
    TokenInfo info;
    info.text = text;
    info.generic = synonyms_.is_generic(text);
    info.digits = all_digits(text);
    info.concept = text.find('_') != std::string::npos;
    info.dictionary = info.concept || synonyms_.is_vocabulary_word(text);
    info.kind = synonyms_.kind_of(text);
    info.grammar = synonyms_.grammar_class(text);
    const int id = static_cast<int>(tokens_.size());
    tokens_.push_back(std::move(info));
    ids_.emplace(text, id);
    return id;
}

int Lexicon::unknown_number() {
    if (unknown_number_ < 0) {
        unknown_number_ = intern("<number>");
        tokens_[static_cast<std::size_t>(unknown_number_)].digits = true;
    }
    return unknown_number_;
}

NameForm Lexicon::prepare(std::string_view text, NameOrigin origin, bool source) {
    return prepare(normalize_text(trim_ascii(text)), text, origin, source);
}

NameForm Lexicon::prepare(const NormalizedText& normalized, std::string_view text, NameOrigin origin, bool source,
                          bool with_bigrams, bool complete) {
    NameForm form;
    prepare_into(form, normalized, text, origin, source, with_bigrams, complete);
    return form;
}

void Lexicon::prepare_into(NameForm& form, const NormalizedText& normalized, std::string_view text, NameOrigin origin,
                           bool source, bool with_bigrams, bool complete) {
    {
        // A fresh form that keeps the previous one's buffers, emptied (every other field is reset).
        NameForm fresh;
        fresh.text = std::move(form.text);
        fresh.joined = std::move(form.joined);
        fresh.tokens = std::move(form.tokens);
        fresh.weights = std::move(form.weights);
        fresh.numbers = std::move(form.numbers);
        fresh.sorted_tokens = std::move(form.sorted_tokens);
        fresh.text.clear();
        fresh.joined.clear();
        fresh.tokens.clear();
        fresh.weights.clear();
        fresh.numbers.clear();
        fresh.sorted_tokens.clear();
        form = std::move(fresh);
    }
    form.origin = origin;
    const std::string_view whole = trim_ascii(text);
    form.text.assign(bounded_prefix(whole));
    form.truncated = form.text.size() < whole.size();
    std::vector<std::string> words;
    words.reserve(normalized.words.size() + 2);
    form.tokens.reserve(normalized.words.size() + 2);
    form.weights.reserve(normalized.words.size() + 2);
    std::vector<SynonymUse> cognate_uses;
    for (const std::string& word : normalized.words) {
        // Words with anything but a-z (numbers, other scripts) neither split, fold, nor have a
        // cognate or an abbreviation (each of those steps reads a-z words only): as they are.
        if (!all_lower_letters(word)) {
            words.push_back(word);
            form.joined += word;
            continue;
        }
        const WordReading& reading = read_word(word);
        words.insert(words.end(), reading.words.begin(), reading.words.end());
        // `joined` is made of the pieces before cognates and abbreviations: a cognate is a
        // translation (a synonym), never "the same after normalization".
        form.joined += reading.joined;
        cognate_uses.insert(cognate_uses.end(), reading.uses.begin(), reading.uses.end());
    }
    if (with_bigrams) form.bigrams = sorted_bigrams(form.joined);
    for (const std::string& word : normalized.all_words) form.initials += word[0];
    form.word_count = words.size();
    const std::vector<std::string> canonical =
        synonyms_.canonicalize(std::move(words), &form.used_synonyms, &form.synonym_uses);
    if (!cognate_uses.empty()) {
        form.used_synonyms = true;
        form.synonym_uses.insert(form.synonym_uses.begin(), cognate_uses.begin(), cognate_uses.end());
    }
    for (const std::string& token : canonical) {
        if (all_digits(token) && token.size() <= 6) {
            int number = 0;
            for (char c : token) number = number * 10 + (c - '0');
            form.numbers.push_back(number);
        }
        const auto known = ids_.find(token);
        const int id = known != ids_.end()               ? known->second
                       : source && all_digits(token) ? unknown_number()
                                                     : intern(token);
        // "GTIN, UPC, EAN or ISBN" names one concept four times: it counts once.
        if (std::find(form.tokens.begin(), form.tokens.end(), id) != form.tokens.end()) continue;
        const TokenInfo& info = tokens_[static_cast<std::size_t>(id)];
        // A source word that is neither a word of the table nor of any destination says nothing
        // either way (a product name, a code, a word of another language): it weighs half.
        const bool unknown = source && !info.dictionary && !info.destination && !info.digits;
        const float weight = info.generic || info.digits || unknown ? 0.5f : 1.0f;
        form.tokens.push_back(id);
        form.weights.push_back(weight);
        form.total_weight += weight;
    }
    if (complete) complete_form(form);
}

void Lexicon::complete_form(NameForm& form) const {
    form.sorted_tokens = form.tokens;
    std::sort(form.sorted_tokens.begin(), form.sorted_tokens.end());
    form.grammar_head = grammar_head(form, *this);
    if (form.grammar_head >= 0) form.grammar_parse = std::make_shared<const HeaderParse>(parse_header(form, *this));
}

void Lexicon::register_destination_form(const NameForm& form) {
    for (int id : form.tokens) {
        TokenInfo& info = tokens_[static_cast<std::size_t>(id)];
        if (info.destination) continue;
        info.destination = true;
        destination_tokens_.push_back(id);
        if (info.concept || info.digits || info.text.size() < 2 || !letters_only(info.text)) continue;
        first_letter_index_[info.text[0]].push_back(id);
        for (std::size_t i = 0; i + 1 < info.text.size(); ++i) {
            std::vector<int>& list = bigram_index_[bigram(info.text[i], info.text[i + 1])];
            if (list.empty() || list.back() != id) list.push_back(id);
        }
    }
}

float Lexicon::fuzzy_similarity(const TokenInfo& a, const TokenInfo& b) const {
    if (a.dictionary && b.dictionary) return 0.0f;     // two real words are two different words
    // Lengths in characters (code points), so Greek, Cyrillic or CJK words follow the same rules.
    const std::size_t length_a = utf8_length(a.text), length_b = utf8_length(b.text);
    const bool a_shorter = length_a <= length_b;
    const TokenInfo& shorter = a_shorter ? a : b;
    const TokenInfo& longer = a_shorter ? b : a;
    const std::string& s = shorter.text;
    const std::string& l = longer.text;
    const std::size_t ns = std::min(length_a, length_b), nl = std::max(length_a, length_b);
    if (ns >= 3 && nl > ns && !shorter.dictionary) {
        if (l.compare(0, s.size(), s) == 0) return 0.85f;                         // "addr" of "address"
        if (nl >= ns + 2 && ns == s.size() && is_abbreviation_of(s, l)) return 0.7f;  // "qty" of "quantity"
    }
    if (ns >= 4 && nl <= ns + 2) {
        const std::size_t distance = osa_distance(a.text, b.text);
        if (distance == 1) return 0.9f;                                          // "adress", "emial"
        if (distance == 2 && ns >= 8) return 0.8f;
    }
    return 0.0f;
}

const std::vector<Neighbour>& Lexicon::neighbours(int token) {
    if (tokens_[static_cast<std::size_t>(token)].neighbours_done) return tokens_[static_cast<std::size_t>(token)].neighbours;
    std::vector<Neighbour> found;
    const TokenInfo& info = tokens_[static_cast<std::size_t>(token)];
    for (const auto& [other, score] : synonyms_.related_to(info.text)) {
        const auto it = ids_.find(other);
        if (it != ids_.end() && tokens_[static_cast<std::size_t>(it->second)].destination)
            found.push_back({it->second, static_cast<float>(score)});
    }
    if (!info.concept && !info.digits && info.text.size() >= 2 && letters_only(info.text)) {
        std::vector<int> candidates;
        const auto letter = first_letter_index_.find(info.text[0]);
        if (letter != first_letter_index_.end()) candidates = letter->second;
        if (info.text.size() >= 7) {
            // Long words may have a typo in their first letter: count shared bigrams instead.
            std::unordered_map<int, std::size_t> shared;
            for (std::size_t i = 0; i + 1 < info.text.size(); ++i) {
                const auto list = bigram_index_.find(bigram(info.text[i], info.text[i + 1]));
                if (list == bigram_index_.end()) continue;
                for (int other : list->second) ++shared[other];
            }
            const std::size_t needed = info.text.size() - 1 - 3;
            for (const auto& [other, count] : shared)
                if (count >= needed && tokens_[static_cast<std::size_t>(other)].text[0] != info.text[0])
                    candidates.push_back(other);
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (int other : candidates) {
            if (other == token) continue;
            const float similarity = fuzzy_similarity(info, tokens_[static_cast<std::size_t>(other)]);
            if (similarity > 0) found.push_back({other, similarity});
        }
    }
    std::sort(found.begin(), found.end(), [](const Neighbour& x, const Neighbour& y) {
        return x.similarity != y.similarity ? x.similarity > y.similarity : x.token < y.token;
    });
    TokenInfo& stored = tokens_[static_cast<std::size_t>(token)];
    stored.neighbours = std::move(found);
    stored.neighbours_done = true;
    return stored.neighbours;
}

float Lexicon::similarity(int source_token, int destination_token) {
    if (source_token == destination_token) return 1.0f;
    for (const Neighbour& neighbour : neighbours(source_token))
        if (neighbour.token == destination_token) return neighbour.similarity;
    return 0.0f;
}

}  // namespace pm::match
