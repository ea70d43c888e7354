// Counting one column's values; see column_profile.h.
#include "core/profile/column_profile.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>

namespace pm::profile {

namespace {

constexpr std::size_t kSketchSize = 1024;      // KMV: standard error about 1/sqrt(k) = 3 %
constexpr std::size_t kSketchCandidates = 256;  // hashes that wait to be merged into the k smallest

// A shape in a count table's 16-bit note: the shape bits low, the date format above them
// (ColumnProfile::count_note reads it back).
static_assert(kShapeCount <= 8 && kDateFormatCount <= 256, "a shape fits a 16-bit note");
std::uint16_t pack_shape(ValueShape shape) {
    return static_cast<std::uint16_t>(shape.shapes | (static_cast<unsigned>(shape.date) << 8));
}

int shape_index(Shape single) {
    int i = 0;
    for (unsigned bit = single; bit > 1; bit >>= 1) ++i;
    return i;
}

}  // namespace

std::string_view clip_long_value(std::string_view value) {
    std::size_t end = kMaxValueBytes;
    // Step back over continuation bytes (10xxxxxx) so the cut never splits a character.
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    return value.substr(0, end);
}

// Kept out of add() so that the usual cell, whose value is in the table, pays for none of the
// registers classifying and the examples need.
void ColumnProfile::add_new(std::string_view value, std::uint64_t hash, DistinctBudget& budget) {
    const ValueShape shape = classify(value);
    const std::uint16_t note = pack_shape(shape);
    count_note(note);
    for (unsigned bits = shape.shapes; bits; bits &= bits - 1) {
        std::vector<std::string>& examples = examples_[__builtin_ctz(bits)];
        if (examples.size() < kExamplesPerShape &&
            std::none_of(examples.begin(), examples.end(), [&](const std::string& e) { return same_text(e, value); }))
            examples.emplace_back(value);
    }
    if (!overflowed_ && counts_.size() < budget.per_column && budget.used < budget.total) {
        counts_.insert(value, hash, note);
        ++budget.used;
        return;
    }
    if (!overflowed_) overflow();
    sketch(hash);
}

std::size_t ColumnProfile::count(std::string_view value) const {
    const std::string_view clipped = clip_value(value);
    return counts_.count(clipped, hash_text(clipped));
}

void ColumnProfile::overflow() {
    overflowed_ = true;
    counts_.each([this](std::string_view value, std::size_t) { sketch(hash_text(value)); });
}

void ColumnProfile::sketch(std::uint64_t hash) {
    // Most hashes are past the k-th smallest and stop at the first test (the k-th smallest only
    // falls, so it may be a merge behind). The rest wait in candidates_ and are merged into the
    // sorted k smallest in batches: inserted one by one, each moved half of the 8 KB array.
    if (smallest_.size() >= kSketchSize && hash >= smallest_.back()) return;
    candidates_.push_back(hash);
    if (candidates_.size() >= kSketchCandidates) merge_candidates();
}

void ColumnProfile::merge_candidates() const {
    if (candidates_.empty()) return;
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
    std::vector<std::uint64_t> merged;
    merged.reserve(smallest_.size() + candidates_.size());
    std::set_union(smallest_.begin(), smallest_.end(), candidates_.begin(), candidates_.end(), std::back_inserter(merged));
    if (merged.size() > kSketchSize) merged.resize(kSketchSize);
    smallest_.swap(merged);
    candidates_.clear();
}

std::size_t ColumnProfile::distinct() const {
    if (!overflowed_) return counts_.size();
    merge_candidates();
    if (smallest_.size() < kSketchSize) return std::max(counts_.size(), smallest_.size());
    // The k-th smallest of n uniform hashes sits near k/n of the range: n ~ (k - 1) / (kth / 2^64).
    const double kth = static_cast<double>(smallest_.back()) / 18446744073709551616.0;
    const double estimate = kth > 0 ? (kSketchSize - 1) / kth : 0.0;
    return std::max(counts_.size(), static_cast<std::size_t>(std::llround(estimate)));
}

std::vector<ValueCount> ColumnProfile::top(std::size_t n) const {
    std::vector<std::pair<std::string_view, std::size_t>> all;
    all.reserve(counts_.size());
    counts_.each([&all](std::string_view value, std::size_t count) { all.emplace_back(value, count); });
    const auto before = [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const std::size_t keep = std::min(n, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(), before);
    std::vector<ValueCount> out;
    out.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i) out.push_back({std::string(all[i].first), all[i].second});
    return out;
}

std::size_t ColumnProfile::shape_count(Shape single) const { return shape_counts_[shape_index(single)]; }

const std::vector<std::string>& ColumnProfile::shape_examples(Shape single) const {
    return examples_[shape_index(single)];
}

DateFormat ColumnProfile::date_format() const {
    const auto count = [&](DateFormat f) { return date_formats_[static_cast<int>(f)]; };
    // Ambiguous slash dates take the order the unambiguous ones show (US order when none do).
    std::size_t slash_month = count(DateFormat::MonthDaySlash), slash_day = count(DateFormat::DaySlash);
    const std::size_t either = count(DateFormat::EitherSlash);
    if (slash_day > slash_month) slash_day += either;
    else if (slash_month > 0 || either > 0) slash_month += either;
    DateFormat best = DateFormat::None;
    std::size_t best_count = 0;
    const std::pair<DateFormat, std::size_t> candidates[] = {
        {DateFormat::Iso, count(DateFormat::Iso)},           {DateFormat::IsoDateTime, count(DateFormat::IsoDateTime)},
        {DateFormat::YearSlash, count(DateFormat::YearSlash)}, {DateFormat::MonthDaySlash, slash_month},
        {DateFormat::DaySlash, slash_day},                   {DateFormat::DayDot, count(DateFormat::DayDot)},
    };
    for (const auto& [format, n] : candidates)
        if (n > best_count) best = format, best_count = n;
    return best;
}

bool ColumnProfile::enum_like() const {
    const std::size_t d = distinct();
    return filled_ >= 10 && d >= 1 && d <= 50 && !overflowed_ && d * 4 <= filled_;
}

}  // namespace pm::profile
