// The profile of a whole source sheet, built page by page from Flatfile's records responses
// (GET /v1/sheets/{id}/records: {data:{records:[{id, values:{<field key>:{value, valid,
// messages}}}]}}). Bounded by rows and bytes; hostile pages yield a message, never an abort.
//
//   pm::profile::SheetProfile profile;
//   profile.declare_column("amount", "Amount");          // the source sheet's fields, in order
//   PageResult page = profile.add_page(response_body);   // once per page
//   if (!page.ok) ... page.error ...;  if (profile.full()) stop reading
#pragma once

#include "core/profile/column_profile.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pm::profile {

struct ProfileLimits {
    std::size_t max_rows = 50000;              // records read at most; later ones are not profiled
    std::size_t max_bytes = std::size_t{256} << 20;  // response text read at most, all pages together
    std::size_t max_columns = 2000;            // distinct field keys profiled (a source sheet is narrower)
    std::size_t top_values = 10;
    DistinctBudget distinct;
};

struct PageResult {
    bool ok = false;                           // the page was read (even if only part was profiled)
    std::size_t records = 0;                   // records in the page
    std::size_t profiled = 0;                  // of them, profiled (fewer once max_rows is reached)
    std::string error;                         // why the page could not be read, for a person
};

class SheetProfile {
public:
    explicit SheetProfile(ProfileLimits limits = {});

    // Columns in the source sheet's order; keys first seen in records are added after them.
    void declare_column(const std::string& key, const std::string& label);

    PageResult add_page(std::string_view response_text);
    // One record's cell, for callers that hold values already (offline records files, tests).
    // Call begin_row() first for each record.
    void begin_row();
    void add_cell(std::string_view key, std::string_view value);

    std::size_t rows() const { return rows_; }
    std::size_t bytes() const { return bytes_; }
    // A limit (rows or bytes) was reached: reading more pages adds nothing.
    bool full() const { return rows_ >= limits_.max_rows || bytes_ >= limits_.max_bytes; }
    // Why profiling stopped early ("the first 50,000 rows"), empty when it did not.
    const std::string& limit_note() const { return limit_note_; }
    std::size_t ignored_columns() const { return ignored_columns_; }

    const std::vector<ColumnProfile>& columns() const { return columns_; }
    const ColumnProfile* column(std::string_view key) const;
    // Blank cells of a column: rows without a value for it (absent, null or only spaces).
    std::size_t blanks(const ColumnProfile& column) const { return rows_ - column.filled(); }
    const ProfileLimits& limits() const { return limits_; }

private:
    friend class PageCells;
    ColumnProfile* column_for(std::string_view key);

    ProfileLimits limits_;
    std::vector<ColumnProfile> columns_;
    std::unordered_map<std::string, std::size_t> index_;
    std::size_t rows_ = 0, bytes_ = 0, ignored_columns_ = 0;
    std::string limit_note_;
    std::string scratch_;

    // Reused from page to page (sheet_profile.cpp's PageCells): a page's cells wait here until
    // the whole page has been read, so that a page refused half-way counts nothing.
    struct PendingCell {
        std::uint32_t column = 0;
        std::uint32_t offset = 0;  // in the page text, or in pending_text_ (kInScratch)
        std::uint32_t size = 0;
        std::uint8_t flags = 0;
        std::uint64_t hash = 0;  // hash_text of the value (clipped)
    };
    std::vector<PendingCell> pending_cells_;
    std::string pending_text_;                  // decoded (escaped) values of the page
    std::vector<std::string> pending_columns_;  // keys first seen in the page, in order
    // The key each cell position had in the last record (records repeat their key order), and
    // its column: most cells find their column with no hashing, and no comparison when the
    // scanner saw the same key bytes there (record: the page's record that last set the entry,
    // counted from 1; 0 when it was set in an earlier page).
    struct KnownPosition {
        std::string key;
        std::uint32_t column = 0;
        std::size_t record = 0;
    };
    std::vector<KnownPosition> by_position_;
    std::vector<std::uint64_t> last_row_;  // per column: the record it last had a cell in
    std::uint64_t row_serial_ = 0;         // numbers every record read, never reused
};

// A number with thousands separators for messages: 12345 -> "12,345".
std::string with_thousands(std::size_t n);

}  // namespace pm::profile
