// Reading records pages into column profiles; see sheet_profile.h.
//
// A page is read by records_scanner_impl.h (one pass, no document) into pending cells: each cell's
// column is found through the position cache, its text stays a view into the page (or a copy
// when it was escaped), and only when the whole page has been read are the cells counted.
#include "core/profile/sheet_profile.h"

#include "core/json/text.h"
#include "core/profile/records_scanner_impl.h"

#include <algorithm>
#include <limits>

namespace pm::profile {

namespace {

constexpr std::uint32_t kIgnored = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint8_t kHasText = 1, kInScratch = 2, kFlagged = 4;
constexpr std::size_t kCachedPositions = 4096;

// trim_ascii without the call for the usual cell, whose ends are not spaces.
std::string_view trim_cell(std::string_view text) {
    if (text.empty() || (static_cast<unsigned char>(text.front()) > ' ' && static_cast<unsigned char>(text.back()) > ' '))
        return text;
    return trim_ascii(text);
}

}  // namespace

// The sink that buffers one page into the SheetProfile's pending_* members. Not a RecordsSink:
// the scanner is instantiated for it (records_scanner_impl.h) and calls it directly.
class PageCells {
public:
    PageCells(SheetProfile& sheet, std::string_view text) : sheet_(sheet), text_(text) {
        sheet_.pending_cells_.clear();
        sheet_.pending_text_.clear();
        sheet_.pending_columns_.clear();
    }

    void record() {
        ++records;
        position_ = 0;
        open_ = sheet_.rows_ + profiled < sheet_.limits_.max_rows;
        if (!open_) return;
        ++profiled;
        row_ = ++sheet_.row_serial_;
    }

    // Inlined into the scanner's loop: as a call, saving and restoring registers around it was a
    // fifth of its cost. What is rare (a key named twice) is out of line.
    inline __attribute__((always_inline)) bool cell(std::string_view key, std::string_view value, bool has_value, bool flagged,
                                                    bool same_key) {
        const std::size_t position = position_++;
        if (!open_) return true;  // past the row limit: read, not counted
        const std::uint32_t column = column_at(position, key, same_key);
        if (column == kIgnored) return true;
        std::uint64_t& last = sheet_.last_row_[column];
        if (last == row_) return named_twice(key);
        last = row_;
        SheetProfile::PendingCell pending;
        pending.column = column;
        if (flagged) pending.flags |= kFlagged;
        const std::string_view text = has_value ? clip_value(trim_cell(value)) : std::string_view();
        if (!text.empty()) {
            pending.flags |= kHasText;
            pending.size = static_cast<std::uint32_t>(text.size());
            // Hashed here, while the value's bytes are in cache from the scan: hashing them in
            // commit() read the whole page again (native profile 5-10% slower).
            pending.hash = hash_text(text);
            if (text.data() >= text_.data() && text.data() + text.size() <= text_.data() + text_.size()) {
                pending.offset = static_cast<std::uint32_t>(text.data() - text_.data());
            } else {
                pending.flags |= kInScratch;
                pending.offset = static_cast<std::uint32_t>(sheet_.pending_text_.size());
                sheet_.pending_text_.append(text.data(), text.size());
            }
        }
        if (pending.flags) sheet_.pending_cells_.push_back(pending);
        return true;
    }

    std::string refusal() const { return refusal_; }

    __attribute__((noinline)) bool named_twice(std::string_view key) {
        refusal_ = "a record names the field \"" + std::string(clip_value(key)) + "\" twice";
        return false;
    }

    // Counts the buffered cells: the page was read to its end.
    void commit() {
        for (const std::string& key : sheet_.pending_columns_) {
            sheet_.index_.emplace(key, sheet_.columns_.size());
            sheet_.columns_.emplace_back(key, key);
        }
        // In groups of kGroup cells, in record order: first each value's table memory is asked for
        // (by the hash the scan took), then the group is counted. Each cell goes to another
        // column's table, mostly out of cache, and fetching a group's lines at once waits for them
        // once. (Counting column by column instead, a table kept in cache, was slower: the cells'
        // text is then read out of order.)
        const std::vector<SheetProfile::PendingCell>& cells = sheet_.pending_cells_;
        struct Hashed {
            std::string_view value;
            std::uint64_t hash = 0;
        };
        constexpr std::size_t kGroup = 8;
        Hashed group[kGroup];
        for (std::size_t first = 0; first < cells.size(); first += kGroup) {
            const std::size_t n = std::min(kGroup, cells.size() - first);
            for (std::size_t k = 0; k < n; ++k) {
                const SheetProfile::PendingCell& cell = cells[first + k];
                if (!(cell.flags & kHasText)) continue;
                const char* base = cell.flags & kInScratch ? sheet_.pending_text_.data() : text_.data();
                group[k].value = std::string_view(base + cell.offset, cell.size);  // clipped in cell()
                group[k].hash = cell.hash;
                sheet_.columns_[cell.column].prefetch(group[k].hash);
            }
            for (std::size_t k = 0; k < n; ++k) {
                const SheetProfile::PendingCell& cell = cells[first + k];
                ColumnProfile& column = sheet_.columns_[cell.column];
                if (cell.flags & kFlagged) column.add_flagged();
                if (cell.flags & kHasText) column.add_clipped(group[k].value, group[k].hash, sheet_.limits_.distinct);
            }
        }
        sheet_.rows_ += profiled;
        sheet_.ignored_columns_ += ignored_;
    }

