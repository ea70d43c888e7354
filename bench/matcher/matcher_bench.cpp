// pm_matcher_bench: figures for the auto-matcher (not a test; nothing here fails).
//   1. Precision, recall and the share of must-stay-unmapped columns that were mapped (fp_null_rate)
//      on the labelled corpus (tests/data/matcher) for our matcher and for the two React
//      importers' rules (tests/matcher/peer_rules.h), per split (tuning / frozen evaluation) and,
//      for ours, recall per language. The headline figures are the evaluation set's.
//   2. Time of match_fields on 2,000 sources x 2,000 destinations with previews (median of runs).
//   3. Time of matching 10,000 distinct values to 100 enum options (median of runs).
//   4. Time of loading, ranking and matching a plan whose one source and one destination label
//      is 100 KB, 1 MB or 10 MB of hostile text (the slowest of five kinds per size).
// Run from the repository root (the corpus path is relative). Options:
//   --failures tuning|evaluation|all   list our wrong and missed pairs on that split
//   --runs N                     timed runs per measurement (default 7)
//   --fields-only                the corpus and the 2,000 x 2,000 timing only (profiling)
//   --enum-only                  the enum 10,000 x 100 timing only (profiling)
//   --digest                     print a digest of every result (candidates, scores, reasons,
//                                assignment; and one of the reasons as catalog messages) on the
//                                corpus and the 2,000 x 2,000 input: a speed change must leave
//                                them as they were
//   --miss-kinds                 counts of misses per split, language and kind (no header shown:
//                                the evaluation set's misses may be counted, never read one by one)
#include "core/plan/documents.h"
#include "matcher/enum_matcher.h"
#include "matcher/field_matcher.h"
#include "matcher/plan_matcher.h"
#include "matcher/text_normalize.h"
#include "corpus.h"
#include "peer_rules.h"
#include "synthetic_fields.h"

#include <algorithm>
#include <array>
#include <chrono>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif
#include <ctime>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

using namespace pm;
using namespace pm::match;

// The process's CPU time under node (see cpu_now_ms).
#ifdef __EMSCRIPTEN__
EM_JS(double, node_cpu_ms, (), {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
});
#endif

