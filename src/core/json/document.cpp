// The tape documents behind JsonRef (see document.h): the scanner that checks the text and
// records each value, Json building from the tape, and writing values back as text.
#include "core/json/document.h"

#include "core/json/text.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace pm {

namespace detail {

namespace {

constexpr std::uint32_t kMaxTapeText = std::numeric_limits<std::uint32_t>::max() - 1;

// Bytes a string may hold as they are: printable ASCII but the quote and the backslash.
struct PlainBytes {
    bool table[256] = {};
    constexpr PlainBytes() {
        for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
    }
    constexpr bool operator[](unsigned char c) const { return table[c]; }
};
constexpr PlainBytes kPlain;

PM_ALWAYS_INLINE inline bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
PM_ALWAYS_INLINE inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}


// One pass over the text, checking it as nlohmann's lexer and parser do and recording each value
// on the tape. Any doubt means "not for the fast path" (false), never a guess.
class TapeScanner {
public:
    TapeScanner(JsonDocument& doc, const JsonLimits& limits, std::uint32_t capacity)
        : doc_(doc), limits_(limits), base_(doc.text.data()), p_(base_), end_(base_ + doc.text.size()) {
        doc_.tape_storage.reset(new TapeEntry[capacity]);  // trivial entries: not zeroed
        doc_.tape = doc_.tape_storage.get();
        capacity_ = capacity;
    }

    PM_FLATTEN bool run() {
        skip_space();
        bool need_value = true;
        for (;;) {
            if (need_value) {
                if (p_ == end_) return false;
                const char c = *p_;
                if (c == '{' || c == '[') {
                    if (depth_ >= limits_.max_depth || !count_value()) return false;
                    const bool object = c == '{';
                    push(object ? TapeType::Object : TapeType::Array, p_);
                    Frame& opened = open_frame();
                    opened.entry = doc_.tape_size - 1;
                    opened.count = 0;
                    opened.object = object;
                    opened.spaced = false;
                    opened.names = 0;
                    ++p_;
                    if (skip_space()) opened.spaced = true;
                    if (p_ < end_ && *p_ == (object ? '}' : ']')) {
                        ++p_;
                        close();
                        need_value = false;
                        continue;
                    }
                    if (object && !key()) return false;
                    continue;
                }
                if (!scalar()) return false;
                need_value = false;
                continue;
            }
            if (depth_ == 0) {
                skip_space();
                return p_ == end_;
            }
            Frame& frame = frames_[depth_ - 1];
            ++frame.count;
            if (skip_space()) frame.spaced = true;
            if (p_ == end_) return false;
            if (*p_ == ',') {
                ++p_;
                if (skip_space()) frame.spaced = true;
                if (frame.object && !key()) return false;
                need_value = true;
                continue;
            }
            if (*p_ != (frame.object ? '}' : ']')) return false;
            ++p_;
            if (!close()) return false;
        }
    }

private:
    // An open container. For objects, the names seen so far (up to kNames of them, by cheap
    // signature and tape position) to find a repeated name as soon as it appears.
    static constexpr std::size_t kNames = 8;
    struct Frame {
        std::uint32_t entry = 0;
        std::uint32_t count = 0;
        bool object = false;
        bool spaced = false;
        std::uint8_t names = 0;                // names recorded below; kNames + 1: too many, check at close
        std::uint32_t signature[kNames];
        std::uint32_t name_at[kNames];
    };

    PM_ALWAYS_INLINE Frame& open_frame() {
        if (depth_ == frames_.size()) frames_.emplace_back();
        return frames_[depth_++];
    }

    PM_ALWAYS_INLINE std::uint32_t offset(const char* at) const { return static_cast<std::uint32_t>(at - base_); }

    // Entries are written in place, field by field: building one on the stack and copying it in
    // made the CPU stall on every value (a narrow store read back wide).
    PM_ALWAYS_INLINE TapeEntry& push(TapeType type, const char* begin) {
        if (doc_.tape_size == capacity_) grow();
        TapeEntry& entry = doc_.tape[doc_.tape_size++];
        entry.begin = offset(begin);
        entry.end = 0;
        entry.after = 0;
        entry.count = 0;
        entry.type = type;
        entry.flags = 0;
        return entry;
    }

