// Offline rows (AppConfig::records_json: desktop --records-file, the web `records` option): a plan
// given as text with a records response is profiled like rows read from the API, once the plan
// has been drawn: every value of an enum column mapped (not only the previews'), the panel given
// the rows for its counts, a note saying how many rows; nothing sent anywhere. A records text
// that cannot be read leaves the previews and says why.
#include "app/mapper_app.h"
#include "support/fake_http_client.h"
#include "ui/messages.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <map>
#include <memory>
#include <set>
#include <string>

namespace pm {
namespace {

// A status column mapped to an enum; the preview shows only "Active".
const char* kPlan = R"({
  "fieldMapping": [
    {"sourceField": {"key": "status", "label": "Status", "type": "string"},
     "destinationField": {"key": "state", "label": "State", "type": "enum",
       "config": {"options": [{"value": "active", "label": "Active"}, {"value": "inactive", "label": "Inactive"},
                              {"value": "archived", "label": "Archived"}]}},
     "metadata": {"certainty": "absolute", "confidence": 1, "source": "exact"}}
  ],
  "unmappedSourceFields": [],
  "unmappedDestinationFields": []
})";

std::string records_json() {
    std::string records;
    const char* values[] = {"Active", "inactive", "ARCHIVED", "Inactive", "Pending", "Active"};
    for (int i = 0; i < 60; ++i) {
        records += std::string(i ? "," : "") + R"({"id":"r)" + std::to_string(i) + R"(","values":{"status":{"value":")" +
            values[i % 6] + R"(","valid":true,"messages":[]}}})";
    }
    return R"({"data":{"records":[)" + records + "]}}";
}

class QuietHost final : public AppHost {
public:
    void notify(AppEvent, const std::string&) override {}
};

void frame(MapperApp& app, double now) {
    app.update(now);
    ImGui::GetIO().DisplaySize = ImVec2(1200, 800);
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    app.draw();
    ImGui::Render();
}

struct Loaded {
    std::set<std::string> mapped_sources;  // enum source values with a destination value
    std::string note;
    bool rows_for_panel = false;
    std::size_t requests = 0;
};

// One app started on a plan and a records text, offline, with an ImGui context of its own.
struct OfflineApp {
    ImGuiContext* context = ImGui::CreateContext();
    test::FakeHttpClient http;
    QuietHost host;
    AppConfig config;
    std::unique_ptr<MapperApp> app;

    OfflineApp(const std::string& plan, const std::string& records) {
        ui::apply_theme(false);
        config.plan_json = plan;
        config.records_json = records;
        config.auto_apply = AutoApply::None;
        app = std::make_unique<MapperApp>(config, http, host);
        app->start(0);
    }
    ~OfflineApp() {
        app.reset();
        ImGui::DestroyContext(context);
    }
    OfflineApp(const OfflineApp&) = delete;
    OfflineApp& operator=(const OfflineApp&) = delete;

    void frames(int count) {
        for (int i = 1; i <= count; ++i) frame(*app, i);
    }
};

Loaded load_offline(const std::string& records) {
    OfflineApp offline(kPlan, records);
    offline.frames(4);
    MapperApp& app = *offline.app;
    Loaded out;
    const Edge* edge = app.session() ? app.session()->edge_to("state") : nullptr;
    if (edge && edge->enum_details)
        for (const CategoryMapping& pair : edge->enum_details->mapping)
            if (pair.source_value && pair.destination_value && pair.source_value->is_string())
                out.mapped_sources.insert(pair.source_value->get<std::string>());
    out.note = app.status().records_note;
    out.rows_for_panel = app.panel_state().records != nullptr;
    out.requests = offline.http.requests.size();
    return out;
}

TEST(OfflineRecords, EveryEnumValueOfTheRowsIsMappedAndNothingIsSent) {
    const Loaded loaded = load_offline(records_json());
    EXPECT_EQ(loaded.mapped_sources, (std::set<std::string>{"Active", "inactive", "ARCHIVED", "Inactive"}))
        << "Pending fits no option; the others are matched whatever their case";
    EXPECT_TRUE(loaded.rows_for_panel);
    EXPECT_EQ(loaded.note, "Checked all 60 rows of the records given.");
    EXPECT_EQ(loaded.requests, 0u);
}

