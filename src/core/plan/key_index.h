// Internal to pm_core: flat hash indexes from a key to positions, for plans of 10,000+ elements.
//
// The keys stay where they are (in the elements of a vector); the index holds only (hash,
// position) pairs in one open-addressed array. So building it allocates once, looking up costs
// one hash and usually one key comparison, and moving every position after an insert or erase
// is one pass over a small flat array (rather than over a node-based map).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace pm::detail {

// A fast hash for short keys (field keys are a few words long): multiply-xorshift over 8-byte
// words. Not keyed: like std::hash, it does not defend against crafted collisions.
inline std::uint32_t key_hash(std::string_view key) {
    const auto* p = reinterpret_cast<const unsigned char*>(key.data());
    std::size_t n = key.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(n);
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    if (n > 0) {
        std::uint64_t word = 0;
        for (std::size_t i = 0; i < n; ++i) word |= static_cast<std::uint64_t>(p[i]) << (8 * i);
        h = (h ^ word) * 0x94D049BB133111EBull;
        h ^= h >> 29;
    }
    h *= 0x9E3779B97F4A7C15ull;
    return static_cast<std::uint32_t>(h >> 32);
}

// A multimap key -> position. The caller says which key sits at a position (key_of(pos)), so
// the index never stores or copies a key. Positions are below 2^32 - 1.
class PositionIndex {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    std::size_t size() const { return size_; }
    void clear() {
        hashes_.clear();
        positions_.clear();
        size_ = 0;
    }
    void reserve(std::size_t n) {
        std::size_t capacity = 16;
        while (capacity * 3 < n * 4 + 4) capacity *= 2;
        if (capacity > positions_.size()) rehash(capacity);
    }

    void insert(std::string_view key, std::uint32_t pos) { insert_hashed(key_hash(key), pos); }

    // The first position found with this key, or kNone.
    template <class KeyOf>
    std::uint32_t find(std::string_view key, KeyOf&& key_of) const {
        if (positions_.empty()) return kNone;
        const std::uint32_t hash = key_hash(key);
        for (std::size_t i = hash & mask(); positions_[i] != kNone; i = (i + 1) & mask())
            if (hashes_[i] == hash && key_of(positions_[i]) == key) return positions_[i];
        return kNone;
    }
    // f(pos) for every position with this key (in no particular order).
    template <class KeyOf, class F>
    void for_each(std::string_view key, KeyOf&& key_of, F&& f) const {
        if (positions_.empty()) return;
        const std::uint32_t hash = key_hash(key);
        for (std::size_t i = hash & mask(); positions_[i] != kNone; i = (i + 1) & mask())
            if (hashes_[i] == hash && key_of(positions_[i]) == key) f(positions_[i]);
    }
    // Removes the entry (key, pos); false when there is none.
    bool erase(std::string_view key, std::uint32_t pos) {
        if (positions_.empty()) return false;
        const std::uint32_t hash = key_hash(key);
        std::size_t i = hash & mask();
        for (; positions_[i] != kNone; i = (i + 1) & mask())
            if (positions_[i] == pos && hashes_[i] == hash) break;
        if (positions_[i] == kNone) return false;
        // Backward-shift deletion: move later members of the probe run into the hole.
        std::size_t hole = i;
        for (std::size_t j = (hole + 1) & mask(); positions_[j] != kNone; j = (j + 1) & mask()) {
            const std::size_t home = hashes_[j] & mask();
            const bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                hashes_[hole] = hashes_[j];
                positions_[hole] = positions_[j];
                hole = j;
            }
        }
        positions_[hole] = kNone;
        --size_;
        return true;
    }
    // Every position >= from moves one up (after an insert at `from`) or down (after an erase
    // just before `from`). One branch-free pass over the positions alone.
    void shift(std::uint32_t from, bool up) {
        const std::uint32_t delta = up ? 1u : kNone;  // +1 or -1, modulo 2^32
        for (std::uint32_t& pos : positions_) pos += ((pos >= from) & (pos != kNone)) ? delta : 0u;
    }

private:
    std::size_t mask() const { return positions_.size() - 1; }
    void insert_hashed(std::uint32_t hash, std::uint32_t pos) {
        if (4 * (size_ + 1) > 3 * positions_.size()) rehash(positions_.empty() ? 16 : 2 * positions_.size());
        std::size_t i = hash & mask();
        while (positions_[i] != kNone) i = (i + 1) & mask();
        hashes_[i] = hash;
        positions_[i] = pos;
        ++size_;
    }
    void rehash(std::size_t capacity) {
        std::vector<std::uint32_t> old_hashes = std::move(hashes_);
        std::vector<std::uint32_t> old_positions = std::move(positions_);
        hashes_.assign(capacity, 0);
        positions_.assign(capacity, kNone);
        size_ = 0;
        for (std::size_t i = 0; i < old_positions.size(); ++i)
            if (old_positions[i] != kNone) insert_hashed(old_hashes[i], old_positions[i]);
    }

    // Slot i holds (hashes_[i], positions_[i]); kNone marks an empty slot. Apart, so that
    // shift() touches positions only.
    std::vector<std::uint32_t> hashes_;
    std::vector<std::uint32_t> positions_;
    std::size_t size_ = 0;
};

// A map from keys held elsewhere (views that must stay valid) to values.
template <class T>
class KeyMap {
public:
    std::size_t size() const { return entries_.size(); }
    void clear() {
        entries_.clear();
        index_.clear();
    }
    void reserve(std::size_t n) {
        entries_.reserve(n);
        index_.reserve(n);
    }
    const T* find(std::string_view key) const {
        const std::uint32_t pos = index_.find(key, [&](std::uint32_t p) { return entries_[p].first; });
        return pos == PositionIndex::kNone ? nullptr : &entries_[pos].second;
    }
    T* find(std::string_view key) {
        return const_cast<T*>(static_cast<const KeyMap&>(*this).find(key));
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // Adds the key, or replaces its value when `replace`; true when the key was new.
    bool put(std::string_view key, T value, bool replace) {
        if (T* existing = find(key)) {
            if (replace) *existing = std::move(value);
            return false;
        }
        index_.insert(key, static_cast<std::uint32_t>(entries_.size()));
        entries_.emplace_back(key, std::move(value));
        return true;
    }
    // f(key, value) in insertion order.
    template <class F> void for_each(F&& f) const {
        for (const auto& [key, value] : entries_) f(key, value);
    }

private:
    std::vector<std::pair<std::string_view, T>> entries_;
    PositionIndex index_;
};

}  // namespace pm::detail
