// Runs hb-shape on a temporary text file (the text never passes through a shell) and parses
// "[gid=cluster|gid=cluster|...]".
#include "hb_reference.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace pm::test {

std::vector<ReferenceGlyph> hb_shape_reference(const std::string& font_path, const std::string& utf8, bool right_to_left,
                                               std::string& error) {
    char text_path[] = "/tmp/pm-hb-text-XXXXXX";
    const int fd = ::mkstemp(text_path);
    if (fd < 0) {
        error = "cannot create a temporary file";
        return {};
    }
    ::close(fd);
    std::ofstream(text_path, std::ios::binary) << utf8;
    // The C locale: the same default language HarfBuzz picks in the test process.
    const std::string command =
        std::string("LC_ALL=C LANG=C hb-shape --no-glyph-names --no-positions --utf8-clusters --direction=") +
        (right_to_left ? "rtl" : "ltr") + " --text-file='" + text_path + "' '" + font_path + "' 2>&1";
    std::string output;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        std::array<char, 4096> chunk{};
        while (std::size_t got = std::fread(chunk.data(), 1, chunk.size(), pipe)) output.append(chunk.data(), got);
        const int status = ::pclose(pipe);
        if (status != 0) error = "hb-shape failed (install libharfbuzz-bin: tools/setup): " + output;
    } else {
        error = "cannot run hb-shape";
    }
    std::remove(text_path);
    if (!error.empty()) return {};

    std::vector<ReferenceGlyph> glyphs;
    const std::size_t open = output.find('['), close = output.find(']');
    if (open == std::string::npos || close == std::string::npos || close < open) {
        error = "unexpected hb-shape output: " + output;
        return {};
    }
    const std::string body = output.substr(open + 1, close - open - 1);
    for (std::size_t at = 0; at < body.size();) {
        std::size_t bar = body.find('|', at);
        if (bar == std::string::npos) bar = body.size();
        const std::string item = body.substr(at, bar - at);
        const std::size_t equals = item.find('=');
        if (equals == std::string::npos) {
            error = "unexpected hb-shape item: " + item;
            return {};
        }
        glyphs.push_back(ReferenceGlyph{static_cast<std::uint32_t>(std::stoul(item.substr(0, equals))),
                                        static_cast<std::uint32_t>(std::stoul(item.substr(equals + 1)))});
        at = bar + 1;
    }
    return glyphs;
}

}  // namespace pm::test
