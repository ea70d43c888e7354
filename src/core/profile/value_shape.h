// What one cell of a source column looks like: a number, an integer, a date (and in which
// format), an email address, a URL, a phone number, a yes/no word. The column profile counts
// these for every value it reads, and the destination checks (field_check.h) decide from them
// whether a value can go into a number, date or boolean field.
//
// Core has its own small recogniser (the matcher's value_kinds.h sits above core): this one is
// strict and cheap because it runs on every cell of up to 50,000 rows, not on a few previews.
#pragma once

#include <cstdint>
#include <string_view>

namespace pm::profile {

enum Shape : std::uint16_t {
    kShapeNumber = 1u << 0,                    // 12, -3.5, 1e6, 1,234.50 (comma thousands)
    kShapeInteger = 1u << 1,                   // also a number: no fraction
    kShapeDate = 1u << 2,                      // a calendar date that exists, in a DateFormat
    kShapeEmail = 1u << 3,
    kShapeUrl = 1u << 4,                       // http(s)://host..., www.host...
    kShapePhone = 1u << 5,                     // 7 to 15 digits with + ( ) - . space separators
    kShapeBoolean = 1u << 6,                   // true/false, yes/no, y/n, t/f, on/off, 1/0
};
inline constexpr int kShapeCount = 7;

// Date layouts told apart. Slash dates where both parts are 12 or less fit both US and European
// order; the column decides (column_profile.h).
enum class DateFormat : std::uint8_t {
    None,
    Iso,                                       // 2024-03-09
    IsoDateTime,                               // 2024-03-09T14:05:00Z (or a space before the time)
    YearSlash,                                 // 2024/03/09
    MonthDaySlash,                             // 03/09/2024 with the day over 12: 03/19/2024
    DaySlash,                                  // 19/03/2024
    EitherSlash,                               // 03/09/2024: both readings are dates
    DayDot,                                    // 09.03.2024
};
inline constexpr int kDateFormatCount = 8;

const char* shape_name(Shape single);          // "number", "integer", "date", ...
const char* date_format_name(DateFormat format);  // "YYYY-MM-DD", "MM/DD/YYYY", ...

struct ValueShape {
    std::uint16_t shapes = 0;                  // Shape bits
    DateFormat date = DateFormat::None;
};

// The shapes of `value`, which the caller has trimmed and found non-empty.
ValueShape classify(std::string_view value);

// True for the yes/no words a boolean field takes, in any case.
bool is_boolean_word(std::string_view value);

}  // namespace pm::profile
