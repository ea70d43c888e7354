// The mapping memory over the labelled matcher corpus (tests/data/matcher), as issue 14 asks:
//   - second import: each export imported again (new source keys, shuffled column order) with the
//     memory learned from the first import's confirmed plan (its labels): precision and recall >= 0.99;
//   - leave-one-out: each export with the memory learned from every other export: never lower
//     precision or recall than the matcher alone, per export and in total.
// The figures are printed; the assertions are the properties.
#include "matcher/memory_match.h"
#include "core/plan/parse.h"
#include "corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

namespace pm::match {
namespace {

constexpr std::int32_t kFirstImport = 20790;  // 2026-12-03
constexpr std::int32_t kSecondImport = 20797;

std::vector<std::string> schema_keys(const std::vector<Field>& schema) {
    std::vector<std::string> keys;
    for (const Field& field : schema) keys.push_back(field.key);
    return keys;
}

// The plan a person confirmed for an export: the labelled columns mapped, the others unmapped.
ExecutionPlan confirmed_plan(const test::CorpusExport& file, const std::vector<Field>& schema) {
    ExecutionPlan plan;
    const std::vector<UnmappedField> sources = test::source_fields(file);
    std::vector<bool> used(schema.size(), false);
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
        const auto& label = file.columns[i].label;
        const auto d =
            label ? std::find_if(schema.begin(), schema.end(), [&](const Field& f) { return f.key == *label; }) : schema.end();
        if (d == schema.end()) {
            plan.unmapped_sources.push_back(sources[i]);
            continue;
        }
        Edge edge;
        edge.source = sources[i].field;
        edge.destination = *d;
        edge.preview = sources[i].preview;
        plan.field_mapping.push_back(std::move(edge));
        used[static_cast<std::size_t>(d - schema.begin())] = true;
    }
    for (std::size_t d = 0; d < schema.size(); ++d)
        if (!used[d]) plan.unmapped_destinations.push_back(test::destination_fields({schema[d]}).front());
    return plan;
}

// The export imported again: its columns shuffled and given new keys; `order[j]` is the column
// at position j.
ExecutionPlan second_import(const test::CorpusExport& file, const std::vector<Field>& schema, unsigned seed,
                            std::vector<std::size_t>& order) {
    const std::vector<UnmappedField> sources = test::source_fields(file);
    order.resize(sources.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    ExecutionPlan plan;
    for (std::size_t j = 0; j < order.size(); ++j) {
        UnmappedField source = sources[order[j]];
        Json raw = source.field.raw.to_json();
        raw["key"] = "column_" + std::to_string(j) + "_" + source.field.key;
        source.field = field_from_raw(raw);
        plan.unmapped_sources.push_back(std::move(source));
    }
    plan.unmapped_destinations = test::destination_fields(schema);
    return plan;
}

// Tally of a match on a second_import plan, back in the export's column order.
test::Tally tally_of(const test::CorpusExport& file, const MemoryPlanMatch& match, const std::vector<std::size_t>& order) {
    std::vector<std::string> predicted(file.columns.size());
    for (std::size_t j = 0; j < order.size(); ++j) predicted[order[j]] = match.match.result.sources[j].destination_key;
    return test::tally(file, predicted);
}

void print(const char* what, const test::Tally& tally) {
    std::printf("[ memory   ] %s: precision %.4f (%zu of %zu), recall %.4f (%zu of %zu), must-stay-unmapped mapped %zu of %zu\n",
                what, tally.precision(), tally.correct, tally.mapped, tally.recall(), tally.correct, tally.labelled,
                tally.unlabelled_mapped, tally.unlabelled);
}

TEST(MemoryCorpus, SecondImportMapsItself) {
    const test::Corpus corpus = test::load_corpus();
    ASSERT_TRUE(corpus.errors.empty()) << corpus.errors.front();
    test::Tally with, without;
    std::size_t proposed_by_memory = 0;
    for (std::size_t f = 0; f < corpus.exports.size(); ++f) {
        const test::CorpusExport& file = corpus.exports[f];
        const auto& schema = corpus.schemas.at(file.schema);
        const SchemaIdentity identity = schema_identity(schema_keys(schema), file.schema);
        MappingMemory memory;
        memory.learn_plan(identity, confirmed_plan(file, schema), kFirstImport);
        std::vector<std::size_t> order;
        const ExecutionPlan plan = second_import(file, schema, static_cast<unsigned>(f) + 1, order);
        const MemoryPlanMatch remembered = match_plan_with_memory(plan, memory, identity, kSecondImport);
        const MemoryPlanMatch alone = match_plan_with_memory(plan, MappingMemory{}, identity, kSecondImport);
        const test::Tally t = tally_of(file, remembered, order);
        EXPECT_GE(t.precision(), 0.99) << file.file;
        with.add(t);
        without.add(tally_of(file, alone, order));
        for (const RememberedSource& note : remembered.remembered)
            if (note.outcome == RememberedSource::Outcome::Proposed) ++proposed_by_memory;
    }
    print("second import, matcher alone", without);
    print("second import, with memory  ", with);
    std::printf("[ memory   ] %zu pairs proposed by the memory over %zu exports\n", proposed_by_memory, corpus.exports.size());
    EXPECT_GE(with.precision(), 0.99);
    EXPECT_GE(with.recall(), 0.99);
    EXPECT_GT(proposed_by_memory, 0u);
}

TEST(MemoryCorpus, LeaveOneOutNeverLowersPrecisionOrRecall) {
    const test::Corpus corpus = test::load_corpus();
    ASSERT_TRUE(corpus.errors.empty()) << corpus.errors.front();
    test::Tally with, without;
    for (std::size_t f = 0; f < corpus.exports.size(); ++f) {
        const test::CorpusExport& file = corpus.exports[f];
        const auto& schema = corpus.schemas.at(file.schema);
        const SchemaIdentity identity = schema_identity(schema_keys(schema), file.schema);
        MappingMemory memory;
        for (std::size_t other = 0; other < corpus.exports.size(); ++other) {
            if (other == f) continue;
            const test::CorpusExport& learned = corpus.exports[other];
            const auto& learned_schema = corpus.schemas.at(learned.schema);
            memory.learn_plan(schema_identity(schema_keys(learned_schema), learned.schema),
                              confirmed_plan(learned, learned_schema), kFirstImport + static_cast<std::int32_t>(other));
        }
        std::vector<std::size_t> order;
        const ExecutionPlan plan = second_import(file, schema, static_cast<unsigned>(f) + 101, order);
        const test::Tally t = tally_of(file, match_plan_with_memory(plan, memory, identity, kSecondImport), order);
        const test::Tally alone = tally_of(file, match_plan_with_memory(plan, MappingMemory{}, identity, kSecondImport), order);
        if (t.precision() < alone.precision() || t.recall() < alone.recall()) {
            const MemoryPlanMatch debug = match_plan_with_memory(plan, memory, identity, kSecondImport);
            for (std::size_t j = 0; j < order.size(); ++j)
                std::printf("%s -> %s (%s) label %s\n", file.columns[order[j]].header.c_str(),
                            debug.match.result.sources[j].destination_key.c_str(), debug.match.result.sources[j].reason.c_str(),
                            file.columns[order[j]].label.value_or("-").c_str());
        }
        EXPECT_GE(t.precision(), alone.precision()) << file.file;
        EXPECT_GE(t.recall(), alone.recall()) << file.file;
        with.add(t);
        without.add(alone);
    }
    print("leave-one-out, matcher alone", without);
    print("leave-one-out, with memory  ", with);
    EXPECT_GE(with.precision(), without.precision());
    EXPECT_GE(with.recall(), without.recall());
}

}  // namespace
}  // namespace pm::match
