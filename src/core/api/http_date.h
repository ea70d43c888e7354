// HTTP dates (RFC 9110 5.6.7), for Retry-After: the IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT"
// and the two obsolete forms recipients must still accept (RFC 850 and asctime).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pm {

// Milliseconds since 1970-01-01T00:00:00Z, or nullopt when `text` is not an HTTP date.
std::optional<std::int64_t> parse_http_date_ms(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12); no range checks.
std::int64_t days_since_epoch(int year, int month, int day);

}  // namespace pm
