// MappingMemory: learning, rejection, forgetting, schema identity, the LRU bound, the stored
// format and hostile documents; and the memory applied before the matcher (memory_match.h).
#include "matcher/mapping_memory.h"
#include "matcher/memory_match.h"
#include "core/json/problems.h"
#include "core/plan/parse.h"

#include <gtest/gtest.h>

#include <random>

namespace pm::match {
namespace {

constexpr std::int32_t kDec3 = 20790;  // 2026-12-03

Field field(const std::string& key, const std::string& label = "") {
    Json raw = {{"key", key}, {"type", "string"}};
    if (!label.empty()) raw["label"] = label;
    return field_from_raw(raw);
}

UnmappedField unmapped(const std::string& key, const std::string& label = "", std::vector<std::string> preview = {}) {
    UnmappedField out;
    out.field = field(key, label);
    out.preview = std::move(preview);
    return out;
}

ExecutionPlan plan_of(std::vector<UnmappedField> sources, std::vector<UnmappedField> destinations) {
    ExecutionPlan plan;
    plan.unmapped_sources = std::move(sources);
    plan.unmapped_destinations = std::move(destinations);
    return plan;
}

Edge edge(const Field& source, const Field& destination) {
    Edge out;
    out.source = source;
    out.destination = destination;
    return out;
}

const std::vector<std::string> kContactKeys = {"mobile_phone", "email", "first_name", "last_name"};

TEST(MappingMemory, SchemaIdentityIsStableAndOrderFree) {
    const SchemaIdentity a = schema_identity({"b", "a", "c"}, "contacts");
    const SchemaIdentity b = schema_identity({"c", "a", "b", "a"}, "contacts");
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.id.rfind("s1-", 0), 0u);
    EXPECT_EQ(a.id.size(), 19u);
    EXPECT_NE(a.id, schema_identity({"a", "b", "c"}, "other").id);
    EXPECT_NE(a.id, schema_identity({"a", "b"}, "contacts").id);
    EXPECT_EQ((std::vector<std::string>{"a", "b", "c"}), b.destination_keys);
}

TEST(MappingMemory, LearnsAConfirmedPlanAndProposesItWithTheReason) {
    const SchemaIdentity schema = schema_identity(kContactKeys, "contacts");
    ExecutionPlan confirmed;
    confirmed.field_mapping.push_back(edge(field("tel_mobile", "Tel. (mobile)"), field("mobile_phone", "Mobile phone")));
    confirmed.unmapped_sources.push_back(unmapped("notes", "Notes"));
    MappingMemory memory;
    memory.learn_plan(schema, confirmed, kDec3 - 7);
    memory.learn_plan(schema, confirmed, kDec3);
    ASSERT_EQ(memory.size(), 2u);
    const auto entries = memory.entries_for(schema, "TEL_MOBILE");  // another spelling, same words
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]->count, 2u);
    EXPECT_EQ(entries[0]->last_used, kDec3);
    EXPECT_EQ(entries[0]->destination_key, "mobile_phone");

    // A new job: new source key, columns in another order, a header the matcher would not place.
    const ExecutionPlan next = plan_of({unmapped("n", "Notes"), unmapped("c7", "Tel. (mobile)", {"+31 6 1234 5678"})},
                                       {unmapped("email", "Email"), unmapped("mobile_phone", "Mobile phone"),
                                        unmapped("first_name", "First name"), unmapped("last_name", "Last name")});
    const MemoryPlanMatch m = match_plan_with_memory(next, memory, schema, kDec3 + 1);
    ASSERT_EQ(m.match.suggestions.size(), 1u);
    EXPECT_EQ(m.match.suggestions[0].source_key, "c7");
    EXPECT_EQ(m.match.suggestions[0].destination_key, "mobile_phone");
    EXPECT_EQ(m.match.suggestions[0].metadata["certainty"], "absolute");
    ASSERT_EQ(m.remembered.size(), 2u);
    EXPECT_EQ(m.remembered[0].outcome, RememberedSource::Outcome::LeftUnmapped);
    EXPECT_EQ(m.remembered[1].reason, "remembered: \"Tel. (mobile)\" \u2192 Mobile phone, 2 imports, last on 3 Dec");
    EXPECT_EQ(m.match.result.sources[1].certainty, Certainty::Absolute);
    EXPECT_FALSE(m.match.result.sources[0].assigned());
}

