// The cell recogniser; see value_shape.h. One pass or two over short text, no allocation.
#include "core/profile/value_shape.h"

#include "core/json/text.h"

#include <cstdint>
#include <cstring>

namespace pm::profile {

namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equals_folded(std::string_view text, std::string_view lower_word) {
    if (text.size() != lower_word.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (lower_ascii(text[i]) != lower_word[i]) return false;
    return true;
}

// -12, +3.5, .5, 1e-3, 1,234,567.89. Sets `integer` when there is no fraction or exponent.
bool is_number(std::string_view s, bool& integer) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t start = i;
    std::size_t digits = 0, group = 0;
    bool grouped = false;
    for (; i < s.size(); ++i) {
        if (is_digit(s[i])) {
            ++digits;
            ++group;
        } else if (s[i] == ',') {
            // Thousands groups: 1-3 digits first, then exactly 3 after every comma.
            if ((!grouped && (group == 0 || group > 3)) || (grouped && group != 3)) return false;
            grouped = true;
            group = 0;
        } else {
            break;
        }
    }
    if (grouped && group != 3) return false;
    integer = true;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t fraction = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++fraction;
        if (digits == 0 && fraction == 0) return false;
        digits += fraction;
        integer = false;
    }
    if (digits == 0 || i == start) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        std::size_t exponent = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++exponent;
        if (exponent == 0) return false;
        integer = false;
    }
    return i == s.size();
}

// Reads exactly `n` digits at s[i..] into `out`.
bool digits_at(std::string_view s, std::size_t i, std::size_t n, int& out) {
    if (i + n > s.size()) return false;
    out = 0;
    for (std::size_t k = i; k < i + n; ++k) {
        if (!is_digit(s[k])) return false;
        out = out * 10 + (s[k] - '0');
    }
    return true;
}

// 1 or 2 digits at s[i..], advancing i.
bool small_number(std::string_view s, std::size_t& i, int& out) {
    if (i >= s.size() || !is_digit(s[i])) return false;
    out = s[i++] - '0';
    if (i < s.size() && is_digit(s[i])) out = out * 10 + (s[i++] - '0');
    return true;
}

bool date_exists(int year, int month, int day) {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= (month == 2 && leap ? 29 : kDays[month - 1]);
}

// A time after an ISO date: "T" or one space, then HH:MM[:SS[.fff]] and an optional zone.
bool is_time_suffix(std::string_view s) {
    if (s.size() < 6 || (s[0] != 'T' && s[0] != ' ')) return false;
    int hour = 0, minute = 0;
    if (!digits_at(s, 1, 2, hour) || s[3] != ':' || !digits_at(s, 4, 2, minute) || hour > 23 || minute > 59) return false;
    std::size_t i = 6;
    if (i < s.size() && s[i] == ':') {
        int second = 0;
        if (!digits_at(s, i + 1, 2, second) || second > 60) return false;
        i += 3;
        if (i < s.size() && s[i] == '.') {
            ++i;
            const std::size_t start = i;
            while (i < s.size() && is_digit(s[i])) ++i;
            if (i == start) return false;
        }
    }
    if (i == s.size()) return true;
    if (s[i] == 'Z') return i + 1 == s.size();
    if (s[i] == '+' || s[i] == '-') {
        int zh = 0, zm = 0;
        if (!digits_at(s, i + 1, 2, zh)) return false;
        i += 3;
        if (i < s.size() && s[i] == ':') ++i;
        return digits_at(s, i, 2, zm) && i + 2 == s.size() && zh <= 14 && zm <= 59;
    }
    return false;
}

