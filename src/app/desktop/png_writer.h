// Writes RGBA pixels as a PNG file (for --screenshot). Small and dependency-free: stored (not
// compressed) deflate blocks, which every PNG reader accepts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pm {

// pixels: width*height RGBA rows, top row first. Returns false when the file cannot be written.
bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& pixels);

}  // namespace pm
