// libFuzzer target: random sequences of session operations over small plans built from the input.
//
// The first bytes shape a plan (how many sources and destinations, which keys from a hostile
// alphabet, enum destinations, edges, one-to-many); every later byte triple is one operation
// (map, unmap, ignore, swap, accept, enum value, clear, reset, undo, redo, rebase) on keys chosen
// by index, unknown keys included. After every operation the session's invariants must hold
// (session.h): a destination has at most one source, a source one destination unless one-to-many,
// every field is listed exactly once, no field is lost or invented, a refused request changes
// nothing, and undo exactly reverts an operation. At the end, undoing everything restores the
// start and the PUT body reads back as a clean plan.
// Build: clang with -DPM_FUZZ=ON (tests/core/CMakeLists.txt makes pm_core_fuzz), then e.g.
//   fuzz_session_ops -max_total_time=600 build/fuzz/session-corpus
#include "core/json/problems.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();  // libFuzzer keeps the input that got here
}

class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool more() const { return at_ < size_; }
    std::uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

// Keys that have hurt parsers and UIs: empty, controls, bidi, format strings, ImGui's "##",
// pointer syntax, look-alikes. Collisions between sources and destinations are intended.
const char* const kKeys[] = {"a", "b", "email", "Email", "", "\u202Eevil", "%s%n", "a##b", "/~0~1", "\xC3\xA9", "e\xCC\x81",
                             "__proto__", " ", "x\x01y", "\xFF\xFE", "k"};
constexpr std::size_t kKeyCount = sizeof(kKeys) / sizeof(kKeys[0]);

std::string key_from(std::uint8_t byte, const char* side, std::size_t i) {
    // Mostly distinct keys (side + index), sometimes one from the hostile alphabet (may repeat).
    if (byte & 0x80) return kKeys[byte % kKeyCount];
    return std::string(side) + std::to_string(i);
}

pm::Json field_json(const std::string& key, bool is_enum) {
    pm::Json field = {{"key", key}, {"type", is_enum ? "enum" : "string"}, {"label", key}};
    if (is_enum) field["config"] = {{"options", pm::Json::array({{{"value", "x"}}, {{"value", 2}}, {{"value", true}}})}};
    return field;
}

// A plan document from the first bytes, read through the real parser (so keys the contract
// forbids, e.g. "", are dropped with a problem, as they would be from the server).
std::string plan_text(Bytes& in, bool& one_to_many) {
    const std::size_t sources = in.next() % 12, destinations = in.next() % 12;
    const std::uint8_t flags = in.next();
    one_to_many = flags & 1;
    pm::Json plan = {{"fieldMapping", pm::Json::array()}, {"unmappedSourceFields", pm::Json::array()},
                     {"unmappedDestinationFields", pm::Json::array()}};
    std::vector<pm::Json> source_fields, destination_fields;
    for (std::size_t i = 0; i < sources; ++i) source_fields.push_back(field_json(key_from(in.next(), "s", i), false));
    for (std::size_t i = 0; i < destinations; ++i)
        destination_fields.push_back(field_json(key_from(in.next(), "d", i), (flags & 2) && i % 2 == 0));
    // The first min(n) pairs start mapped when flag 4 is set.
    const std::size_t edges = (flags & 4) ? std::min(sources, destinations) : 0;
    for (std::size_t i = 0; i < edges; ++i) {
        pm::Json edge = {{"sourceField", source_fields[i]}, {"destinationField", destination_fields[i]}, {"preview", {"v"}}};
        if (destination_fields[i]["type"] == "enum")
            edge["enumDetails"] = {{"mapping", pm::Json::array({{{"sourceValue", "v"}, {"destinationValue", "x"}}})}};
        plan["fieldMapping"].push_back(edge);
    }
    for (std::size_t i = edges; i < sources; ++i) plan["unmappedSourceFields"].push_back({{"sourceField", source_fields[i]}, {"preview", {"v", "w"}}});
    for (std::size_t i = edges; i < destinations; ++i) plan["unmappedDestinationFields"].push_back({{"destinationField", destination_fields[i]}});
    return pm::dump_json(plan);
}

struct Keys {
    std::vector<std::string> sources, destinations;
};

Keys keys_of(const pm::Session& session) {
    Keys keys;
    const pm::ExecutionPlan& plan = session.plan();
    for (const auto& e : plan.field_mapping) {
        keys.sources.push_back(e.source.key);
        keys.destinations.push_back(e.destination.key);
    }
    for (const auto& u : plan.unmapped_sources) keys.sources.push_back(u.field.key);
    for (const auto& u : plan.unmapped_destinations) keys.destinations.push_back(u.field.key);
    keys.sources.push_back("no-such-source");  // unknown keys must be refused, never invented
    keys.destinations.push_back("no-such-destination");
    return keys;
}

