// General shapes of Romance-language headers (issue 13): "name of X" for X's name in either word
// order, elided Italian articles ("dell'"), an index written after the entity qualifier ("address of
// shipping 2"). The headers are made up for these tests, none is a corpus header.
#include "matcher/field_matcher.h"
#include "matcher/synonym_table.h"
#include "matcher/text_normalize.h"
#include "core/plan/parse.h"
#include "test_fields.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace pm::match {
namespace {

using test::field;

// Each source matched alone (so that sources do not compete): source label -> destination key.
std::map<std::string, std::string> assign_each(const std::vector<UnmappedField>& sources,
                                               const std::vector<UnmappedField>& destinations) {
    std::map<std::string, std::string> out;
    for (const UnmappedField& source : sources)
        out[source.field.label] = match_fields(std::vector<UnmappedField>{source}, destinations).sources[0].destination_key;
    return out;
}

std::vector<std::string> canonical(const std::string& header) {
    return SynonymTable::builtin().canonicalize(normalize_text(header).words);
}

// "Nombre/Nome" + entity is the entity's name; alone the word keeps its meaning (first name).
// French "nom" is not read so: French "nombre" is a count, and with the Spanish word read as a name
// the French phrase "nombre articles" (quantity, lexicon/fr.txt) already reads "name article", which
// "nom article" (the article's name) would then read too.
TEST(RomanceHeaders, NameOfAnEntityIsTheEntitysName) {
    const std::vector<UnmappedField> orders = {field("customer_name", "Customer name"), field("customer_email", "Customer email"),
                                               field("product_name", "Product name"), field("order_id", "Order ID")};
    const auto got = assign_each(
        {field("nombre_del_comprador", "Nombre del comprador"), field("nome_della_cliente", "Nome della cliente")}, orders);
    EXPECT_EQ(got.at("Nombre del comprador"), "customer_name");
    EXPECT_EQ(got.at("Nome della cliente"), "customer_name");
    // The entity first (head-last reading) means the same.
    EXPECT_EQ(canonical("Cliente nombre"), canonical("Nombre del cliente"));
    // Alone, the words keep the person-name meaning of synonyms.txt.
    EXPECT_EQ(canonical("Nombre"), std::vector<std::string>{"first_name"});
    EXPECT_EQ(canonical("Nome"), std::vector<std::string>{"first_name"});
    EXPECT_EQ(canonical("Nom"), std::vector<std::string>{"last_name"});
    const auto catalog = assign_each({field("nome_do_fornecedor", "Nome do fornecedor")},
                                     {field("supplier", "Supplier"), field("brand", "Brand"), field("name", "Product name")});
    EXPECT_EQ(catalog.at("Nome do fornecedor"), "supplier");
}

// Italian articulated prepositions elide before a vowel ("dell'", "all'", "nell'"): the article
// goes as "d'" and "l'" do, the noun stays; other apostrophes still join ("customer's").
TEST(RomanceHeaders, ElidedItalianArticlesDrop) {
    EXPECT_EQ(normalize_text("Data dell'evento").words, (std::vector<std::string>{"data", "evento"}));
    EXPECT_EQ(normalize_text("IMPORTO DELL'ORDINE").words, (std::vector<std::string>{"importo", "ordine"}));
    EXPECT_EQ(normalize_text("Spese nell\u2019ordine").words, (std::vector<std::string>{"spese", "ordine"}));
    EXPECT_EQ(normalize_text("Customer's email").words, (std::vector<std::string>{"customer", "email"}));
    const auto got = assign_each({field("data_dell_evento", "Data dell'evento")},
                                 {field("event_date", "Event date"), field("registration_date", "Registration date")});
    EXPECT_EQ(got.at("Data dell'evento"), "event_date");
}

// "Indirizzo di spedizione 2": the index after the qualifier belongs to the head, the second line
// of the shipping address; nothing moves when head and index form no phrase.
TEST(RomanceHeaders, AnIndexAfterTheQualifierBelongsToTheHead) {
    EXPECT_EQ(SynonymTable::builtin().canonicalize({"address", "billing", "2"}),
              (std::vector<std::string>{"billing", "address_line_2"}));
    EXPECT_EQ(SynonymTable::builtin().canonicalize({"email", "billing", "2"}),
              (std::vector<std::string>{"email", "billing", "2"}));
    EXPECT_EQ(SynonymTable::builtin().canonicalize({"address", "city", "2"}), (std::vector<std::string>{"address", "city", "2"}));
    const std::vector<UnmappedField> orders = {
        field("shipping_address1", "Shipping address line 1"), field("shipping_address2", "Shipping address line 2"),
        field("shipping_city", "Shipping city"), field("shipping_postal_code", "Shipping postal code")};
    const auto got = assign_each(
        {field("indirizzo_di_spedizione_2", "Indirizzo di spedizione 2"),
         field("indirizzo_di_spedizione_1", "Indirizzo di spedizione 1"), field("street_delivery_2", "Address (delivery) 2")},
        orders);
    EXPECT_EQ(got.at("Indirizzo di spedizione 2"), "shipping_address2");
    EXPECT_EQ(got.at("Indirizzo di spedizione 1"), "shipping_address1");
    EXPECT_EQ(got.at("Address (delivery) 2"), "shipping_address2");
}

}  // namespace
}  // namespace pm::match
