// Fallback faces for the characters plans need; see fallback_fonts.h.
#include "app/fallback_fonts.h"

#include "ui/glyph_coverage.h"

namespace pm {

void FallbackFonts::request_for(const ExecutionPlan& plan) {
    const std::vector<ImWchar> missing = ui::missing_codepoints(plan);
    if (missing.empty()) return;
    for (const ui::FallbackFace face : {ui::FallbackFace::NotoExtra, ui::FallbackFace::Cjk}) {
        std::set<ImWchar>& wanted = wanted_[static_cast<int>(face)];
        const std::size_t before = wanted.size();
        for (ImWchar cp : ui::codepoints_for(missing, face)) wanted.insert(cp);
        if (wanted.size() != before) ask(face);
    }
}

void FallbackFonts::ask(ui::FallbackFace face) {
    const int index = static_cast<int>(face);
    if (in_flight_[index] || unavailable_[index]) return;  // asked again when the answer lands
    in_flight_[index] = true;
    asked_[index] = wanted_[index].size();
    std::weak_ptr<std::vector<PendingFont>> slot = pending_;
    const std::vector<ImWchar> codepoints(wanted_[index].begin(), wanted_[index].end());
    const bool asked = host_.load_fallback_font(face, codepoints, [slot, face](std::vector<std::vector<unsigned char>> files) {
        if (auto target = slot.lock()) target->push_back(PendingFont{face, std::move(files)});
    });
    if (!asked) {
        in_flight_[index] = false;
        unavailable_[index] = true;
    }
}

void FallbackFonts::apply_pending() {
    if (pending_->empty()) return;
    // Swapped out first: ask() below may call back at once (a host that has the files at hand).
    std::vector<PendingFont> fonts;
    fonts.swap(*pending_);
    for (PendingFont& font : fonts) {
        const int index = static_cast<int>(font.face);
        in_flight_[index] = false;
        const std::vector<ImWchar> codepoints(wanted_[index].begin(), wanted_[index].end());
        if (!font.files.empty()) {
            ui::add_fallback_fonts(font.face, std::move(font.files), codepoints);
        } else if (applied_[index] != codepoints.size()) {
            ui::set_fallback_codepoints(font.face, codepoints);
        }
        applied_[index] = codepoints.size();
        if (wanted_[index].size() > asked_[index]) ask(font.face);  // wanted more while in flight
    }
    host_.fonts_changed();
}

}  // namespace pm