namespace {

// Median wall-clock and CPU time of `runs` calls. Both are printed: the machine may be shared, and
// CPU time is the steadier figure when other processes compete for the cores.
struct Timing {
    double wall_ms = 0;
    double cpu_ms = 0;
};

// CPU time of this process in ms. Emscripten's clock() reads the wall clock, so under node the
// process's own CPU use (user + system) is asked for instead.
double cpu_now_ms() {
#ifdef __EMSCRIPTEN__
    return node_cpu_ms();
#else
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

Timing median_ms(int runs, const std::function<void()>& work) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = cpu_now_ms();
        work();
        const double cpu_end = cpu_now_ms();
        const auto end = std::chrono::steady_clock::now();
        wall.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        cpu.push_back(cpu_end - cpu_start);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

struct Scores {
    test::Tally all, tuning, evaluation;
    std::map<std::string, test::Tally> evaluation_by_language, tuning_by_language;
};

void add(Scores& scores, const test::CorpusExport& file, const std::vector<std::string>& predicted) {
    const test::Tally tally = test::tally(file, predicted);
    scores.all.add(tally);
    const bool evaluation = file.split == "evaluation";
    (evaluation ? scores.evaluation : scores.tuning).add(tally);
    (evaluation ? scores.evaluation_by_language : scores.tuning_by_language)[file.language].add(tally);
}

const char* cell(const test::Tally& t) {
    static char buffer[4][96];
    static int slot = 0;
    char* out = buffer[slot++ % 4];
    std::snprintf(out, 96, "P %.3f R %.3f null %.3f (%zu/%zu, %zu; %zu/%zu)", t.precision(), t.recall(),
                  t.null_mapped_rate(), t.correct, t.mapped, t.labelled, t.unlabelled_mapped, t.unlabelled);
    return out;
}

void print_row(const char* name, const Scores& s) {
    std::printf("  %-10s tuning: %s | evaluation: %s\n", name, cell(s.tuning), cell(s.evaluation));
}

void print_languages(const char* split, const std::map<std::string, test::Tally>& by_language) {
    std::printf("  ours, %s set, per language:", split);
    for (const auto& [language, tally] : by_language)
        std::printf(" %s R %.3f (%zu/%zu) P %.3f;", language.c_str(), tally.recall(), tally.correct, tally.labelled,
                    tally.precision());
    std::printf("\n");
}

// One figure as a JSON line for tools/bench ({"name","value","unit","runs"}).
void figure(const char* name, double value, const char* unit, int runs) {
    std::printf("{\"name\":\"matcher.%s\",\"value\":%.4g,\"unit\":\"%s\",\"runs\":%d}\n", name, value, unit, runs);
}

// FNV-1a over everything a MatchResult says, scores to the last bit.
struct Digest {
    std::uint64_t hash = 1469598103934665603ull;
    void add(std::string_view text) {
        for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
        add_byte(0xff);
    }
    void add_byte(unsigned char c) { hash = (hash ^ c) * 1099511628211ull; }
    void add(double value) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        add(std::string_view(buffer));
    }
    void add(const MatchResult& result) {
        for (const SourceMatch& match : result.sources) {
            add(match.source_key);
            add(match.destination_key);
            add(match.score);
            add_byte(static_cast<unsigned char>(match.certainty));
            add(match.reason);
            add_byte(match.ambiguous ? 1 : 0);
            for (const Candidate& candidate : match.candidates) {
                add(candidate.destination_key);
                add(candidate.score);
                add_byte(static_cast<unsigned char>(candidate.certainty));
                add(candidate.reason);
            }
        }
    }
    // The reasons as catalog messages (reason_messages.h), kept apart so that the digest above
    // stays comparable with the figures of earlier runs.
    void add(const MessageRef& message) {
        add(message.id);
        for (const MessageArg& arg : message.args) {
            add(arg.name);
            add_byte(static_cast<unsigned char>(arg.kind));
            add(arg.text);
            for (const MessageRef& part : arg.messages) add(part);
            add_byte(0xfe);
        }
        add(message.count ? std::to_string(*message.count) : std::string("-"));
    }
    void add_messages(const MatchResult& result) {
        for (const SourceMatch& match : result.sources) {
            for (const MessageRef& part : match.reason_messages) add(part);
            for (const Candidate& candidate : match.candidates) {
                add_byte(0xfd);
                for (const MessageRef& part : candidate.reason_messages) add(part);
            }
            add_byte(0xfc);
        }
    }
};

std::string repeat_to(std::string_view unit, std::size_t bytes) {
    std::string out;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes) out.append(unit);
    return out;
}

// The plan of tests/matcher/bounded_text_test.cpp: one hostile source and destination label.
std::string hostile_plan(const std::string& label) {
    Json plan = {
        {"fieldMapping", Json::array()},
        {"unmappedSourceFields",
         Json::array({{{"sourceField", {{"key", "hostile"}, {"label", label}, {"type", "string"}}},
                       {"preview", Json::array({std::string(bounded_prefix(label, 1000)), "x"})}},
                      {{"sourceField", {{"key", "e_mail"}, {"label", "E-mail"}, {"type", "string"}}}}})},
        {"unmappedDestinationFields",
         Json::array({{{"destinationField", {{"key", "hostile_destination"}, {"label", label}, {"type", "string"}}}},
                      {{"destinationField", {{"key", "email"}, {"label", "Email"}, {"type", "string"}}}}})},
    };
    return plan.dump();
}

