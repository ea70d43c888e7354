// Drives the mapping panel headlessly: an ImGui context with a fixed display and no renderer,
// frames on demand, and mouse/keyboard events aimed at items by the names the panel records
// (ui/panel_widgets.h record_item). Tests assert on the session, not on pixels.
#pragma once

#include "core/plan/documents.h"
#include "ui/mapping_panel.h"
#include "ui/panel_widgets.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

namespace pm::test {

struct ItemRect {
    ImVec2 min, max;
    ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

inline ExecutionPlan load_plan_fixture(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto parsed = parse_plan_document(text);
    EXPECT_TRUE(parsed.value.has_value()) << path;
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

class UiDriver {
public:
    explicit UiDriver(ExecutionPlan plan) : session_(std::make_unique<Session>(std::move(plan))) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        ui::apply_theme(false);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // no renderer: build the atlas only
        ui::set_item_recorder([this](const std::string& name, const ImVec2& min, const ImVec2& max) {
            items_[name] = ItemRect{min, max};
        });
        status_.job_id = "us_jb_test";
        frames(2);
    }
    ~UiDriver() {
        ui::set_item_recorder(nullptr);
        ImGui::DestroyContext(context_);
    }
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;

    Session& session() { return *session_; }
    ui::PanelState& state() { return state_; }
    ui::PanelStatus& status() { return status_; }
    // Every request any frame made so far (the flags of PanelRequests, or-ed).
    const ui::PanelRequests& seen() const { return seen_; }
    const ui::PanelRequests& last_requests() const { return requests_; }
    bool submit_requested() const { return submit_requested_; }

    void frame() {
        items_.clear();
        ImGui::NewFrame();
        requests_ = ui::draw_mapping_panel(session_.get(), status_, state_);
        submit_requested_ = submit_requested_ || requests_.submit;
        seen_.copy_plan |= requests_.copy_plan;
        seen_.use_server_plan |= requests_.use_server_plan;
        seen_.keep_own_plan |= requests_.keep_own_plan;
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    bool has(const std::string& name) const { return items_.count(name) > 0; }
    ItemRect rect(const std::string& name) const {
        auto it = items_.find(name);
        EXPECT_NE(it, items_.end()) << "no item named " << name;
        return it == items_.end() ? ItemRect{} : it->second;
    }

    void move_to(ImVec2 at) {
        ImGui::GetIO().AddMousePosEvent(at.x, at.y);
        frame();
    }
    void click(const std::string& name) {
        // Aim twice: hovering can change a popup's layout by a line in the frame that follows.
        move_to(rect(name).centre());
        move_to(rect(name).centre());
        ImGui::GetIO().AddMouseButtonEvent(0, true);
        frame();
        ImGui::GetIO().AddMouseButtonEvent(0, false);
        frames(2);
    }
    // Presses on `from`, moves in steps (past the drag threshold) and releases over `to`.
    void drag(const std::string& from, const std::string& to) {
        const ImVec2 start = rect(from).centre();
        move_to(start);
        ImGui::GetIO().AddMouseButtonEvent(0, true);
        frame();
        const ImVec2 end = rect(to).centre();
        for (int step = 1; step <= 8; ++step)
            move_to(ImVec2(start.x + (end.x - start.x) * step / 8, start.y + (end.y - start.y) * step / 8));
        ImGui::GetIO().AddMouseButtonEvent(0, false);
        frames(2);
    }
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }
    void key(ImGuiKey key, ImGuiKeyChord mods = 0) {
        ImGuiIO& io = ImGui::GetIO();
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(key, true);
        frame();
        io.AddKeyEvent(key, false);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, false);
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
        frames(2);
    }

    const Edge* edge_to(const std::string& destination_key) { return session_->edge_to(destination_key); }

private:
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<Session> session_;
    ui::PanelStatus status_;
    ui::PanelState state_;
    ui::PanelRequests requests_;
    ui::PanelRequests seen_;
    bool submit_requested_ = false;
    std::map<std::string, ItemRect> items_;
};

}  // namespace pm::test
