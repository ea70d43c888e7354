// The mapping memory in the panel (issue 14): a remembered row's mark opens its reason and "Forget this";
// the header's "Memory" opens the memory view, whose buttons ask the app (PanelState::memory)
// to remove, clear, export and import.
#include "ui_driver.h"

namespace pm::test {
namespace {

const char* kPlan = "tests/data/contract/01-get-plan-response.json";

TEST(PanelMemory, ARememberedRowShowsItsMarkAndForgetThis) {
    UiDriver ui(load_plan_fixture(kPlan));
    EXPECT_FALSE(ui.has("remembered:first"));
    ui.state().remembered["first"] = "remembered: \"First\" \u2192 First name, 2 imports, last on 3 Dec";
    ui.frames(2);
    ASSERT_TRUE(ui.has("remembered:first"));
    EXPECT_FALSE(ui.has("remembered:last"));
    EXPECT_FALSE(ui.has("forget:first"));
    ui.click("remembered:first");  // the mark opens the reason and "Forget this"
    ASSERT_TRUE(ui.has("forget:first"));
    ui.click("forget:first");
    EXPECT_EQ(ui.state().forget_remembered, "first");
}

TEST(PanelMemory, TheMemoryViewAsksTheAppToRemoveClearExportAndImport) {
    UiDriver ui(load_plan_fixture(kPlan));
    EXPECT_FALSE(ui.has("button:memory")) << "no memory, no button";
    ui.state().memory.available = true;
    ui.state().memory.rows = {{"Tel. (mobile)", "phone", "Phone", 2, "2026-12-03", false},
                              {"Notes", "", "", 1, "2026-12-01", false}};
    ui.frames(2);
    ui.click("button:memory");
    ui.frames(2);
    ASSERT_TRUE(ui.state().memory.open);
    ASSERT_TRUE(ui.has("memory-remove:1"));
    ui.click("memory-remove:1");
    EXPECT_EQ(ui.state().memory.ask, ui::MemoryViewState::Ask::Remove);
    EXPECT_EQ(ui.state().memory.index, 1u);
    for (const auto& [item, ask] :
         std::vector<std::pair<std::string, ui::MemoryViewState::Ask>>{{"memory:clear", ui::MemoryViewState::Ask::Clear},
                                                                       {"memory:export", ui::MemoryViewState::Ask::Export},
                                                                       {"memory:import", ui::MemoryViewState::Ask::Import}}) {
        ui.state().memory.ask = ui::MemoryViewState::Ask::None;
        ui.click(item);
        EXPECT_EQ(ui.state().memory.ask, ask) << item;
    }
    ui.click("memory:close");
    ui.frames(2);
    EXPECT_FALSE(ui.state().memory.open);
    EXPECT_FALSE(ui.has("memory:clear"));
}

}  // namespace
}  // namespace pm::test
