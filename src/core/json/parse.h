// Text -> Json without exceptions and with limits against hostile input.
//
// The wasm build has exceptions off (JSON_NOEXCEPTION), so every parse goes through here: a SAX
// handler builds the DOM and can stop early, which bounds the work before memory is spent.
#pragma once

#include "core/json/problems.h"

#include <cstddef>
#include <string_view>

namespace pm {

// Why these numbers: the contract's deepest path is about 10 levels (data/plan/fieldMapping/i/
// destinationField/config/options/j/meta/...); `metadata` members are free JSON, so 64 leaves
// plenty of room while keeping recursive code (dump, copy, compare) far from the stack limit.
// A 10,000-edge plan with previews and enum options is some 20 MB and 1-2 million values; the
// size and value caps leave headroom without letting one document exhaust a 32-bit wasm heap.
struct JsonLimits {
    std::size_t max_bytes = std::size_t{64} << 20;   // 64 MiB of text
    std::size_t max_depth = 64;                      // nested arrays/objects
    std::size_t max_values = 4000000;                // scalars + containers
};

// Parses `text` (RFC 8259, no comments) into `out`. On failure reports one error (pointer "")
// saying where and why, leaves `out` null and returns false. A member name repeated within one
// object is a warning (the last value wins, as in most JSON readers).
bool parse_json_text(std::string_view text, Json& out, ProblemSink& problems, const JsonLimits& limits = {});

}  // namespace pm
