// Fixture access for the tests. Paths are relative to the repository root: ctest runs the tests
// there, natively and under node (NODERAWFS), so no path is baked in at build time.
#pragma once

#include "core/plan/model.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace pm::test {

// A missing fixture stops the test binary with its name: returning "" would let a test pass on an
// empty plan (exceptions are off in wasm, so this aborts rather than throws).
inline std::string read_fixture(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "read_fixture: cannot read %s (tests run from the repository root)\n", path.c_str());
        std::abort();
    }
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// The contract examples copied from the API reference (tests/data/contract).
inline const std::vector<std::string>& contract_examples() {
    static const std::vector<std::string> names = {
        "tests/data/contract/01-get-plan-response.json", "tests/data/contract/02-put-plan-request.json",
        "tests/data/contract/03-patch-plan-request.json",
    };
    return names;
}

inline Json parse_or_null(const std::string& text) { return Json::parse(text, nullptr, false); }

}  // namespace pm::test
