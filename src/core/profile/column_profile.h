// A streaming profile of one source column: rows, blanks, distinct values (exact up to a cap,
// then an estimate, flagged), the most common values with their counts, and how many values
// have each shape (value_shape.h) with a few examples of each. Fed one value at a time by the
// sheet profile (sheet_profile.h); memory stays bounded whatever the column holds.
#pragma once

#include "core/profile/value_counts.h"
#include "core/profile/value_shape.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace pm::profile {

// Values longer than this are counted under their first kMaxValueBytes bytes (cut at a UTF-8
// character boundary): a hostile 10 MB cell must not be copied into every structure.
inline constexpr std::size_t kMaxValueBytes = 256;

// A 64-bit hash of text, eight bytes at a time, with a final mix good enough for the
// distinct-count sketch (and the count table, which probes from its high half). Inline: it runs
// on every cell.
inline std::uint64_t hash_text(std::string_view text) {
    // Words of eight bytes (the last one zero-padded) folded by multiply and rotate, the length
    // mixed in, then splitmix64's finaliser. Little-endian reads on every target we build for.
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (text.size() * 0xD6E8FEB86659FD93ull);
    const auto fold = [&h](std::uint64_t word) {
        h ^= word * 0xFF51AFD7ED558CCDull;
        h = ((h << 29) | (h >> 35)) * 0xC4CEB9FE1A85EC53ull;
    };
    const char* p = text.data();
    std::size_t n = text.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        fold(word);
    }
    if (n > 0) {
        // The last 1 to 7 bytes as the zero-padded word, from two overlapping loads rather than a
        // memcpy of a variable length (a call per value in wasm).
        std::uint64_t word;
        if (text.size() >= 8) {
            // The last eight bytes of the text, shifted so that only the n not yet folded remain.
            std::memcpy(&word, p + n - 8, 8);
            word >>= 8 * (8 - n);
        } else if (n >= 4) {
            std::uint32_t low, high;
            std::memcpy(&low, p, 4);
            std::memcpy(&high, p + n - 4, 4);
            word = low | (static_cast<std::uint64_t>(high) << (8 * (n - 4)));
        } else {
            const auto byte = [p](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
            word = byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
        }
        fold(word);
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

// `value` cut to at most kMaxValueBytes at a character boundary. Inline: it runs on every cell,
// and nearly every cell is short enough to pass unchanged.
std::string_view clip_long_value(std::string_view value);
inline std::string_view clip_value(std::string_view value) {
    return value.size() <= kMaxValueBytes ? value : clip_long_value(value);
}

struct ValueCount {
    std::string value;
    std::size_t count = 0;
};

// Shared by every column of one sheet, so that wide hostile sheets cannot multiply the memory.
struct DistinctBudget {
    // Exact distinct values kept per column. Past 1,000 a column is no enum and its top values are
    // marked estimates; a table that size stays in cache while 40 columns are counted at once
    // (10,000 per column made the 50,000 x 40 profile half again as slow, tools/bench).
    std::size_t per_column = 1000;
    std::size_t total = 400000;                // across all columns
    std::size_t used = 0;
};

class ColumnProfile {
public:
    ColumnProfile(std::string key, std::string label) : key_(std::move(key)), label_(std::move(label)) {}

    // One non-blank value (already trimmed, not empty). Blanks are not added: the sheet counts rows.
    void add(std::string_view value, DistinctBudget& budget) {
        const std::string_view clipped = clip_value(value);
        add_clipped(clipped, hash_text(clipped), budget);
    }
    // The same for a value already clipped (clip_value) and hashed (hash_text), after prefetch()
    // had the table's memory fetched for it (see ValueCounts::prefetch).
    inline void add_clipped(std::string_view value, std::uint64_t hash, DistinctBudget& budget);
    void prefetch(std::uint64_t hash) const { counts_.prefetch(hash); }
    // The server said this cell is not valid (records' `valid: false`).
    void add_flagged() { ++flagged_; }

    const std::string& key() const { return key_; }
    const std::string& label() const { return label_; }
    std::size_t filled() const { return filled_; }          // non-blank values
    std::size_t flagged() const { return flagged_; }

    // Distinct non-blank values: exact while distinct_estimated() is false.
    std::size_t distinct() const;
    bool distinct_estimated() const { return overflowed_; }

    // The `n` most common values, most common first (ties: smaller value first). While the
    // distinct count is exact, so are these counts; once it is estimated, values first seen after
    // the cap are not in the table.
    std::vector<ValueCount> top(std::size_t n) const;
    // Every value kept in the table with its count (all of them while the count is exact).
    const ValueCounts& counts() const { return counts_; }
    // `value`'s count in the table (0 when it is not there).
    std::size_t count(std::string_view value) const;

    std::size_t shape_count(Shape single) const;
    const std::vector<std::string>& shape_examples(Shape single) const;
    // The date layout most values use; EitherSlash resolves to MonthDaySlash or DaySlash when
    // any value in the column settles the order.
    DateFormat date_format() const;
    std::size_t date_format_count(DateFormat format) const { return date_formats_[static_cast<int>(format)]; }

    // Few distinct values, each repeated: at least 10 values, at most 50 distinct, and on
    // average every value appears at least 4 times.
    bool enum_like() const;

    static constexpr std::size_t kExamplesPerShape = 3;

private:
    __attribute__((noinline)) void add_new(std::string_view value, std::uint64_t hash, DistinctBudget& budget);
    // Counts a value's shapes and date format, as kept in the count table's 16-bit note
    // (column_profile.cpp's pack_shape): for new values and for those read back from the table.
    void count_note(std::uint16_t note) {
        if (!(note & 0xFFu)) return;
        for (unsigned bits = note & 0xFFu; bits; bits &= bits - 1) ++shape_counts_[__builtin_ctz(bits)];
        ++date_formats_[note >> 8];
    }
    void sketch(std::uint64_t hash);
    void overflow();
    void merge_candidates() const;

    std::string key_, label_;
    std::size_t filled_ = 0, flagged_ = 0;
    ValueCounts counts_;
    bool overflowed_ = false;
    // After overflow: the k smallest value hashes, ascending (KMV sketch), once the candidates
    // (hashes not yet merged in, any order) are; distinct() merges them, hence mutable.
    mutable std::vector<std::uint64_t> smallest_, candidates_;
    std::size_t shape_counts_[kShapeCount] = {};
    std::vector<std::string> examples_[kShapeCount];
    std::size_t date_formats_[kDateFormatCount] = {};
};

// Inline (forced: the wasm build left it a call): it runs for every cell, and in most cells of
// most columns the value is in the table.
inline __attribute__((always_inline)) void ColumnProfile::add_clipped(std::string_view value, std::uint64_t hash,
                                                                      DistinctBudget& budget) {
    ++filled_;
    // A value already in the table was classified when it was first seen, and its examples
    // considered then: its shape is read back from the table (most cells of an enum, date or
    // flag column repeat a value), and only new values are classified.
    std::uint16_t note = 0;
    if (counts_.bump(value, hash, note)) {
        count_note(note);
        return;
    }
    add_new(value, hash, budget);
}

}  // namespace pm::profile
