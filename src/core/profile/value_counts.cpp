// The open-addressing count table; see value_counts.h. Linear probing that starts from the tag
// (the hash's high half but the bit that marks a slot used), so that growing needs no other
// part of the hash.
#include "core/profile/value_counts.h"

#include <cstring>

namespace pm::profile {

void ValueCounts::insert(std::string_view value, std::uint64_t hash, std::uint16_t note) {
    if ((size_ + 1) * 8 > slots_.size() * 5) grow();
    const std::size_t i = find(value, hash);
    Slot& slot = slots_[i];
    slot.tag = tag_of(hash);
    marks_[i] = mark_of(slot.tag);
    slot.size = static_cast<std::uint16_t>(value.size());
    slot.note = note;
    slot.count = 1;
    if (value.size() <= kInline) {
        if (!value.empty()) std::memcpy(slot.head, value.data(), value.size());
    } else {
        slot.offset = static_cast<std::uint32_t>(arena_.size());
        arena_.append(value.data(), value.size());
    }
    ++size_;
}

std::size_t ValueCounts::count(std::string_view value, std::uint64_t hash) const {
    if (slots_.empty()) return 0;
    const std::size_t i = find(value, hash);
    return marks_[i] ? slots_[i].count : 0;
}

void ValueCounts::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot());
    marks_.assign(slots_.size(), 0);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (!slot.tag) continue;
        std::size_t i = (slot.tag >> 1) & mask;  // probes start from the tag (see find)
        while (marks_[i]) i = (i + 1) & mask;
        slots_[i] = slot;
        marks_[i] = mark_of(slot.tag);
    }
}

}  // namespace pm::profile
