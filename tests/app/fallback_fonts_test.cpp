// The fallback faces reach the atlas for exactly the characters plans need: the host is asked for
// the files that hold them, and a later plan that needs more of a face already here extends the
// atlas with only what the host had not handed over (here: nothing, it gave the whole face).
// Uses Debian's Noto Sans (fonts-noto-core) as the "noto-extra" face.
#include "app/mapper_app.h"
#include "ui/theme.h"
#include "support/fake_http_client.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace pm {
namespace {

class FontHost final : public AppHost {
public:
    void notify(AppEvent, const std::string&) override {}
    bool load_fallback_font(ui::FallbackFace face, const std::vector<ImWchar>& codepoints,
                            std::function<void(std::vector<std::vector<unsigned char>>)> done) override {
        const std::string name = face == ui::FallbackFace::NotoExtra ? "noto-extra" : "cjk";
        ++requests[name];
        asked.push_back(codepoints);
        if (files_given[name]++ > 0) {
            done({});  // the whole face was handed over before
            return true;
        }
        std::ifstream file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", std::ios::binary);
        std::vector<std::vector<unsigned char>> files;
        files.emplace_back((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        done(std::move(files));
        return true;
    }
    std::map<std::string, int> files_given;
    std::vector<std::vector<ImWchar>> asked;
    std::map<std::string, int> requests;
};

std::string plan_with_label(const std::string& label) {
    return R"({"fieldMapping": [], "unmappedSourceFields": [{"sourceField": {"key": "a", "type": "string", "label": ")" + label +
           R"("}}], "unmappedDestinationFields": []})";
}

bool atlas_has(ImWchar codepoint) { return ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(codepoint) != nullptr; }

TEST(FallbackFonts, AFaceIsFetchedOnceAndExtendedForLaterPlans) {
    ImGuiContext* context = ImGui::CreateContext();
    ui::apply_theme(false);                    // builds the atlas with the built-in font
    test::FakeHttpClient http;
    FontHost host;
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.job_id = "us_jb_fonts";
    MapperApp app(config, http, host);
    ASSERT_FALSE(atlas_has(0x0395));           // Greek is not built in

    ASSERT_TRUE(app.set_plan(plan_with_label("Ελ")));
    app.update(1);
    EXPECT_EQ(host.requests["noto-extra"], 1);
    EXPECT_TRUE(atlas_has(0x0395));            // Ε
    EXPECT_FALSE(atlas_has(0x0414));           // Д: not needed yet, not in the atlas

    ASSERT_TRUE(app.set_plan(plan_with_label("Дм")));
    app.update(2);
    EXPECT_EQ(host.requests["noto-extra"], 2) << "asked for the new characters";
    ASSERT_EQ(host.asked.size(), 2u);
    EXPECT_EQ(host.asked[0], (std::vector<ImWchar>{0x0395, 0x03BB}));
    EXPECT_EQ(host.asked[1], (std::vector<ImWchar>{0x0395, 0x03BB, 0x0414, 0x043C}));
    EXPECT_TRUE(atlas_has(0x0414));
    EXPECT_TRUE(atlas_has(0x0395)) << "earlier characters stay";
    EXPECT_EQ(host.requests.count("cjk"), 0u);
    ImGui::DestroyContext(context);
}

// A host that answers later, as the web page does after its fetches.
class LaterHost final : public AppHost {
public:
    void notify(AppEvent, const std::string&) override {}
    bool load_fallback_font(ui::FallbackFace, const std::vector<ImWchar>& codepoints,
                            std::function<void(std::vector<std::vector<unsigned char>>)> done) override {
        asked.push_back(codepoints);
        answers.push_back(std::move(done));
        return true;
    }
    std::vector<std::vector<ImWchar>> asked;
    std::vector<std::function<void(std::vector<std::vector<unsigned char>>)>> answers;
};

TEST(FallbackFonts, CharactersWantedWhileARequestIsInFlightAreAskedForWhenItLands) {
    ImGuiContext* context = ImGui::CreateContext();
    ui::apply_theme(false);
    test::FakeHttpClient http;
    LaterHost host;
    AppConfig config;
    config.read_records = false;  // these tests script every answer; the rows are tested apart
    config.job_id = "us_jb_fonts";
    MapperApp app(config, http, host);

    ASSERT_TRUE(app.set_plan(plan_with_label("氏")));
    app.update(1);
    ASSERT_TRUE(app.set_plan(plan_with_label("氏名")));
    app.update(2);
    ASSERT_EQ(host.asked.size(), 1u) << "one request per face in flight";
    EXPECT_EQ(host.asked[0], (std::vector<ImWchar>{0x6C0F}));

    host.answers[0]({});  // the first answer lands (nothing for the atlas here)
    app.update(3);
    ASSERT_EQ(host.asked.size(), 2u) << "asked again for what was wanted meanwhile";
    EXPECT_EQ(host.asked[1], (std::vector<ImWchar>{0x540D, 0x6C0F}));
    host.answers[1]({});
    app.update(4);
    EXPECT_EQ(host.asked.size(), 2u) << "nothing more to ask";
    ImGui::DestroyContext(context);
}

}  // namespace
}  // namespace pm
