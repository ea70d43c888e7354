// The accessibility mirror's model and actions (app/mirror_model.h, app/mirror_actions.h): the
// rows it describes are the canvas's rows (same order, filter and chips), a window of a 5,000-row
// plan is only that window, and its edits are the canvas's edits (one undo history, same steps).
#include "app/mapper_app.h"
#include "app/mirror_actions.h"
#include "app/mirror_model.h"
#include "core/json/parse.h"
#include "support/fake_http_client.h"
#include "support/synthetic_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace pm {
namespace {

Json parse(const std::string& text) {
    Json json = Json::parse(text, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << text;
    return json;
}

struct Fixture {
    explicit Fixture(std::size_t edges = 20, std::size_t unmapped = 5) {
        test::SyntheticShape shape;
        shape.edges = edges;
        shape.unmapped_sources = unmapped;
        shape.unmapped_destinations = unmapped;
        session = std::make_unique<Session>(test::make_synthetic_plan(shape));
    }
    Json state(MirrorWindow window = {}) { return parse(mirror_state_json(session.get(), status, panel, window)); }
    MirrorOutcome act(const Json& action) { return apply_mirror_action(session.get(), panel, action.dump()); }
    std::unique_ptr<Session> session;
    ui::PanelStatus status;
    ui::PanelState panel;
};

TEST(MirrorModel, DescribesTheCanvasRowsInTheirOrderWithCountsAndFields) {
    Fixture f;
    const Json s = f.state({0, 100, 0, 100});
    EXPECT_TRUE(s["loaded"].get<bool>());
    EXPECT_EQ(s["rowCount"], 25);
    EXPECT_EQ(s["counts"]["mapped"], 20);
    EXPECT_EQ(s["counts"]["unmapped"], 5);
    ASSERT_EQ(s["rows"].size(), 25u);
    // Same order as the panel's view: mapped in plan order, then unmapped.
    for (std::size_t i = 0; i < 25; ++i) EXPECT_EQ(s["rows"][i]["key"], f.panel.view.sources()[i].source_key);
    const Json& first = s["rows"][0];
    EXPECT_EQ(first["label"], "Field 0");
    EXPECT_EQ(first["destination"]["key"], "dst_0");
    EXPECT_EQ(first["certainty"], "absolute");
    EXPECT_EQ(first["reason"], "confidence 100%");
    EXPECT_EQ(first["samples"].size(), 3u);
    EXPECT_TRUE(s["rows"][24]["destination"].is_null());
    EXPECT_EQ(s["destinationCount"], 25);
    EXPECT_EQ(s["destinations"][0]["source"]["key"], "src_0");
    EXPECT_FALSE(s["canUndo"].get<bool>());
}

TEST(MirrorModel, AWindowOfABigPlanHoldsOnlyThatWindowAndReachesTheLastRow) {
    Fixture f(4000, 1000);
    const Json s = f.state({4990, 40, 0, 10});
    EXPECT_EQ(s["rowCount"], 5000);
    EXPECT_EQ(s["firstRow"], 4960);             // clamped: the window ends at the last row
    ASSERT_EQ(s["rows"].size(), 40u);
    EXPECT_EQ(s["rows"].back()["key"], "src_4999");
    EXPECT_EQ(s["destinations"].size(), 10u);
    EXPECT_EQ(s["destinationCount"], 5000);
}

// The keys of the rows `list` gives whole (objects); the others must be their keys (strings).
std::vector<std::string> whole_rows(const Json& list) {
    std::vector<std::string> keys;
    for (const Json& row : list) {
        EXPECT_TRUE(row.is_object() || row.is_string()) << row.dump();
        if (row.is_object()) keys.push_back(row["key"].get<std::string>());
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

TEST(MirrorModel, RowsThePageAlreadyHasComeAsKeysAndEveryRowAnEditChangedComesWhole) {
    Fixture f;
    MirrorRowsSent sent;
    const MirrorWindow window{0, 100, 0, 100};
    auto state = [&](MirrorWindow w) { return parse(mirror_state_json(f.session.get(), f.status, f.panel, w, &sent)); };
    const Json first = state(window);
    EXPECT_EQ(whole_rows(first["rows"]).size(), 25u);
    EXPECT_EQ(whole_rows(first["destinations"]).size(), 25u);
    const Json same = state(window);
    EXPECT_TRUE(whole_rows(same["rows"]).empty());
    EXPECT_TRUE(whole_rows(same["destinations"]).empty());
    ASSERT_EQ(same["rows"].size(), 25u);
    for (std::size_t i = 0; i < 25; ++i) EXPECT_EQ(same["rows"][i], f.panel.view.sources()[i].source_key);

    // Field 22 takes dst_3 from Field 3: both rows change (Field 3's is now not mapped), and so
    // do the destinations dst_3 (another source) and none else.
    ASSERT_TRUE(f.act({{"op", "map"}, {"source", "src_22"}, {"destination", "dst_3"}}).ok);
    const Json taken = state(window);
    EXPECT_EQ(whole_rows(taken["rows"]), (std::vector<std::string>{"src_22", "src_3"}));
    EXPECT_EQ(whole_rows(taken["destinations"]), (std::vector<std::string>{"dst_3"}));
    for (const Json& row : taken["rows"]) {
        if (row.is_object() && row["key"] == "src_3") {
            EXPECT_TRUE(row["destination"].is_null());
        }
    }
    // Undo and redo: the same two rows again, each time.
    ASSERT_TRUE(f.act({{"op", "undo"}}).ok);
    const Json undone = state(window);
    EXPECT_EQ(whole_rows(undone["rows"]), (std::vector<std::string>{"src_22", "src_3"}));
    for (const Json& row : undone["rows"]) {
        if (row.is_object() && row["key"] == "src_3") {
            EXPECT_EQ(row["destination"]["key"], "dst_3");
        }
    }
    ASSERT_TRUE(f.act({{"op", "redo"}}).ok);
    EXPECT_EQ(whole_rows(state(window)["rows"]), (std::vector<std::string>{"src_22", "src_3"}));
    // A bulk action that changes every mapped row sends them all whole.
    ASSERT_TRUE(f.act({{"op", "bulk"}, {"action", "clear"}}).ok);
    EXPECT_EQ(whole_rows(state(window)["rows"]).size(), 20u);  // 19 still mapped and Field 22

    // The window moves: rows that were not in the last answer come whole, the others as keys.
    EXPECT_TRUE(whole_rows(state({0, 5, 0, 100})["rows"]).empty());  // all in the last answer
    const Json moved = state({3, 5, 0, 100});
    EXPECT_EQ(whole_rows(moved["rows"]).size(), 3u);  // rows 5, 6 and 7
    EXPECT_TRUE(moved["rows"][0].is_string());
    EXPECT_TRUE(moved["rows"][1].is_string());
    // Without a record of what was sent, every row is whole.
    EXPECT_EQ(whole_rows(f.state(window)["rows"]).size(), 25u);
}

TEST(MirrorModel, WithNoSessionSaysSoAndNothingElse) {
    ui::PanelStatus status;
    status.loading = true;
    ui::PanelState panel;
    const Json s = parse(mirror_state_json(nullptr, status, panel, {}));
    EXPECT_FALSE(s["loaded"].get<bool>());
    EXPECT_TRUE(s["loading"].get<bool>());
    EXPECT_FALSE(s.contains("rows"));
    EXPECT_FALSE(apply_mirror_action(nullptr, panel, R"({"op":"undo"})").ok);
}

TEST(MirrorOptions, ListsNotMappedDoNotImportAndWhoTakesEachDestination) {
    Fixture f;
    const Json o = parse(mirror_options_json(*f.session, f.panel, "src_21", "", 50));
    ASSERT_GE(o["options"].size(), 3u);
    EXPECT_EQ(o["options"][0]["label"], "Not mapped");
    EXPECT_TRUE(o["options"][0]["selected"].get<bool>());
    EXPECT_EQ(o["options"][1]["label"], "Do not import");
    EXPECT_EQ(o["options"][2]["key"], "dst_0");
    EXPECT_EQ(o["options"][2]["takenBy"], "Field 0");
    EXPECT_EQ(o["more"], 0);
    const Json narrowed = parse(mirror_options_json(*f.session, f.panel, "src_21", "field 2", 3));
    ASSERT_EQ(narrowed["options"].size(), 3u);  // a query hides the two fixed options
    EXPECT_EQ(narrowed["options"][0]["key"], "dst_2");
    EXPECT_EQ(narrowed["more"], 3);             // Field 2 and 20..24 match: six, three shown
}

TEST(MirrorActions, MapIsOneUndoStepOfTheSameHistoryAndIsAnnounced) {
    Fixture f;
    const std::size_t depth = f.session->undo_depth();
    const MirrorOutcome mapped = f.act({{"op", "map"}, {"source", "src_21"}, {"destination", "dst_22"}});
    EXPECT_TRUE(mapped.ok);
    EXPECT_EQ(mapped.announcement, "Field 21 mapped to Field 22.");
    ASSERT_NE(f.session->edge_to("dst_22"), nullptr);
    EXPECT_EQ(f.session->edge_to("dst_22")->source.key, "src_21");
    EXPECT_EQ(f.session->undo_depth(), depth + 1);
    const MirrorOutcome undone = f.act({{"op", "undo"}});
    EXPECT_EQ(undone.announcement, "Undid: Field 21 mapped to Field 22.");
    EXPECT_EQ(f.session->edge_to("dst_22"), nullptr);
    EXPECT_EQ(f.act({{"op", "redo"}}).announcement, "Redid: Field 21 mapped to Field 22.");
    // The canvas's Ctrl+Z (Session::undo) takes back the mirror's edit.
    f.session->undo();
    EXPECT_EQ(f.session->edge_to("dst_22"), nullptr);
}

TEST(MirrorActions, NotMappedAndDoNotImportWorkLikeThePicker) {
    Fixture f;
    EXPECT_EQ(f.act({{"op", "notMapped"}, {"source", "src_1"}}).announcement, "Field 1 is not mapped.");
    EXPECT_EQ(f.session->edge_to("dst_1"), nullptr);
    EXPECT_EQ(f.act({{"op", "ignore"}, {"source", "src_1"}}).announcement, "Field 1 will not be imported.");
    EXPECT_TRUE(f.session->is_ignored("src_1"));
    f.act({{"op", "notMapped"}, {"source", "src_1"}});
    EXPECT_FALSE(f.session->is_ignored("src_1"));
    EXPECT_EQ(f.act({{"op", "map"}, {"source", "nope"}, {"destination", "dst_1"}}).ok, false);
    EXPECT_EQ(f.act({{"op", "map"}, {"source", "src_1"}, {"destination", 7}}).ok, false);
    EXPECT_FALSE(apply_mirror_action(f.session.get(), f.panel, "not json").ok);
    EXPECT_FALSE(f.act({{"op", "explode"}}).ok);
}

TEST(MirrorActions, SetsAnEnumValueAndShowsItInTheExpandedRow) {
    Fixture f;
    f.act({{"op", "expand"}, {"destination", "dst_3"}, {"open", true}});
    Json row = f.state({3, 1, 0, 0})["rows"][0];
    ASSERT_EQ(row["key"], "src_3");
    ASSERT_TRUE(row["enum"]["expanded"].get<bool>());
    EXPECT_EQ(row["enum"]["options"].size(), 3u);
    ASSERT_FALSE(row["enum"]["values"].empty());
    EXPECT_EQ(row["enum"]["values"][0]["text"], "v3_0");
    const MirrorOutcome set = f.act({{"op", "setEnum"}, {"destination", "dst_3"}, {"value", "v3_0"}, {"option", "b"}});
    EXPECT_TRUE(set.ok) << set.announcement;
    EXPECT_EQ(set.announcement, "Value v3_0 of Field 3 set to B.");
    row = f.state({3, 1, 0, 0})["rows"][0];
    EXPECT_EQ(row["enum"]["values"][0]["optionText"], "B");
    EXPECT_FALSE(f.act({{"op", "setEnum"}, {"destination", "dst_3"}, {"value", "v3_0"}, {"option", "zzz"}}).ok);
    EXPECT_TRUE(f.act({{"op", "undo"}}).ok);
    EXPECT_TRUE(f.state({3, 1, 0, 0})["rows"][0]["enum"]["values"][0]["option"].is_null());
}

TEST(MirrorActions, FilterAndChipsDriveTheCanvasFilterState) {
    Fixture f;
    EXPECT_EQ(f.act({{"op", "filter"}, {"text", "field 2"}}).announcement, "6 of 25 source columns shown.");  // 2, 20..24
    EXPECT_EQ(std::string(f.panel.filter), "field 2");
    EXPECT_EQ(f.state()["rowCount"], 6);
    f.act({{"op", "filter"}, {"text", ""}});
    EXPECT_EQ(f.act({{"op", "chip"}, {"chip", "unmapped"}, {"on", true}}).announcement, "5 of 25 source columns shown.");
    EXPECT_EQ(f.panel.chips, unsigned(ui::kChipUnmapped));
    EXPECT_TRUE(f.state()["chips"]["unmapped"].get<bool>());
    f.act({{"op", "chip"}, {"chip", "unmapped"}, {"on", false}});
    EXPECT_EQ(f.panel.chips, 0u);
    EXPECT_FALSE(f.act({{"op", "filter"}, {"text", std::string(300, 'x')}}).ok);
}

TEST(MirrorActions, ReviewListsTheChangesAndSendAsksForASubmit) {
    Fixture f;
    f.act({{"op", "map"}, {"source", "src_21"}, {"destination", "dst_22"}});
    f.act({{"op", "review"}, {"open", true}});
    const Json s = f.state();
    ASSERT_TRUE(s["reviewOpen"].get<bool>());
    ASSERT_EQ(s["review"]["lines"].size(), 1u);
    EXPECT_EQ(s["review"]["lines"][0], "Field 22: from Field 21   (was: nothing)");
    const MirrorOutcome sent = f.act({{"op", "send"}});
    EXPECT_TRUE(sent.submit);
    EXPECT_FALSE(f.panel.review_open);
}

TEST(MirrorActions, FocusRingsTheRowOnTheCanvas) {
    Fixture f;
    f.act({{"op", "focus"}, {"source", "src_4"}, {"scroll", true}});
    EXPECT_EQ(f.panel.mirror_focus_source, "src_4");
    EXPECT_TRUE(f.panel.scroll_to_mirror_focus);
    f.act({{"op", "focus"}, {"source", ""}});
    EXPECT_TRUE(f.panel.mirror_focus_source.empty());
}

TEST(MirrorActions, BulkActionsSayWhatTheyDid) {
    Fixture f;
    EXPECT_EQ(f.act({{"op", "bulk"}, {"action", "ignoreUnmapped"}}).announcement, "5 unmapped columns set to Do not import.");
    EXPECT_EQ(f.act({{"op", "bulk"}, {"action", "clear"}}).announcement, "20 mappings cleared.");
    EXPECT_FALSE(f.act({{"op", "bulk"}, {"action", "acceptSuggestions"}}).ok);   // no matcher here
    EXPECT_EQ(f.session->counts().edges, 0u);
}

class EventLog final : public AppHost {
public:
    void notify(AppEvent event, const std::string&) override { names.push_back(app_event_name(event)); }
    std::vector<std::string> names;
};

TEST(MirrorApp, AnswersEmptyWhenNothingShownChangedAndEditsNotifyThePage) {
    test::SyntheticShape shape;
    shape.edges = 20;
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.plan_json = test::make_synthetic_plan_json(shape).dump();
    test::FakeHttpClient http;
    EventLog host;
    MapperApp app(config, http, host);
    app.start(0);
    const MirrorWindow window{0, 40, 0, 40};
    EXPECT_FALSE(app.mirror_state_if_changed(window).empty());
    EXPECT_TRUE(app.mirror_state_if_changed(window).empty());   // the per-frame check
    // A page with no rows asks for them whole: given even though nothing changed.
    const Json whole = parse(app.mirror_state_if_changed(window, true));
    ASSERT_FALSE(whole["rows"].empty());
    for (const Json& row : whole["rows"]) EXPECT_TRUE(row.is_object());
    EXPECT_FALSE(app.mirror_state_if_changed({5, 40, 0, 40}).empty());   // another window
    const Json outcome = parse(app.mirror_action(R"({"op":"map","source":"src_25","destination":"dst_21"})"));
    EXPECT_TRUE(outcome["ok"].get<bool>());
    EXPECT_EQ(outcome["announcement"], "Field 25 mapped to Field 21.");
    // The page hears of the edit at once, as after a canvas edit: a change; the draft once edits
    // pause (a frame without input at least 100 ms later), not in the frame of the edit.
    EXPECT_NE(std::find(host.names.begin(), host.names.end(), "change"), host.names.end());
    EXPECT_EQ(std::find(host.names.begin(), host.names.end(), "draft"), host.names.end());
    app.update(50, false);
    EXPECT_EQ(std::find(host.names.begin(), host.names.end(), "draft"), host.names.end());
    app.update(200, true);  // input in that frame: later still
    EXPECT_EQ(std::find(host.names.begin(), host.names.end(), "draft"), host.names.end());
    app.update(220, false);
    EXPECT_NE(std::find(host.names.begin(), host.names.end(), "draft"), host.names.end());
    const std::string after = app.mirror_state_if_changed({5, 40, 0, 40});
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(parse(after)["counts"]["mapped"], 21);
    EXPECT_TRUE(app.mirror_state_if_changed({5, 40, 0, 40}).empty());
    app.mirror_action(R"({"op":"filter","text":"field 1"})");
    EXPECT_FALSE(app.mirror_state_if_changed({5, 40, 0, 40}).empty());
}

TEST(MirrorActions, TheHeaderButtonsAreReadAsTheCanvasRequests) {
    ui::PanelRequests requests;
    EXPECT_TRUE(read_mirror_request(R"({"op":"restoreDraft"})", requests));
    EXPECT_TRUE(requests.restore_draft);
    ui::PanelRequests others;
    EXPECT_TRUE(read_mirror_request(R"({"op":"discardDraft"})", others));
    EXPECT_TRUE(read_mirror_request(R"({"op":"useServerPlan"})", others));
    EXPECT_TRUE(read_mirror_request(R"({"op":"keepOwnPlan"})", others));
    EXPECT_TRUE(read_mirror_request(R"({"op":"copyPlan"})", others));
    EXPECT_TRUE(read_mirror_request(R"({"op":"stopReading"})", others));
    EXPECT_TRUE(others.discard_draft && others.use_server_plan && others.keep_own_plan && others.copy_plan && others.stop_reading);
    EXPECT_FALSE(others.restore_draft);
    // Edits, unknown ops and unreadable text are not requests (they go to apply_mirror_action).
    ui::PanelRequests none;
    EXPECT_FALSE(read_mirror_request(R"({"op":"map","source":"a","destination":"b"})", none));
    EXPECT_FALSE(read_mirror_request(R"({"op":"submitEverything"})", none));
    EXPECT_FALSE(read_mirror_request("{not json", none));
    EXPECT_FALSE(read_mirror_request(R"(["restoreDraft"])", none));
    EXPECT_FALSE(none.restore_draft || none.discard_draft || none.use_server_plan || none.keep_own_plan || none.copy_plan || none.stop_reading);
}

TEST(MirrorApp, HeaderButtonsWithNothingToAnswerAreRefusedInWords) {
    test::SyntheticShape shape;
    shape.edges = 5;
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.plan_json = test::make_synthetic_plan_json(shape).dump();
    test::FakeHttpClient http;
    EventLog host;
    MapperApp app(config, http, host);
    app.start(0);
    Json outcome = parse(app.mirror_action(R"({"op":"restoreDraft"})"));
    EXPECT_FALSE(outcome["ok"].get<bool>());
    EXPECT_EQ(outcome["announcement"], "There are no edits from an earlier visit.");
    outcome = parse(app.mirror_action(R"({"op":"useServerPlan"})"));
    EXPECT_FALSE(outcome["ok"].get<bool>());
    EXPECT_EQ(outcome["announcement"], "Flatfile did not save another version.");
    // Offline, no rows are read: Stop reading is neither shown nor carried out.
    EXPECT_FALSE(parse(app.mirror_state({}))["reading"].get<bool>());
    outcome = parse(app.mirror_action(R"({"op":"stopReading"})"));
    EXPECT_FALSE(outcome["ok"].get<bool>());
    EXPECT_EQ(outcome["announcement"], "The file's rows are not being read.");
}

}  // namespace
}  // namespace pm
