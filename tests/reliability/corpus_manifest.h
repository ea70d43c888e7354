// The hostile corpus as the tests see it: manifest.json (written by make_hostile_corpus.mjs) read
// into cases, each with what the widget must make of its file. Paths are relative to the
// repository root (ctest runs there, natively and under node) or absolute for the build tree.
#pragma once

#include "core/plan/model.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pm::test {

enum class Expect { Rejected, Problems, Warned, Usable };
const char* to_string(Expect expect);

struct CorpusCase {
    std::string file;                          // path to read
    std::string name;                          // the file name, for messages and the report
    std::string category;
    std::string description;
    Expect expect = Expect::Usable;
    std::optional<std::string> pointer;        // a problem must sit at, just above or below it
    std::optional<std::string> kept_pointer;   // a PUT body member that must hold kept_value
    std::optional<Json> kept_value;            // absent: the member must be absent
    std::string kept_text;                     // must appear verbatim in the PUT body
    std::size_t max_problems = 0;              // 0: no bound beyond the sink's own
    // A known defect (strict expected failure): the case must still fail, and says why. When it
    // starts passing, the test fails until the entry is removed from the generator.
    std::string known_issue;
    // A known defect in drawing on one kind of build ("wasm"): there the file is checked but not
    // drawn (drawing it aborts the process, so it cannot be an expected failure). Remove the entry
    // from the generator once fixed, and the test draws it again.
    std::string draw_known_issue_on;
    std::string draw_known_issue;
};

// Reads `dir`/manifest.json. On failure returns no cases and says why in `error`.
std::vector<CorpusCase> load_manifest(const std::string& dir, std::string& error);

std::string read_file(const std::string& path, bool& ok);

}  // namespace pm::test
