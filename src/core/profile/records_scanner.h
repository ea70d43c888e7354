// A purpose-built reader for one page of Flatfile's records response,
//   {"data": {"records": [{"id": ..., "values": {<field key>: {"value", "valid", "messages"}}}]}}
// that never builds a document: one pass over the bytes, strict JSON (RFC 8259 grammar, UTF-8
// checked, escapes decoded, nesting bounded), every record and cell handed to a sink as views.
// It exists because a 50,000-row sheet is about 120 MB of such text and the general JSON readers
// (a tape or a DOM per page) spent most of the profile's time building structures the profile
// then walked once.
//
// What the sink sees: record() once per element of `records` (whatever its type: a record that is
// not an object, or has no `values` object, is a row with every column blank); cell() once per
// member of `values`. A cell's value is its `value` member when the cell is an object, else the
// cell itself. Strings arrive decoded; numbers as their JSON text ("12.50", "1e3"); true/false as
// "true"/"false"; null, objects and arrays as no value (`has_value` false). `valid: false` sets
// `flagged`. Views are valid only during the call.
//
// The reader is a template on its sink (records_scanner_impl.h): the sheet profile instantiates it
// for its own sink, called directly; scan_records_page below is the same reader for any RecordsSink.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pm::profile {

class RecordsSink {
public:
    virtual ~RecordsSink() = default;
    virtual void record() = 0;
    // False refuses the page (the sink sets its own reason, scan_records_page returns it).
    // `same_key`: the previous record had a cell with this key at this cell's position (cells
    // counted from 0 in each record), so a sink that remembers positions need not compare keys.
    virtual bool cell(std::string_view key, std::string_view value, bool has_value, bool flagged, bool same_key) = 0;
    // Why cell() refused, for a person.
    virtual std::string refusal() const = 0;
};

// Reads `text` into `sink`. Returns an empty string when the whole page was read, otherwise why
// not, for a person ("the records response is not JSON: a string is not closed (at byte 1,204)").
// The sink may have seen part of the page when this fails: callers that need all-or-nothing
// buffer what they are given and keep it only on success (sheet_profile.cpp does).
std::string scan_records_page(std::string_view text, RecordsSink& sink);

// Deepest nesting of arrays and objects accepted anywhere in a page.
inline constexpr std::size_t kMaxRecordsDepth = 512;

}  // namespace pm::profile
