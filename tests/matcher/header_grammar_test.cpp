// The header grammar (positional indices, qualifiers, entity context on both sides), the date
// rule (a date column is not proposed for a date field named after another event) and reasons
// that name the rule and the lexicon's language.
#include "matcher/field_matcher.h"
#include "matcher/header_grammar.h"
#include "core/plan/parse.h"
#include "test_fields.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace pm::match {
namespace {

using test::field;

// source label -> assigned destination key ("" when none).
std::map<std::string, std::string> assign(const std::vector<UnmappedField>& sources,
                                          const std::vector<UnmappedField>& destinations) {
    const MatchResult result = match_fields(sources, destinations);
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < sources.size(); ++i) out[sources[i].field.label] = result.sources[i].destination_key;
    return out;
}

const std::vector<UnmappedField> kContacts = {
    field("email", "Email"), field("phone", "Phone"), field("city", "City"), field("postal_code", "Postal code"),
    field("company", "Company"), field("job_title", "Job title")};

TEST(HeaderGrammar, ParsesIndicesQualifiersAndContext) {
    Lexicon lexicon;
    const NameForm form = lexicon.prepare("Contact 2 - Primary City", NameOrigin::Label, true);
    const HeaderParse parse = parse_header(form, lexicon);
    ASSERT_GE(parse.head, 0);
    EXPECT_EQ(lexicon.text(parse.head), "city");
    EXPECT_EQ(parse.indices, std::vector<int>{2});
    EXPECT_EQ(parse.dropped, std::vector<std::string>{"primary"});
    EXPECT_FALSE(parse.meta);
    EXPECT_TRUE(parse_header(lexicon.prepare("Phone 1 - Type", NameOrigin::Label, true), lexicon).meta);
}

// Head-first languages put the attribute first and its entity after it: read so when the usual
// (head-last) reading finds no head in common, with the same rule for the context (entity words only).
TEST(HeaderGrammar, HeadFirstNamesFindTheirAttribute) {
    const std::vector<UnmappedField> destinations = {field("owner", "Contact owner"), field("city", "City"),
                                                     field("email", "Email"), field("phone", "Phone")};
    const auto got = assign({field("propietario_del_contacto", "Propietario del contacto"),
                             field("ciudad_de_facturacion", "Ciudad de facturación"),
                             field("email_consentimiento", "Email consentimiento")},
                            destinations);
    EXPECT_EQ(got.at("Propietario del contacto"), "owner");
    EXPECT_EQ(got.at("Ciudad de facturación"), "city");
    EXPECT_EQ(got.at("Email consentimiento"), "");     // a consent about email, not the email
    Lexicon lexicon;
    for (const UnmappedField& d : destinations) lexicon.add_destination_name(d.field.label);
    const NameForm city = lexicon.prepare("City", NameOrigin::Label);
    lexicon.register_destination_form(city);
    const GrammarScore score = grammar_compare(lexicon.prepare("Ciudad de facturación", NameOrigin::Label, true), city, lexicon);
    EXPECT_GT(score.score, 0.5);
    EXPECT_NE(score.reason.find("head first"), std::string::npos) << score.reason;
}

// A record named as the entity ("Lead ID", "Product SKU") is context like "Billing" or "Contact".
TEST(HeaderGrammar, RecordNamesAreEntityContext) {
    const auto got = assign({field("lead_id", "Lead ID"), field("product_sku", "Product SKU")},
                            {field("id", "Record ID"), field("sku", "SKU"), field("email", "Email")});
    EXPECT_EQ(got.at("Lead ID"), "id");
    EXPECT_EQ(got.at("Product SKU"), "sku");
    const auto cart = assign({field("importe_de_descuento_del_carrito", "Importe de descuento del carrito")},
                             {field("discount", "Discount"), field("total", "Order total")});
    EXPECT_EQ(cart.at("Importe de descuento del carrito"), "discount");    // the cart's discount
}

TEST(HeaderGrammar, PositionalGroupsFindTheirAttribute) {
    const auto got = assign({field("e_mail_1_value", "E-mail 1 - Value"), field("e_mail_2_value", "E-mail 2 - Value"),
                             field("phone_1_type", "Phone 1 - Type"), field("phone_1_value", "Phone 1 - Value"),
                             field("organization_1_name", "Organization 1 - Name")},
                            kContacts);
    EXPECT_EQ(got.at("E-mail 1 - Value"), "email");
    EXPECT_EQ(got.at("E-mail 2 - Value"), "");            // the second email is not the plain field
    EXPECT_EQ(got.at("Phone 1 - Type"), "");              // describes the phone, does not hold it
    EXPECT_EQ(got.at("Phone 1 - Value"), "phone");
    EXPECT_EQ(got.at("Organization 1 - Name"), "company");
}

