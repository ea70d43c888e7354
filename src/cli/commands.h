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

// Exit codes of the commands that talk to the API.
inline constexpr int kExitApi = 3;         // network or server trouble
inline constexpr int kExitAuth = 4;        // 401 or 403: sign in again, or no access

const std::vector<Command>& commands();
const Command* find_command(const std::string& name);

int run_check(const std::vector<std::string>& args, Io io);
int run_body(const std::vector<std::string>& args, Io io);
int run_match(const std::vector<std::string>& args, Io io);
int run_automap(const std::vector<std::string>& args, Io io);
int run_get(const std::vector<std::string>& args, Io io);
int run_put(const std::vector<std::string>& args, Io io);
int run_learn(const std::vector<std::string>& args, Io io);
int run_profile(const std::vector<std::string>& args, Io io);

}  // namespace pm::cli
