// The mapping memory (matcher/mapping_memory.h) kept in a file, for `learn`, `match --memory`
// and `automap --memory`. A missing file is an empty memory; a file that cannot be read or does
// not hold a memory document is reported once and ignored when matching (it never blocks), and is
// never overwritten (what it holds may still be worth rescuing).
#pragma once

#include "matcher/mapping_memory.h"

#include <string>

namespace pm::cli {

struct MemoryFile {
    std::string path;
    match::MappingMemory memory;
    bool usable = true;   // false: the file exists but was refused
    std::string problem;  // why, when not usable
};

MemoryFile load_memory_file(const std::string& path);
// Writes the memory to a temporary file next to `path` and renames it over `path`, so a crash
// mid-write leaves the old file. False with `error` set when that failed.
bool save_memory_file(const MemoryFile& file, std::string& error);

}  // namespace pm::cli