// Figure 3: 10,000 distinct values against 100 enum options, with --digest a digest of every
// value's result (option, score to the bit, level, ambiguity, reason).
void enum_figures(int runs, bool digest) {
    const bench::SyntheticEnum column = bench::make_synthetic_enum(100, 10000, 7);
    std::size_t mapped = 0;
    const Timing enum_ms = median_ms(runs, [&] {
        EnumMatcher matcher(column.options);
        mapped = 0;
        for (const std::string& value : column.values) mapped += matcher.match(value).option >= 0 ? 1 : 0;
    });
    std::printf(
        "Enum values: 10000 distinct values x 100 options: median %.1f ms wall, %.1f ms CPU over %d runs "
        "(%zu mapped)\n",
        enum_ms.wall_ms, enum_ms.cpu_ms, runs, mapped);
    if (digest) {
        Digest enum_digest;
        EnumMatcher matcher(column.options);
        for (const std::string& value : column.values) {
            const EnumValueMatch match = matcher.match(value);
            enum_digest.add(std::to_string(match.option));
            enum_digest.add(match.score);
            enum_digest.add_byte(static_cast<unsigned char>(match.how));
            enum_digest.add_byte(match.ambiguous ? 1 : 0);
            enum_digest.add(match.reason);
        }
        std::printf("Digest: enum %016llx\n", static_cast<unsigned long long>(enum_digest.hash));
    }
    figure("enum_10000x100_ms", enum_ms.wall_ms, "ms", runs);
    figure("enum_10000x100_cpu_ms", enum_ms.cpu_ms, "ms", runs);
}

}  // namespace

