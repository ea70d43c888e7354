// libFuzzer target: any bytes as a stored mapping memory (src/matcher/mapping_memory.h), then
// applied before the matcher. Oracles beyond "does not crash": a refused document leaves the
// memory empty with a message; a loaded one writes back to text that loads to the same document,
// and stays within the per-schema bound after learning one more plan.
// Build: configure the fuzz preset (clang, -DPM_FUZZ=ON), then run
//   fuzz_memory_load tests/data/hostile-memory
#include "matcher/memory_match.h"
#include "core/plan/parse.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool condition) {
    if (!condition) std::abort();  // libFuzzer reports the input that got here
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pm::match;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    MappingMemory memory;
    std::string message;
    if (!memory.load_json_text(text, message)) {
        require(!message.empty());
        require(memory.empty());
        return 0;
    }
    const std::string written = memory.to_json_text();
    MappingMemory again;
    require(again.load_json_text(written, message));
    require(again.to_json_text() == written);

    // Use it: each stored schema against a plan of its own destinations and remembered headers.
    for (const SchemaMemory& stored : memory.schemas()) {
        pm::ExecutionPlan plan;
        for (const std::string& key : stored.schema.destination_keys) {
            pm::UnmappedField destination;
            destination.field = pm::field_from_raw({{"key", key}, {"type", "string"}});
            plan.unmapped_destinations.push_back(std::move(destination));
            if (plan.unmapped_destinations.size() >= 64) break;
        }
        for (const MemoryEntry& entry : stored.entries) {
            pm::UnmappedField source;
            source.field = pm::field_from_raw(
                {{"key", entry.source_key.empty() ? "k" : entry.source_key}, {"label", entry.header}, {"type", "string"}});
            plan.unmapped_sources.push_back(std::move(source));
            if (plan.unmapped_sources.size() >= 64) break;
        }
        const MemoryPlanMatch m = match_plan_with_memory(plan, memory, stored.schema, 20797);
        require(m.match.result.sources.size() == plan.unmapped_sources.size());
        memory.learn_plan(stored.schema, plan, 20798);
        const SchemaMemory* after = memory.find(stored.schema);
        require(after && after->entries.size() <= kMaxMemoryEntriesPerSchema);
        break;  // one schema is enough per input
    }
    return 0;
}