TEST(HeaderGrammar, EntityContextOnBothSides) {
    // The source names an entity the destination leaves implicit, and the other way round.
    EXPECT_EQ(assign({field("work_address_city", "Work Address City")}, kContacts).at("Work Address City"), "city");
    EXPECT_EQ(assign({field("home_address_zip", "Home Address Zip")}, kContacts).at("Home Address Zip"), "postal_code");
    const std::vector<UnmappedField> orders = {field("shipping_city", "Shipping city"), field("total", "Order total")};
    EXPECT_EQ(assign({field("city", "City")}, orders).at("City"), "shipping_city");
    // Two different entities are two different fields.
    EXPECT_EQ(assign({field("billing_city", "Billing City")}, orders).at("Billing City"), "");
}

// Romance and Dutch headers put the meta word first: "Tipo di biglietto" is a ticket type, as
// "Ticket type" is; the parse marks it meta and keeps the attribute as the head.
TEST(HeaderGrammar, MetaWordFirstDescribesTheAttribute) {
    Lexicon lexicon;
    const HeaderParse parse = parse_header(lexicon.prepare("Tipo di biglietto principale", NameOrigin::Label, true), lexicon);
    EXPECT_TRUE(parse.meta);
    ASSERT_GE(parse.head, 0);
    EXPECT_EQ(lexicon.text(parse.head), "ticket");
    EXPECT_FALSE(parse_header(lexicon.prepare("Tipo", NameOrigin::Label, true), lexicon).meta);  // the word alone
    const auto got = assign({field("tipo_di_biglietto_principale", "Tipo di biglietto principale")},
                            {field("ticket_type", "Ticket type"), field("event_name", "Event name")});
    EXPECT_EQ(got.at("Tipo di biglietto principale"), "ticket_type");
}

// A looser relation of the table (address ~ street, 0.7) relates two heads that carry meaning, at
// that share of the grammar's score; generic heads (name, number) do not relate so loosely.
TEST(HeaderGrammar, RelatedHeadsOfMeaningRelate) {
    const std::vector<UnmappedField> invoices = {field("billing_street", "Billing street"), field("billing_city", "Billing city"),
                                                 field("invoice_number", "Invoice number")};
    const MatchResult address = match_fields({field("direccion_principal", "Dirección principal")}, invoices);
    EXPECT_EQ(address.sources[0].destination_key, "billing_street");
    EXPECT_LT(address.sources[0].score, 0.7);  // weak: a related attribute, not the same one
    EXPECT_EQ(address.sources[0].reason.rfind("grammar: attribute street", 0), 0u) << address.sources[0].reason;
    // An order or customer reference is a reference (domains.txt, 0.7).
    const auto reference =
        assign({field("customer_reference", "Customer reference")}, {field("reference", "Reference"), field("amount", "Amount")});
    EXPECT_EQ(reference.at("Customer reference"), "reference");
    const auto named = assign({field("full_name", "Full name")}, {field("event_name", "Event name"), field("email", "Email")});
    EXPECT_EQ(named.at("Full name"), "");
}

// A bare "Status" or "Customer" of an invoice export is the status or the customer the schema keeps;
// with two status fields it is ambiguous and stays unmapped.
TEST(HeaderGrammar, BareStatusAndCustomerFindTheirField) {
    const std::vector<UnmappedField> invoices = {
        field("customer_name", "Customer name"), field("customer_email", "Customer email"),
        field("payment_status", "Payment status"), field("invoice_number", "Invoice number")};
    const auto got = assign({field("status", "Status"), field("customer", "Customer")}, invoices);
    EXPECT_EQ(got.at("Status"), "payment_status");
    EXPECT_EQ(got.at("Customer"), "customer_name");
    const auto orders = assign({field("status", "Status")},
                               {field("payment_status", "Payment status"), field("fulfillment_status", "Fulfillment status")});
    EXPECT_EQ(orders.at("Status"), "");
}

// Spanish/Portuguese "estado" and Italian "stato" are a state of an address or the status of a
// record: the schema decides.
TEST(HeaderGrammar, EstadoIsTheStateOrTheStatusTheSchemaKeeps) {
    const auto tickets = assign({field("estado", "Estado")}, {field("status", "Status"), field("priority", "Priority")});
    EXPECT_EQ(tickets.at("Estado"), "status");
    const auto contacts = assign({field("estado", "Estado")}, {field("state", "State"), field("city", "City")});
    EXPECT_EQ(contacts.at("Estado"), "state");
}