DateFormat date_format_of(std::string_view s) {
    if (s.size() < 8 || !is_digit(s[0])) return DateFormat::None;
    int year = 0, month = 0, day = 0;
    // Year first: YYYY-MM-DD[time] or YYYY/MM/DD.
    if (s.size() >= 10 && digits_at(s, 0, 4, year) && (s[4] == '-' || s[4] == '/')) {
        const char sep = s[4];
        if (!digits_at(s, 5, 2, month) || s[7] != sep || !digits_at(s, 8, 2, day) || !date_exists(year, month, day))
            return DateFormat::None;
        if (s.size() == 10) return sep == '-' ? DateFormat::Iso : DateFormat::YearSlash;
        return sep == '-' && is_time_suffix(s.substr(10)) ? DateFormat::IsoDateTime : DateFormat::None;
    }
    // Year last: A/B/YYYY or DD.MM.YYYY, one or two digits for A and B.
    std::size_t i = 0;
    int a = 0, b = 0;
    if (!small_number(s, i, a) || i >= s.size()) return DateFormat::None;
    const char sep = s[i++];
    if ((sep != '/' && sep != '.') || !small_number(s, i, b) || i >= s.size() || s[i++] != sep) return DateFormat::None;
    if (!digits_at(s, i, 4, year) || i + 4 != s.size()) return DateFormat::None;
    if (sep == '.') return date_exists(year, b, a) ? DateFormat::DayDot : DateFormat::None;
    const bool month_first = date_exists(year, a, b), day_first = date_exists(year, b, a);
    if (month_first && day_first) return DateFormat::EitherSlash;
    if (month_first) return DateFormat::MonthDaySlash;
    if (day_first) return DateFormat::DaySlash;
    return DateFormat::None;
}

// Whether `s` holds an '@', eight bytes at a time (most text cells have none: a call to memchr
// per cell cost more than the search, in the wasm most of all).
bool has_at_sign(std::string_view s) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        const std::uint64_t x = word ^ (kOnes * '@');
        if ((x - kOnes) & ~x & kHigh) return true;
    }
    if (n == 0) return false;
    if (s.size() >= 8) {
        // The last eight bytes, the ones already read shifted out.
        std::uint64_t word;
        std::memcpy(&word, p + n - 8, 8);
        const std::uint64_t x = (word >> (8 * (8 - n))) ^ (kOnes * '@');
        // The zero bytes shifted in are no '@': their byte of x is '@' itself, not zero.
        return ((x - kOnes) & ~x & kHigh) != 0;
    }
    for (; n > 0; ++p, --n)
        if (*p == '@') return true;
    return false;
}

// What a byte is to is_email: most bytes of an address are none of these (0).
enum : std::uint8_t { kEmailAt = 1, kEmailDot = 2, kEmailBad = 3 };
struct EmailBytes {
    std::uint8_t of[256] = {};
    constexpr EmailBytes() {
        of[static_cast<unsigned char>('@')] = kEmailAt;
        of[static_cast<unsigned char>('.')] = kEmailDot;
        for (const char c : {' ', '\t', '\n', '\r', '\f', '\v', ',', ';', '<', '>'})
            of[static_cast<unsigned char>(c)] = kEmailBad;
    }
};
constexpr EmailBytes kEmailBytes;

// Bytes of an eight-byte word that may matter to is_email, as the high bit of their byte: every
// byte below 0x2F (space and the other whitespace, ',', '.'), from ';' to '@' (';', '<', '>',
// '@'), and every non-ASCII byte. A superset of the table's non-zero bytes (the others are read
// and found to be 0): letters and digits, most of an address, are passed over a word at a time.
// Each byte is compared with its high bit set, so no subtraction borrows from its neighbour.
std::uint64_t email_candidates(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const std::uint64_t y = word | kHigh;
    const std::uint64_t below_slash = ~(y - kOnes * 0x2F) & kHigh;
    const std::uint64_t semicolon_to_at = (y - kOnes * 0x3B) & ~(y - kOnes * 0x41) & kHigh;
    return below_slash | semicolon_to_at | (word & kHigh);
}

// One pass: exactly one '@', not first; a dot after it with text between them and after it; none
// of the bytes an address cannot hold (is_ascii_space, ',', ';', '<', '>'). One table read per
// byte that may matter (email_candidates), in order, rather than up to a dozen comparisons per
// byte: an email column whose values are mostly distinct reaches here for nearly every cell.
bool is_email(std::string_view s) {
    constexpr std::size_t kNone = std::string_view::npos;
    std::size_t at = kNone, dot = kNone;
    // False when the byte at i means `s` is no address.
    const auto look = [&](std::size_t i) {
        const std::uint8_t kind = kEmailBytes.of[static_cast<unsigned char>(s[i])];
        if (kind == 0) return true;
        if (kind == kEmailAt) {
            if (at != kNone) return false;
            at = i;
        } else if (kind == kEmailDot) {
            dot = i;
        } else {
            return false;
        }
        return true;
    };
    std::size_t i = 0;
    // The word's first byte is its lowest (wasm and x86-64 are little-endian), so ctz / 8 is the
    // byte's offset.
    for (; s.size() - i >= 8; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        for (std::uint64_t flags = email_candidates(word); flags; flags &= flags - 1)
            if (!look(i + static_cast<std::size_t>(__builtin_ctzll(flags)) / 8)) return false;
    }
    for (; i < s.size(); ++i)
        if (!look(i)) return false;
    // The last dot is the domain's when it follows the '@'; it needs a byte on either side.
    return at != kNone && at > 0 && dot != kNone && dot > at + 1 && dot + 1 < s.size();
}