    void grow() {
        const std::uint32_t capacity = capacity_ < 1024 ? 1024 : 2 * capacity_;
        std::unique_ptr<TapeEntry[]> bigger(new TapeEntry[capacity]);
        if (doc_.tape_size) std::memcpy(bigger.get(), doc_.tape, sizeof(TapeEntry) * doc_.tape_size);
        doc_.tape_storage = std::move(bigger);
        doc_.tape = doc_.tape_storage.get();
        capacity_ = capacity;
    }

    PM_ALWAYS_INLINE bool count_value() { return ++values_ <= limits_.max_values; }

    PM_ALWAYS_INLINE bool skip_space() {
        const char* start = p_;
        while (p_ < end_ && is_space(static_cast<unsigned char>(*p_))) ++p_;
        return p_ != start;
    }

    // Ends the innermost container at p_; false when it is an object with a repeated member name
    // (the slow path warns about those).
    bool close() {
        const Frame& frame = frames_[--depth_];
        TapeEntry& entry = doc_.tape[frame.entry];
        entry.end = offset(p_);
        entry.after = doc_.tape_size;
        entry.count = frame.count;
        if (frame.spaced) {
            entry.flags |= kTapeSpaced;
            if (depth_ > 0) frames_[depth_ - 1].spaced = true;
        }
        return !(frame.object && frame.names > kNames && has_repeated_name(frame.entry));
    }

    // Objects with many members: sort the names.
    bool has_repeated_name(std::uint32_t object) {
        names_.clear();
        std::uint32_t at = object + 1;
        for (std::uint32_t n = doc_.tape[object].count; n > 0; --n) {
            names_.push_back(doc_.string_at(at));
            at = doc_.next(at + 1);
        }
        std::sort(names_.begin(), names_.end());
        return std::adjacent_find(names_.begin(), names_.end()) != names_.end();
    }

    // Records the name just read in the innermost object; false when it repeats an earlier one.
    PM_FLATTEN bool new_name(Frame& frame) {
        if (frame.names > kNames) return true;
        if (frame.names == kNames) {
            frame.names = kNames + 1;
            return true;
        }
        const std::uint32_t at = doc_.tape_size - 1;
        const std::string_view name = doc_.string_at(at);
        const std::uint32_t signature =
            static_cast<std::uint32_t>(name.size()) |
            (name.empty() ? 0u
                          : (static_cast<std::uint32_t>(static_cast<unsigned char>(name.front())) << 16 |
                             static_cast<std::uint32_t>(static_cast<unsigned char>(name.back())) << 24));
        for (std::uint8_t i = 0; i < frame.names; ++i)
            if (frame.signature[i] == signature && doc_.string_at(frame.name_at[i]) == name) return false;
        frame.signature[frame.names] = signature;
        frame.name_at[frame.names] = at;
        ++frame.names;
        return true;
    }

    // A member name and the colon after it; whitespace around the colon marks the object spaced.
    bool key() {
        if (p_ == end_ || *p_ != '"' || !string()) return false;
        Frame& frame = frames_[depth_ - 1];
        if (!new_name(frame)) return false;
        if (skip_space()) frame.spaced = true;
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        if (skip_space()) frame.spaced = true;
        return true;
    }

    bool scalar() {
        if (!count_value()) return false;
        switch (*p_) {
            case '"': return string();
            case 't': return literal("true", TapeType::True);
            case 'f': return literal("false", TapeType::False);
            case 'n': return literal("null", TapeType::Null);
            default: return number();
        }
    }

    bool literal(const char* word, TapeType type) {
        const std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
        TapeEntry& entry = push(type, p_);
        p_ += n;
        entry.end = offset(p_);
        return true;
    }

