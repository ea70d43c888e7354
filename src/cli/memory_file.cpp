// The mapping memory in a file; see memory_file.h.
#include "cli/memory_file.h"

#include "cli/file_input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace pm::cli {

MemoryFile load_memory_file(const std::string& path) {
    MemoryFile file;
    file.path = path;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 && errno == ENOENT) return file;  // nothing learned yet
    std::string error;
    const auto text = read_input(path, error);
    if (!text) {
        file.usable = false;
        file.problem = error;
        return file;
    }
    if (!file.memory.load_json_text(*text, error)) {
        file.usable = false;
        file.problem = path + ": " + error;
    }
    return file;
}

bool save_memory_file(const MemoryFile& file, std::string& error) {
    const std::string temporary = file.path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot write " + temporary + ": " + std::strerror(errno);
            return false;
        }
        out << file.memory.to_json_text() << '\n';
        if (!out.flush()) {
            error = "cannot write " + temporary;
            return false;
        }
    }
    if (std::rename(temporary.c_str(), file.path.c_str()) != 0) {
        error = "cannot replace " + file.path + ": " + std::strerror(errno);
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

}  // namespace pm::cli
