// Character-level string measures (see string_metrics.h).
#include "matcher/string_metrics.h"

#include "core/json/text.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace pm::match {

double jaro_winkler(std::string_view a, std::string_view b) {
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    if (a == b) return 1.0;
    const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    // Names are short; a fixed buffer avoids allocating for the common case.
    constexpr std::size_t kSmall = 64;
    bool small_a[kSmall] = {}, small_b[kSmall] = {};
    std::vector<bool> big_a, big_b;
    const bool small = a.size() <= kSmall && b.size() <= kSmall;
    if (!small) {
        big_a.assign(a.size(), false);
        big_b.assign(b.size(), false);
    }
    auto used_a = [&](std::size_t i) -> bool { return small ? small_a[i] : big_a[i]; };
    auto used_b = [&](std::size_t i) -> bool { return small ? small_b[i] : big_b[i]; };
    auto set_a = [&](std::size_t i) { if (small) small_a[i] = true; else big_a[i] = true; };
    auto set_b = [&](std::size_t i) { if (small) small_b[i] = true; else big_b[i] = true; };

    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t lo = i > window ? i - window : 0;
        const std::size_t hi = std::min(i + window + 1, b.size());
        for (std::size_t j = lo; j < hi; ++j) {
            if (used_b(j) || a[i] != b[j]) continue;
            set_a(i);
            set_b(j);
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0.0;
    std::size_t transpositions = 0;
    for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!used_a(i)) continue;
        while (!used_b(j)) ++j;
        if (a[i] != b[j]) ++transpositions;
        ++j;
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

double bigram_dice(std::string_view a, std::string_view b) {
    if (a.size() < 2 || b.size() < 2) return a == b ? 1.0 : 0.0;
    // Bigrams as 16-bit codes, sorted, then a merge count: no hashing, no allocation for short names.
    constexpr std::size_t kSmall = 64;
    std::uint16_t small_a[kSmall], small_b[kSmall];
    std::vector<std::uint16_t> big_a, big_b;
    const std::size_t na = a.size() - 1, nb = b.size() - 1;
    std::uint16_t* pa = small_a;
    std::uint16_t* pb = small_b;
    if (na > kSmall || nb > kSmall) {
        big_a.resize(na);
        big_b.resize(nb);
        pa = big_a.data();
        pb = big_b.data();
    }
    auto code = [](char x, char y) {
        return static_cast<std::uint16_t>((static_cast<unsigned char>(x) << 8) | static_cast<unsigned char>(y));
    };
    for (std::size_t i = 0; i < na; ++i) pa[i] = code(a[i], a[i + 1]);
    for (std::size_t i = 0; i < nb; ++i) pb[i] = code(b[i], b[i + 1]);
    std::sort(pa, pa + na);
    std::sort(pb, pb + nb);
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < na && j < nb;) {
        if (pa[i] == pb[j]) {
            ++common;
            ++i;
            ++j;
        } else if (pa[i] < pb[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(na + nb);
}

std::vector<std::uint16_t> sorted_bigrams(std::string_view text) {
    std::vector<std::uint16_t> out;
    if (text.size() < 2) return out;
    out.reserve(text.size() - 1);
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        out.push_back(static_cast<std::uint16_t>((static_cast<unsigned char>(text[i]) << 8) |
                                                 static_cast<unsigned char>(text[i + 1])));
    std::sort(out.begin(), out.end());
    return out;
}

double bigram_dice_sorted(const std::vector<std::uint16_t>& a, const std::vector<std::uint16_t>& b) {
    if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::size_t levenshtein(std::string_view a, std::string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Code points of UTF-8 text (each malformed byte reads as one U+FFFD).
std::u32string code_points(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        decode_utf8(text, i, cp);
        out.push_back(cp);
    }
    return out;
}

template <class Text>
std::size_t osa(const Text& a, const Text& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> d((n + 1) * (m + 1));
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
    for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(n, m);
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

std::size_t osa_distance(std::string_view a, std::string_view b) {
    if (is_ascii(a) && is_ascii(b)) return osa(a, b);
    return osa(code_points(a), code_points(b));
}

bool is_abbreviation_of(std::string_view abbreviation, std::string_view word) {
    if (abbreviation.empty() || abbreviation.size() >= word.size() || abbreviation[0] != word[0]) return false;
    std::size_t j = 1;
    for (std::size_t i = 1; i < abbreviation.size(); ++i) {
        while (j < word.size() && word[j] != abbreviation[i]) ++j;
        if (j == word.size()) return false;
        ++j;
    }
    return true;
}

}  // namespace pm::match
