// Problems found while reading JSON: where (a JSON Pointer, RFC 6901) and what, with a severity.
// Shared by the plan parser, the consistency checks, the protocol layer and the CLI.
#pragma once

#include "core/json/value.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pm {

// Error: the document breaks the contract in a way that loses information or leaves the plan
// unusable (the offending element is left out of the result). Warning: something odd that was
// read anyway (ignored or repaired); the result is still complete and usable.
enum class Severity { Warning, Error };

struct Problem {
    Severity severity = Severity::Error;
    std::string pointer;                       // "" is the whole document
    std::string message;
};

using Problems = std::vector<Problem>;

const char* to_string(Severity severity);
// "error /data/plan/fieldMapping/3/destinationField/key: expected a string, got number 42"
std::string to_string(const Problem& problem);
bool has_errors(const Problems& problems);
std::size_t count_errors(const Problems& problems);

// JSON Pointer building: tokens are escaped (~ -> ~0, / -> ~1).
std::string pointer_join(const std::string& base, std::string_view token);
std::string pointer_join(const std::string& base, std::size_t index);

// Serializes any value without throwing: invalid UTF-8 is replaced with U+FFFD.
std::string dump_json(const Json& value, int indent = -1);
// "number 42", "string \"abc\"", "object {\"a\":1,…}": a JSON type name and a short value for messages.
std::string describe_json(const Json& value, std::size_t max_chars = 40);

// Collects problems with an upper bound, so hostile input cannot make us build an unbounded list.
// Past the bound, problems are counted and summarised by one last entry from take().
class ProblemSink {
public:
    static constexpr std::size_t kDefaultLimit = 500;
    explicit ProblemSink(std::size_t limit = kDefaultLimit) : limit_(limit) {}

    void add(Severity severity, std::string pointer, std::string message);
    void error(std::string pointer, std::string message) { add(Severity::Error, std::move(pointer), std::move(message)); }
    void warning(std::string pointer, std::string message) { add(Severity::Warning, std::move(pointer), std::move(message)); }
    void append(const Problems& problems);

    bool has_errors() const { return errors_ > 0; }
    Problems take();

private:
    std::size_t limit_;
    std::size_t errors_ = 0;
    std::size_t dropped_ = 0;
    Problems problems_;
};

}  // namespace pm
