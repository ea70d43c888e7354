// The count table of one column's values: open addressing over a flat slot array, the values'
// bytes in one arena, looked up by string_view (no std::string per cell). A profile makes about
// 40 lookups per row, so this table is on the hot path of reading a sheet; std::unordered_map
// with std::string keys spent most of the profile's time allocating and chasing nodes.
//
// The caller hashes (hash_text in column_profile.h) so that one hash serves the table and the
// distinct-count sketch. Counts are 32-bit: a profile reads far fewer rows than that.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace pm::profile {

// Whether n bytes at a and b are the same: inline, a few word loads (values and keys are short;
// a call to memcmp per cell was a tenth of the profile's time, and a byte loop for the tail of
// every key and value cost nearly as much). Tails are read as overlapping words, never past n.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
    const auto load64 = [](const char* p) { std::uint64_t v; std::memcpy(&v, p, 8); return v; };
    const auto load32 = [](const char* p) { std::uint32_t v; std::memcpy(&v, p, 4); return v; };
    const auto load16 = [](const char* p) { std::uint16_t v; std::memcpy(&v, p, 2); return v; };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load64(a + i) != load64(b + i)) return false;
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    if (n >= 2) return load16(a) == load16(b) && load16(a + n - 2) == load16(b + n - 2);
    return n == 0 || *a == *b;
}

inline bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

// Each value carries a 16-bit note the caller chooses when inserting it (the column profile keeps
// the value's shape there, so that a value seen before is not classified again).
class ValueCounts {
public:
    // Adds one to `value`'s count and returns true when it is in the table, `note` set to its note.
    bool bump(std::string_view value, std::uint64_t hash, std::uint16_t& note);
    // Adds `value` (not in the table, at most 65,535 bytes) with a count of one.
    void insert(std::string_view value, std::uint64_t hash, std::uint16_t note = 0);

    // Starts loading the cache lines a lookup of `hash` reads first (its mark and its slot), so
    // that a caller with several lookups to make can have their memory fetched at once: with 40
    // columns' tables out of cache, the wait for them was most of a lookup's time. Wasm has no
    // prefetch, and reading the lines instead made the wasm profile slower, not faster
    // (wasm.profile_50000x40 CPU 298-358 ms with the reads, 200-232 ms without, interleaved
    // quiet runs of one build each): there it does nothing.
    void prefetch(std::uint64_t hash) const {
#ifdef __wasm__
        (void)hash;
#else
        if (slots_.empty()) return;
        const std::size_t i = (tag_of(hash) >> 1) & (slots_.size() - 1);
        __builtin_prefetch(&marks_[i]);
        __builtin_prefetch(&slots_[i]);
#endif
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // `value`'s count; 0 when it is not in the table.
    std::size_t count(std::string_view value, std::uint64_t hash) const;

    // Calls f(std::string_view value, std::size_t count) for every value, in no useful order.
    template <class F>
    void each(F&& f) const {
        for (const Slot& slot : slots_)
            if (slot.tag) f(text_of(slot), static_cast<std::size_t>(slot.count));
    }

private:
    // Values of up to kInline bytes (amounts, dates, codes, most enum words) live in their slot, so
    // that a lookup which finds them touches one cache line; longer ones are in arena_.
    static constexpr std::size_t kInline = 16;
    struct Slot {
        std::uint32_t tag = 0;     // high half of the hash, never 0; 0 marks an empty slot
        std::uint32_t offset = 0;  // where the value starts in arena_ (size > kInline)
        std::uint16_t size = 0;
        std::uint16_t note = 0;
        std::uint32_t count = 0;
        char head[kInline] = {};  // the value itself when size <= kInline
    };
    std::string_view text_of(const Slot& slot) const {
        return slot.size <= kInline ? std::string_view(slot.head, slot.size)
                                    : std::string_view(arena_.data() + slot.offset, slot.size);
    }
    static std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32) | 1u; }
    // A byte per slot, 0 when empty, else 0x80 and seven bits of the tag that do not pick the slot:
    // a probe reads these (16 KB for 16,384 slots, which stays in cache) and a slot only when its
    // byte matches. Columns of unique values (ids) miss on almost every lookup once the table is full.
    static std::uint8_t mark_of(std::uint32_t tag) { return static_cast<std::uint8_t>(0x80u | (tag >> 25)); }
    std::size_t find(std::string_view value, std::uint64_t hash) const;  // slot index, or an empty one
    void grow();

    std::vector<Slot> slots_;          // a power of two long, at most 5/8 full
    std::vector<std::uint8_t> marks_;  // beside slots_, one byte each
    std::string arena_;
    std::size_t size_ = 0;
};

// The lookup every cell makes, inline so that counting a value already in the table calls nothing
// (forced: the wasm build left it a call).
inline __attribute__((always_inline)) std::size_t ValueCounts::find(std::string_view value, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t tag = tag_of(hash);
    const std::uint8_t mark = mark_of(tag);
    for (std::size_t i = (tag >> 1) & mask;; i = (i + 1) & mask) {
        const std::uint8_t m = marks_[i];
        if (m == 0) return i;
        if (m != mark) continue;
        const Slot& slot = slots_[i];
        if (slot.tag == tag && slot.size == value.size() && same_bytes(text_of(slot).data(), value.data(), value.size()))
            return i;
    }
}

// Forced inline for the same reason: the wasm build left it a call per cell.
inline __attribute__((always_inline)) bool ValueCounts::bump(std::string_view value, std::uint64_t hash, std::uint16_t& note) {
    if (slots_.empty()) return false;
    const std::size_t i = find(value, hash);
    if (marks_[i] == 0) return false;
    ++slots_[i].count;
    note = slots_[i].note;
    return true;
}

}  // namespace pm::profile