// The server mapped "Active" to "archived" (its choice, not the matcher's) and the person had no
// say yet: the rows' values are matched around it, as one undo step.
TEST(OfflineRecords, ValuesFromTheRowsAreOneUndoStepAndKeepTheServersMapping) {
    std::string plan = kPlan;
    const std::string metadata = R"("metadata": {"certainty": "absolute", "confidence": 1, "source": "exact"})";
    plan.replace(plan.find(metadata), metadata.size(),
                 metadata + R"(, "enumDetails": {"mapping": [{"sourceValue": "Active", "destinationValue": "archived"}],)"
                            R"( "unusedSourceValues": [], "unusedDestinationValues": ["active", "inactive"]})");
    OfflineApp offline(plan, records_json());
    offline.frames(4);
    MapperApp& app = *offline.app;
    ASSERT_TRUE(app.session());
    auto mapping = [&] {
        std::map<std::string, std::string> out;
        const Edge* edge = app.session()->edge_to("state");
        if (edge && edge->enum_details)
            for (const CategoryMapping& pair : edge->enum_details->mapping)
                if (pair.source_value && pair.destination_value && pair.source_value->is_string())
                    out[pair.source_value->get<std::string>()] = pair.destination_value->dump();
        return out;
    };
    EXPECT_EQ(mapping(), (std::map<std::string, std::string>{{"Active", "\"archived\""},
                                                             {"ARCHIVED", "\"archived\""},
                                                             {"inactive", "\"inactive\""},
                                                             {"Inactive", "\"inactive\""}}))
        << "the server's Active -> archived stays";
    EXPECT_EQ(app.session()->undo_depth(), 1u) << "three values matched, one undo step";
    EXPECT_TRUE(app.undo());
    EXPECT_EQ(mapping(), (std::map<std::string, std::string>{{"Active", "\"archived\""}}));
    EXPECT_FALSE(app.session()->can_undo());
}

// An unmapped "Work" column whose preview shows phone numbers, 98 of whose 100 rows are e-mail
// addresses: once the rows are in, its suggestions are ranked again from the whole column and the
// e-mail field comes first, saying why; the server's edge does not change.
TEST(OfflineRecords, SuggestionsAreRankedAgainFromTheWholeColumn) {
    std::string plan = kPlan;
    const std::string unmapped = R"("unmappedSourceFields": [],
  "unmappedDestinationFields": [])";
    ASSERT_NE(plan.find(unmapped), std::string::npos);
    plan.replace(plan.find(unmapped), unmapped.size(),
                 R"("unmappedSourceFields": [{"sourceField": {"key": "work", "label": "Work", "type": "string"},
                    "preview": ["+1 555 0100", "+1 555 0101", "+1 555 0102"]}],
  "unmappedDestinationFields": [{"destinationField": {"key": "work_email", "label": "Work email", "type": "string"}},
                                {"destinationField": {"key": "work_phone", "label": "Work phone", "type": "string"}}])");
    std::string records;
    for (int i = 0; i < 100; ++i) {
        const std::string work = i < 2 ? "+1 555 010" + std::to_string(i) : "person" + std::to_string(i) + "@example.com";
        records += std::string(i ? "," : "") + R"({"values":{"status":{"value":"Active"},"work":{"value":")" + work + R"("}}})";
    }
    records = R"({"data":{"records":[)" + records + "]}}";

    OfflineApp offline(plan, records);
    MapperApp& app = *offline.app;
    auto top = [&]() -> const ui::Candidate* {
        const ui::SuggestionsBySource* all = app.panel_state().suggestions;
        if (!all || !all->count("work") || all->at("work").empty()) return nullptr;
        return &all->at("work").front();
    };
    offline.frames(30);
    ASSERT_NE(app.status().records_note, "");
    const ui::Candidate* best = top();
    ASSERT_NE(best, nullptr);
    EXPECT_EQ(best->destination_key, "work_email");
    const std::string reason = ui::tr(best->reason);
    EXPECT_NE(reason.find("values: 98% email addresses in 100 rows"), std::string::npos) << reason;
    ASSERT_NE(app.session()->edge_to("state"), nullptr);
    EXPECT_EQ(app.session()->edge_to("state")->source.key, "status");
    EXPECT_TRUE(app.session()->edges_from("work").empty()) << "suggestions only: no edge is made";
}

TEST(OfflineRecords, UnreadableRecordsLeaveThePreviewsAndSayWhy) {
    const Loaded loaded = load_offline(R"({"data":{"records":[{"values":{"status":{"value":"Active")");
    EXPECT_FALSE(loaded.rows_for_panel);
    EXPECT_EQ(loaded.note.rfind("The records given could not be read (the records response is not JSON", 0), 0u) << loaded.note;
    EXPECT_EQ(loaded.requests, 0u);
}

}  // namespace
}  // namespace pm
