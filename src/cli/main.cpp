// plan-mapper command line: dispatches to the subcommands listed in commands.cpp.
#include "cli/commands.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

void print_help(std::ostream& out) {
    out << "usage: plan-mapper <command> [arguments]\n\ncommands:\n";
    for (const auto& command : pm::cli::commands()) out << "  " << command.name << "  " << command.summary << '\n';
    out << "\n`plan-mapper help <command>` or `plan-mapper <command> --help` for details.\n";
}

const pm::cli::Command* find_command(const std::string& name) {
    for (const auto& command : pm::cli::commands())
        if (name == command.name) return &command;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_help(std::cerr);
        return pm::cli::kExitUsage;
    }
    const std::string name = args.front();
    args.erase(args.begin());
    if (name == "--help" || name == "-h" || name == "help") {
        const pm::cli::Command* topic = args.empty() ? nullptr : find_command(args.front());
        if (topic) std::cout << topic->usage;
        else print_help(std::cout);
        return pm::cli::kExitOk;
    }
    const pm::cli::Command* command = find_command(name);
    if (!command) {
        std::cerr << "plan-mapper: unknown command '" << name << "'\n\n";
        print_help(std::cerr);
        return pm::cli::kExitUsage;
    }
    for (const auto& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::cout << command->usage;
            return pm::cli::kExitOk;
        }
    }
    return command->run(args, pm::cli::Io{std::cout, std::cerr});
}
