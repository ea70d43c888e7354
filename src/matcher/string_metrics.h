// Character-level string measures used by the matcher (and by the benchmark's peer rules).
// Edit distances count code points (UTF-8 is decoded: "телефн" is one edit from "телефон"); the
// bigram measures work on bytes, which for ASCII text are characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pm::match {

// Jaro-Winkler similarity in 0..1 (prefix scale 0.1, prefix up to 4 characters).
double jaro_winkler(std::string_view a, std::string_view b);

// Dice coefficient of the two strings' character bigram multisets, 0..1. Strings shorter than two
// characters compare as equal or not.
double bigram_dice(std::string_view a, std::string_view b);

// The sorted character-bigram codes of a string, and the Dice coefficient of two such lists: the
// same value as bigram_dice() without re-sorting when one string is compared many times.
std::vector<std::uint16_t> sorted_bigrams(std::string_view text);
double bigram_dice_sorted(const std::vector<std::uint16_t>& a, const std::vector<std::uint16_t>& b);

// Plain Levenshtein distance (insert, delete, substitute).
std::size_t levenshtein(std::string_view a, std::string_view b);

// Number of code points of UTF-8 text.
std::size_t utf8_length(std::string_view text);

// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("emial" -> "email" is 1).
std::size_t osa_distance(std::string_view a, std::string_view b);

// `abbreviation` keeps the first letter of `word` and the rest of its letters in order
// ("qty" of "quantity", "dept" of "department").
bool is_abbreviation_of(std::string_view abbreviation, std::string_view word);

}  // namespace pm::match