    bool number() {
        const char* start = p_;
        if (p_ < end_ && *p_ == '-') ++p_;
        if (p_ == end_) return false;
        if (*p_ == '0') {
            ++p_;
        } else if (is_digit(static_cast<unsigned char>(*p_))) {
            while (p_ < end_ && is_digit(static_cast<unsigned char>(*p_))) ++p_;
        } else {
            return false;
        }
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !is_digit(static_cast<unsigned char>(*p_))) return false;
            while (p_ < end_ && is_digit(static_cast<unsigned char>(*p_))) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !is_digit(static_cast<unsigned char>(*p_))) return false;
            while (p_ < end_ && is_digit(static_cast<unsigned char>(*p_))) ++p_;
        }
        Json value;
        if (!number_from_text(std::string_view(start, static_cast<std::size_t>(p_ - start)), value)) return false;
        push(TapeType::Number, start).end = offset(p_);
        return true;
    }

    // A string at p_ (on its opening quote): UTF-8 checked as nlohmann does, escapes decoded.
    PM_FLATTEN bool string() {
        const char* start = p_++;
        bool escaped = false;
        for (;;) {
            skip_plain();
            if (p_ == end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                break;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                escaped = true;
                if (!escape(nullptr)) return false;
                continue;
            }
            if (!utf8_sequence()) return false;
        }
        TapeEntry& entry = push(TapeType::String, start);
        entry.end = offset(p_);
        if (escaped) {
            entry.flags = kTapeEscaped;
            entry.after = static_cast<std::uint32_t>(doc_.strings.size());
            decode(start + 1, p_ - 1);
            entry.count = static_cast<std::uint32_t>(doc_.strings.size() - entry.after);
        }
        return true;
    }

    // Moves p_ past plain bytes (printable ASCII but quote and backslash), eight at a time: each
    // test below flags a byte of its kind, and the lowest flag is exact (little-endian order).
    PM_ALWAYS_INLINE void skip_plain() {
        constexpr std::uint64_t kOnes = 0x0101010101010101ull;
        constexpr std::uint64_t kHigh = 0x8080808080808080ull;
        const char* p = p_;
        while (end_ - p >= 8) {
            std::uint64_t v;
            std::memcpy(&v, p, 8);
            const std::uint64_t quote = v ^ (kOnes * '"');
            const std::uint64_t backslash = v ^ (kOnes * '\\');
            const std::uint64_t special = (((v - kOnes * 0x20) & ~v) | ((quote - kOnes) & ~quote) |
                                           ((backslash - kOnes) & ~backslash) | v) &
                                          kHigh;
            if (special) {
                p_ = p + __builtin_ctzll(special) / 8;
                return;
            }
            p += 8;
        }
        while (p < end_ && kPlain[static_cast<unsigned char>(*p)]) ++p;
        p_ = p;
    }

    // Checks one escape at p_ (on the backslash) and moves past it; appends its text to `out`.
    bool escape(std::string* out) {
        ++p_;
        if (p_ == end_) return false;
        const char c = *p_++;
        switch (c) {
            case '"': if (out) *out += '"'; return true;
            case '\\': if (out) *out += '\\'; return true;
            case '/': if (out) *out += '/'; return true;
            case 'b': if (out) *out += '\b'; return true;
            case 'f': if (out) *out += '\f'; return true;
            case 'n': if (out) *out += '\n'; return true;
            case 'r': if (out) *out += '\r'; return true;
            case 't': if (out) *out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate must follow a high one
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out) append_utf8(*out, cp);
        return true;
    }

    bool hex4(std::uint32_t& cp) {
        if (end_ - p_ < 4) return false;
        for (int i = 0; i < 4; ++i) {
            const int v = hex_value(static_cast<unsigned char>(*p_++));
            if (v < 0) return false;
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

    // Decodes a checked string body [from, to) into doc_.strings.
    void decode(const char* from, const char* to) {
        const char* saved = p_;
        p_ = from;
        while (p_ < to) {
            const char* run = p_;
            while (p_ < to && *p_ != '\\') ++p_;
            doc_.strings.append(run, static_cast<std::size_t>(p_ - run));
            if (p_ < to) escape(&doc_.strings);
        }
        doc_.strings_data = doc_.strings.data();
        p_ = saved;
    }

    JsonDocument& doc_;
    const JsonLimits& limits_;
    const char* base_;
    const char* p_;
    const char* end_;
    std::vector<Frame> frames_;                // frames_[0, depth_) are open; reused, never cleared
    std::size_t depth_ = 0;
    std::vector<std::string_view> names_;
    std::size_t values_ = 0;
    std::uint32_t capacity_ = 0;
};

// Powers of ten that doubles hold exactly.
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

bool number_from_text(std::string_view text, Json& out) {
    const char* p = text.data();
    const char* end = p + text.size();
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    // Mantissa digits (integer and fraction parts) as one integer, while it stays exact.
    std::uint64_t mantissa = 0;
    bool exact = true;
    int fraction_digits = 0;
    bool is_integer = true;
    for (; p < end && is_digit(static_cast<unsigned char>(*p)); ++p) {
        const auto d = static_cast<std::uint64_t>(*p - '0');
        if (mantissa > (std::numeric_limits<std::uint64_t>::max() - d) / 10) exact = false;
        else mantissa = mantissa * 10 + d;
    }
    if (p < end && *p == '.') {
        is_integer = false;
        for (++p; p < end && is_digit(static_cast<unsigned char>(*p)); ++p, ++fraction_digits) {
            const auto d = static_cast<std::uint64_t>(*p - '0');
            if (mantissa > (std::numeric_limits<std::uint64_t>::max() - d) / 10) exact = false;
            else mantissa = mantissa * 10 + d;
        }
    }
    int exponent = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        is_integer = false;
        ++p;
        const bool exponent_negative = p < end && *p == '-';
        if (p < end && (*p == '+' || *p == '-')) ++p;
        for (; p < end && is_digit(static_cast<unsigned char>(*p)); ++p) {
            if (exponent > 100000) exact = false;
            else exponent = exponent * 10 + (*p - '0');
        }
        if (exponent_negative) exponent = -exponent;
    }
    if (exact && is_integer) {
        if (!negative) {
            out = Json(static_cast<Json::number_unsigned_t>(mantissa));
            return true;
        }
        constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;
        if (mantissa <= kMinMagnitude) {
            out = Json(mantissa == kMinMagnitude ? std::numeric_limits<Json::number_integer_t>::min()
                                                 : -static_cast<Json::number_integer_t>(mantissa));
            return true;
        }
    } else if (exact && !is_integer) {
        // Exact mantissa and power of ten: one correctly rounded operation, as strtod gives.
        const int power = exponent - fraction_digits;
        if (mantissa == 0) {
            out = Json(negative ? -0.0 : 0.0);
            return true;
        }
        if (mantissa <= (std::uint64_t{1} << 53) && power >= -22 && power <= 22) {
            double value = static_cast<double>(mantissa);
            value = power >= 0 ? value * kExactPowers[power] : value / kExactPowers[-power];
            out = Json(negative ? -value : value);
            return true;
        }
    }
    // Anything else as nlohmann's own parser reads it (rare: long mantissas, big exponents).
    Json value = Json::parse(text.begin(), text.end(), nullptr, false);
    if (value.is_discarded()) return false;
    out = std::move(value);
    return true;
}

