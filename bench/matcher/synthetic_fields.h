// Generated, reproducible inputs for the matcher benchmark: a large destination schema with
// realistic multi-word names, sources that are messy variants of most of them (abbreviations,
// casing, separators, typos, reordering) plus unrelated columns, with typed preview values; and a
// large enum column. Uses its own random generator so native and wasm builds get the same data.
#pragma once

#include "core/plan/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pm::match::bench {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t state_;
};

struct SyntheticFields {
    std::vector<UnmappedField> sources;
    std::vector<UnmappedField> destinations;
    std::vector<std::string> truth;            // per source: the destination key it varies, or ""
};
SyntheticFields make_synthetic_fields(std::size_t destinations, std::size_t sources, std::size_t previews,
                                      std::uint64_t seed);

struct SyntheticEnum {
    std::vector<EnumOption> options;
    std::vector<std::string> values;           // distinct
};
SyntheticEnum make_synthetic_enum(std::size_t options, std::size_t values, std::uint64_t seed);

}  // namespace pm::match::bench