    // Forgets the page: columns it would have added are not kept, nor cached positions that name them.
    void discard() {
        sheet_.last_row_.resize(sheet_.columns_.size());
        const auto stale = [&](const auto& entry) { return entry.column != kIgnored && entry.column >= sheet_.columns_.size(); };
        if (std::any_of(sheet_.by_position_.begin(), sheet_.by_position_.end(), stale)) sheet_.by_position_.clear();
    }

    std::size_t records = 0, profiled = 0;

private:
    // The column of the cell at `position`. `same_key` (from the scanner) says the previous
    // record had this key here: when that record also set this entry, no comparison is needed.
    // The usual case is inlined into cell() (forced: the wasm build left it a call); the rest is
    // in another function (inlined, it made every call save and restore the registers the lookup
    // needs).
    inline __attribute__((always_inline)) std::uint32_t column_at(std::size_t position, std::string_view key, bool same_key) {
        if (position < cached_positions_) {
            SheetProfile::KnownPosition& known = sheet_.by_position_.data()[position];
            const bool fresh = known.record + 1 == records;
            known.record = records;
            if ((same_key && fresh) || same_text(known.key, key)) return known.column;
        }
        return column_looked_up(position, key);
    }

    __attribute__((noinline)) std::uint32_t column_looked_up(std::size_t position, std::string_view key) {
        auto& cache = sheet_.by_position_;
        const std::uint32_t column = lookup(key);
        if (position < cache.size()) {
            cache[position].key.assign(key.data(), key.size());
            cache[position].column = column;
        } else if (position == cache.size() && position < kCachedPositions) {
            cache.push_back({std::string(key), column, records});
            cached_positions_ = cache.size();
        }
        return column;
    }

    std::uint32_t lookup(std::string_view key) {
        sheet_.scratch_.assign(key.data(), key.size());
        const auto known = sheet_.index_.find(sheet_.scratch_);
        if (known != sheet_.index_.end()) return static_cast<std::uint32_t>(known->second);
        auto& pending = sheet_.pending_columns_;
        const auto seen = std::find(pending.begin(), pending.end(), sheet_.scratch_);
        if (seen != pending.end())
            return static_cast<std::uint32_t>(sheet_.columns_.size() + static_cast<std::size_t>(seen - pending.begin()));
        if (sheet_.columns_.size() + pending.size() >= sheet_.limits_.max_columns) {
            ++ignored_;
            return kIgnored;
        }
        pending.push_back(sheet_.scratch_);
        sheet_.last_row_.push_back(0);
        return static_cast<std::uint32_t>(sheet_.columns_.size() + pending.size() - 1);
    }

    SheetProfile& sheet_;
    std::string_view text_;
    // sheet_.by_position_.size(), kept here so that each cell's test needs no division (the
    // entries are 48 bytes); only column_looked_up adds entries while a page is read.
    std::size_t cached_positions_ = sheet_.by_position_.size();
    std::size_t position_ = 0;
    bool open_ = false;
    std::uint64_t row_ = 0;
    std::size_t ignored_ = 0;
    std::string refusal_;
};

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

SheetProfile::SheetProfile(ProfileLimits limits) : limits_(std::move(limits)) {
    // Counts are 32-bit (value_counts.h), and so are a page's offsets.
    limits_.max_rows = std::min<std::size_t>(limits_.max_rows, std::numeric_limits<std::uint32_t>::max());
    limits_.max_columns = std::min<std::size_t>(limits_.max_columns, kIgnored - 1);
}

void SheetProfile::declare_column(const std::string& key, const std::string& label) {
    if (index_.count(key) || columns_.size() >= limits_.max_columns) return;
    index_.emplace(key, columns_.size());
    columns_.emplace_back(key, label);
    last_row_.push_back(0);
}

const ColumnProfile* SheetProfile::column(std::string_view key) const {
    const auto it = index_.find(std::string(key));
    return it == index_.end() ? nullptr : &columns_[it->second];
}

ColumnProfile* SheetProfile::column_for(std::string_view key) {
    scratch_.assign(key.data(), key.size());
    const auto it = index_.find(scratch_);
    if (it != index_.end()) return &columns_[it->second];
    if (columns_.size() >= limits_.max_columns) {
        ++ignored_columns_;
        return nullptr;
    }
    index_.emplace(scratch_, columns_.size());
    columns_.emplace_back(scratch_, scratch_);
    last_row_.push_back(0);
    return &columns_.back();
}

void SheetProfile::begin_row() { ++rows_; }

void SheetProfile::add_cell(std::string_view key, std::string_view value) {
    const std::string_view trimmed = trim_ascii(value);
    if (trimmed.empty()) return;
    if (ColumnProfile* column = column_for(key)) column->add(trimmed, limits_.distinct);
}

PageResult SheetProfile::add_page(std::string_view text) {
    PageResult result;
    bytes_ += text.size();
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        result.error = "the records response is larger than 4 GB";
        return result;
    }
    PageCells cells(*this, text);
    result.error = records_detail::scan_records(text, cells);
    result.ok = result.error.empty();
    result.records = cells.records;
    if (result.ok) {
        cells.commit();
        result.profiled = cells.profiled;
    } else {
        cells.discard();
    }
    if (full() && limit_note_.empty()) {
        limit_note_ = rows_ >= limits_.max_rows ? "the first " + with_thousands(rows_) + " rows"
                                                : "the first " + with_thousands(rows_) + " rows (the size limit was reached)";
    }
    return result;
}

}  // namespace pm::profile