void write_json(const Json& value, std::string& out) {
    nlohmann::detail::serializer<Json> serializer(nlohmann::detail::output_adapter<char, std::string>(out), ' ',
                                                 Json::error_handler_t::replace);
    serializer.dump(value, false, false, 0);
}

void write_json_string(std::string_view text, std::string& out) { write_json(Json(std::string(text)), out); }

std::shared_ptr<JsonDocument> scan_json(std::string_view text, const JsonLimits& limits) {
    if (text.size() > limits.max_bytes || text.size() > kMaxTapeText) return nullptr;
    auto doc = std::make_shared<JsonDocument>();
    doc->is_tape = true;
    doc->text.assign(text.data(), text.size());
    doc->text_data = doc->text.data();
    doc->strings_data = doc->strings.data();
    TapeScanner scanner(*doc, limits, static_cast<std::uint32_t>(text.size() / 8 + 16));
    if (!scanner.run()) return nullptr;
    return doc;
}

namespace {

// Rewrites JSON text with one member per name in each object (the last value, where the name
// first appeared) and no whitespace between tokens; every other token is copied as it is, so
// numbers keep their text. Checks only the structure: scan_json checks the tokens afterwards.
class RepeatedMemberFilter {
public:
    RepeatedMemberFilter(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

    bool run(std::string& out) {
        if (!value(out, 0)) return false;
        space();
        return at_ == text_.size();
    }

private:
    void space() {
        while (at_ < text_.size() && is_space(static_cast<unsigned char>(text_[at_]))) ++at_;
    }
    bool next_is(char c) const { return at_ < text_.size() && text_[at_] == c; }

    bool value(std::string& out, std::size_t depth) {
        space();
        if (at_ >= text_.size()) return false;
        const char c = text_[at_];
        if (c == '{' || c == '[') {
            if (depth >= max_depth_) return false;
            return c == '{' ? object(out, depth + 1) : array(out, depth + 1);
        }
        const std::size_t begin = at_;
        if (c == '"') {
            if (!skip_string()) return false;
        } else {
            // A number, true, false or null: up to the next structural character.
            while (at_ < text_.size() && !is_space(static_cast<unsigned char>(text_[at_])) && text_[at_] != ',' &&
                   text_[at_] != ']' && text_[at_] != '}' && text_[at_] != ':')
                ++at_;
        }
        if (at_ == begin) return false;
        out.append(text_.substr(begin, at_ - begin));
        return true;
    }

    bool skip_string() {
        ++at_;
        while (at_ < text_.size()) {
            const char c = text_[at_++];
            if (c == '"') return true;
            if (c == '\\') ++at_;
        }
        return false;
    }

    bool array(std::string& out, std::size_t depth) {
        ++at_;
        out += '[';
        space();
        if (next_is(']')) {
            ++at_;
            out += ']';
            return true;
        }
        for (;;) {
            if (!value(out, depth)) return false;
            space();
            if (at_ >= text_.size()) return false;
            const char c = text_[at_++];
            if (c == ']') break;
            if (c != ',') return false;
            out += ',';
        }
        out += ']';
        return true;
    }

    bool object(std::string& out, std::size_t depth) {
        ++at_;
        struct Member {
            std::string_view name_text;        // as written, quotes included
            std::string value;
        };
        std::vector<Member> members;
        std::unordered_map<std::string, std::size_t> by_name;
        space();
        if (next_is('}')) {
            ++at_;
            out += "{}";
            return true;
        }
        for (;;) {
            space();
            if (!next_is('"')) return false;
            const std::size_t begin = at_;
            if (!skip_string()) return false;
            const std::string_view name_text = text_.substr(begin, at_ - begin);
            space();
            if (!next_is(':')) return false;
            ++at_;
            std::string item;
            if (!value(item, depth)) return false;
            const auto [it, added] = by_name.emplace(decoded(name_text), members.size());
            if (added) members.push_back(Member{name_text, std::move(item)});
            else members[it->second].value = std::move(item);
            space();
            if (at_ >= text_.size()) return false;
            const char c = text_[at_++];
            if (c == '}') break;
            if (c != ',') return false;
        }
        out += '{';
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i) out += ',';
            out.append(members[i].name_text);
            out += ':';
            out += members[i].value;
        }
        out += '}';
        return true;
    }

