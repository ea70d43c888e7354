// Draws the mapping panel headlessly for one hostile plan (or for none, with its error message):
// one ImGui context per HeadlessPanel, reused from file to file (building the font atlas per file
// would cost more than the files), no renderer. Each plan is drawn at a normal and a tiny display size, with its enum
// rows expanded, the review open, its own text typed into the search box, and the mouse resting on
// the first items (tooltips show previews and descriptions). ImGui's own asserts stay on: a
// broken ID stack or an unbalanced Begin/End from hostile text aborts the test.
#pragma once

#include "core/session/session.h"
#include "ui/mapping_panel.h"

#include <string>

struct ImGuiContext;

namespace pm::test {

class HeadlessPanel {
public:
    HeadlessPanel();
    ~HeadlessPanel();
    HeadlessPanel(const HeadlessPanel&) = delete;
    HeadlessPanel& operator=(const HeadlessPanel&) = delete;

    // Full: everything above. Brief: one frame, the review and the tiny display only, for
    // multi-megabyte documents (a Debug frame over a 10 MB label takes most of a second).
    enum class Depth { Full, Brief };
    // `session` may be null (the file was rejected): the panel then shows only `status`.
    // Returns the number of frames drawn.
    int draw(Session* session, const ui::PanelStatus& status, Depth depth = Depth::Full);

private:
    ImGuiContext* context_ = nullptr;
};

}  // namespace pm::test
