// Core's outcomes through the catalog (core/json/message_ref.h, ui/messages.h): what the API
// errors, the request guard, the session's refusals, the type warnings and the server's
// differences say in the panel, in English and in German, and that every message core can
// produce has both. Core keeps its English sentence beside each message for the CLI.
#include "core/api/errors.h"
#include "core/api/guard.h"
#include "core/plan/insights.h"
#include "core/session/differences.h"
#include "core/session/session.h"
#include "support/synthetic_plan.h"
#include "ui/messages.h"

#include <gtest/gtest.h>

namespace pm::ui {

// Every language of the catalog (the web module compiles in English only; generated for the tests).
extern const char* const kFullMessageCatalog;

namespace {

HttpResponse answer(int status, std::string body = {}) {
    HttpResponse response;
    response.outcome = HttpOutcome::Completed;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse failed(HttpOutcome outcome) {
    HttpResponse response;
    response.outcome = outcome;
    response.error = "transport words";
    return response;
}

// A message is in the catalog when its key and every nested key resolve in both languages.
void expect_in_catalog(const MessageRef& message) {
    static const Json catalog = Json::parse(kFullMessageCatalog);  // read once: this runs for every outcome
    ASSERT_FALSE(message.empty());
    EXPECT_TRUE(catalog["en"].contains(message.id)) << message.id;
    EXPECT_TRUE(catalog["de"].contains(message.id)) << message.id;
    for (const MessageArg& arg : message.args)
        for (const MessageRef& part : arg.messages) expect_in_catalog(part);
}

TEST(CoreMessages, FormatsNumbersNestedMessagesAndPlurals) {
    Messages m(R"({"en": {"api.serverSays": "{message} Flatfile says: {details}", "api.cancelled": "Cancelled.",
                          "records.readingOf": {"one": "{rows} of {count} row", "other": "{rows} of {count} rows"}},
                   "de": {"api.serverSays": "{message} Flatfile meldet: {details}", "api.cancelled": "Abgebrochen.",
                          "records.readingOf": {"one": "{rows} von {count} Zeile", "other": "{rows} von {count} Zeilen"}}})");
    const MessageRef nested = MessageRef("api.serverSays")
                                  .with_messages("message", {MessageRef("api.cancelled"), MessageRef("api.cancelled")})
                                  .with("details", "{message} 100% $1");
    EXPECT_EQ(m.format(nested), "Cancelled.; Cancelled. Flatfile says: {message} 100% $1");
    const MessageRef progress = MessageRef("records.readingOf").with_number("rows", 12000).counting(48000);
    EXPECT_EQ(m.format(progress), "12,000 of 48,000 rows");
    m.select("de");
    EXPECT_EQ(m.format(nested), "Abgebrochen.; Abgebrochen. Flatfile meldet: {message} 100% $1");
    EXPECT_EQ(m.format(progress), "12.000 von 48.000 Zeilen");
    EXPECT_EQ(m.format(MessageRef("records.readingOf").with_number("rows", 1).counting(1)), "1 von 1 Zeile");
    EXPECT_EQ(m.format(MessageRef()), "");
    EXPECT_EQ(m.format(MessageRef("no.suchKey")), "no.suchKey");
}

TEST(CoreMessages, ApiErrorsReadInThePanelsLanguage) {
    Messages m(kFullMessageCatalog);
    const ApiError unauthorized = error_from_response(answer(401), ApiCall::GetPlan, "us_jb_1");
    const ApiError server = error_from_response(answer(503), ApiCall::PutPlan, "us_jb_1");
    const ApiError conflict =
        error_from_response(answer(409, R"({"errors":[{"key":"jobId","message":"stale"}]})"), ApiCall::PutPlan, "us_jb_1");
    // English: the catalog's sentence is core's sentence.
    EXPECT_EQ(m.format(unauthorized.text), unauthorized.message);
    EXPECT_EQ(m.format(server.text), server.message);
    EXPECT_EQ(m.format(conflict.text), conflict.message);
    m.select("de");
    EXPECT_EQ(m.format(unauthorized.text),
              "Ihre Anmeldung ist abgelaufen oder der API-Schlüssel ist ungültig. Melden Sie sich erneut an.");
    EXPECT_EQ(m.format(server.text),
              "Bei Flatfile ist ein Fehler aufgetreten (HTTP 503); „Plan speichern“ war nicht möglich. "
              "Versuchen Sie es in ein paar Minuten erneut.");
    // The server's own words are its data: shown as they came.
    EXPECT_EQ(m.format(conflict.text),
              "Der Job us_jb_1 wurde inzwischen auf dem Server geändert. Laden Sie den Plan neu und "
              "versuchen Sie es erneut. Flatfile meldet: jobId: stale");
    EXPECT_EQ(m.format(error_from_response(failed(HttpOutcome::NetworkError), ApiCall::GetPlan, "j").text),
              "Flatfile ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.");
    EXPECT_EQ(m.format(bad_response_error(ApiCall::GetPlan, {}).text),
              "Die Antwort von Flatfile auf die Anfrage „Plan abrufen“ war nicht lesbar. Versuchen Sie es erneut; wenn es "
              "wieder vorkommt, melden Sie den Fehler.");
}

TEST(CoreMessages, EveryApiOutcomeHasEnglishAndGerman) {
    const ApiCall calls[] = {ApiCall::GetJob,  ApiCall::GetPlan,  ApiCall::PutPlan,   ApiCall::PatchPlan,
                             ApiCall::Execute, ApiCall::GetSheet, ApiCall::GetRecords};
    Messages en(kFullMessageCatalog);
    for (const ApiCall call : calls) {
        expect_in_catalog(bad_response_error(call, {}).text);
        EXPECT_EQ(en.format(bad_response_error(call, {}).text), bad_response_error(call, {}).message);
        for (const int status : {400, 401, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503, 599}) {
            const ApiError error = error_from_response(answer(status, R"({"errors":[{"message":"why"}]})"), call, "id_1");
            expect_in_catalog(error.text);
            EXPECT_EQ(en.format(error.text), error.message) << status;  // the same words as the CLI's
        }
    }
    for (const HttpOutcome outcome : {HttpOutcome::NetworkError, HttpOutcome::TimedOut, HttpOutcome::Cancelled}) {
        const ApiError error = error_from_response(failed(outcome), ApiCall::GetPlan, "j");
        expect_in_catalog(error.text);
        EXPECT_EQ(en.format(error.text), error.message);
    }
}

TEST(CoreMessages, GuardRefusalsAndTheSecretKeyWarningAreInTheCatalog) {
    Messages m(kFullMessageCatalog);
    const GuardDecision other = check_request_url("https://api.x.flatfile.com/v1", "https://evil.example/v1/jobs");
    ASSERT_FALSE(other.allowed);
    expect_in_catalog(other.text);
    EXPECT_EQ(m.format(other.text), other.reason);
    const GuardDecision insecure = check_request_url("http://api.example.com/v1", "http://api.example.com/v1/jobs");
    ASSERT_FALSE(insecure.allowed);
    expect_in_catalog(insecure.text);
    EXPECT_EQ(m.format(insecure.text), insecure.reason);
    EXPECT_EQ(m.format(MessageRef(secret_key_warning_id())), secret_key_warning());
    m.select("de");
    EXPECT_EQ(m.format(other.text),
              "Eine Anfrage an https://evil.example:443 wurde nicht gesendet: Das Anmeldetoken wird nur an "
              "https://api.x.flatfile.com:443 gesendet.");
    EXPECT_EQ(m.format(MessageRef(secret_key_warning_id())).rfind("Diese Seite verwendet einen geheimen Flatfile-Schlüssel", 0),
              0u);
}

TEST(CoreMessages, SessionRefusalsTypeWarningsAndServerDifferencesReadInGerman) {
    Messages m(kFullMessageCatalog);
    m.select("de");
    Session session(test::make_synthetic_plan(20, 3));
    const Change unknown = session.map("no_such_source", "dst_1");
    EXPECT_FALSE(unknown.refused.empty());  // the English stays for logs and tests
    EXPECT_EQ(m.format(unknown.refused_text), "Es gibt keine Quellspalte mit dem Schlüssel no_such_source.");
    const Change not_enum = session.set_enum_value("dst_1", Json("x"), Json("a"));
    EXPECT_EQ(m.format(not_enum.refused_text), "Field 1 hat keine Liste von Optionen.");
    const Change not_option = session.set_enum_value("dst_3", Json("x"), Json("zz"));
    EXPECT_EQ(m.format(not_option.refused_text), "\"zz\" ist keine Option von Field 3.");

    // dst_5 is a number field and its previews are words: every one misfits.
    const std::vector<TypeWarning> warnings = type_warnings(session.plan());
    ASSERT_FALSE(warnings.empty());
    EXPECT_EQ(m.format(warnings.front().text), "3 von 3 Vorschauwerten sehen nicht wie Zahlen aus");

    ExecutionPlan saved = session.plan();
    std::swap(saved.field_mapping[0].source, saved.field_mapping[1].source);
    const MessageRef differences = server_differences_message(session, diff_plans(session.plan(), saved), 1);
    expect_in_catalog(differences);
    EXPECT_EQ(m.format(differences),
              "Flatfile hat einen Plan gespeichert, der von Ihrem gesendeten abweicht: Field 0 ist "
              "Field 1 statt Field 0 zugeordnet; und 1 weitere. Ihr Plan wird hier weiterhin angezeigt.");
    m.select("en");
    EXPECT_EQ(m.format(differences), describe_server_differences(session, diff_plans(session.plan(), saved), 1));
}

}  // namespace
}  // namespace pm::ui
