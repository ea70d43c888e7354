// What every hostile file must satisfy, whatever it holds, plus what its manifest entry expects:
// problems that point somewhere real and say something; a plan that can be edited, undone and sent;
// members the widget only carries sent back unchanged. Failures are collected, not thrown, so one
// file's failure does not hide the next one's.
#pragma once

#include "core/plan/documents.h"
#include "corpus_manifest.h"

#include <string>
#include <vector>

namespace pm::test {

struct CorpusOutcome {
    std::string outcome;                       // "rejected", "partial", "usable-with-warnings", "usable"
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::string first_problem;                 // to_string() of the first problem, shortened
    std::size_t session_steps = 0;             // edits made and undone
    std::vector<std::string> failures;         // empty: the file passed
};

// True when `pointer` is "" or a well-formed RFC 6901 pointer ("/a/b~1c").
bool pointer_syntax_ok(const std::string& pointer);
// The value at `pointer` in `document`, or nullptr (never throws).
const Json* resolve_pointer(const Json& document, const std::string& pointer);

// Parses the file's text, checks the problems against the manifest entry, and when there is a
// plan, works a Session over it and checks what it would send. Does not draw (headless_panel.h).
CorpusOutcome check_corpus_case(const CorpusCase& c, const std::string& text, Parsed<PlanDocument>& parsed);

}  // namespace pm::test