// An "Email opt-in" field is the contact's marketing consent: a consent or newsletter column
// without the channel, or with it after the consent as Romance languages write it, is that field.
TEST(HeaderGrammar, AConsentColumnIsTheEmailOptIn) {
    const std::vector<std::string> flags = {"true", "false", "true"};
    const std::vector<UnmappedField> contacts = {field("email", "Email"), field("email_opt_in", "Email opt-in", "boolean"),
                                                 field("phone", "Phone")};
    for (const char* header : {"Newsletter", "Marketing consent", "Consenso email", "Consentimiento de email"}) {
        const auto got = assign({field("source", header, "string", flags)}, contacts);
        EXPECT_EQ(got.at(header), "email_opt_in") << header;
    }
}

// Neighbouring concepts stand in for each other when the schema has only one of them: a lone
// "Invoice" is the invoice number, a ticket's "Source" its channel, its "Department" its team.
TEST(HeaderGrammar, NeighbouringConceptsStandInWhenTheSchemaHasOne) {
    const std::vector<UnmappedField> payments = {field("invoice_number", "Invoice number"), field("amount", "Amount"),
                                                 field("date", "Date")};
    EXPECT_EQ(assign({field("invoice", "Invoice")}, payments).at("Invoice"), "invoice_number");
    const std::vector<UnmappedField> tickets = {field("channel", "Channel"), field("team", "Team"), field("subject", "Subject")};
    const auto got = assign({field("source", "Source"), field("department", "Department")}, tickets);
    EXPECT_EQ(got.at("Source"), "channel");
    EXPECT_EQ(got.at("Department"), "team");
}

// A word that puts the value at another time ("expected", "previous", "prevista") on one side only:
// the expected payment date is not the payment date.
TEST(HeaderGrammar, ExpectedAndPreviousValuesAreOtherFields) {
    const std::vector<std::string> dates = {"2024-03-01", "2024-03-02", "2024-03-05"};
    const std::vector<UnmappedField> invoices = {field("paid_date", "Payment date", "date"),
                                                 field("invoice_number", "Invoice number")};
    EXPECT_EQ(
        assign({field("expected_payment_date", "Expected payment date", "string", dates)}, invoices).at("Expected payment date"),
        "");
    EXPECT_EQ(assign({field("fecha_prevista_de_pago", "Fecha prevista de pago", "string", dates)}, invoices)
                  .at("Fecha prevista de pago"),
              "");
    EXPECT_EQ(assign({field("date_of_payment", "Date of payment", "string", dates)}, invoices).at("Date of payment"),
              "paid_date");
    EXPECT_EQ(assign({field("previous_city", "Previous city")}, kContacts).at("Previous city"), "");
}

TEST(HeaderGrammar, DateColumnsKeepTheirEvent) {
    const std::vector<UnmappedField> destinations = {field("order_date", "Order date", "date"),
                                                     field("total", "Order total", "number")};
    const std::vector<std::string> dates = {"2024-03-01", "2024-03-02", "2024-03-05"};
    EXPECT_EQ(assign({field("shipped_date", "Shipped date", "string", dates)}, destinations).at("Shipped date"), "");
    EXPECT_EQ(assign({field("delivery_date", "Delivery Date", "string", dates)}, destinations).at("Delivery Date"), "");
    EXPECT_EQ(assign({field("service_date", "Service Date", "string", dates)}, destinations).at("Service Date"), "");
    EXPECT_EQ(assign({field("date_of_order", "Date of order", "string", dates)}, destinations).at("Date of order"),
              "order_date");
    EXPECT_EQ(assign({field("date", "Date", "string", dates)}, destinations).at("Date"), "order_date");
}

TEST(HeaderGrammar, ReasonsNameTheRuleAndTheLanguage) {
    const MatchResult grammar = match_fields({field("e_mail_1_value", "E-mail 1 - Value")}, kContacts);
    EXPECT_EQ(grammar.sources[0].reason.rfind("grammar: attribute email", 0), 0u) << grammar.sources[0].reason;
    EXPECT_NE(grammar.sources[0].reason.find("index 1"), std::string::npos) << grammar.sources[0].reason;
    const MatchResult lexicon = match_fields({field("rechnungsnr", "Rechnungsnr.")},
                                             {field("invoice_number", "Invoice number"), field("total", "Total")});
    EXPECT_EQ(lexicon.sources[0].destination_key, "invoice_number");
    EXPECT_NE(lexicon.sources[0].reason.find("lexicon de: rechnungsnr = invoice number"), std::string::npos)
        << lexicon.sources[0].reason;
}

}  // namespace
}  // namespace pm::match
