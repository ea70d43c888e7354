// Places rectangles (rendered labels) on a fixed-size page in shelves: rows of similar height,
// filled left to right. No freeing of single rectangles: a page is cleared as a whole when its
// labels are evicted (labels come and go by the screenful, so that loses little).
#pragma once

#include <optional>
#include <vector>

namespace pm::shaping {

struct PackedRect {
    int x = 0;
    int y = 0;
};

class ShelfPacker {
public:
    ShelfPacker(int width, int height) : width_(width), height_(height) {}

    // Where a width × height rectangle goes, with a 1-pixel gap to its neighbours (so linear
    // filtering never bleeds one label into another); nullopt when the page has no room left.
    std::optional<PackedRect> place(int width, int height);
    void clear();
    int width() const { return width_; }
    int height() const { return height_; }

private:
    struct Shelf {
        int y = 0;
        int height = 0;
        int used = 0;  // width taken from the left
    };
    int width_;
    int height_;
    int next_y_ = 0;  // top of the space below the last shelf
    std::vector<Shelf> shelves_;
};

}  // namespace pm::shaping
