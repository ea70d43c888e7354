// The matcher on an execution plan: suggestions for what is unmapped, metadata and enumDetails,
// applied through Session::accept; the sheet's mappingConfidenceThreshold.
#include "matcher/plan_matcher.h"

#include "core/plan/documents.h"
#include "core/session/session.h"

#include <gtest/gtest.h>

namespace pm::match {
namespace {

ExecutionPlan sample_plan() {
    const char* text = R"({
      "fieldMapping": [
        {"sourceField": {"key": "mail", "label": "Mail", "type": "string"},
         "destinationField": {"key": "email", "label": "Email", "type": "string"},
         "metadata": {"certainty": "strong", "confidence": 0.93}}
      ],
      "unmappedSourceFields": [
        {"sourceField": {"key": "e_mail", "label": "E-mail", "type": "string"}, "preview": ["a@example.com"]},
        {"sourceField": {"key": "fname", "label": "FNAME", "type": "string"}, "preview": ["Ann", "Bo"]},
        {"sourceField": {"key": "country", "label": "Country", "type": "string"}, "preview": ["UK", "USA", "Atlantis"]},
        {"sourceField": {"key": "shoe_size", "label": "Shoe size", "type": "string"}, "preview": ["42", "38"]},
        {"sourceField": {"key": "last", "label": "Last", "type": "string"}, "preview": ["Okafor"]}
      ],
      "unmappedDestinationFields": [
        {"destinationField": {"key": "first_name", "label": "First name", "type": "string"}},
        {"destinationField": {"key": "last_name", "label": "Last name", "type": "string"}},
        {"destinationField": {"key": "country", "label": "Country", "type": "enum", "config": {"options": [
          {"value": "US", "label": "United States", "alternativeNames": ["USA"]},
          {"value": "GB", "label": "United Kingdom", "alternativeNames": ["UK"]},
          {"value": "DE", "label": "Germany"}]}}}
      ]})";
    Parsed<PlanDocument> parsed = parse_plan_document(text);
    EXPECT_TRUE(parsed.ok());
    return parsed.value->plan;
}

const Suggestion* find(const std::vector<Suggestion>& suggestions, const std::string& source) {
    for (const Suggestion& suggestion : suggestions)
        if (suggestion.source_key == source) return &suggestion;
    return nullptr;
}

TEST(PlanMatcher, SuggestsOnlyForUnmappedFields) {
    const PlanMatch match = match_plan(sample_plan());
    // "E-mail" would fit "email", but that destination is already mapped and stays so.
    EXPECT_EQ(find(match.suggestions, "e_mail"), nullptr);
    EXPECT_EQ(find(match.suggestions, "shoe_size"), nullptr);
    ASSERT_NE(find(match.suggestions, "fname"), nullptr);
    EXPECT_EQ(find(match.suggestions, "fname")->destination_key, "first_name");
    ASSERT_NE(find(match.suggestions, "last"), nullptr);
    EXPECT_EQ(find(match.suggestions, "last")->destination_key, "last_name");
    EXPECT_EQ(match.result.sources.size(), 5u);
}

TEST(PlanMatcher, MetadataAndEnumDetails) {
    const PlanMatch match = match_plan(sample_plan());
    const Suggestion* country = find(match.suggestions, "country");
    ASSERT_NE(country, nullptr);
    EXPECT_EQ(country->metadata, Json::parse(R"({"certainty": "absolute", "confidence": 1, "source": "plan-mapper"})"));
    EXPECT_EQ(country->enum_details, Json::parse(R"({
        "mapping": [{"sourceValue": "UK", "destinationValue": "GB"}, {"sourceValue": "USA", "destinationValue": "US"}],
        "unusedSourceValues": ["Atlantis"], "unusedDestinationValues": ["DE"]})"));
    const Suggestion* fname = find(match.suggestions, "fname");
    ASSERT_NE(fname, nullptr);
    EXPECT_EQ(fname->metadata["certainty"], "strong");
    EXPECT_TRUE(fname->metadata["confidence"].is_number());
    EXPECT_TRUE(fname->enum_details.is_null());
    EXPECT_EQ(suggestion_metadata(0.73456, Certainty::Moderate)["confidence"], 0.735);
}

TEST(PlanMatcher, SuggestionsApplyThroughTheSession) {
    Session session(sample_plan());
    session.ignore("last");
    const PlanMatch match = match_plan(session.plan(), {}, session.ignored());
    EXPECT_EQ(find(match.suggestions, "last"), nullptr);   // ignored columns are left alone
    EXPECT_EQ(apply_suggestions(session, match.suggestions), match.suggestions.size());
    const Edge* country = session.edge_to("country");
    ASSERT_NE(country, nullptr);
    EXPECT_EQ(country->source.key, "country");
    ASSERT_TRUE(country->metadata.has_value());
    EXPECT_EQ(country->metadata->certainty, Certainty::Absolute);
    EXPECT_EQ(country->metadata->source, "plan-mapper");
    ASSERT_TRUE(country->enum_details.has_value());
    EXPECT_EQ(country->enum_details->mapping.size(), 2u);
    ASSERT_NE(session.edge_to("email"), nullptr);
    EXPECT_EQ(session.edge_to("email")->source.key, "mail");   // untouched
    EXPECT_TRUE(session.can_undo());
}

TEST(PlanMatcher, ThresholdFromTheSheet) {
    EXPECT_EQ(mapping_confidence_threshold(Json::parse(R"({"data": {"config": {"mappingConfidenceThreshold": 0.8}}})")), 0.8);
    EXPECT_EQ(mapping_confidence_threshold(Json::parse(R"({"config": {"mappingConfidenceThreshold": 0.6}})")), 0.6);
    EXPECT_EQ(mapping_confidence_threshold(Json::parse(R"({"mappingConfidenceThreshold": 0})")), 0.0);
    EXPECT_FALSE(mapping_confidence_threshold(Json::parse(R"({"config": {}})")).has_value());
    EXPECT_FALSE(mapping_confidence_threshold(Json::parse(R"({"mappingConfidenceThreshold": "high"})")).has_value());
    EXPECT_FALSE(mapping_confidence_threshold(Json::parse(R"({"mappingConfidenceThreshold": 1.5})")).has_value());
    EXPECT_FALSE(mapping_confidence_threshold(Json()).has_value());

    MatchOptions strict;
    strict.threshold = *mapping_confidence_threshold(Json::parse(R"({"mappingConfidenceThreshold": 0.99})"));
    const PlanMatch match = match_plan(sample_plan(), strict);
    EXPECT_EQ(find(match.suggestions, "fname"), nullptr);     // a synonym scores 0.95
    EXPECT_NE(find(match.suggestions, "country"), nullptr);   // an exact name clears 0.99
}

}  // namespace
}  // namespace pm::match