TEST(MappingMemory, ARejectedPairIsNotProposedAgainByMemoryOrMatcher) {
    const SchemaIdentity schema = schema_identity({"email", "phone"});
    MappingMemory memory;
    memory.learn_pair(schema, field("e", "Email"), "email", kDec3);
    memory.reject(schema, field("e", "Email"), "email", kDec3);
    const ExecutionPlan next = plan_of({unmapped("e2", "E-mail")}, {unmapped("email", "Email"), unmapped("phone", "Phone")});
    const MemoryPlanMatch m = match_plan_with_memory(next, memory, schema, kDec3);
    EXPECT_TRUE(m.match.suggestions.empty());  // the matcher would propose email: dropped
    ASSERT_EQ(m.remembered.size(), 1u);
    EXPECT_EQ(m.remembered[0].outcome, RememberedSource::Outcome::Rejected);
    EXPECT_FALSE(m.match.result.sources[0].assigned());
    for (const Candidate& c : m.match.result.sources[0].candidates) EXPECT_NE(c.destination_key, "email");
    // Mapped by hand again, it is no longer rejected.
    memory.learn_pair(schema, field("e", "Email"), "email", kDec3 + 1);
    EXPECT_EQ(match_plan_with_memory(next, memory, schema, kDec3).match.suggestions.size(), 1u);
}

TEST(MappingMemory, TwoRememberedSourcesForOneDestinationGoThroughTheAssignment) {
    const SchemaIdentity schema = schema_identity({"phone", "email"});
    MappingMemory memory;
    memory.learn_pair(schema, field("a", "Handy"), "phone", kDec3);
    memory.learn_pair(schema, field("a", "Handy"), "phone", kDec3);
    memory.learn_pair(schema, field("b", "Festnetz"), "phone", kDec3);
    const ExecutionPlan next =
        plan_of({unmapped("b", "Festnetz"), unmapped("a", "Handy")}, {unmapped("phone", "Phone"), unmapped("email", "Email")});
    const MemoryPlanMatch m = match_plan_with_memory(next, memory, schema, kDec3);
    ASSERT_EQ(m.match.suggestions.size(), 1u);
    EXPECT_EQ(m.match.suggestions[0].source_key, "a");
    ASSERT_EQ(m.remembered.size(), 2u);
    EXPECT_EQ(m.remembered[0].outcome, RememberedSource::Outcome::Outvoted);
    EXPECT_NE(m.remembered[0].reason.find("\"Handy\" is remembered for it more strongly"), std::string::npos)
        << m.remembered[0].reason;

    // As strong as each other: the memory proposes neither, and says so.
    memory.learn_pair(schema, field("b", "Festnetz"), "phone", kDec3);
    const MemoryPlanMatch tie = match_plan_with_memory(next, memory, schema, kDec3);
    ASSERT_EQ(tie.remembered.size(), 2u);
    for (const RememberedSource& note : tie.remembered) {
        EXPECT_EQ(note.outcome, RememberedSource::Outcome::Tied);
        EXPECT_NE(note.reason.find("is remembered as often, so the memory proposes neither"), std::string::npos) << note.reason;
    }
    // The matcher decides between them as if there were no memory, and the row says why.
    for (const SourceMatch& result : tie.match.result.sources) {
        EXPECT_NE(result.certainty, Certainty::Absolute) << result.source_key;
        EXPECT_EQ(result.reason.rfind("remembered: ", 0), 0u) << result.reason;
    }
}

TEST(MappingMemory, ASchemaThatGainedAFieldStillFindsItsEntries) {
    MappingMemory memory;
    memory.learn_pair(schema_identity({"a", "b", "c", "d"}), field("x", "Colour"), "c", kDec3);
    const SchemaIdentity grown = schema_identity({"a", "b", "c", "d", "e"});
    ASSERT_EQ(memory.entries_for(grown, "Colour").size(), 1u);
    const SchemaIdentity lost = schema_identity({"a", "b", "d"});  // "c" is gone: not proposed
    const MemoryPlanMatch m = match_plan_with_memory(
        plan_of({unmapped("x", "Colour")}, {unmapped("a"), unmapped("b"), unmapped("d")}), memory, lost, kDec3);
    EXPECT_TRUE(m.match.suggestions.empty());
    // Another slug is another sheet.
    EXPECT_TRUE(memory.entries_for(schema_identity({"a", "b", "c", "d"}, "x"), "Colour").size() == 1u);
    MappingMemory slugged;
    slugged.learn_pair(schema_identity({"a", "b"}, "one"), field("x", "Colour"), "a", kDec3);
    EXPECT_TRUE(slugged.entries_for(schema_identity({"a", "b"}, "two"), "Colour").empty());
    EXPECT_EQ(slugged.entries_for(schema_identity({"a", "b", "z"}, "one"), "Colour").size(), 1u);
}

