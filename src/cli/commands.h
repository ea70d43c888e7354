// The CLI's subcommands: a name, a one-line summary, usage text and an entry point.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pm::cli {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;     // the input was read and found wanting
inline constexpr int kExitUsage = 2;       // bad arguments, unreadable file

struct Io {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    const char* name;
    const char* summary;
    const char* usage;                     // printed by `plan-mapper help <name>` and on usage errors
    int (*run)(const std::vector<std::string>& args, Io io);
};

const std::vector<Command>& commands();

int run_check(const std::vector<std::string>& args, Io io);
int run_body(const std::vector<std::string>& args, Io io);

}  // namespace pm::cli
