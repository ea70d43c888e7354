// Text normalization (see text_normalize.h).
#include "matcher/text_normalize.h"

#include "core/json/text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace pm::match {

namespace {

// ASCII folds of U+00C0..U+017F. Upper-case output marks an upper-case letter (it matters for
// camelCase splits); "" marks the two symbols in the block (× and ÷), which separate words.
constexpr const char* kLatinFold[] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",  // U+00C0
    "D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",  // U+0100
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",  // U+0110
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",  // U+0120
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", // U+0130
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",  // U+0140
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", // U+0150
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",  // U+0160
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",  // U+0170
};

// Combining marks (NFD accents, "e" + U+0301): dropped, so "Cafe\u0301" reads as "Café" does.
bool is_combining_mark(char32_t cp) {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// ASCII folds of Latin letters outside U+00C0..U+017F that headers use: comma-below letters
// (Romanian ș ț), the horn letters and the dotted/hooked vowels of Vietnamese, capital sharp s and
// the ligatures. Case as in kLatinFold; nullptr when the letter is not one of them.
const char* extra_latin_fold(char32_t cp) {
    switch (cp) {
        case 0x218: return "S";
        case 0x219: return "s";
        case 0x21A: return "T";
        case 0x21B: return "t";
        case 0x1A0: return "O";
        case 0x1A1: return "o";
        case 0x1AF: return "U";
        case 0x1B0: return "u";
        case 0x1E9E: return "SS";                    // ẞ
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        case 0xFB05:
        case 0xFB06: return "st";
        default: break;
    }
    if (cp >= 0x1EA0 && cp <= 0x1EF9) {
        // Vietnamese: upper/lower pairs of A (12), E (8), I (2), O (12), U (7), Y (4).
        static constexpr struct { char32_t last; char upper, lower; } kRuns[] = {
            {0x1EB7, 'A', 'a'}, {0x1EC7, 'E', 'e'}, {0x1ECB, 'I', 'i'}, {0x1EE3, 'O', 'o'}, {0x1EF1, 'U', 'u'}, {0x1EF9, 'Y', 'y'}};
        static constexpr const char* kUpper[] = {"A", "E", "I", "O", "U", "Y"};
        static constexpr const char* kLower[] = {"a", "e", "i", "o", "u", "y"};
        for (std::size_t i = 0; i < 6; ++i)
            if (cp <= kRuns[i].last) return (cp % 2 == 0) ? kUpper[i] : kLower[i];
    }
    return nullptr;
}

// Lower case of Greek and Cyrillic letters, Greek without its accents and with one sigma, Russian
// ё as е (how people type it); other code points unchanged.
char32_t fold_greek_cyrillic(char32_t cp) {
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
    switch (cp) {
        case 0x386: case 0x3AC: return 0x3B1;        // ά
        case 0x388: case 0x3AD: return 0x3B5;        // έ
        case 0x389: case 0x3AE: return 0x3B7;        // ή
        case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: return 0x3B9;   // ί ΐ ϊ
        case 0x38C: case 0x3CC: return 0x3BF;        // ό
        case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: return 0x3C5;   // ύ ΰ ϋ
        case 0x38F: case 0x3CE: return 0x3C9;        // ώ
        case 0x3C2: return 0x3C3;                    // final sigma
        case 0x401: case 0x451: return 0x435;        // Ё ё -> е
        default: break;
    }
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    // Upper/lower pairs (upper even) of the Cyrillic supplement letters.
    if (((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x4FF)) && cp % 2 == 0)
        return cp + 1;
    return cp;
}


enum class CharClass { Upper, Lower, Digit, Other };

CharClass ascii_class(char c) {
    if (c >= 'A' && c <= 'Z') return CharClass::Upper;
    if (c >= 'a' && c <= 'z') return CharClass::Lower;
    return CharClass::Digit;
}

// Builds words from a stream of characters, applying the split rules.
class WordSplitter {
public:
    // Appends to `words`, which the caller has cleared: a reused list keeps its capacity.
    explicit WordSplitter(std::vector<std::string>& words) : words_(words) {}
    void add(char c, CharClass cls) {
        if (!current_.empty()) {
            const bool digit_edge = (cls == CharClass::Digit) != (previous_ == CharClass::Digit);
            const bool camel = cls == CharClass::Upper && previous_ == CharClass::Lower;
            if (digit_edge || camel) {
                flush();
            } else if (cls == CharClass::Lower && previous_ == CharClass::Upper && upper_run_ >= 2) {
                // "HTTPServer": the last capital of a run starts the next word.
                const char last = current_.back();
                current_.pop_back();
                flush();
                current_.push_back(last);
                upper_run_ = 1;
            }
        }
        current_.push_back(c);
        upper_run_ = cls == CharClass::Upper ? upper_run_ + 1 : 0;
        previous_ = cls;
    }
    void add_utf8(std::string_view bytes) {
        // A letter with no case: never a camelCase edge, but a digit edge.
        if (!current_.empty() && previous_ == CharClass::Digit) flush();
        current_.append(bytes);
        previous_ = CharClass::Other;
        upper_run_ = 0;
    }
    bool after_upper() const { return !current_.empty() && previous_ == CharClass::Upper; }
    // A letter that folds to several ("Æ" -> AE, "ẞ" -> SS): the rest take the first one's case
    // inside an upper-case run ("STRAẞE" -> STRASSE) and lower case otherwise ("Ærø" -> Aerø), so
    // no false camelCase edge appears.
    void add_folded(const char* fold) {
        const bool upper_run = after_upper();
        for (bool first = true; *fold; ++fold, first = false) {
            const bool keep = first || (upper_run && *fold >= 'A' && *fold <= 'Z');
            add(keep ? *fold : static_cast<char>(*fold | 0x20), keep ? ascii_class(*fold) : CharClass::Lower);
        }
    }
    // The word before an apostrophe goes when it is an elided article or preposition: one letter
    // (French/Italian l', d'), "qu'", or an Italian articulated preposition ("Data dell'ordine",
    // "Indirizzo all'estero", "Costo nell'ordine", "Data dall'inizio", "Nota sull'ordine"), in
    // any case ("DELL'ORDINE"); any other word joins ("customer's").
    void drop_elision() {
        static constexpr std::string_view kElided[] = {"qu", "dell", "dall", "nell", "all", "sull", "coll"};
        const std::string lower = current_.size() <= 4 ? lower_ascii(current_) : std::string();
        if (current_.size() == 1 || std::find(std::begin(kElided), std::end(kElided), lower) != std::end(kElided)) {
            current_.clear();
            upper_run_ = 0;
            previous_ = CharClass::Other;
        }
    }
    void word(std::string text) {
        flush();
        words_.push_back(std::move(text));
    }
    void flush() {
        if (!current_.empty()) words_.push_back(std::move(current_));
        current_.clear();
        upper_run_ = 0;
        previous_ = CharClass::Other;
    }
    void finish() { flush(); }

private:
    std::string current_;
    CharClass previous_ = CharClass::Other;
    std::size_t upper_run_ = 0;
    std::vector<std::string>& words_;
};


bool is_ascii_alnum(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 || cp == 0xB4; }

// Code points outside the folded block that are punctuation or spaces rather than letters.
bool is_separator_symbol(char32_t cp) {
    return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xFEFF || cp == 0xFFFD;
}

bool all_digits(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline bool ends_with(std::string_view word, std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view bounded_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the cut character.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

bool is_noise_word(std::string_view word) {
    // Articles, "of", "and" and "or" in the languages the synonym table covers. Short and closed on
    // purpose: a word such as "by" or "at" tells "created by" from "created at".
    static constexpr std::string_view kNoise[] = {
        "the",
        "of",
        "a",
        "an",
        "and",
        "de",
        "du",
        "des",
        "del",
        "della",
        "la",
        "le",
        "les",
        "el",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "von",
        "van",
        "het",
        "your",
        "my",
        "or",
        "und",
        "oder",
        "et",
        "ou",
        // Italian, Portuguese and Spanish "of (the)": "Data di nascita", "Data de criação", "Número do pedido".
        "di",
        "dei",
        "degli",
        "delle",
        "dello",
        "dal",
        "da",
        "do",
        "dos",
        "los",
        "las",
        // Elided and contracted articles: French "d'" ("Date d'entrée"), Italian "dell'", "al",
        // "alla", "nel", German "zum", "zur", "vom". Not "l'" ("l name") nor "il" ("creato il").
        "d",
        "dell",
        "al",
        "alla",
        "nel",
        "zum",
        "zur",
        "vom",
    };
    if (word.size() > 5) return false;  // none is longer: skip the search
    // Every word (1-5 bytes) read as one number: a binary search of sorted numbers instead of
    // string comparisons with the whole list (this runs for every word of every name and value).
    auto packed = [](std::string_view text) {
        std::uint64_t out = text.size();
        for (char c : text) out = (out << 8) | static_cast<unsigned char>(c);
        return out;
    };
    static const std::vector<std::uint64_t> kPacked = [&] {
        std::vector<std::uint64_t> out;
        for (std::string_view noise : kNoise) out.push_back(packed(noise));
        std::sort(out.begin(), out.end());
        return out;
    }();
    return std::binary_search(kPacked.begin(), kPacked.end(), packed(word));
}

std::string singular(std::string_view word) {
    static constexpr std::string_view kKeep[] = {
        "alias", "bias", "canvas", "atlas", "series", "news", "its", "plus", "minus", "gas", "yes", "sms",
        "mms", "ios", "os", "vs", "bus", "is", "was", "has", "this", "thus", "less", "always", "perhaps",
        "pays", "pais", "ingles", "frances", "mas", "menos", "tres",
    };
    // Decided on the view, and the result built once (this runs for every word of every value).
    const std::size_t n = word.size();
    // Only words ending in "s" change (and two irregular plurals).
    if (n <= 3) return std::string(word);
    if (word.back() != 's') {
        if (word == "people") return "person";
        if (word == "children") return "child";
        return std::string(word);
    }
    if (std::find(std::begin(kKeep), std::end(kKeep), word) != std::end(kKeep)) return std::string(word);
    if (ends_with(word, "ies") && n > 4) {
        std::string out(word.substr(0, n - 3));
        out += 'y';
        return out;
    }
    if (ends_with(word, "sses")) return std::string(word.substr(0, n - 2));
    if (ends_with(word, "xes") || ends_with(word, "zes") || ends_with(word, "ches") || ends_with(word, "shes"))
        return std::string(word.substr(0, n - 2));
    if (ends_with(word, "ss") || ends_with(word, "us") || ends_with(word, "is")) return std::string(word);
    return std::string(word.substr(0, n - 1));
}

namespace {

// German gender-inclusive endings after a word ("Vorgesetzte:r", "Mitarbeiter*in", "Kund/-innen"):
// the length of the ending at `pos` (the mark), 0 when there is none. The word before it is the
// word: the ending is skipped, not made a word of its own ("in" alone is a word). Not after "_",
// which joins the words of keys ("opt_in", "check_in_time").
std::size_t gender_ending(std::string_view text, std::size_t pos) {
    const char mark = text[pos];
    if ((mark != ':' && mark != '*' && mark != '/') || pos == 0) return 0;
    const char before = text[pos - 1];
    if (before < 'a' || before > 'z') return 0;
    std::size_t at = pos + 1;
    if (mark == '/' && at < text.size() && text[at] == '-') ++at;
    for (std::string_view ending : {std::string_view("innen"), std::string_view("in"), std::string_view("r")}) {
        if (text.substr(at, ending.size()) != ending) continue;
        const std::size_t end = at + ending.size();
        if (end < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[end]))) continue;
        return end - pos;
    }
    return 0;
}

}  // namespace

NormalizedText normalize_text(std::string_view whole) {
    NormalizedText out;
    out.all_words.reserve(8);  // most names: one allocation for the word list
    normalize_text_into(whole, out);
    return out;
}

void normalize_text_into(std::string_view whole, NormalizedText& out) {
    const std::string_view text = bounded_prefix(whole);
    out.all_words.clear();
    out.words.clear();
    WordSplitter splitter(out.all_words);
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = static_cast<unsigned char>(text[pos]);
        if (const std::size_t ending = cp < 0x80 ? gender_ending(text, pos) : 0) {
            pos += ending;
            continue;
        }
        if (cp < 0x80) {
            ++pos;  // ASCII, most text: none of the folds below apply
        } else {
            decode_utf8(text, pos, cp);                      // malformed bytes read as U+FFFD, one at a time
            if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width forms: "ＥＭＡＩＬ" is EMAIL
            if (is_combining_mark(cp)) continue;
            if (const char* extra = extra_latin_fold(cp)) {
                splitter.add_folded(extra);
                continue;
            }
        }
        if (is_ascii_alnum(cp)) {
            splitter.add(static_cast<char>(cp), ascii_class(static_cast<char>(cp)));
        } else if (cp >= 0xC0 && cp <= 0x17F) {
            const char* fold = kLatinFold[cp - 0xC0];
            if (!*fold) splitter.flush();
            splitter.add_folded(fold);
        } else if (cp == 0xBA || cp == 0xB0) {
            splitter.add('o', CharClass::Lower);   // "Nº", "N°": número, numéro
        } else if (cp == 0xAA) {
            splitter.add('a', CharClass::Lower);
        } else if (is_apostrophe(cp)) {
            // Joins ("customer's" -> customers) except after an elided article or preposition
            // ("l'entreprise", "d'expédition"), which is dropped.
            splitter.drop_elision();
        } else if (cp == '#' || cp == 0x2116) {
            splitter.word("#");
        } else if (cp == '%') {
            splitter.word("percent");
        } else if (cp < 0x80 || is_separator_symbol(cp)) {
            splitter.flush();
        } else {
            std::string letter;
            append_utf8(letter, fold_greek_cyrillic(cp));
            splitter.add_utf8(letter);
        }
    }

    // The splitter's words are all_words, edited in place (kept ones moved forward).
    splitter.finish();
    std::vector<std::string>& words = out.all_words;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string& word = words[i];
        for (char& c : word)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (all_digits(word)) {
            const std::size_t first = word.find_first_not_of('0');
            if (first == std::string::npos) word = "0";
            else if (first > 0) word.erase(0, first);
        } else if (kept > 0 && all_digits(words[kept - 1]) && word.size() == 2 &&
                   (word == "st" || word == "nd" || word == "rd" || word == "th")) {
            continue;                                       // "1st" -> 1
        }
        if (kept != i) words[kept] = std::move(word);
        ++kept;
    }
    words.resize(kept);
    out.words.reserve(words.size());
    for (const std::string& word : out.all_words)
        if (!is_noise_word(word)) out.words.push_back(singular(word));
    if (out.words.empty())
        for (const std::string& word : out.all_words) out.words.push_back(singular(word));
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) out += word;
    return out;
}

}  // namespace pm::match