Field enum_field(const std::string& key, const std::string& label, std::vector<std::string> options) {
    Json list = Json::array();
    for (const std::string& option : options) list.push_back({{"value", option}});
    return field_from_raw({{"key", key}, {"label", label}, {"type", "enum"}, {"config", {{"options", list}}}});
}

TEST(MappingMemory, AnEnumPairWhoseValuesNoLongerFitIsNotProposed) {
    const Field stage = enum_field("stage", "Lifecycle stage", {"lead", "customer"});
    const SchemaIdentity schema = schema_identity({"stage"});
    ExecutionPlan confirmed;
    confirmed.field_mapping.push_back(edge(field("status", "Status"), stage));
    confirmed.field_mapping.back().preview = {"lead", "customer"};
    MappingMemory memory;
    memory.learn_plan(schema, confirmed, kDec3);
    UnmappedField destination;
    destination.field = stage;
    // Another export's "Status" holds something else: not proposed, and the row says why.
    const MemoryPlanMatch other = match_plan_with_memory(
        plan_of({unmapped("status", "Status", {"Open - Not Contacted", "Closed - Converted"})}, {destination}), memory, schema,
        kDec3);
    EXPECT_TRUE(other.match.suggestions.empty());
    ASSERT_EQ(other.remembered.size(), 1u);
    EXPECT_EQ(other.remembered[0].outcome, RememberedSource::Outcome::ValuesDoNotFit);
    // The same export again: proposed.
    EXPECT_EQ(match_plan_with_memory(plan_of({unmapped("status", "Status", {"customer"})}, {destination}), memory, schema, kDec3)
                  .match.suggestions.size(),
              1u);
    // A column whose values matched no option when it was learned is proposed as it was mapped.
    MappingMemory by_hand;
    confirmed.field_mapping.back().preview = {"Open", "Won"};
    by_hand.learn_plan(schema, confirmed, kDec3);
    EXPECT_EQ(
        match_plan_with_memory(plan_of({unmapped("status", "Status", {"Open", "Lost"})}, {destination}), by_hand, schema, kDec3)
            .match.suggestions.size(),
        1u);
}

TEST(MappingMemory, ForgetAndClear) {
    const SchemaIdentity schema = schema_identity(kContactKeys);
    MappingMemory memory;
    memory.learn_pair(schema, field("a", "Mail"), "email", kDec3);
    memory.learn_pair(schema, field("b", "Vorname"), "first_name", kDec3);
    EXPECT_TRUE(memory.forget(schema, "MAIL", "email"));
    EXPECT_FALSE(memory.forget(schema, "Mail", "email"));
    EXPECT_EQ(memory.size(), 1u);
    memory.clear(schema);
    EXPECT_TRUE(memory.empty());
}

TEST(MappingMemory, KeepsAtMostTenThousandEntriesPerSchemaDroppingTheLeastRecentlyUsed) {
    const SchemaIdentity schema = schema_identity({"d"});
    MappingMemory memory;
    ExecutionPlan old_plan;
    for (int i = 0; i < 6000; ++i)
        old_plan.unmapped_sources.push_back(unmapped("old" + std::to_string(i), "old header " + std::to_string(i)));
    memory.learn_plan(schema, old_plan, kDec3 - 30);
    ExecutionPlan new_plan;
    for (int i = 0; i < 6000; ++i)
        new_plan.unmapped_sources.push_back(unmapped("new" + std::to_string(i), "new header " + std::to_string(i)));
    memory.learn_plan(schema, new_plan, kDec3);
    EXPECT_EQ(memory.size(), kMaxMemoryEntriesPerSchema);
    EXPECT_EQ(memory.entries_for(schema, "new header 5999").size(), 1u);
    EXPECT_EQ(memory.entries_for(schema, "new header 0").size(), 1u);
    std::size_t old_kept = 0;
    for (const MemoryEntry& e : memory.schemas().front().entries) old_kept += e.header.rfind("old", 0) == 0;
    EXPECT_EQ(old_kept, 4000u);
}

