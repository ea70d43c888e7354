// Normalization of header and value text into comparable words, shared by field and enum matching.
//
// "Customer's E-Mail Addresses" becomes the words customer, e, mail, address ("e mail" is joined
// later by the synonym table), as do "customerEMailAddress" and "CUSTOMER_E_MAIL_ADDRESS". The rules,
// in order:
//   - UTF-8 is decoded (only the first kMaxMatchedTextBytes); full-width forms read as ASCII,
//     combining marks are dropped (NFD = NFC); Latin-1, Latin Extended-A, the comma-below letters
//     (ș ț), Vietnamese letters, ẞ and the ligatures (ﬁ) fold to ASCII (é -> e, ß ẞ -> ss, ệ -> e,
//     ﬁ -> fi); Greek and Cyrillic fold to lower case (Greek without accents, ς -> σ, ё -> е);
//     other letters (CJK...) are kept as they are;
//   - words split at separators and punctuation, at camelCase and PascalCase boundaries
//     ("HTTPServer" -> HTTP Server), and between letters and digits ("address2" -> address 2);
//   - apostrophes join ("customer's" -> customers); '#' and '№' become the word "#", '%' "percent";
//   - case folds to lower; digits stay words (leading zeros dropped); "1st", "2nd" lose the suffix;
//   - plurals become singular with suffix rules (categories -> category, addresses -> address);
//   - noise words ("the", "of", "a", "and", "or", French/Spanish/German/Dutch articles and "of") are
//     dropped unless nothing else is left.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pm::match {

// Every matcher step works on at most this many bytes of a name or a value: a header is read for
// its first words, and a label of megabytes (a hostile or broken file) must cost no more than a
// normal one. Longer text is cut at a UTF-8 character boundary (bounded_prefix).
constexpr std::size_t kMaxMatchedTextBytes = 256;

// The first `max_bytes` bytes of `text` or fewer, never splitting a UTF-8 sequence.
std::string_view bounded_prefix(std::string_view text, std::size_t max_bytes = kMaxMatchedTextBytes);

struct NormalizedText {
    std::vector<std::string> words;            // lower case, singular, noise words removed
    std::vector<std::string> all_words;        // lower case, before singular and noise removal
};

// Reads only bounded_prefix(text): linear in at most kMaxMatchedTextBytes.
NormalizedText normalize_text(std::string_view text);
// The same into `out`, replacing its words: a caller normalizing many texts (a column of enum
// values) reuses the two lists instead of allocating them for every text.
void normalize_text_into(std::string_view text, NormalizedText& out);

// The words concatenated without separators: "first name", "FirstName" and "first-names" all
// give "firstname". Equal joined forms are what "same after normalization" means.
std::string joined(const std::vector<std::string>& words);

// English plural -> singular by suffix rules; leaves digits, short words and exceptions alone.
std::string singular(std::string_view word);

bool is_noise_word(std::string_view word);

}  // namespace pm::match