bool is_url(std::string_view s) {
    std::string_view rest;
    if (s.size() > 8 && equals_folded(s.substr(0, 8), "https://")) rest = s.substr(8);
    else if (s.size() > 7 && equals_folded(s.substr(0, 7), "http://")) rest = s.substr(7);
    else if (s.size() > 4 && equals_folded(s.substr(0, 4), "www.")) rest = s.substr(4);
    else return false;
    const std::size_t end = rest.find_first_of("/?#");
    const std::string_view host = rest.substr(0, end);
    if (host.empty() || host.find('.') == std::string_view::npos) return false;
    for (char c : s)
        if (is_ascii_space(c)) return false;
    return true;
}

bool is_phone(std::string_view s) {
    // A date-shaped value that is not a real date (2023-02-30) is a bad date, not a phone number.
    if (s.size() == 10 && ((s[4] == '-' && s[7] == '-') || (s[2] == '/' && s[5] == '/') || (s[2] == '.' && s[5] == '.')))
        return false;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) ++digits;
        else if (c == '+' && i == 0) continue;
        else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return false;
    }
    return digits >= 7 && digits <= 15;
}

}  // namespace

const char* shape_name(Shape single) {
    switch (single) {
        case kShapeNumber: return "number";
        case kShapeInteger: return "integer";
        case kShapeDate: return "date";
        case kShapeEmail: return "email";
        case kShapeUrl: return "url";
        case kShapePhone: return "phone";
        case kShapeBoolean: return "boolean";
    }
    return "";
}

const char* date_format_name(DateFormat format) {
    switch (format) {
        case DateFormat::None: return "";
        case DateFormat::Iso: return "YYYY-MM-DD";
        case DateFormat::IsoDateTime: return "YYYY-MM-DDTHH:MM:SS";
        case DateFormat::YearSlash: return "YYYY/MM/DD";
        case DateFormat::MonthDaySlash: return "MM/DD/YYYY";
        case DateFormat::DaySlash: return "DD/MM/YYYY";
        case DateFormat::EitherSlash: return "MM/DD/YYYY or DD/MM/YYYY";
        case DateFormat::DayDot: return "DD.MM.YYYY";
    }
    return "";
}

bool is_boolean_word(std::string_view v) {
    switch (v.size()) {
        case 1: {
            const char c = lower_ascii(v[0]);
            return c == 'y' || c == 'n' || c == 't' || c == 'f' || c == '1' || c == '0';
        }
        case 2: return equals_folded(v, "no") || equals_folded(v, "on");
        case 3: return equals_folded(v, "yes") || equals_folded(v, "off");
        case 4: return equals_folded(v, "true");
        case 5: return equals_folded(v, "false");
        default: return false;
    }
}

ValueShape classify(std::string_view v) {
    ValueShape out;
    if (v.empty()) return out;
    if (v.size() <= 5 && is_boolean_word(v)) out.shapes |= kShapeBoolean;  // no call for longer values
    const char first = v[0];
    if (is_digit(first) || first == '-' || first == '+' || first == '.' || first == '(') {
        bool integer = false;
        if (is_number(v, integer)) out.shapes |= integer ? (kShapeNumber | kShapeInteger) : kShapeNumber;
        out.date = date_format_of(v);
        if (out.date != DateFormat::None) out.shapes |= kShapeDate;
        // A bare run of digits is a number (an id, an amount), not a phone number.
        else if (!(out.shapes & kShapeNumber) && is_phone(v)) out.shapes |= kShapePhone;
        return out;
    }
    if (!is_alpha(first)) return out;
    if (has_at_sign(v)) {
        if (is_email(v)) out.shapes |= kShapeEmail;
    } else if (const char h = lower_ascii(first); (h == 'h' || h == 'w') && is_url(v)) {
        out.shapes |= kShapeUrl;
    }
    return out;
}

}  // namespace pm::profile
