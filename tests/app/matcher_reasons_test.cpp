// The matcher's reasons in the panel's language (matcher/reason_messages.h and the mapping memory's
// remembered pairs, matcher/memory_match.h; issue 12 point 6):
// every catalog key a reason is made of has English and German; the catalog's English reads word
// for word as the matcher's own sentence (the one the CLI prints); German reads right, plurals too.
#include "core/plan/parse.h"
#include "matcher/field_matcher.h"
#include "matcher/mapping_memory.h"
#include "matcher/memory_match.h"
#include "matcher/reason_messages.h"
#include "matcher/value_evidence.h"
#include "matcher/value_kinds.h"
#include "ui/messages.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace pm::ui {
// Every language of the catalog (the web module compiles in English only; generated for the tests).
extern const char* const kFullMessageCatalog;
}  // namespace pm::ui

namespace pm::match {
namespace {

UnmappedField field(const std::string& key, const std::string& label, std::vector<std::string> preview = {},
                    const std::string& type = "string") {
    UnmappedField out;
    out.field = field_from_raw({{"key", key}, {"label", label}, {"type", type}});
    out.preview = std::move(preview);
    return out;
}

std::string said(const ui::Messages& messages, const std::vector<MessageRef>& parts) {
    std::string out;
    for (const MessageRef& part : parts) out += (out.empty() ? "" : "; ") + messages.format(part);
    return out;
}

void collect_keys(const MessageRef& message, std::set<std::string>& keys) {
    if (message.empty()) return;
    keys.insert(message.id);
    for (const MessageArg& arg : message.args)
        for (const MessageRef& part : arg.messages) collect_keys(part, keys);
}

// Pairs that between them make every kind of reason the matcher writes: each name relation (with
// a key, a label and an alias), the lexicon's languages, a cognate rule, the grammar's parts,
// values that fit, contradict or are enum options, values alone, and the last pair of a kind.
std::vector<MatchResult> sample_matches() {
    const std::vector<std::string> emails = {"ann@example.com", "bo@example.org", "cy@example.net"};
    const std::vector<std::string> yes_no = {"yes", "no", "yes", "no"};
    const std::vector<std::string> dates = {"2024-01-02", "2024-02-03", "2024-03-04"};
    const std::vector<UnmappedField> contacts = {field("email", "Email"),
                                                 field("phone", "Phone"),
                                                 field("city", "City"),
                                                 field("owner", "Contact owner"),
                                                 field("postal_code", "Postal code"),
                                                 field("company", "Company name"),
                                                 field("first_name", "First name")};
    UnmappedField status = field("status", "Status");
    status.field = field_from_raw(Json::parse(R"({"key": "status", "label": "Status", "type": "enum",
        "config": {"options": [{"value": "open", "label": "Open"}, {"value": "closed", "label": "Closed"}]}})"));
    UnmappedField aliased;
    aliased.field = field_from_raw(
        Json::parse(R"({"key": "mobile", "label": "Mobile", "type": "string", "alternativeNames": ["Cell number"]})"));
    std::vector<MatchResult> out;
    out.push_back(
        match_fields({field("email", "Email", emails), field("fname", "FNAME", {"Ann", "Bo"}),
                      field("dob", "DOB", {"1984-07-21"}), field("shipping_citty", "Shiping Citty", {"Lyon"}),
                      field("E_Mail", "E MAIL"), field("cell", "Cell number", {"+1 415 555 0100"})},
                     {field("email", "Email"), field("first_name", "First name"),
                      field("date_of_birth", "Date of birth", {}, "date"), field("shipping_city", "Shipping city"), aliased}));
    out.push_back(match_fields({field("email", "Email", yes_no)}, {field("email", "Email")}));
    out.push_back(match_fields({field("col_7", "Column 7", emails)}, {field("email", "Email"), field("city", "City")}));
    out.push_back(match_fields({field("ticket_status", "Ticket status", {"Open", "closed", "OPEN"})}, {status}));
    out.push_back(match_fields({field("e_mail_1_value", "E-mail 1 - Value"), field("phone_1_type", "Phone 1 - Type")}, contacts));
    out.push_back(
        match_fields({field("propietario_del_contacto", "Propietario del contacto"),
                      field("ciudad_de_facturacion", "Ciudad de facturación"), field("work_address_city", "Work Address City")},
                     contacts));
    out.push_back(match_fields({field("rechnungsnr", "Rechnungsnr."), field("plz", "PLZ"), field("registratie", "Registratie")},
                               {field("invoice_number", "Invoice number"), field("total", "Total"),
                                field("postal_code", "Postal code"), field("registration", "Registration")}));
    out.push_back(match_fields({field("date_of_trade", "Date of trade", dates), field("name", "Name", {"Ann", "Bob"})},
                               {field("transaction_date", "Transaction date", {}, "date"), field("name", "Name")}));
    out.push_back(match_fields({field("dob", "D.O.B.")}, {field("date_of_birth", "Date of birth")}));
    out.push_back(match_fields(
        {field("beschr", "Beschr."), field("qty", "Qty")},
        {field("description", "Description"), field("subject", "Subject"), field("quantity", "Quantity", {}, "number")}));
    out.push_back(match_fields({field("Postal-Code", "POSTAL  CODE")}, {field("postal_code", "Postal code")}));
    return out;
}

// Whole-column evidence (value_evidence.h) as the records reader gives it.
std::vector<Evidence> column_samples() {
    Evidence fits;
    fits.value = 0.5, fits.expected_kind = kKindEmail, fits.fitting = 98, fits.total = 100, fits.rows = 9000;
    Evidence one_row = fits;
    one_row.fitting = 1, one_row.total = 1, one_row.rows = 1;
    Evidence contradicts = fits;
    contradicts.value = -0.5, contradicts.fitting = 0, contradicts.seen_kind = kKindBoolean;
    Evidence options;
    options.value = 0.4, options.enum_options = true, options.fitting = 2, options.total = 3, options.rows = 1200;
    return {fits, one_row, contradicts, options};
}

// Remembered pairs (memory_match.h) on the 3rd of every month of this year and of last year, left
// unmapped and mapped, with one import and with several.
std::vector<std::pair<MessageRef, std::string>> remembered_samples(std::int32_t today) {
    std::vector<std::pair<MessageRef, std::string>> out;
    for (int year : {2025, 2026})
        for (int month = 1; month <= 12; ++month) {
            const std::string day = std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-03";
            MemoryEntry entry;
            entry.header = "Tel. (mobile)";
            entry.destination_key = month % 2 ? "mobile" : "";
            entry.count = static_cast<std::uint32_t>(month);
            EXPECT_TRUE(parse_day(day, entry.last_used)) << day;
            out.emplace_back(remembered_reason_message(entry, "Mobile phone", today),
                             remembered_reason(entry, "Mobile phone", today));
        }
    return out;
}

std::int32_t a_day(const char* text) {
    std::int32_t days = 0;
    EXPECT_TRUE(parse_day(text, days));
    return days;
}

TEST(MatcherReasons, TheCatalogsEnglishIsTheMatchersSentence) {
    const ui::Messages english(ui::kFullMessageCatalog);
    std::size_t compared = 0;
    for (const MatchResult& result : sample_matches())
        for (const SourceMatch& source : result.sources) {
            if (source.assigned()) {
                EXPECT_EQ(said(english, source.reason_messages), source.reason);
                ++compared;
            }
            for (const Candidate& candidate : source.candidates) {
                EXPECT_EQ(said(english, candidate.reason_messages), candidate.reason) << source.source_key;
                ++compared;
            }
        }
    EXPECT_GT(compared, 30u);
    for (const auto& [message, sentence] : remembered_samples(a_day("2026-12-07"))) EXPECT_EQ(english.format(message), sentence);
    for (const Evidence& evidence : column_samples()) {
        const MessageRef message = evidence_message(evidence);
        EXPECT_EQ(english.format(message),
                  std::string(evidence.value > 0 ? "values: " : "values contradict: ") + column_evidence_note(evidence));
    }
}

TEST(MatcherReasons, EveryReasonKeyHasEnglishAndGerman) {
    std::set<std::string> keys;
    for (const MatchResult& result : sample_matches())
        for (const SourceMatch& source : result.sources)
            for (const Candidate& candidate : source.candidates)
                for (const MessageRef& part : candidate.reason_messages) collect_keys(part, keys);
    for (const Evidence& evidence : column_samples()) collect_keys(evidence_message(evidence), keys);
    for (unsigned bit = 0; bit < kKindCount; ++bit) collect_keys(kind_message(1u << bit), keys);
    collect_keys(last_of_kind_message(), keys);
    for (const auto& [message, sentence] : remembered_samples(a_day("2026-12-07"))) collect_keys(message, keys);
    // Each name relation and each kind of name it quotes, built directly.
    Lexicon lexicon;
    const NameForm source = lexicon.prepare("Email address", NameOrigin::Label, true);
    for (NameOrigin origin : {NameOrigin::Key, NameOrigin::Label, NameOrigin::Alias, NameOrigin::Value}) {
        const NameForm destination = lexicon.prepare("E-mail", origin);
        for (NameMatch how : {NameMatch::None, NameMatch::Fuzzy, NameMatch::Grammar, NameMatch::Acronym, NameMatch::Synonym,
                              NameMatch::Normalized, NameMatch::Exact})
            collect_keys(name_reason_message(how, &source, &destination, 0.8, lexicon), keys);
        NameForm plain_source = source, plain_destination = destination;  // words in common, no synonym
        plain_source.used_synonyms = plain_destination.used_synonyms = false;
        collect_keys(name_reason_message(NameMatch::Synonym, &plain_source, &plain_destination, 0.9, lexicon), keys);
    }
    // Both abbreviation rules (abbreviations.h) and the spelling neighbour (spelling_neighbours.h),
    // whichever the samples above happened to use.
    NameForm abbreviated = source;
    abbreviated.synonym_uses = {SynonymUse{"nbr", "number", "abbreviation skeleton"},
                                SynonymUse{"descr", "description", "abbreviation prefix"},
                                SynonymUse{"descripton", "description", "spelling neighbour"}};
    const MessageRef ruled = name_reason_message(NameMatch::Synonym, &abbreviated, &source, 0.9, lexicon);
    collect_keys(ruled, keys);
    const std::string ruled_english = ui::Messages(ui::kFullMessageCatalog).format(ruled);
    EXPECT_NE(ruled_english.find(" (abbreviation skeleton: nbr = number, abbreviation prefix: descr = description, "
                                 "spelling neighbour: descripton = description"),
              std::string::npos)
        << ruled_english;
    // Every part of a grammar reason at once.
    GrammarScore grammar;
    grammar.attribute = "phone", grammar.entity = "work", grammar.index = {2}, grammar.qualifiers = {"value", "primary"};
    grammar.meta = grammar.head_first = true;
    const MessageRef all_parts = grammar_reason_message(grammar).with_messages("where", {}).with_messages("lexicon", {});
    collect_keys(all_parts, keys);
    EXPECT_EQ(
        ui::Messages(ui::kFullMessageCatalog).format(all_parts),
        "grammar: attribute phone, entity work, index 2, qualifier value, qualifier primary, meta qualifier (head first) of ");

    const Json catalog = Json::parse(ui::kFullMessageCatalog);
    for (const std::string& key : keys) {
        EXPECT_TRUE(catalog["en"].contains(key)) << key;
        EXPECT_TRUE(catalog["de"].contains(key)) << key;
    }
    // And the samples reach every match.* key the catalog has: none is left untested.
    std::set<std::string> unreached;
    for (const auto& [key, text] : catalog["en"].items())
        if (key.rfind("match.", 0) == 0 && !keys.count(key)) unreached.insert(key);
    EXPECT_TRUE(unreached.empty()) << [&] {
        std::string list;
        for (const std::string& key : unreached) list += key + " ";
        return list;
    }();
}

TEST(MatcherReasons, GermanReasonsWithTheirPlurals) {
    ui::Messages german(ui::kFullMessageCatalog);
    german.select("de");
    const MatchResult contradicted =
        match_fields({field("email", "Email", {"yes", "no", "yes", "no"})}, {field("email", "Email")});
    EXPECT_EQ(said(german, contradicted.sources[0].reason_messages),
              "genau gleich: Schlüssel „email“; Werte passen nicht – E-Mail-Adressen: 0 von 4 Werten "
              "(sie sehen aus wie Ja/Nein-Werte)");
    const std::vector<Evidence> columns = column_samples();
    EXPECT_EQ(german.format(evidence_message(columns[0])), "Werte – 98 % E-Mail-Adressen in 9.000 Zeilen");
    EXPECT_EQ(german.format(evidence_message(columns[1])), "Werte – 100 % E-Mail-Adressen in 1 Zeile");
    EXPECT_EQ(german.format(evidence_message(columns[3])), "Werte – Optionen des Feldes: 2 von 3 häufigen Werten (1.200 Zeilen)");
    const MatchResult lexicon = match_fields({field("rechnungsnr", "Rechnungsnr.")},
                                             {field("invoice_number", "Invoice number"), field("total", "Total")});
    const std::string reason = said(german, lexicon.sources[0].reason_messages);
    EXPECT_NE(reason.find("Lexikon de: rechnungsnr = invoice number"), std::string::npos) << reason;
    MemoryEntry entry;
    entry.header = "Tel. (mobile)";
    entry.destination_key = "mobile";
    entry.count = 1;
    entry.last_used = a_day("2026-03-03");
    EXPECT_EQ(german.format(remembered_reason_message(entry, "Mobiltelefon", a_day("2026-12-07"))),
              "gemerkt: „Tel. (mobile)“ → Mobiltelefon, 1 Import, zuletzt am 3. März");
    entry.destination_key.clear();
    entry.count = 2;
    entry.last_used = a_day("2025-12-24");
    EXPECT_EQ(german.format(remembered_reason_message(entry, "", a_day("2026-12-07"))),
              "gemerkt: „Tel. (mobile)“ blieb ohne Zuordnung, 2 Importe, zuletzt am 24. Dez. 2025");
}

}  // namespace
}  // namespace pm::match
