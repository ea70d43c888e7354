// The message catalog's lookup (ui/messages.h): placeholders filled with data as text, plural
// forms by the language's rule, fallback from a language and from overrides to English, the
// host's overrides checked, and the catalog compiled into the build complete in German.
#include "ui/messages.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pm::ui {

// Every language of src/ui/messages.json (the web module compiles in English only and fetches the
// others: kFullMessageCatalog is the whole file, generated for the tests).
extern const char* const kFullMessageCatalog;

namespace {

const char* const kSmall = R"({
  "en": {"say.mapped": "{source} mapped to {destination}",
         "say.cleared": {"one": "{count} mapping cleared.", "other": "{count} mappings cleared."},
         "header.undo": "Undo", "header.redo": "Redo"},
  "de": {"say.mapped": "{source} zugeordnet zu {destination}",
         "say.cleared": {"one": "{count} Zuordnung entfernt.", "other": "{count} Zuordnungen entfernt."},
         "header.undo": "Rückgängig"}
})";

bool has_problem(const Messages& m, const std::string& part) {
    return std::any_of(m.problems().begin(), m.problems().end(),
                       [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

TEST(Messages, FillsPlaceholdersWithDataAsText) {
    Messages m(kSmall);
    EXPECT_EQ(m.get("say.mapped", {{"source", "Notes"}, {"destination", "Account"}}), "Notes mapped to Account");
    // Braces, percent signs and printf directives in data are inserted as they are, never read.
    EXPECT_EQ(m.get("say.mapped", {{"source", "{destination} %s %n 100%"}, {"destination", "{source}"}}),
              "{destination} %s %n 100% mapped to {source}");
    // A placeholder with no value, and lone braces, stay as written.
    EXPECT_EQ(m.get("say.mapped", {{"source", "A"}}), "A mapped to {destination}");
    EXPECT_EQ(fill_placeholders("{ {x} }{", {{"x", "1"}}), "{ 1 }{");
}

TEST(Messages, PicksPluralFormsByLanguage) {
    Messages m(kSmall);
    EXPECT_EQ(m.count("say.cleared", 1), "1 mapping cleared.");
    EXPECT_EQ(m.count("say.cleared", 0), "0 mappings cleared.");
    EXPECT_EQ(m.count("say.cleared", 12345), "12,345 mappings cleared.");
    m.select("de");
    EXPECT_EQ(m.count("say.cleared", 1), "1 Zuordnung entfernt.");
    EXPECT_EQ(m.count("say.cleared", 1000), "1.000 Zuordnungen entfernt.");
    EXPECT_EQ(group_digits(-1234567, "en"), "-1,234,567");
}

TEST(Messages, ALanguageWithMoreFormsUsesItsRule) {
    Messages m(kSmall);
    m.select("pl");  // not shipped: noted, and a host gives its words
    EXPECT_TRUE(has_problem(m, "\"pl\""));
    m.override_with(Json::parse(R"({"say.cleared": {"one": "{count} mapowanie", "few": "{count} mapowania",
                                                    "many": "{count} mapowań", "other": "{count} mapowania"}})"));
    EXPECT_EQ(m.count("say.cleared", 1), "1 mapowanie");
    EXPECT_EQ(m.count("say.cleared", 3), "3 mapowania");
    EXPECT_EQ(m.count("say.cleared", 5), "5 mapowań");
    EXPECT_EQ(m.count("say.cleared", 22), "22 mapowania");
    EXPECT_EQ(m.count("say.cleared", 12), "12 mapowań");
    EXPECT_EQ(m.get("header.undo"), "Undo");  // English for what the host did not give
}

TEST(Messages, FallsBackToEnglishThenToTheKey) {
    Messages m(kSmall);
    m.select("de-CH");
    EXPECT_EQ(m.language(), "de");
    EXPECT_TRUE(m.problems().empty());
    EXPECT_EQ(m.get("header.undo"), "Rückgängig");
    EXPECT_EQ(m.get("header.redo"), "Redo");  // German lacks it
    EXPECT_EQ(m.get("no.such"), "no.such");
    EXPECT_EQ(m.count("no.such", 2), "no.such");
}

TEST(Messages, OverridesArePartialAndChecked) {
    Messages m(kSmall);
    m.select("de");
    m.override_with(Json::parse(R"({
        "header.undo": "Zurück",
        "header.unknown": "x",
        "say.mapped": "{source} -> {target}",
        "say.cleared": "not plural",
        "header.redo": 5
    })"));
    EXPECT_EQ(m.get("header.undo"), "Zurück");
    EXPECT_TRUE(has_problem(m, "unknown key \"header.unknown\""));
    EXPECT_TRUE(has_problem(m, "{target}"));
    EXPECT_TRUE(has_problem(m, "\"say.cleared\" needs plural forms"));
    EXPECT_TRUE(has_problem(m, "\"header.redo\" must be text"));
    // Refused overrides leave the language's words.
    EXPECT_EQ(m.get("say.mapped", {{"source", "A"}, {"destination", "B"}}), "A zugeordnet zu B");
    EXPECT_EQ(m.count("say.cleared", 2), "2 Zuordnungen entfernt.");
    EXPECT_EQ(m.get("header.redo"), "Redo");
    // The resolved catalog the page gets carries the override and the fallbacks.
    const Json resolved = m.resolved();
    EXPECT_EQ(resolved["header.undo"], "Zurück");
    EXPECT_EQ(resolved["header.redo"], "Redo");
    // Selecting again forgets the overrides.
    m.select("en");
    EXPECT_EQ(m.get("header.undo"), "Undo");
}

TEST(Messages, AnUnreadableCatalogIsNotedAndKeysAreShown) {
    Messages m("{not json");
    EXPECT_FALSE(m.problems().empty());
    EXPECT_EQ(m.get("header.undo"), "header.undo");
}

TEST(Messages, ALanguageAddedApartIsUsedAndBadOnesAreNoted) {
    Messages m(R"({"en": {"header.undo": "Undo", "header.redo": "Redo"}})");
    m.add_language("de", Json::parse(R"({"header.undo": "Rückgängig", "header.redo": 7})"));
    m.select("de-AT");
    EXPECT_TRUE(m.problems().empty());
    EXPECT_EQ(m.get("header.undo"), "Rückgängig");
    EXPECT_EQ(m.get("header.redo"), "Redo");  // not text: English instead
    m.add_language("fr", Json::parse("[1]"));
    m.add_language("en", Json::parse(R"({"header.undo": "Nope"})"));
    EXPECT_TRUE(has_problem(m, "\"fr\""));
    EXPECT_TRUE(has_problem(m, "\"en\""));
    m.select("en");
    EXPECT_EQ(m.get("header.undo"), "Undo");
}

TEST(Messages, TheShippedCatalogIsCompleteInGerman) {
    Messages m(kFullMessageCatalog);
    ASSERT_TRUE(m.problems().empty());
    const std::vector<std::string> keys = m.keys();
    EXPECT_GT(keys.size(), 200u);
    const Json catalog = Json::parse(kFullMessageCatalog);
    for (const std::string& key : keys) {
        ASSERT_TRUE(catalog["de"].contains(key)) << key;
        EXPECT_EQ(Messages::placeholders(catalog["de"][key]), Messages::placeholders(catalog["en"][key])) << key;
    }
    m.select("de");
    EXPECT_EQ(m.get("picker.notMapped"), "Nicht zugeordnet");
    EXPECT_EQ(m.get("picker.ignore"), "Nicht importieren");
    EXPECT_EQ(m.get("header.undo"), "Rückgängig");
    EXPECT_EQ(m.get("header.review"), "Prüfen und senden");
    EXPECT_EQ(m.count("header.requiredMissing", 2), "2 Pflichtfelder fehlen");
}

}  // namespace
}  // namespace pm::ui
