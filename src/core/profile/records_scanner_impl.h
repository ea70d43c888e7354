// The records page reader itself (records_scanner.h says what it reads and what a sink sees), a
// template on its sink so that the sheet profile's sink (sheet_profile.cpp) is called directly:
// a virtual call per cell, with its arguments through memory, was a tenth of reading a page.
// scan_records_page (records_scanner.cpp) instantiates it for any RecordsSink.
//
// Recursive descent over the shapes the page has (response, data, records, record, values,
// cell); everything else is skipped by one iterative loop with a bounded stack, so hostile
// nesting costs a message, never the C++ stack.
//
// Sink needs: void record(); bool cell(std::string_view key, std::string_view value, bool
// has_value, bool flagged, bool same_key); std::string refusal() const; as RecordsSink has them.
#pragma once

#include "core/json/text.h"
#include "core/profile/records_scanner.h"
#include "core/profile/value_counts.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace pm::profile::records_detail {
// Unnamed: each of the two files that include this has its own copy, which the compiler treats
// as it did the scanner's own file (its one-use functions inlined into their caller).
namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline std::string byte_count(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

template <class Sink>
class RecordsScanner {
public:
    RecordsScanner(std::string_view text, Sink& sink)
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), sink_(sink) {}

    std::string run() {
        space();
        if (p_ == end_) return "the records response is empty";
        if (*p_ != '{') {
            // JSON of another shape is told apart from text that is not JSON at all.
            if (!skip_value() || !at_end()) return json_error();
            return kExpected;
        }
        if (!response() || !at_end()) return error_.empty() ? json_error() : error_;
        if (!records_seen_) return errors_seen_ ? "the server answered with an error body instead of records" : kExpected;
        return {};
    }

private:
    static constexpr const char* kExpected = "expected {\"data\":{\"records\":[...]}}";

    std::string json_error() const {
        return "the records response is not JSON: " + std::string(problem_ ? problem_ : "it ends too early") + " (at byte " +
            byte_count(static_cast<std::size_t>(where_ - begin_)) + ")";
    }

    bool fail(const char* problem) {
        if (!problem_) {
            problem_ = problem;
            where_ = p_;
        }
        return false;
    }

    // A refusal about the page's shape rather than its JSON (it is read no further).
    bool refuse(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }

    bool at_end() {
        space();
        return p_ == end_ || fail("there is text after the response");
    }

    // Flatfile writes no spaces between tokens: one test, inlined, passes over the usual case.
    void space() {
        if (p_ != end_ && static_cast<unsigned char>(*p_) > ' ') return;  // p_ never passes end_
        spaces();
    }
    void spaces() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool next_is(char c) {
        space();
        if (p_ < end_ && *p_ == c) {
            ++p_;
            return true;
        }
        return false;
    }

    // Walks an object at p_ (on '{'): on_member(name) is called with p_ on the member's value
    // and must consume it.
    template <class OnMember>
    bool members(std::string& name_scratch, OnMember&& on_member) {
        ++p_;
        if (next_is('}')) return true;
        for (;;) {
            space();
            std::string_view name;
            if (p_ == end_ || *p_ != '"') return fail("a member name is expected");
            if (!string(name, name_scratch)) return false;
            if (!next_is(':')) return fail("a colon is expected after a member name");
            space();
            if (p_ == end_) return fail("a value is expected");
            if (!on_member(name)) return false;
            if (next_is(',')) continue;
            if (next_is('}')) return true;
            return fail("a comma or a closing brace is expected");
        }
    }

    bool response() {
        bool data_seen = false;
        return members(name_, [&](std::string_view name) {
            if (name == "data") {
                if (data_seen) return refuse("the records response names \"data\" twice");
                data_seen = true;
                return *p_ == '{' ? data() : skip_value();
            }
            if (name == "errors") errors_seen_ = true;
            return skip_value();
        });
    }

    bool data() {
        return members(name_, [&](std::string_view name) {
            if (name != "records") return skip_value();
            if (records_seen_) return refuse("the records response names \"records\" twice");
            if (*p_ != '[') {
                if (!skip_value()) return false;
                return refuse(kExpected);
            }
            records_seen_ = true;
            return records();
        });
    }

    bool records() {
        ++p_;
        if (next_is(']')) return true;
        for (;;) {
            space();
            if (p_ == end_) return fail("a record is expected");
            ++record_;
            sink_.record();
            if (!(*p_ == '{' ? record() : skip_value())) return false;
            if (next_is(',')) continue;
            if (next_is(']')) return true;
            return fail("a comma or a closing bracket is expected");
        }
    }

    bool record() {
        return members(name_, [&](std::string_view name) {
            if (name == "values" && *p_ == '{') return values();
            return skip_value();
        });
    }

    bool values() {
        ++p_;
        if (next_is('}')) return true;
        for (std::size_t position = 0;; ++position) {
            space();
            bool comma = false;  // the cell's usual bytes ended with the comma before the next one
            if (!cell(position, comma)) return false;
            if (comma || next_is(',')) continue;
            if (next_is('}')) return true;
            return fail("a comma or a closing brace is expected");
        }
    }

    // One member of `values` at p_, the `position`-th of its record. Records repeat their keys in
    // the same order, so the bytes from the key's opening quote to its value are kept per position:
    // when the next record has the same bytes there, the key is known without reading it again
    // (same bytes, same decoded key), and the sink is told it repeats the previous record's. When
    // the cell had the usual form, the kept bytes run on to the value's opening quote
    // ("col_3":{"value":"), so that one comparison passes over the key and the cell's opening.
    bool cell(std::size_t position, bool& comma) {
        std::string_view key;
        bool same_key = false, opened = false;
        KeyBytes* known = position < known_positions_ ? key_bytes_.data() + position : nullptr;
        if (known && starts_with(known->raw)) {
            p_ += known->raw.size();
            key = known->key;
            same_key = known->record + 1 == record_;
            known->record = record_;
            opened = known->opens_value;
            if (!opened) take_usual_opening(known->raw, known->opens_value);
        } else {
            const char* start = p_;
            if (p_ == end_ || *p_ != '"') return fail("a member name is expected");
            if (!string(key, key_)) return false;
            if (!next_is(':')) return fail("a colon is expected after a member name");
            space();
            if (p_ == end_) return fail("a value is expected");
            if (!known && position == known_positions_ && position < kKnownPositions) {
                known = &key_bytes_.emplace_back();
                ++known_positions_;
            }
            if (known) {
                // The usual cell's opening joins the key's bytes; p_ stays on the '{' (opened is
                // false), and the next record with these bytes starts inside the value.
                const bool usual = usual_opening();
                const std::size_t extra = usual ? kOpen.size() + 1 : 0;
                known->raw.assign(start, static_cast<std::size_t>(p_ - start) + extra);
                known->opens_value = usual;
                known->key.assign(key.data(), key.size());
                known->record = record_;
                key = known->key;
            }
        }
        std::string_view value;
        bool has_value = false, flagged = false;
        if (opened || *p_ == '{') {
            if (!cell_object(key, value, has_value, flagged, comma, opened)) return false;
        } else if (!scalar(value, has_value)) {
            return false;
        }
        if (!sink_.cell(key, value, has_value, flagged, same_key)) return refuse(sink_.refusal());
        return true;
    }

    // {"value": ..., "valid": ..., "messages": [...]} at p_, or, when `opened`, inside the value
    // string of such a cell whose first bytes ({"value":") were matched with its key. Flatfile
    // writes every cell with the same bytes around the value, so those are matched whole first,
    // with the comma after the cell when another follows (`comma` says it was read); anything
    // else (spacing, order, extra members, messages) takes the general walk from the cell's
    // brace, with the same result.
    static constexpr std::string_view kOpen = "{\"value\":";
    // A position first seen with another form (a null value) takes the usual cell's bytes when a
    // later record has them there. Out of line: inlined, it made the wasm's cell loop slower.
    __attribute__((noinline)) void take_usual_opening(std::string& raw, bool& opens_value) {
        if (!usual_opening()) return;
        raw.append(p_, kOpen.size() + 1);
        opens_value = true;
    }
    // The usual cell's bytes up to its value's opening quote are at p_.
    bool usual_opening() const {
        return starts_with(kOpen) && static_cast<std::size_t>(end_ - p_) > kOpen.size() && p_[kOpen.size()] == '"';
    }
    bool cell_object(std::string_view key, std::string_view& value, bool& has_value, bool& flagged, bool& comma, bool opened) {
        static constexpr std::string_view kValidNext = ",\"valid\":true,\"messages\":[]},";
        static constexpr std::string_view kInvalidNext = ",\"valid\":false,\"messages\":[]},";
        static constexpr std::string_view kValid = kValidNext.substr(0, kValidNext.size() - 1);
        static constexpr std::string_view kInvalid = kInvalidNext.substr(0, kInvalidNext.size() - 1);
        const char* start = opened ? p_ - (kOpen.size() + 1) : p_;
        if (opened || starts_with(kOpen)) {
            if (!opened) p_ += kOpen.size();
            if (opened || (p_ < end_ && *p_ == '"')) {
                if (!(opened ? string_rest(p_, value, value_) : string(value, value_))) return false;
                has_value = true;
                if (starts_with(kValidNext)) {
                    p_ += kValidNext.size();
                    comma = true;
                    return true;
                }
                if (starts_with(kValid)) {
                    p_ += kValid.size();
                    return true;
                }
                if (starts_with(kInvalidNext) || starts_with(kInvalid)) {
                    comma = starts_with(kInvalidNext);
                    p_ += comma ? kInvalidNext.size() : kInvalid.size();
                    flagged = true;
                    return true;
                }
            }
            p_ = start;
            has_value = false;
        }
        bool value_seen = false;
        return members(name_, [&](std::string_view name) {
            if (name == "value") {
                if (value_seen) return refuse("a cell of \"" + std::string(key) + "\" names \"value\" twice");
                value_seen = true;
                return scalar(value, has_value);
            }
            if (name == "valid" && starts_with("false")) {
                flagged = true;
                p_ += 5;
                return true;
            }
            return skip_value();
        });
    }

    bool starts_with(std::string_view bytes) const {
        return static_cast<std::size_t>(end_ - p_) >= bytes.size() && same_bytes(p_, bytes.data(), bytes.size());
    }

    // A value at p_: strings, numbers, true and false give text; null and containers give none.
    bool scalar(std::string_view& out, bool& has_value) {
        switch (*p_) {
            case '"': has_value = true; return string(out, value_);
            case 't':
                has_value = true;
                out = "true";
                return literal("true");
            case 'f':
                has_value = true;
                out = "false";
                return literal("false");
            case '{':
            case '[':
            case 'n': has_value = false; return skip_value();
            default: has_value = true; return number(out);
        }
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0)
            return fail("an unknown word");
        p_ += word.size();
        return true;
    }

    bool number(std::string_view& out) {
        const char* start = p_;
        if (p_ < end_ && *p_ == '-') ++p_;
        if (p_ == end_ || !is_digit(*p_)) return fail("a value is expected");
        if (*p_ == '0') ++p_;
        else
            while (p_ < end_ && is_digit(*p_)) ++p_;
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return fail("a digit is expected after the decimal point");
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return fail("a digit is expected in the exponent");
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        return true;
    }

    // A string at p_ (on its opening quote). `out` views the text itself when nothing is escaped,
    // else `scratch`, which holds the decoded characters.
    // Most strings are plain ASCII up to their closing quote: that case is inlined at every use
    // (forced: the wasm build left it a call per cell), the rest (escapes, UTF-8, errors)
    // continues in escaped_string.
    inline __attribute__((always_inline)) bool string(std::string_view& out, std::string& scratch) {
        return string_rest(++p_, out, scratch);
    }
    // The same from inside the string: `start` (== p_) is just past its opening quote.
    inline __attribute__((always_inline)) bool string_rest(const char* start, std::string_view& out, std::string& scratch) {
        skip_plain();
        if (p_ < end_ && *p_ == '"') {
            out = std::string_view(start, static_cast<std::size_t>(p_ - start));
            ++p_;
            return true;
        }
        return escaped_string(start, out, scratch);
    }

    // The rest of a string that started at `start`, from p_ (where plain ASCII ended). Not
    // inlined into string(): there it made every string save and restore the registers it needs.
    __attribute__((noinline)) bool escaped_string(const char* start, std::string_view& out, std::string& scratch) {
        bool decoded = false;
        for (bool first = true;; first = false) {
            const char* run = p_;
            if (!first) skip_plain();
            if (decoded) scratch.append(run, static_cast<std::size_t>(p_ - run));
            if (p_ == end_) return fail("a string is not closed");
            const char c = *p_;
            if (c == '"') break;
            if (static_cast<unsigned char>(c) < 0x20) return fail("a control character inside a string");
            if (c == '\\') {
                if (!decoded) {
                    scratch.assign(start, static_cast<std::size_t>(p_ - start));
                    decoded = true;
                }
                if (!escape(scratch)) return false;
                continue;
            }
            const char* sequence = p_;
            if (!utf8_sequence()) return fail("a string is not UTF-8");
            if (decoded) scratch.append(sequence, static_cast<std::size_t>(p_ - sequence));
        }
        out = decoded ? std::string_view(scratch) : std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
    }

    // Moves past printable ASCII other than quote and backslash, eight bytes at a time. A byte
    // needs a closer look when it is below 0x20, a quote, a backslash or not ASCII: x - 0x01..
    // sets a byte's high bit when the byte of x is 0 (here: a quote or a backslash) and also when
    // it is 0x81 or more, and v - 0x20.. when v's byte is below 0x20 and also when it is 0xA0 or
    // more; those extras are all bytes over 0x80, which `| v` flags anyway. Borrows spill only
    // upwards from a flagged byte, so the lowest flag is the first byte to look at. (The exact
    // per-kind masks took half again as many operations per word, and this loop reads every
    // value of the page.)
    void skip_plain() {
        constexpr std::uint64_t kOnes = 0x0101010101010101ull;
        constexpr std::uint64_t kHigh = 0x8080808080808080ull;
        const char* p = p_;
        while (end_ - p >= 8) {
            std::uint64_t v;
            std::memcpy(&v, p, 8);
            const std::uint64_t quote = v ^ (kOnes * '"');
            const std::uint64_t backslash = v ^ (kOnes * '\\');
            const std::uint64_t special = ((v - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes) | v) & kHigh;
            if (special) {
                p_ = p + __builtin_ctzll(special) / 8;
                return;
            }
            p += 8;
        }
        while (p < end_) {
            const auto c = static_cast<unsigned char>(*p);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
            ++p;
        }
        p_ = p;
    }

    // One escape at p_ (on the backslash), its text appended to `out`.
    bool escape(std::string& out) {
        ++p_;
        if (p_ == end_) return fail("a string is not closed");
        const char c = *p_++;
        switch (c) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return fail("an unknown escape");
        }
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("a lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail("a high surrogate without its low half");
            p_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail("a high surrogate without its low half");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, static_cast<char32_t>(cp));
        return true;
    }

    bool hex4(std::uint32_t& cp) {
        if (end_ - p_ < 4) return fail("a \\u escape needs four hex digits");
        for (int i = 0; i < 4; ++i) {
            const int v = hex_value(*p_++);
            if (v < 0) return fail("a \\u escape needs four hex digits");
            cp = cp * 16 + static_cast<std::uint32_t>(v);
        }
        return true;
    }

    // One multi-byte UTF-8 sequence at p_, checked by the shared validator (core/json/text.h).
    bool utf8_sequence() {
        const int n = utf8_sequence_length(p_, end_);
        if (n == 0) return false;
        p_ += n;
        return true;
    }

    // Any JSON value at p_, checked and passed over; containers with an explicit stack.
    bool skip_value() {
        stack_.clear();
        std::string_view ignored;
        for (;;) {
            space();
            if (p_ == end_) return fail("a value is expected");
            switch (*p_) {
                case '{':
                    if (stack_.size() >= kMaxRecordsDepth) return fail("values are nested too deeply");
                    ++p_;
                    if (next_is('}')) break;
                    stack_.push_back('}');
                    if (!member_name()) return false;
                    continue;
                case '[':
                    if (stack_.size() >= kMaxRecordsDepth) return fail("values are nested too deeply");
                    ++p_;
                    if (next_is(']')) break;
                    stack_.push_back(']');
                    continue;
                case '"':
                    if (!string(ignored, skipped_)) return false;
                    break;
                case 't':
                    if (!literal("true")) return false;
                    break;
                case 'f':
                    if (!literal("false")) return false;
                    break;
                case 'n':
                    if (!literal("null")) return false;
                    break;
                default:
                    if (!number(ignored)) return false;
                    break;
            }
            // A value ended: close containers until one has more members.
            for (;;) {
                if (stack_.empty()) return true;
                if (next_is(',')) {
                    if (stack_.back() == '}' && !member_name()) return false;
                    break;
                }
                if (next_is(stack_.back())) {
                    stack_.pop_back();
                    continue;
                }
                return fail(stack_.back() == '}' ? "a comma or a closing brace is expected"
                                                 : "a comma or a closing bracket is expected");
            }
        }
    }

    bool member_name() {
        space();
        std::string_view ignored;
        if (p_ == end_ || *p_ != '"') return fail("a member name is expected");
        if (!string(ignored, skipped_)) return false;
        if (!next_is(':')) return fail("a colon is expected after a member name");
        return true;
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    Sink& sink_;
    const char* problem_ = nullptr;
    const char* where_ = nullptr;
    std::string error_;
    bool records_seen_ = false, errors_seen_ = false;
    std::string name_, key_, value_, skipped_;  // decoded text of escaped strings, by role
    // Per cell position: the raw bytes from a key's opening quote to its value (into the value
    // string for a usual cell, see cell), the key they decode to, and the record (counted from
    // 1) that last had them there.
    struct KeyBytes {
        std::string raw, key;
        std::size_t record = 0;
        bool opens_value = false;  // raw ends with the usual cell's {"value":" (see cell)
    };
    static constexpr std::size_t kKnownPositions = 4096;
    std::vector<KeyBytes> key_bytes_;
    std::size_t known_positions_ = 0;  // key_bytes_.size(), without a division per cell
    std::size_t record_ = 0;
    std::string stack_;  // closers of the containers skip_value is inside
};

// Reads `text` into `sink`, as scan_records_page does.
template <class Sink>
std::string scan_records(std::string_view text, Sink& sink) {
    return RecordsScanner<Sink>(text, sink).run();
}

}  // namespace
}  // namespace pm::profile::records_detail