    // A member name as a string, to compare names ("a" and "\u0061" are the same name).
    static std::string decoded(std::string_view quoted) {
        if (quoted.find('\\') == std::string_view::npos) return std::string(quoted.substr(1, quoted.size() - 2));
        const Json name = Json::parse(quoted.begin(), quoted.end(), nullptr, false);
        return name.is_string() ? name.get<std::string>() : std::string(quoted);
    }

    std::string_view text_;
    std::size_t max_depth_;
    std::size_t at_ = 0;
};

// Limits for text this file writes itself from values already read within the caller's limits.
JsonLimits unlimited(std::size_t bytes) {
    JsonLimits limits;
    limits.max_bytes = bytes;
    limits.max_depth = std::numeric_limits<std::size_t>::max();
    limits.max_values = std::numeric_limits<std::size_t>::max();
    return limits;
}

}  // namespace

std::shared_ptr<JsonDocument> scan_json_normalised(std::string_view text, const JsonLimits& limits) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        text.remove_prefix(kByteOrderMark.size());
        if (auto doc = scan_json(text, limits)) return doc;   // the mark was all that was in the way
    }
    if (text.size() > limits.max_bytes) return nullptr;
    std::string filtered;
    filtered.reserve(text.size());
    if (!RepeatedMemberFilter(text, limits.max_depth).run(filtered)) return nullptr;
    return scan_json(filtered, limits);
}

