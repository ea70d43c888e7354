// Fallback faces for the characters plans need; see fallback_fonts.h.
#include "app/fallback_fonts.h"

#include "ui/glyph_coverage.h"

namespace pm {

void FallbackFonts::request_for(const ExecutionPlan& plan) {
    const std::vector<ImWchar> missing = ui::missing_codepoints(plan);
    if (missing.empty()) return;
    for (const ui::FallbackFace face : {ui::FallbackFace::NotoExtra, ui::FallbackFace::Cjk}) {
        const int index = static_cast<int>(face);
        std::set<ImWchar>& wanted = wanted_[index];
        const std::size_t before = wanted.size();
        for (ImWchar cp : ui::codepoints_for(missing, face)) wanted.insert(cp);
        if (wanted.size() == before) continue;  // nothing new from this face
        if (loaded_[index]) {
            pending_->push_back(PendingFont{face, {}});  // the bytes are here: extend the atlas
            continue;
        }
        if (requested_[index]) continue;  // in flight: applied with all it is wanted for
        requested_[index] = true;
        std::weak_ptr<std::vector<PendingFont>> slot = pending_;
        host_.load_fallback_font(face, [slot, face](std::vector<unsigned char> bytes) {
            if (auto target = slot.lock(); target && !bytes.empty()) target->push_back(PendingFont{face, std::move(bytes)});
        });
    }
}

void FallbackFonts::apply_pending() {
    if (pending_->empty()) return;
    // Swapped out first: set_fallback_font may not call back, but nothing here relies on that.
    std::vector<PendingFont> fonts;
    fonts.swap(*pending_);
    for (PendingFont& font : fonts) {
        const int index = static_cast<int>(font.face);
        const std::vector<ImWchar> codepoints(wanted_[index].begin(), wanted_[index].end());
        if (!font.bytes.empty()) {
            ui::set_fallback_font(font.face, std::move(font.bytes), codepoints);
            loaded_[index] = true;
        } else {
            ui::set_fallback_codepoints(font.face, codepoints);
        }
    }
    host_.fonts_changed();
}

}  // namespace pm
