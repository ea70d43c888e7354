// Reading a whole input file (or standard input for "-") for the CLI.
#pragma once

#include <optional>
#include <string>

namespace pm::cli {

// The file's bytes, or nullopt with `error` set to a message naming the file.
std::optional<std::string> read_input(const std::string& path, std::string& error);

}  // namespace pm::cli
