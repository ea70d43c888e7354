// Shelf packing of rendered labels on a texture page.
#include "app/desktop/shaping/shelf_packer.h"

namespace pm::shaping {

namespace {
constexpr int kGap = 1;
}

std::optional<PackedRect> ShelfPacker::place(int width, int height) {
    if (width <= 0 || height <= 0 || width + kGap > width_ || height + kGap > height_) return std::nullopt;
    // The first shelf tall enough and not much taller (a short label on a tall shelf wastes the
    // difference), with room on the right.
    for (Shelf& shelf : shelves_) {
        if (height + kGap <= shelf.height && (height + kGap) * 4 >= shelf.height * 3 && shelf.used + width + kGap <= width_) {
            const PackedRect at{shelf.used, shelf.y};
            shelf.used += width + kGap;
            return at;
        }
    }
    if (next_y_ + height + kGap > height_) return std::nullopt;
    shelves_.push_back(Shelf{next_y_, height + kGap, width + kGap});
    next_y_ += height + kGap;
    return PackedRect{0, shelves_.back().y};
}

void ShelfPacker::clear() {
    shelves_.clear();
    next_y_ = 0;
}

}  // namespace pm::shaping
