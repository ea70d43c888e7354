// Unicode in headers (issue 13, point 4), one table row per case: NFC and NFD, full-width forms,
// Greek and Cyrillic case folding, comma-below letters, Vietnamese, ligatures, capital sharp s,
// umlauts spelt out; edit distances on code points; and the same cases through match_fields.
#include "matcher/field_matcher.h"
#include "matcher/string_metrics.h"
#include "matcher/text_normalize.h"
#include "core/plan/parse.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pm::match {
namespace {

std::string words_of(std::string_view text) {
    std::string out;
    for (const std::string& word : normalize_text(text).all_words) out += (out.empty() ? "" : " ") + word;
    return out;
}

struct NormalizeCase {
    const char* what;
    const char* input;
    const char* words;
};

const NormalizeCase kNormalizeCases[] = {
    {"NFC accents", "Caf\xC3\xA9 Pr\xC3\xA9nom", "cafe prenom"},
    {"NFD accents (combining acute)", "Cafe\xCC\x81 Pre\xCC\x81nom", "cafe prenom"},
    {"NFD umlaut equals NFC umlaut", "Stra\xC3\x9F" "e Ort", "strasse ort"},
    {"full-width letters and digits", "\xEF\xBC\xA5\xEF\xBC\xAD\xEF\xBC\xA1\xEF\xBC\xA9\xEF\xBC\xAC\xEF\xBC\x92", "email 2"},
    {"full-width punctuation separates", "\xEF\xBC\xA3\xEF\xBD\x89\xEF\xBD\x94\xEF\xBD\x99\xEF\xBC\x8F\xEF\xBC\xB4\xEF\xBD\x8F\xEF\xBD\x97\xEF\xBD\x8E", "city town"},
    {"Greek upper to lower, accents dropped", "\xCE\x8C\xCE\x9D\xCE\x9F\xCE\x9C\xCE\x91", "\xCE\xBF\xCE\xBD\xCE\xBF\xCE\xBC\xCE\xB1"},   // ΌΝΟΜΑ -> ονομα
    {"Greek final sigma", "\xCE\xA3\xCF\x8D\xCE\xBD\xCE\xBF\xCE\xBB\xCE\xBF\xCF\x82", "\xCF\x83\xCF\x85\xCE\xBD\xCE\xBF\xCE\xBB\xCE\xBF\xCF\x83"},  // Σύνολος -> συνολοσ
    {"Cyrillic upper to lower", "\xD0\x98\xD0\x9C\xD0\xAF", "\xD0\xB8\xD0\xBC\xD1\x8F"},   // ИМЯ -> имя
    {"Cyrillic yo as ye", "\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0", "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0"},   // Ёлка -> елка
    {"Romanian comma below", "Jude\xC8\x9B Ora\xC8\x99", "judet oras"},
    {"Romanian cedilla (legacy) folds alike", "Jude\xC5\xA3 Ora\xC5\x9F", "judet oras"},
    {"Vietnamese", "S\xE1\xBB\x91 \xC4\x91i\xE1\xBB\x87n tho\xE1\xBA\xA1i", "so dien thoai"},
    {"Vietnamese horn letters", "H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn ng\xC6\xB0\xE1\xBB\x9Di", "ho va ten nguoi"},
    {"ligature fi", "\xEF\xAC\x81rst name", "first name"},
    {"ligature ffl inside a word", "ba\xEF\xAC\x84" "e", "baffle"},
    {"capital sharp s", "STRA\xE1\xBA\x9E" "E", "strasse"},
    {"small sharp s", "Stra\xC3\x9F" "e", "strasse"},
};

TEST(Unicode, NormalizationTable) {
    for (const NormalizeCase& c : kNormalizeCases) EXPECT_EQ(words_of(c.input), c.words) << c.what;
}

struct DistanceCase {
    const char* a;
    const char* b;
    std::size_t distance;
};

TEST(Unicode, DistancesCountCodePoints) {
    const DistanceCase cases[] = {
        {"\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD", "\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBD", 1},  // телефон / телефн
        {"\xCE\xBF\xCE\xBD\xCE\xBF\xCE\xBC\xCE\xB1", "\xCE\xBD\xCE\xBF\xCE\xBF\xCE\xBC\xCE\xB1", 1},   // ονομα / νοομα (transposition)
        {"\xE5\xAE\xA2\xE6\x88\xB7", "\xE5\xAE\xA2\xE4\xBA\xBA", 1},   // 客户 / 客人
        {"email", "emial", 1},
    };
    for (const DistanceCase& c : cases) EXPECT_EQ(osa_distance(c.a, c.b), c.distance) << c.a << " / " << c.b;
    EXPECT_EQ(utf8_length("\xD0\xB8\xD0\xBC\xD1\x8F"), 3u);
}

UnmappedField field(const std::string& key, const std::string& label) {
    UnmappedField entry;
    entry.field = field_from_raw({{"key", key}, {"label", label}, {"type", "string"}});
    return entry;
}

struct MatchCase {
    const char* what;
    const char* source_label;
    const char* destination_label;
};

// Each source header must find the destination written the other way, among decoys.
TEST(Unicode, HeadersWrittenDifferentlyStillMatch) {
    const MatchCase cases[] = {
        {"NFD vs NFC", "Pre\xCC\x81nom du client", "Pr\xC3\xA9nom du client"},
        {"full-width vs ASCII", "\xEF\xBC\xA5\xEF\xBD\x8D\xEF\xBD\x81\xEF\xBD\x89\xEF\xBD\x8C", "Email"},
        {"Greek upper vs lower", "\xCE\x8F\xCE\x9D\xCE\x9F\xCE\x9C\xCE\x91 \xCE\xA0\xCE\x95\xCE\x9B\xCE\x91\xCE\xA4\xCE\x97",
         "\xCE\x8C\xCE\xBD\xCE\xBF\xCE\xBC\xCE\xB1 \xCF\x80\xCE\xB5\xCE\xBB\xCE\xAC\xCF\x84\xCE\xB7"},   // ΌΝΟΜΑ ΠΕΛΑΤΗ / Όνομα πελάτη
        {"Cyrillic upper vs lower", "\xD0\xA2\xD0\x95\xD0\x9B\xD0\x95\xD0\xA4\xD0\x9E\xD0\x9D", "\xD0\xA2\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD"},
        {"Cyrillic typo", "\xD0\xA2\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBD \xD0\xBA\xD0\xBB\xD0\xB8\xD0\xB5\xD0\xBD\xD1\x82\xD0\xB0",
         "\xD0\xA2\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD \xD0\xBA\xD0\xBB\xD0\xB8\xD0\xB5\xD0\xBD\xD1\x82\xD0\xB0"},  // Телефн клиента / Телефон клиента
        {"comma below vs cedilla", "Jude\xC8\x9B", "Jude\xC5\xA3"},
        {"Vietnamese vs unaccented", "S\xE1\xBB\x91 \xC4\x91i\xE1\xBB\x87n tho\xE1\xBA\xA1i", "So dien thoai"},
        {"ligature vs letters", "\xEF\xAC\x81scal code", "Fiscal code"},
        {"capital sharp s vs ss", "STRA\xE1\xBA\x9E" "ENNAME", "Strassenname"},
        {"umlaut spelt out (source)", "Geschaeftsfuehrer", "Gesch\xC3\xA4" "ftsf\xC3\xBChrer"},
        {"umlaut spelt out (destination)", "Gesch\xC3\xA4" "ftsf\xC3\xBChrer", "Geschaeftsfuehrer"},
    };
    for (const MatchCase& c : cases) {
        const std::vector<UnmappedField> sources = {field("source", c.source_label)};
        const std::vector<UnmappedField> destinations = {field("wanted", c.destination_label), field("decoy_a", "Order total"),
                                                         field("decoy_b", "Quantity")};
        const MatchResult result = match_fields(sources, destinations);
        EXPECT_EQ(result.sources[0].destination_key, "wanted") << c.what;
    }
}

}  // namespace
}  // namespace pm::match
