// Small text helpers for every layer: ASCII trimming and lower-casing, and reading UTF-8 one
// character at a time. They sit at the bottom of core (json/, which every layer may include) so
// that each exists once; the JSON scanner keeps its own strict UTF-8 check, on its hot path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pm {

// Space, tab, line feed, carriage return, form feed, vertical tab (std::isspace in the C locale).
constexpr bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
std::string_view trim_ascii(std::string_view text);

// A-Z to a-z; every other byte (UTF-8 included) unchanged.
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lower_ascii(std::string_view text);

// Reads the character at `pos` and moves `pos` past it. On a malformed or cut-off sequence,
// returns false with U+FFFD and moves one byte on (what a renderer would show for it).
bool decode_utf8(std::string_view text, std::size_t& pos, char32_t& codepoint);

// The length (2 to 4) of the well-formed multi-byte UTF-8 sequence at `p` (RFC 3629: no overlongs,
// no surrogates, at most U+10FFFF, as nlohmann's lexer accepts them), or 0 when it is not one.
int utf8_sequence_length(const char* p, const char* end);

// Appends `codepoint` as UTF-8 (1 to 4 bytes; the caller passes a valid code point).
void append_utf8(std::string& out, char32_t codepoint);

}  // namespace pm