JsonRef without_members(const JsonRef& object, std::initializer_list<std::string_view> names) {
    const DocumentPtr& doc = JsonRefAccess::doc(object);
    if (!doc || !object.is_object()) return object;
    const auto dropped = [&](std::string_view name) { return std::find(names.begin(), names.end(), name) != names.end(); };
    if (!doc->is_tape) {
        Json copy = object.to_json();
        for (const std::string_view name : names) copy.erase(std::string(name));
        return JsonRef(std::move(copy));
    }
    std::string text = "{";
    TapeValue(&doc, JsonRefAccess::node(object)).members([&](std::string_view name, const TapeValue& value) {
        if (dropped(name)) return;
        if (text.size() > 1) text += ',';
        write_json_string(name, text);
        text += ':';
        value.ref().write(text);
    });
    text += '}';
    const DocumentPtr kept = scan_json(text, unlimited(text.size()));
    if (!kept) return JsonRef(Json::parse(text, nullptr, false));   // cannot happen: the members were JSON
    return TapeValue(&kept, 0).ref();
}

Json JsonDocument::build(std::uint32_t i) const {
    const TapeEntry& e = tape[i];
    switch (e.type) {
        case TapeType::Null: return Json();
        case TapeType::False: return Json(false);
        case TapeType::True: return Json(true);
        case TapeType::Number: {
            Json value;
            number_from_text(text_at(i), value);
            return value;
        }
        case TapeType::String: return Json(std::string(string_at(i)));
        case TapeType::Array: {
            Json out = Json::array();
            auto& items = out.get_ref<Json::array_t&>();
            items.reserve(e.count);
            for (std::uint32_t at = i + 1; at < e.after; at = next(at)) items.push_back(build(at));
            return out;
        }
        case TapeType::Object: {
            Json out = Json::object();
            auto& members = out.get_ref<Json::object_t&>();
            for (std::uint32_t at = i + 1; at < e.after; at = next(at + 1))
                members.emplace(std::string(string_at(at)), build(at + 1));
            return out;
        }
    }
    return Json();
}

const Json& JsonDocument::json_at(std::uint32_t i) const {
    const auto found = built.find(i);
    if (found != built.end()) return *found->second;
    auto value = std::make_unique<const Json>(build(i));
    const Json& out = *value;
    built.emplace(i, std::move(value));
    return out;
}

void JsonDocument::write(std::uint32_t i, std::string& out) const {
    const TapeEntry& e = tape[i];
    if (!(e.flags & kTapeSpaced)) {
        out.append(text.data() + e.begin, e.end - e.begin);
        return;
    }
    // A container with whitespace inside: its tokens one by one.
    const bool object = e.type == TapeType::Object;
    out += object ? '{' : '[';
    for (std::uint32_t at = i + 1; at < e.after;) {
        if (at != i + 1) out += ',';
        if (object) {
            out.append(text.data() + tape[at].begin, tape[at].end - tape[at].begin);
            out += ':';
            ++at;
        }
        write(at, out);
        at = next(at);
    }
    out += object ? '}' : ']';
}

}  // namespace detail

}  // namespace pm
