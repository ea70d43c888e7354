// The matcher reaches the panel: ranked candidates per source over every destination, and the
// bulk "accept suggestions at or above" taking the global assignment for unmapped columns only.
#include "app/suggestions.h"
#include "matcher/field_matcher.h"
#include "core/plan/documents.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

ExecutionPlan plan_from(const char* text) {
    auto parsed = parse_plan_document(text);
    EXPECT_TRUE(parsed.ok());
    return parsed.value ? parsed.value->plan : ExecutionPlan{};
}

const char* kPlan = R"({
  "fieldMapping": [
    {"sourceField": {"key": "first", "label": "First", "type": "string"},
     "destinationField": {"key": "first_name", "label": "First name", "type": "string"}}
  ],
  "unmappedSourceFields": [
    {"sourceField": {"key": "zip", "label": "Zip", "type": "string"}, "preview": ["10115", "75001", "94107"]},
    {"sourceField": {"key": "e_mail_address", "label": "E-mail Address", "type": "string"},
     "preview": ["a@example.org", "b@example.net"]},
    {"sourceField": {"key": "misc", "label": "Misc", "type": "string"}, "preview": ["x", "y"]}
  ],
  "unmappedDestinationFields": [
    {"destinationField": {"key": "postal_code", "label": "Postal code", "type": "string"}},
    {"destinationField": {"key": "email", "label": "Email", "type": "string"}},
    {"destinationField": {"key": "last_name", "label": "Last name", "type": "string"}}
  ]
})";

// What the app ends up with: every source ranked, one at a time.
ui::SuggestionsBySource rank_all(const Session& session) {
    const auto ranker = make_ranker(session);
    ui::SuggestionsBySource out;
    for (const std::string& key : sources_to_rank(session)) out[key] = rank_source(*ranker, session, key);
    return out;
}

TEST(Suggestions, RanksEveryDestinationForEverySource) {
    Session session(plan_from(kPlan));
    const ui::SuggestionsBySource ranked = rank_all(session);
    ASSERT_TRUE(ranked.count("zip"));
    ASSERT_FALSE(ranked.at("zip").empty());
    EXPECT_EQ(ranked.at("zip").front().destination_key, "postal_code");
    EXPECT_FALSE(ranked.at("zip").front().reason.empty());
    ASSERT_FALSE(ranked.at("e_mail_address").empty());
    EXPECT_EQ(ranked.at("e_mail_address").front().destination_key, "email");
    // Mapped sources get candidates too (the picker ranks for them as well).
    ASSERT_TRUE(ranked.count("first"));
    EXPECT_EQ(ranked.at("first").front().destination_key, "first_name");
}

TEST(Suggestions, AcceptAssignmentMapsOnlyConfidentUnmappedPairs) {
    Session session(plan_from(kPlan));
    const std::size_t accepted = accept_assignment(session, 0.5);
    EXPECT_EQ(accepted, 2u);
    ASSERT_NE(session.edge_to("postal_code"), nullptr);
    EXPECT_EQ(session.edge_to("postal_code")->source.key, "zip");
    ASSERT_NE(session.edge_to("email"), nullptr);
    EXPECT_EQ(session.edge_to("email")->source.key, "e_mail_address");
    EXPECT_EQ(session.edge_to("last_name"), nullptr);   // nothing fits it
    EXPECT_EQ(session.edge_to("first_name")->source.key, "first");  // mapped pairs stay
    ASSERT_TRUE(session.edge_to("email")->metadata.has_value());
    EXPECT_NE(session.edge_to("email")->metadata->certainty, Certainty::None);
    // Each acceptance is one undo step.
    session.undo();
    session.undo();
    EXPECT_EQ(session.edge_to("postal_code"), nullptr);
}

TEST(Suggestions, RankingOneSourceAtATimeGivesMatchFieldsCandidates) {
    Session session(plan_from(kPlan));
    // The oracle: the matcher over all sources and destinations at once.
    const ExecutionPlan& plan = session.plan();
    std::vector<UnmappedField> sources = plan.unmapped_sources, destinations = plan.unmapped_destinations;
    for (const Edge& edge : plan.field_mapping) {
        UnmappedField source, destination;
        source.field = edge.source;
        source.preview = edge.preview;
        destination.field = edge.destination;
        sources.push_back(source);
        destinations.push_back(destination);
    }
    match::MatchOptions options;
    options.max_candidates = 5;
    const match::MatchResult all = match::match_fields(sources, destinations, options);

    const auto ranker = make_ranker(session);
    const std::vector<std::string> keys = sources_to_rank(session);
    ASSERT_EQ(keys.size(), 4u);
    EXPECT_EQ(keys.back(), "first") << "unmapped sources come first";
    for (const match::SourceMatch& expected : all.sources) {
        const std::vector<ui::Candidate> one = rank_source(*ranker, session, expected.source_key);
        ASSERT_EQ(one.size(), expected.candidates.size()) << expected.source_key;
        for (std::size_t i = 0; i < one.size(); ++i) {
            EXPECT_EQ(one[i].destination_key, expected.candidates[i].destination_key) << expected.source_key;
            EXPECT_DOUBLE_EQ(one[i].score, expected.candidates[i].score) << expected.source_key;
        }
    }
    EXPECT_TRUE(rank_source(*ranker, session, "no_such_column").empty());
}

TEST(Suggestions, AThresholdOfOneAcceptsOnlyCertainPairs) {
    Session session(plan_from(kPlan));
    accept_assignment(session, 1.01);
    EXPECT_EQ(session.counts().edges, 1u);
}

}  // namespace
}  // namespace pm