TEST(MappingMemory, RoundTripsThroughItsJsonFormatWithoutSampleValues) {
    const SchemaIdentity schema = schema_identity(kContactKeys, "contacts");
    ExecutionPlan confirmed;
    UnmappedField source = unmapped("tel", "Tel. (mobile)", {"+31 6 1234 5678"});
    confirmed.field_mapping.push_back(edge(source.field, field("mobile_phone", "Mobile phone")));
    confirmed.field_mapping.back().preview = {"+31 6 1234 5678"};
    MappingMemory memory;
    memory.learn_plan(schema, confirmed, kDec3);
    memory.reject(schema, field("m", "Mail"), "email", kDec3);
    const std::string text = memory.to_json_text();
    EXPECT_EQ(text.find("1234"), std::string::npos) << text;
    MappingMemory loaded;
    std::string message;
    ASSERT_TRUE(loaded.load_json_text(text, message)) << message;
    EXPECT_EQ(loaded.to_json_text(), text);
    ASSERT_EQ(loaded.entries_for(schema, "Mail").size(), 1u);
    EXPECT_TRUE(loaded.entries_for(schema, "Mail")[0]->rejected);
    EXPECT_EQ(loaded.to_json()["schemas"][0]["entries"][0]["lastUsed"], "2026-12-03");

    // Import adds up.
    ASSERT_TRUE(loaded.merge_json_text(text, message)) << message;
    EXPECT_EQ(loaded.entries_for(schema, "Tel. (mobile)")[0]->count, 2u);
}

TEST(MappingMemory, ReplaceTakesOneSchemasNewStateAndKeepsTheOthers) {
    const SchemaIdentity contacts = schema_identity(kContactKeys, "contacts");
    const SchemaIdentity orders = schema_identity({"order_id", "total"}, "orders");
    MappingMemory file;
    file.learn_pair(contacts, field("m", "Mail"), "email", kDec3);
    file.learn_pair(orders, field("n", "Order no"), "order_id", kDec3);
    MappingMemory widget;  // what the widget holds for contacts after "Forget this" and a new pair
    widget.learn_pair(contacts, field("t", "Tel"), "mobile_phone", kDec3);
    std::string message;
    ASSERT_TRUE(file.replace_json_text(dump_json(widget.schema_to_json(contacts)), message)) << message;
    EXPECT_TRUE(file.entries_for(contacts, "Mail").empty());
    EXPECT_EQ(file.entries_for(contacts, "Tel").size(), 1u);
    EXPECT_EQ(file.entries_for(orders, "Order no").size(), 1u);
    EXPECT_FALSE(file.replace_json_text("{", message));
    EXPECT_EQ(file.entries_for(contacts, "Tel").size(), 1u);
}

TEST(MappingMemory, DaysReadAndWrite) {
    std::int32_t days = 0;
    ASSERT_TRUE(parse_day("2026-12-03", days));
    EXPECT_EQ(days, kDec3);
    EXPECT_EQ(format_day(days), "2026-12-03");
    EXPECT_TRUE(parse_day("2024-02-29", days));
    EXPECT_FALSE(parse_day("2025-02-29", days));
    EXPECT_FALSE(parse_day("2025-13-01", days));
    EXPECT_FALSE(parse_day("2025-1-01", days));
    EXPECT_FALSE(parse_day("1969-12-31", days));
    EXPECT_EQ(short_day(kDec3, kDec3 + 40), "3 Dec 2026");
    EXPECT_EQ(short_day(kDec3, kDec3), "3 Dec");
}

