// A tolerant HTTP-date reader; see http_date.h.
#include "core/api/http_date.h"

#include <string>
#include <vector>

namespace pm {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Leap years in [1, year).
std::int64_t leaps_before(std::int64_t year) {
    const std::int64_t y = year - 1;
    return y / 4 - y / 100 + y / 400;
}

int month_from_name(std::string_view name) {
    static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() != 3) return 0;
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    for (int i = 0; i < 12; ++i)
        if (lower == months[i]) return i + 1;
    return 0;
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

int number(std::string_view text) {
    int n = 0;
    for (char c : text) n = n * 10 + (c - '0');
    return n;
}

}  // namespace

std::int64_t days_since_epoch(int year, int month, int day) {
    static const int days_before_month[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    std::int64_t days = 365 * (std::int64_t{year} - 1970) + leaps_before(year) - leaps_before(1970);
    days += days_before_month[month - 1];
    if (month > 2 && is_leap(year)) days += 1;
    return days + day - 1;
}

std::optional<std::int64_t> parse_http_date_ms(std::string_view text) {
    if (text.size() > 64) return std::nullopt;
    // Split on spaces, commas and dashes: the three forms then differ only in token order.
    std::vector<std::string_view> tokens;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ' || text[i] == ',' || text[i] == '-' || text[i] == '\t') {
            if (i > start) tokens.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    int year = -1, month = 0, day = 0, hour = -1, minute = -1, second = -1;
    for (std::string_view token : tokens) {
        if (token.size() == 8 && token[2] == ':' && token[5] == ':') {
            const auto h = token.substr(0, 2), m = token.substr(3, 2), s = token.substr(6, 2);
            if (!all_digits(h) || !all_digits(m) || !all_digits(s)) return std::nullopt;
            hour = number(h), minute = number(m), second = number(s);
        } else if (int mon = month_from_name(token)) {
            month = mon;
        } else if (all_digits(token) && token.size() == 4) {
            year = number(token);
        } else if (all_digits(token) && token.size() <= 2) {
            // In RFC 850 dates the day comes before the two-digit year.
            if (day == 0) day = number(token);
            else year = number(token) + (number(token) < 70 ? 2000 : 1900);
        }
        // Weekday names and "GMT" carry nothing we need.
    }
    if (year < 1970 || year > 9999 || month == 0 || day < 1 || hour < 0 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    static const int month_length[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > month_length[month - 1] + (month == 2 && is_leap(year) ? 1 : 0)) return std::nullopt;
    const std::int64_t seconds = days_since_epoch(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return seconds * 1000;
}

}  // namespace pm
