// The labelled matcher corpus (tests/data/matcher) as C++ values, and precision/recall tallies.
// Shared by the corpus test and the benchmark program.
#pragma once

#include "core/plan/model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::match::test {

struct CorpusColumn {
    std::string header;
    std::optional<std::string> label;          // the correct destination key; nullopt: stays unmapped
    std::vector<std::string> preview;
};

struct CorpusExport {
    std::string file;
    std::string schema;
    std::string split;                         // "tuning" or "evaluation" (frozen: see the README)
    std::string language;                      // ISO 639-1 code of the headers, or "mixed"
    std::vector<CorpusColumn> columns;
};

struct Corpus {
    std::map<std::string, std::vector<Field>> schemas;
    std::vector<CorpusExport> exports;         // sorted by file name
    std::vector<std::string> errors;           // empty when everything loaded
};

// `root` holds schemas.json and corpus/*.json; relative paths start at the repository root.
Corpus load_corpus(const std::string& root = "tests/data/matcher");

// A source key from a header as Flatfile's extractors make it: lower-case ASCII snake_case,
// other characters as '_', de-duplicated with _1, _2 suffixes.
std::vector<std::string> source_keys(const std::vector<CorpusColumn>& columns);

// The export's columns as unmapped source fields (key from source_keys, label = header, preview).
std::vector<UnmappedField> source_fields(const CorpusExport& file);
std::vector<UnmappedField> destination_fields(const std::vector<Field>& schema);

struct Tally {
    std::size_t mapped = 0;                    // pairs proposed
    std::size_t correct = 0;                   // proposed pairs equal to the label
    std::size_t labelled = 0;                  // columns with a label
    std::size_t unlabelled = 0;                // columns that must stay unmapped
    std::size_t unlabelled_mapped = 0;         // ... that were mapped anyway
    double precision() const { return mapped ? static_cast<double>(correct) / static_cast<double>(mapped) : 1.0; }
    double recall() const { return labelled ? static_cast<double>(correct) / static_cast<double>(labelled) : 1.0; }
    // Share of the must-stay-unmapped columns that were mapped (fp_null_rate).
    double null_mapped_rate() const {
        return unlabelled ? static_cast<double>(unlabelled_mapped) / static_cast<double>(unlabelled) : 0.0;
    }
    void add(const Tally& other) {
        mapped += other.mapped;
        correct += other.correct;
        labelled += other.labelled;
        unlabelled += other.unlabelled;
        unlabelled_mapped += other.unlabelled_mapped;
    }
};

// `predicted[i]` is the destination key proposed for column i, "" for none.
Tally tally(const CorpusExport& file, const std::vector<std::string>& predicted);

}  // namespace pm::match::test
