// The hostile mapping-memory corpus (tests/data/hostile-memory, written by make_hostile_memory.py):
// every document either loads or is refused with one message, never crashes, and a refused one
// leaves the memory as it was; whatever loads is usable by the matcher and writes back to a
// document that loads again.
#include "matcher/memory_match.h"
#include "core/plan/parse.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace pm::match {
namespace {

const std::string kDir = "tests/data/hostile-memory/";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(HostileMemory, EveryDocumentLoadsOrIsRefusedWithOneMessage) {
    Json manifest;
    ASSERT_TRUE(Json::accept(read_file(kDir + "manifest.json")));
    manifest = Json::parse(read_file(kDir + "manifest.json"), nullptr, false);
    ASSERT_TRUE(manifest.is_array());
    ASSERT_GE(manifest.size(), 40u);
    const SchemaIdentity schema = schema_identity({"email", "first_name", "mobile_phone"}, "contacts");
    ExecutionPlan plan;
    for (const char* header : {"Tel. (mobile)", "Mail", "Notes", "__proto__"}) {
        UnmappedField source;
        source.field = field_from_raw({{"key", header}, {"label", header}, {"type", "string"}});
        plan.unmapped_sources.push_back(source);
    }
    for (const char* key : {"email", "first_name", "mobile_phone"}) {
        UnmappedField destination;
        destination.field = field_from_raw({{"key", key}, {"type", "string"}});
        plan.unmapped_destinations.push_back(destination);
    }
    std::size_t loaded = 0, refused = 0;
    for (const Json& item : manifest) {
        const std::string name = item.at("file").get<std::string>();
        const std::string text = read_file(kDir + name);
        MappingMemory memory;
        memory.learn_pair(schema, plan.unmapped_sources[1].field, "email", 20790);
        const std::string before = memory.to_json_text();
        std::string message;
        const bool ok = memory.load_json_text(text, message);
        if (item.at("expect") == "load") {
            ++loaded;
            ASSERT_TRUE(ok) << name << ": " << message;
            MappingMemory again;
            ASSERT_TRUE(again.load_json_text(memory.to_json_text(), message)) << name << ": " << message;
            EXPECT_EQ(again.to_json_text(), memory.to_json_text()) << name;
            // Members the format does not know are not kept (nothing but the format is stored).
            EXPECT_EQ(memory.to_json_text().find("secret-token-value"), std::string::npos) << name;
            EXPECT_EQ(memory.to_json_text().find("polluted"), std::string::npos) << name;
            const MemoryPlanMatch m = match_plan_with_memory(plan, memory, schema, 20797);
            EXPECT_EQ(m.match.result.sources.size(), plan.unmapped_sources.size()) << name;
        } else {
            ++refused;
            EXPECT_FALSE(ok) << name;
            EXPECT_FALSE(message.empty()) << name;
            EXPECT_EQ(message.find('\n'), std::string::npos) << name << ": " << message;
            EXPECT_LT(message.size(), 400u) << name << ": " << message;
            EXPECT_EQ(memory.to_json_text(), before) << name;
            EXPECT_FALSE(memory.merge_json_text(text, message)) << name;
            EXPECT_EQ(memory.to_json_text(), before) << name;
        }
    }
    std::printf("[ memory   ] hostile memory documents: %zu loaded, %zu refused\n", loaded, refused);
    EXPECT_GE(refused, 30u);
}

TEST(HostileMemory, ProposalsFromALoadedDocumentCarryTheReason) {
    MappingMemory memory;
    std::string message;
    ASSERT_TRUE(memory.load_json_text(read_file(kDir + "valid-minimal.json"), message)) << message;
    const SchemaIdentity schema = schema_identity({"email", "first_name", "mobile_phone"}, "contacts");
    ExecutionPlan plan;
    UnmappedField source;
    source.field = field_from_raw({{"key", "c1"}, {"label", "Tel (Mobile)"}, {"type", "string"}});
    plan.unmapped_sources.push_back(source);
    for (const char* key : {"email", "first_name", "mobile_phone"}) {
        UnmappedField destination;
        destination.field = field_from_raw({{"key", key}, {"type", "string"}});
        plan.unmapped_destinations.push_back(destination);
    }
    const MemoryPlanMatch m = match_plan_with_memory(plan, memory, schema, 20797);
    ASSERT_EQ(m.match.suggestions.size(), 1u);
    EXPECT_EQ(m.match.suggestions[0].destination_key, "mobile_phone");
    EXPECT_EQ(m.remembered.at(0).reason, "remembered: \"Tel. (mobile)\" \u2192 mobile_phone, 2 imports, last on 3 Dec");
}

}  // namespace
}  // namespace pm::match
