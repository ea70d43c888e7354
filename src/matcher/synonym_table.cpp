// Parsing and lookups of the synonym table (see synonym_table.h and synonyms.txt).
#include "matcher/synonym_table.h"

#include "core/json/text.h"
#include "matcher/grammar_words.h"
#include "matcher/text_normalize.h"
#include "matcher/value_kinds.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace pm::match {

namespace {

// The embedded text of synonyms.txt and of the language files, generated at build time
// (src/matcher/CMakeLists.txt): kSynonymsText and kLexiconTexts.
#include "matcher/synonyms_data.inc"
#include "matcher/lexicon_data.inc"

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        parts.push_back(trim_ascii(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return parts;
}

std::string phrase_of(const std::vector<std::string>& words, std::size_t start, std::size_t length, char glue) {
    std::string out;
    for (std::size_t i = start; i < start + length; ++i) {
        if (i > start) out += glue;
        out += words[i];
    }
    return out;
}

}  // namespace

std::string SynonymTable::builtin_text() {
    std::string text(kSynonymsText);
    for (std::string_view language_file : kLexiconTexts) {
        text += '\n';
        text += language_file;
    }
    return text;
}

const SynonymTable& SynonymTable::builtin() {
    static const SynonymTable table = parse(builtin_text());
    return table;
}

std::string SynonymTable::display(std::string_view concept_token) const {
    const auto written = written_.find(std::string(concept_token));
    if (written != written_.end()) return written->second;
    std::string out(concept_token);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

SynonymTable SynonymTable::parse(std::string_view text, std::vector<std::string>* errors) {
    SynonymTable table;
    // Lines are counted per file: a section ("@language de", "@concepts") starts a file's line 1.
    std::string section = "synonyms.txt";
    std::size_t section_start = 0;
    auto report = [&](std::size_t line, const std::string& message) {
        if (errors) errors->push_back(section + " line " + std::to_string(line - section_start) + ": " + message);
    };
    auto words_of = [](std::string_view phrase) { return normalize_text(phrase).words; };
    auto token_of = [&](std::string_view phrase) {
        const auto words = words_of(phrase);
        return phrase_of(words, 0, words.size(), '_');
    };

    // Variants are collected first: phrases are keyed by their words after the one-word variants
    // are applied, which needs every one-word variant known.
    struct Pending {
        std::string where;                                   // "section line N", for reports
        std::size_t concept_index;
        std::vector<std::string> words;
        bool whole;
        std::string language;
        bool inside_only = false;                            // {variant}
    };
    std::vector<Pending> pending;
    std::string language;                                    // of the current section
    bool may_define = true;                                  // synonyms.txt and "@concepts" sections
    std::unordered_map<std::string, std::size_t> concept_by_token;
    std::unordered_set<std::string> listed;                  // concept + variant, for duplicates

    std::size_t line_number = 0;
    for (std::string_view line : split(text, '\n')) {
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        if (line == "@concepts") {
            language = "en";                                 // domains.txt: English, may define concepts
            may_define = true;
            section = "@concepts section";
            section_start = line_number - 1;
            continue;
        }
        if (line == "@grammar") {  // lexicon/grammar.txt: word classes only
            language.clear();
            may_define = false;
            section = "@grammar section";
            section_start = line_number - 1;
            continue;
        }
        if (line.substr(0, 10) == "@language ") {
            language = std::string(trim_ascii(line.substr(10)));
            may_define = false;
            section = "@language " + language + " section";
            section_start = line_number - 1;
            if (language.empty()) report(line_number, "@language needs a language code");
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            report(line_number, "expected 'head: list'");
            continue;
        }
        const std::string_view head = trim_ascii(line.substr(0, colon));
        std::vector<std::string_view> items = split(line.substr(colon + 1), ',');
        if (items.size() == 1 && trim_ascii(items[0]).empty()) items.clear();  // "concept:" alone

        if (head == "generic") {
            for (std::string_view item : items) {
                const auto words = words_of(item);
                if (words.size() != 1) {
                    report(line_number, "a generic word must be one word");
                    continue;
                }
                table.generic_.insert(words[0]);
                table.vocabulary_.insert(words[0]);
            }
        } else if (head.substr(0, 8) == "grammar ") {
            // Matched against tokens as written (lower-case ASCII after normalization), not
            // normalized here: "previous" must not become a singular.
            const unsigned word_class = grammar_word_from_name(trim_ascii(head.substr(8)));
            if (!word_class) {
                report(line_number, "unknown grammar class '" + std::string(trim_ascii(head.substr(8))) + "'");
                continue;
            }
            for (std::string_view item : items) {
                const std::string word(trim_ascii(item));
                if (word.empty() || word.find(' ') != std::string::npos) {
                    report(line_number, "a grammar word must be one word");
                    continue;
                }
                unsigned& classes = table.grammar_[word];
                if (classes & word_class) report(line_number, "grammar word '" + word + "' is listed twice");
                classes |= word_class;
            }
        } else if (head.substr(0, 5) == "kind ") {
            const std::string_view name = trim_ascii(head.substr(5));
            const unsigned kind = kind_from_name(name);
            if (!kind) {
                report(line_number, "unknown kind '" + std::string(name) + "'");
                continue;
            }
            for (std::string_view item : items) table.kinds_[token_of(item)] = kind;
        } else if (head.substr(0, 8) == "related ") {
            const std::vector<std::string_view> pair = split(head.substr(8), ',');
            const std::string number(items.empty() ? std::string_view() : items[0]);
            char* end = nullptr;
            const double score = std::strtod(number.c_str(), &end);
            if (pair.size() != 2 || items.size() != 1 || end == number.c_str() || *end != '\0' || score <= 0 ||
                score >= 1) {
                report(line_number, "expected 'related a, b: score' with 0 < score < 1");
                continue;
            }
            const std::string a = token_of(pair[0]), b = token_of(pair[1]);
            table.related_[a].emplace_back(b, score);
            table.related_[b].emplace_back(a, score);
        } else {
            const auto canonical = words_of(head);
            if (canonical.empty()) {
                report(line_number, "empty concept");
                continue;
            }
            const std::string token = phrase_of(canonical, 0, canonical.size(), '_');
            std::size_t index = table.concepts_.size();
            if (const auto known = concept_by_token.find(token); known != concept_by_token.end()) {
                if (may_define) report(line_number, "concept '" + std::string(head) + "' is defined twice");
                index = known->second;
            } else if (!may_define) {
                report(line_number, "unknown concept '" + std::string(head) + "': a language file only adds variants to "
                                    "concepts of synonyms.txt");
                continue;
            } else {
                concept_by_token.emplace(token, index);
                table.concepts_.push_back(token);
                table.written_.emplace(token, std::string(head));
                pending.push_back({section + " line " + std::to_string(line_number - section_start), index, canonical, false, ""});
            }
            for (std::string_view item : items) {
                const bool whole = item.size() > 2 && item.front() == '[' && item.back() == ']';
                const bool inside_only = item.size() > 2 && item.front() == '{' && item.back() == '}';
                const auto words = words_of(whole || inside_only ? item.substr(1, item.size() - 2) : item);
                if (inside_only && words.size() != 1) {
                    report(line_number, "a {variant} must be one word");
                    continue;
                }
                if (words.empty()) {
                    report(line_number, "variant '" + std::string(item) + "' has no words");
                    continue;
                }
                const std::string phrase = phrase_of(words, 0, words.size(), ' ');
                if (!listed.insert(token + ":" + phrase).second || phrase == phrase_of(canonical, 0, canonical.size(), ' ')) {
                    report(line_number, "'" + std::string(item) + "' is listed twice for '" + std::string(head) + "'");
                    continue;
                }
                pending.push_back(
                    {section + " line " + std::to_string(line_number - section_start), index, words, whole, language, inside_only});
            }
        }
    }

    std::unordered_map<std::string, std::size_t> one_word;      // one-word variant -> concept
    std::unordered_map<std::string, std::string> one_word_language;
    std::unordered_set<std::string> inside_only;
    for (const Pending& variant : pending) {
        for (const std::string& word : variant.words) table.vocabulary_.insert(word);
        if (variant.words.size() != 1 || variant.whole) continue;
        // A clash here shows up again below, as a phrase clash, and is reported there.
        if (one_word.emplace(variant.words[0], variant.concept_index).second) {
            one_word_language.emplace(variant.words[0], variant.language);
            if (variant.inside_only) inside_only.insert(variant.words[0]);
        }
    }
    std::unordered_map<std::string, std::size_t> phrase_starts;  // mapped first word -> longest phrase
    for (const Pending& variant : pending) {
        std::vector<std::string> mapped = variant.words;
        for (std::string& word : mapped) {
            // A one-word header keeps its {inside-only} word as written (canonicalize), so a
            // [whole] variant of one word is looked up as written: "[nombre]" (first name) beside
            // "{nombre}" (a name, inside a longer header).
            if (variant.whole && variant.words.size() == 1 && inside_only.count(word)) continue;
            const auto it = one_word.find(word);
            if (it != one_word.end()) word = table.concepts_[it->second];
        }
        const std::string key = phrase_of(mapped, 0, mapped.size(), ' ');
        const auto [it, inserted] = table.phrases_.emplace(key, Variant{variant.concept_index, variant.whole, variant.language});
        if (!inserted && it->second.concept_index != variant.concept_index) {
            if (errors) errors->push_back(variant.where + ": '" + phrase_of(variant.words, 0, variant.words.size(), ' ') + "' already means '" +
                                     table.display(table.concepts_[it->second.concept_index]) + "'");
            continue;
        }
        if (!inserted && it->second.whole_name_only && !variant.whole) it->second.whole_name_only = false;
        table.longest_phrase_ = std::max(table.longest_phrase_, mapped.size());
        std::size_t& longest_from = phrase_starts[mapped[0]];
        longest_from = std::max(longest_from, mapped.size());
    }
    // One entry per word that means something: replaced, or starting a phrase once replaced.
    auto longest_from = [&](const std::string& token) {
        const auto it = phrase_starts.find(token);
        return it == phrase_starts.end() ? std::size_t{1} : it->second;
    };
    for (const auto& [word, concept_index] : one_word)
        table.words_[word] = {concept_index, longest_from(table.concepts_[concept_index]), one_word_language[word],
                              inside_only.count(word) > 0};
    for (const auto& [token, longest] : phrase_starts)
        if (!table.words_.count(token)) table.words_[token] = {kNoConcept, longest, ""};
    for (const auto& [word, info] : table.words_)
        if (info.concept_index != kNoConcept && !info.inside_only) table.concept_words_.push_back({word, info.concept_index});
    for (std::size_t c = 0; c < table.concepts_.size(); ++c) {
        const auto known = table.words_.find(table.concepts_[c]);
        if (table.concepts_[c].find('_') == std::string::npos &&
            (known == table.words_.end() || known->second.concept_index == kNoConcept))
            table.concept_words_.push_back({table.concepts_[c], c});
    }
    std::sort(table.concept_words_.begin(), table.concept_words_.end(),
              [](const ConceptWord& a, const ConceptWord& b) { return a.word < b.word; });
    return table;
}

std::vector<std::string> SynonymTable::canonicalize(std::vector<std::string> mapped, bool* changed,
                                                    std::vector<SynonymUse>* uses) const {
    bool replaced = false;
    // Per-word scratch, on the stack for the usual few words (this runs for every name and value).
    constexpr std::size_t kInlineWords = 16;
    std::size_t longest_inline[kInlineWords];
    bool translated_inline[kInlineWords];
    std::vector<std::size_t> longest_heap;
    std::unique_ptr<bool[]> translated_heap;
    std::size_t* longest = longest_inline;
    bool* translated = translated_inline;
    if (mapped.size() > kInlineWords) {
        longest_heap.resize(mapped.size());
        translated_heap = std::make_unique<bool[]>(mapped.size());
        longest = longest_heap.data();
        translated = translated_heap.get();
    }
    std::fill(longest, longest + mapped.size(), std::size_t{1});
    std::fill(translated, translated + mapped.size(), false);
    bool any_known = false;
    for (std::size_t i = 0; i < mapped.size(); ++i) {
        const auto it = words_.find(mapped[i]);
        if (it == words_.end()) continue;
        any_known = true;
        longest[i] = it->second.longest_phrase;
        if (it->second.inside_only && mapped.size() == 1) continue;  // "Data" alone is English data
        if (it->second.concept_index != kNoConcept && mapped[i] != concepts_[it->second.concept_index]) {
            if (uses) uses->push_back({mapped[i], concepts_[it->second.concept_index], it->second.language});
            mapped[i] = concepts_[it->second.concept_index];
            translated[i] = replaced = true;
        }
    }
    // Romance languages put the head first ("Totale ordine", "Numero fattura", "Fecha pedido"):
    // two neighbouring words that were both translated, that form no phrase in their order but do
    // in the other, are read in the other ("order total"). Words of which one or none was
    // translated keep their order ("Home phone", "Total order" stay as written).
    for (std::size_t i = 0; i + 1 < mapped.size(); ++i) {
        if (!translated[i] || !translated[i + 1]) continue;
        if (phrases_.count(mapped[i] + ' ' + mapped[i + 1])) continue;
        const auto swapped = phrases_.find(mapped[i + 1] + ' ' + mapped[i]);
        if (swapped == phrases_.end() || (swapped->second.whole_name_only && mapped.size() != 2)) continue;
        std::swap(mapped[i], mapped[i + 1]);
        const auto info = words_.find(mapped[i]);
        longest[i] = std::max<std::size_t>(info == words_.end() ? 1 : info->second.longest_phrase, 2);
        ++i;  // the pair is settled
    }
    move_index_to_head(mapped, longest, translated);
    std::vector<std::string> out;
    // No word of the table (most values of a column): nothing was translated and no phrase can
    // start anywhere (only table words start one; a lone word is looked up below), so the words
    // are the tokens as they are, moved rather than copied one by one.
    const bool plain = !any_known && mapped.size() != 1;
    if (plain) out = std::move(mapped);
    else out.reserve(mapped.size());
    for (std::size_t start = 0; !plain && start < mapped.size();) {
        // Only words that begin some phrase need phrase lookups; one-word variants are already
        // applied, except the whole-name ones.
        std::size_t taken = 0;
        const std::size_t limit = std::min(longest[start], mapped.size() - start);
        for (std::size_t length = limit; length >= 1 && !taken; --length) {
            if (length == 1 && mapped.size() != 1) break;
            const auto it = phrases_.find(length == 1 ? mapped[start] : phrase_of(mapped, start, length, ' '));
            if (it == phrases_.end() || (it->second.whole_name_only && length != mapped.size())) continue;
            out.push_back(concepts_[it->second.concept_index]);
            if (uses && (length > 1 || out.back() != mapped[start]))
                uses->push_back({phrase_of(mapped, start, length, ' '), out.back(), it->second.language});
            taken = length;
            replaced = replaced || length > 1 || out.back() != mapped[start];
        }
        if (!taken) {
            out.push_back(std::move(mapped[start]));
            taken = 1;
        }
        start += taken;
    }
    // "Datum Eintritt", "Data cessazione": the word for "date" beside a concept that already is a
    // date (hire date, termination date) adds nothing; it goes, so the pair reads as that concept.
    // (Compared as string_view: the length is checked before any character.)
    const auto is_date = [](const std::string& token) { return std::string_view(token) == std::string_view("date"); };
    if (out.size() >= 2 && std::any_of(out.begin(), out.end(), is_date)) {
        const bool dated = std::any_of(out.begin(), out.end(), [&](const std::string& token) {
            return !is_date(token) && (kind_of(token) & kKindDate) != 0;
        });
        if (dated) {
            out.erase(std::remove_if(out.begin(), out.end(), is_date), out.end());
            replaced = true;
        }
    }
    if (changed) *changed = replaced;
    return out;
}

// "Dirección de envío 2", "Adresse de livraison 2", "Address (billing) 2": head-first headers, and
// English ones with a parenthesised qualifier, put the entity words (grammar.txt) between the head
// and its index, but the index belongs to the head: the second address line of the shipping
// address. When only entity words stand between a final number and a word that forms a phrase
// with it ("address 2", "street 2", "line 2"), that word moves next to the number ("shipping
// address 2"), so the phrase is read. Nothing moves otherwise ("Phone work 2" has no phrase
// "phone 2": it stays as written).
void SynonymTable::move_index_to_head(std::vector<std::string>& words, std::size_t* longest, bool* translated) const {
    const std::size_t n = words.size();
    if (n < 3) return;
    const std::string& number = words[n - 1];
    if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    for (std::size_t head = n - 2; head-- > 0;) {
        if (!(grammar_class(words[head + 1]) & kEntityWord)) return;  // only entity words may stand between
        const auto phrase = phrases_.find(words[head] + ' ' + number);
        if (phrase == phrases_.end() || phrase->second.whole_name_only) continue;
        const auto last = static_cast<std::ptrdiff_t>(n - 1), at = static_cast<std::ptrdiff_t>(head);
        std::rotate(words.begin() + at, words.begin() + at + 1, words.begin() + last);
        std::rotate(longest + at, longest + at + 1, longest + last);
        std::rotate(translated + at, translated + at + 1, translated + last);
        return;
    }
}

double SynonymTable::related(std::string_view a, std::string_view b) const {
    for (const auto& [other, score] : related_to(a))
        if (other == b) return score;
    return 0.0;
}

const std::vector<std::pair<std::string, double>>& SynonymTable::related_to(std::string_view token) const {
    static const std::vector<std::pair<std::string, double>> none;
    const auto it = related_.find(std::string(token));
    return it == related_.end() ? none : it->second;
}

unsigned SynonymTable::kind_of(std::string_view concept_token) const {
    const auto it = kinds_.find(std::string(concept_token));
    return it == kinds_.end() ? 0u : it->second;
}

}  // namespace pm::match