// Documents that break the format: each is refused with one message naming where, and the memory
// keeps what it had.
TEST(MappingMemory, RefusesHostileDocumentsAndKeepsWhatItHad) {
    const SchemaIdentity schema = schema_identity({"a"});
    const std::string id = schema.id;
    const std::string good_schema = "{\"id\":\"" + id + "\",\"destinationKeys\":[\"a\"],\"entries\":[";
    const std::string head = "{\"format\":\"plan-mapper-memory\",\"version\":1,\"schemas\":[" + good_schema;
    const std::string entry = "{\"header\":\"H\",\"destination\":\"a\",\"count\":1,\"lastUsed\":\"2026-12-03\"}";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "memory: "},
        {"null", "expected an object"},
        {"[]", "expected an object"},
        {"{\"format\":\"x\",\"version\":1,\"schemas\":[]}", "/format"},
        {"{\"format\":\"plan-mapper-memory\",\"version\":2,\"schemas\":[]}", "version 2 is not supported"},
        {"{\"format\":\"plan-mapper-memory\",\"version\":1.5,\"schemas\":[]}", "/version"},
        {"{\"format\":\"plan-mapper-memory\",\"version\":1,\"schemas\":{}}", "/schemas"},
        {head + entry + "]}", "memory: "},  // cut off
        {head + "{\"header\":\"H\",\"destination\":\"a\",\"count\":0,\"lastUsed\":\"2026-12-03\"}]}]}", "/count"},
        {head + "{\"header\":\"H\",\"destination\":\"a\",\"count\":-1,\"lastUsed\":\"2026-12-03\"}]}]}", "/count"},
        {head + "{\"header\":\"H\",\"destination\":\"a\",\"count\":1e300,\"lastUsed\":\"2026-12-03\"}]}]}", "/count"},
        {head + "{\"header\":\"H\",\"destination\":\"a\",\"count\":1,\"lastUsed\":\"2026-02-30\"}]}]}", "/lastUsed"},
        {head + "{\"header\":\"\",\"destination\":\"a\",\"count\":1,\"lastUsed\":\"2026-12-03\"}]}]}", "/header"},
        {head + "{\"header\":\"" + std::string(300, 'x') +
             "\",\"destination\":\"a\",\"count\":1,\"lastUsed\":\"2026-12-03\"}]}]}",
         "/header"},
        {head + "{\"header\":\"H\",\"destination\":7,\"count\":1,\"lastUsed\":\"2026-12-03\"}]}]}", "/destination"},
        {head + "{\"header\":\"H\",\"destination\":\"\",\"count\":1,\"lastUsed\":\"2026-12-03\",\"rejected\":true}]}]}",
         "/rejected"},
        {head + "{\"header\":\"H\",\"destination\":\"a\",\"count\":1,\"lastUsed\":\"2026-12-03\",\"rejected\":1}]}]}",
         "/rejected"},
        {head + entry + "," + entry + "]}]}", "appear twice"},
        {head + "7]}]}", "expected an object"},
        {"{\"format\":\"plan-mapper-memory\",\"version\":1,\"schemas\":[{\"id\":\"s1-0000000000000000\",\"destinationKeys\":["
         "\"a\"],\"entries\":[]}]}",
         "fingerprint"},
        {"{\"format\":\"plan-mapper-memory\",\"version\":1,\"schemas\":[" + good_schema + "]}," + good_schema + "]}]}",
         "appears twice"},
        {"{\"format\":\"plan-mapper-memory\",\"version\":1,\"schemas\":[{\"id\":\"" + id +
             "\",\"destinationKeys\":[1],\"entries\":[]}]}",
         "/destinationKeys/0"},
        {std::string(100, '[') + std::string(100, ']'), "memory: "},  // too deep
    };
    MappingMemory memory;
    memory.learn_pair(schema, field("k", "Kept"), "a", kDec3);
    for (const auto& [text, expected] : cases) {
        std::string message;
        EXPECT_FALSE(memory.load_json_text(text, message)) << text;
        EXPECT_NE(message.find(expected), std::string::npos) << text << "\n -> " << message;
        EXPECT_FALSE(memory.merge_json_text(text, message)) << text;
        ASSERT_EQ(memory.size(), 1u) << text;
    }
    // Invalid UTF-8 inside a string.
    std::string message;
    EXPECT_FALSE(memory.load_json_text(
        head + "{\"header\":\"\xff\",\"destination\":\"a\",\"count\":1,\"lastUsed\":\"2026-12-03\"}]}]}", message));
    EXPECT_EQ(memory.size(), 1u);
}

// Random bytes and random mutations of a valid document: never a crash, either loaded or refused
// with a message (the fuzz target tests/matcher/fuzz_memory_load.cpp goes further).
TEST(MappingMemory, MutatedDocumentsAreLoadedOrRefusedNeverFatal) {
    const SchemaIdentity schema = schema_identity(kContactKeys, "contacts");
    MappingMemory source;
    for (int i = 0; i < 20; ++i)
        source.learn_pair(schema, field("k" + std::to_string(i), "Header " + std::to_string(i)), "email", kDec3 + i);
    const std::string valid = source.to_json_text();
    std::mt19937 random(14);
    std::size_t refused = 0, loaded = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text = valid;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = random() % text.size();
            switch (random() % 3) {
                case 0: text[at] = static_cast<char>(random() % 256); break;
                case 1: text.erase(at, 1 + random() % 8); break;
                default: text.insert(at, text.substr(random() % text.size(), 1 + random() % 16)); break;
            }
            if (text.empty()) text = "{";
        }
        MappingMemory memory;
        std::string message;
        if (memory.load_json_text(text, message)) {
            ++loaded;
            // Whatever loaded is usable and writes back to a document that loads the same.
            MappingMemory again;
            ASSERT_TRUE(again.load_json_text(memory.to_json_text(), message)) << message;
            match_plan_with_memory(plan_of({unmapped("x", "Header 3")}, {unmapped("email", "Email")}), memory, schema, kDec3);
        } else {
            ++refused;
            EXPECT_FALSE(message.empty());
            EXPECT_TRUE(memory.empty());
        }
    }
    EXPECT_GT(refused, 0u);
    EXPECT_GT(loaded, 0u);
}

}  // namespace
}  // namespace pm::match