void check_invariants(const pm::Session& session, const pm::SessionCounts& start) {
    const pm::ExecutionPlan& plan = session.plan();
    std::map<std::string, int> source_edges, destination_edges, unmapped_sources, unmapped_destinations;
    for (const auto& e : plan.field_mapping) {
        ++source_edges[e.source.key];
        ++destination_edges[e.destination.key];
    }
    for (const auto& u : plan.unmapped_sources) ++unmapped_sources[u.field.key];
    for (const auto& u : plan.unmapped_destinations) ++unmapped_destinations[u.field.key];
    for (const auto& [key, n] : destination_edges) {
        require(n == 1, "a destination has more than one source");
        require(unmapped_destinations.count(key) == 0, "a mapped destination is also unmapped");
    }
    for (const auto& [key, n] : source_edges) {
        require(n == 1 || session.options().allow_one_to_many, "a source feeds several destinations");
        require(unmapped_sources.count(key) == 0, "a mapped source is also unmapped");
    }
    for (const auto& [key, n] : unmapped_sources) require(n == 1, "a source is unmapped twice");
    for (const auto& [key, n] : unmapped_destinations) require(n == 1, "a destination is unmapped twice");
    const pm::SessionCounts now = session.counts();
    require(now.sources() == start.sources() && now.destinations() == start.destinations(), "a field was lost or invented");
    require(now.edges == plan.field_mapping.size(), "counts().edges disagrees with the plan");
}

const std::string& pick(const std::vector<std::string>& keys, std::uint8_t byte) { return keys[byte % keys.size()]; }

pm::Change apply(pm::Session& session, std::uint8_t op, std::uint8_t a, std::uint8_t b) {
    const Keys k = keys_of(session);
    switch (op % 13) {
        case 0: return session.map(pick(k.sources, a), pick(k.destinations, b));
        case 1: return session.unmap(pick(k.destinations, a));
        case 2: return session.unmap_edge(pick(k.sources, a), pick(k.destinations, b));
        case 3: return session.ignore(pick(k.sources, a));
        case 4: return session.unignore(pick(k.sources, a));
        case 5: return session.swap(pick(k.destinations, a), pick(k.destinations, b));
        case 6: return session.accept({pick(k.sources, a), pick(k.destinations, b), pm::Json{{"certainty", "weak"}}, pm::Json()});
        case 7: {
            // A source value ("v", "w" or unknown) to an option (string, number, boolean, unknown) or none.
            static const pm::Json kValues[] = {"v", "w", "zz"};
            static const pm::Json kOptions[] = {"x", 2, true, "no-such-option"};
            const std::optional<pm::Json> to = (b & 4) ? std::nullopt : std::optional<pm::Json>(kOptions[b % 4]);
            return session.set_enum_value(pick(k.destinations, a), kValues[a % 3], to);
        }
        case 8: return session.clear_all();
        case 9: return session.reset_to_server();
        case 10: return session.undo();
        case 11: return session.redo();
        default:
            // The server confirmed the current plan (a PUT answered): it becomes the new base.
            session.rebase(session.plan());
            return {};
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    bool one_to_many = false;
    const auto parsed = pm::parse_plan_document(plan_text(in, one_to_many));
    if (!parsed.value) return 0;
    pm::SessionOptions options;
    options.allow_one_to_many = one_to_many;
    pm::Session session(parsed.value->plan, options);
    const pm::SessionCounts start_counts = session.counts();
    check_invariants(session, start_counts);
    pm::ExecutionPlan base = session.plan();     // what undoing everything must give back

    for (int step = 0; step < 200 && in.more(); ++step) {  // bounded: at most 200 operations
        const std::uint8_t op = in.next(), a = in.next(), b = in.next();
        const pm::ExecutionPlan before = session.plan();
        const pm::Change change = apply(session, op, a, b);
        check_invariants(session, start_counts);
        if (op % 13 == 12) {
            base = session.plan();
            require(!session.can_undo(), "rebase kept the old history");
            continue;
        }
        if (!change.refused.empty()) {
            require(change.empty() && pm::same_written(session.plan(), before), "a refused request changed the plan");
            continue;
        }
        // An edit (not undo/redo) that did something must be exactly revertible, and redoable.
        if (op % 13 < 10 && !change.empty()) {
            require(session.can_undo(), "an edit that changed something left no undo step");
            const pm::ExecutionPlan after = session.plan();
            session.undo();
            require(pm::same_written(session.plan(), before), "undo did not restore the plan before the edit");
            session.redo();
            require(pm::same_written(session.plan(), after), "redo did not give the edit back");
        }
    }
    for (std::size_t i = 0, n = session.undo_depth() + 1; i < n && session.can_undo(); ++i) session.undo();
    require(pm::same_written(session.plan(), base), "undoing everything did not restore the start");
    const auto reread = pm::parse_plan_document(pm::put_body_text(session.plan(), "us_jb_fuzz", "us_fl_fuzz"));
    require(reread.value.has_value() && !pm::has_errors(reread.problems), "the PUT body does not read back cleanly");
    return 0;
}