int main(int argc, char** argv) {
    std::string failures;
    int runs = 7;
    bool fields_only = false, enum_only = false, digest = false, miss_kinds = false;
    // split/language -> {no candidate, other candidate first, right one first but below the threshold,
    // right one first but ambiguous, must-stay-unmapped mapped}
    std::map<std::string, std::array<std::size_t, 5>> misses;
    std::map<std::string, std::size_t> null_rules, right_rules, low_rules;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--failures") && i + 1 < argc) failures = argv[++i];
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--fields-only")) fields_only = true;
        else if (!std::strcmp(argv[i], "--enum-only")) enum_only = true;
        else if (!std::strcmp(argv[i], "--digest")) digest = true;
        else if (!std::strcmp(argv[i], "--miss-kinds")) miss_kinds = true;
    }

    if (enum_only) {
        enum_figures(runs, digest);
        return 0;
    }
    const test::Corpus corpus = test::load_corpus();
    for (const std::string& error : corpus.errors) std::printf("corpus error: %s\n", error.c_str());
    std::size_t headers = 0, unlabelled = 0;
    Scores ours, rsi, tableflow;
    Digest corpus_digest, corpus_messages;
    for (const test::CorpusExport& file : corpus.exports) {
        const std::vector<Field>& schema = corpus.schemas.at(file.schema);
        const auto sources = test::source_fields(file);
        const MatchResult result = match_fields(sources, test::destination_fields(schema));
        corpus_digest.add(result);
        corpus_messages.add_messages(result);
        std::vector<std::string> predicted, header_list;
        for (const SourceMatch& match : result.sources) predicted.push_back(match.destination_key);
        for (const test::CorpusColumn& column : file.columns) {
            header_list.push_back(column.header);
            ++headers;
            if (!column.label) ++unlabelled;
        }
        add(ours, file, predicted);
        add(rsi, file, test::rsi_match(header_list, schema));
        add(tableflow, file, test::tableflow_match(header_list, schema));
        for (std::size_t i = 0; miss_kinds && i < file.columns.size(); ++i) {
            const std::string label = file.columns[i].label.value_or("");
            const SourceMatch& m = result.sources[i];
            if (predicted[i] == label) {
                if (!label.empty()) {
                    const std::string rule = m.reason.substr(0, m.reason.find(' '));
                    ++right_rules[file.split + " " + rule +
                                  (m.score >= 0.9       ? " >=0.9"
                                       : m.score >= 0.7 ? " 0.7-0.9"
                                       : m.score >= 0.6 ? " 0.6-0.7"
                                                        : " <0.6")];
                }
                continue;
            }
            std::size_t kind = 4;
            if (!label.empty())
                kind = m.candidates.empty()                            ? 0
                    : m.candidates[0].destination_key != label         ? 1
                    : m.candidates[0].score < MatchOptions{}.threshold ? 2
                                                                       : 3;
            ++misses[file.split + " " + file.language][kind];
            // Which rule mapped a must-stay-unmapped column, and how high: the rule's first word only.
            if (kind == 2) {
                const std::string& reason = m.candidates[0].reason;
                const bool contradict = reason.find("values contradict") != std::string::npos;
                ++low_rules[file.split + " " + reason.substr(0, reason.find(' ')) + (contradict ? " (values contradict)" : "")];
            }
            if (kind == 4) {
                const std::string rule = m.reason.substr(0, m.reason.find(' '));
                ++null_rules[file.split + " " + rule + (m.score >= 0.9 ? " >=0.9" : m.score >= 0.7 ? " 0.7-0.9" : " <0.7")];
            }
        }
        if (!failures.empty() && (failures == "all" || failures == file.split)) {
            for (std::size_t i = 0; i < file.columns.size(); ++i) {
                const std::string label = file.columns[i].label.value_or("");
                if (predicted[i] == label) continue;
                const SourceMatch& m = result.sources[i];
                std::printf("  %-24s %-28s want %-20s got %-20s %s\n", file.file.c_str(), file.columns[i].header.c_str(),
                            label.empty() ? "-" : label.c_str(), predicted[i].empty() ? "-" : predicted[i].c_str(),
                            m.candidates.empty() ? "(no candidates)"
                                                 : (m.candidates[0].destination_key + " " +
                                                    std::to_string(m.candidates[0].score).substr(0, 4) + " " +
                                                    m.candidates[0].reason + (m.ambiguous ? " [ambiguous]" : ""))
                                                       .c_str());
                // The assignment may give a column another destination than its first candidate.
                if (!predicted[i].empty() && !m.candidates.empty() && m.candidates[0].destination_key != predicted[i])
                    std::printf("  %-24s %-28s   assigned %s %.2f %s\n", "", "", predicted[i].c_str(), m.score, m.reason.c_str());
            }
        }
    }
    std::printf("Corpus: %zu exports, %zu headers (%zu should stay unmapped)\n", corpus.exports.size(), headers,
                unlabelled);
    std::printf("  P = precision of proposed pairs, R = recall of labelled pairs, null = share of must-stay-unmapped\n"
                "  columns mapped (correct/proposed, labelled; wrongly mapped/must-stay-unmapped)\n");
    print_row("ours", ours);
    print_row("RSI", rsi);
    print_row("TableFlow", tableflow);
    print_languages("evaluation", ours.evaluation_by_language);
    print_languages("tuning", ours.tuning_by_language);
    if (miss_kinds) {
        std::printf(
            "  misses (no candidate / other candidate first / right one first, below threshold / right one "
            "first, ambiguous / must-stay-unmapped mapped):\n");
        for (const auto& [where, counts] : misses)
            std::printf("    %-16s %3zu %3zu %3zu %3zu %3zu\n", where.c_str(), counts[0], counts[1], counts[2], counts[3],
                        counts[4]);
        std::printf("  must-stay-unmapped columns mapped, by rule and score:");
        for (const auto& [rule, count] : null_rules) std::printf(" %s: %zu;", rule.c_str(), count);
        std::printf("\n  right one first but below the threshold, by rule:");
        for (const auto& [rule, count] : low_rules) std::printf(" %s: %zu;", rule.c_str(), count);
        std::printf("\n  right pairs, by rule and score:");
        for (const auto& [rule, count] : right_rules) std::printf(" %s: %zu;", rule.c_str(), count);
        std::printf("\n");
    }
    // Headline figures: the frozen evaluation set (tests/data/matcher/README.md).
    figure("precision", ours.evaluation.precision(), "", 1);
    figure("recall", ours.evaluation.recall(), "", 1);
    figure("fp_null_rate", ours.evaluation.null_mapped_rate(), "", 1);
    figure("tuning_precision", ours.tuning.precision(), "", 1);
    figure("tuning_recall", ours.tuning.recall(), "", 1);
    figure("tuning_fp_null_rate", ours.tuning.null_mapped_rate(), "", 1);
    for (const auto& [language, tally] : ours.evaluation_by_language)
        figure(("recall_" + language).c_str(), tally.recall(), "", 1);
    figure("rsi_rule_precision", rsi.evaluation.precision(), "", 1);
    figure("rsi_rule_recall", rsi.evaluation.recall(), "", 1);
    figure("tableflow_rule_precision", tableflow.evaluation.precision(), "", 1);
    figure("tableflow_rule_recall", tableflow.evaluation.recall(), "", 1);

    const bench::SyntheticFields big = bench::make_synthetic_fields(2000, 2000, 5, 42);
    MatchResult last;
    const Timing field_ms = median_ms(runs, [&] { last = match_fields(big.sources, big.destinations); });
    std::size_t correct = 0, wrong = 0;
    for (std::size_t i = 0; i < big.sources.size(); ++i) {
        if (last.sources[i].destination_key.empty()) continue;
        (last.sources[i].destination_key == big.truth[i] ? correct : wrong) += 1;
    }
    std::printf("Fields: 2000 sources x 2000 destinations, 5 preview values each: median %.1f ms wall, %.1f ms CPU "
                "over %d runs\n",
                field_ms.wall_ms, field_ms.cpu_ms, runs);
    std::printf("  (synthetic set: %zu assigned, %zu right, %zu wrong, %zu of %zu sources have a true destination)\n",
                last.assigned, correct, wrong,
                static_cast<std::size_t>(std::count_if(big.truth.begin(), big.truth.end(),
                                                       [](const std::string& t) { return !t.empty(); })),
                big.truth.size());
    if (digest) {
        Digest big_digest;
        big_digest.add(last);
        std::printf("Digest: corpus %016llx, 2000x2000 %016llx\n", static_cast<unsigned long long>(corpus_digest.hash),
                    static_cast<unsigned long long>(big_digest.hash));
        Digest big_messages;
        big_messages.add_messages(last);
        std::printf("Digest of the reason messages: corpus %016llx, 2000x2000 %016llx\n",
                    static_cast<unsigned long long>(corpus_messages.hash), static_cast<unsigned long long>(big_messages.hash));
    }
    figure("2000x2000_ms", field_ms.wall_ms, "ms", runs);
    figure("2000x2000_cpu_ms", field_ms.cpu_ms, "ms", runs);
    if (fields_only) return 0;

    enum_figures(runs, digest);

    const std::pair<const char*, std::string_view> kinds[] = {
        {"letters", "aBcDeFgHiJkLmNoPqRsTuVwXyZ"}, {"digits", "0123456789"},
        {"cjk", "\xE5\xAE\xA2\xE6\x88\xB7\xE5\x90\x8D\xE7\xA7\xB0"}, {"one long word", "zipcodeemailaddress"},
        {"many words", "customer email address "}};
    for (const auto& [size_name, bytes] : {std::pair<const char*, std::size_t>{"100kb", std::size_t{100} << 10},
                                           {"1mb", std::size_t{1} << 20}, {"10mb", std::size_t{10} << 20}}) {
        double load = 0, rank = 0, match = 0;
        for (const auto& [kind, unit] : kinds) {
            const std::string text = hostile_plan(repeat_to(unit, bytes));
            std::optional<PlanDocument> document;
            load = std::max(load, median_ms(runs, [&] { document = parse_plan_document(text).value; }).wall_ms);
            if (!document) continue;
            const ExecutionPlan& plan = document->plan;
            rank = std::max(rank, median_ms(runs, [&] {
                                      DestinationRanker ranker(plan.unmapped_destinations);
                                      for (const UnmappedField& source : plan.unmapped_sources) ranker.rank(source);
                                  }).wall_ms);
            match = std::max(match, median_ms(runs, [&] { match_plan(plan); }).wall_ms);
        }
        std::printf("Hostile labels of %s (slowest of letters, digits, CJK, one long word, many words): load %.1f ms, "
                    "rank %.1f ms, match %.1f ms (median wall)\n",
                    size_name, load, rank, match);
        figure((std::string("hostile_") + size_name + "_load_ms").c_str(), load, "ms", runs);
        figure((std::string("hostile_") + size_name + "_rank_ms").c_str(), rank, "ms", runs);
        figure((std::string("hostile_") + size_name + "_match_ms").c_str(), match, "ms", runs);
    }
    return 0;
}
