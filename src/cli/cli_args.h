// Small argument reader shared by the subcommands: --name VALUE options, flags, and positionals.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pm::cli {

struct ParsedArgs {
    std::map<std::string, std::string> options;    // --name VALUE
    std::set<std::string> flags;                   // --name
    std::vector<std::string> positional;
    std::string error;                             // non-empty: the arguments are wrong
};

// `with_value`: options that take a value; `switches`: flags without one. Anything else starting
// with "--" is an error; "-" alone is a positional (standard input).
ParsedArgs parse_args(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                      const std::set<std::string>& switches);

}  // namespace pm::cli
