// Every file of the hostile corpus through the parser, a session and the panel: the committed
// files (tests/data/hostile) and the big ones the generator writes into the build tree at test
// time. One line per file goes to test-artifacts/reliability/corpus-<variant>.jsonl for
// docs/RELIABILITY.md (tools/make-reliability-report.mjs).
#include "core/json/problems.h"
#include "corpus_checks.h"
#include "headless_panel.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sys/stat.h>

#ifndef PM_HOSTILE_HUGE_DIR
#error "PM_HOSTILE_HUGE_DIR must name the directory the huge cases are generated into"
#endif
#ifndef PM_RELIABILITY_VARIANT
#define PM_RELIABILITY_VARIANT "unknown"
#endif

namespace pm::test {
namespace {

constexpr const char* kArtifacts = "test-artifacts/reliability";
constexpr std::size_t kBigFile = std::size_t{1} << 20;
#ifdef __EMSCRIPTEN__
constexpr const char* kBuildKind = "wasm";
#else
constexpr const char* kBuildKind = "native";
#endif

std::ofstream open_outcome_log(const std::string& name) {
    // mkdir, not std::filesystem: the same call works natively and under node (NODERAWFS).
    ::mkdir("test-artifacts", 0755);
    ::mkdir(kArtifacts, 0755);
    return std::ofstream(std::string(kArtifacts) + "/" + name + "-" + PM_RELIABILITY_VARIANT + ".jsonl", std::ios::trunc);
}

int ms_between(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
    return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count());
}

ui::PanelStatus status_for(const Parsed<PlanDocument>& parsed) {
    ui::PanelStatus status;
    // What the app shows: the job id from the file (hostile too) and the first problem.
    status.job_id = parsed.value ? parsed.value->job_id : "us_jb_test";
    if (!parsed.problems.empty()) status.message = "The plan could not be read: " + to_string(parsed.problems.front());
    return status;
}

void run_corpus(const std::string& dir, const std::string& log_name, std::size_t at_least) {
    std::string error;
    const std::vector<CorpusCase> cases = load_manifest(dir, error);
    ASSERT_TRUE(error.empty()) << error
                               << "\n(the huge cases are written at test time by the ctest fixture "
                                  "hostile_corpus_generate_huge, or: node tests/reliability/make_hostile_corpus.mjs --huge DIR)";
    ASSERT_GE(cases.size(), at_least) << dir;
    std::ofstream log = open_outcome_log(log_name);
    ASSERT_TRUE(log) << "cannot write " << kArtifacts << " (run from the repository root)";
    // One ImGui context for the small files; a fresh one for each big file, because ImGui keeps
    // the vertex buffers a megabyte-long text made it reserve (ImVector never shrinks), and a
    // wasm heap cannot hold several of those at once.
    auto panel = std::make_unique<HeadlessPanel>();
    std::map<std::string, int> by_outcome;
    for (const CorpusCase& c : cases) {
        SCOPED_TRACE(c.name + ": " + c.description);
        const auto started = std::chrono::steady_clock::now();
        bool read = false;
        const std::string text = read_file(c.file, read);
        ASSERT_TRUE(read) << "cannot read " << c.file;
        Parsed<PlanDocument> parsed;
        CorpusOutcome outcome = check_corpus_case(c, text, parsed);
        const auto checked = std::chrono::steady_clock::now();
        // The panel draws what the app would: the session over the plan, or the error alone.
        std::unique_ptr<Session> session;
        if (parsed.value) session = std::make_unique<Session>(parsed.value->plan);
        const bool big = text.size() > kBigFile;
        const bool skip_draw = !c.draw_known_issue.empty() && c.draw_known_issue_on == kBuildKind;
        if (big && !skip_draw) {
            panel.reset();                     // never two contexts (and their buffers) at once
            panel = std::make_unique<HeadlessPanel>();
        }
        const auto depth = big ? HeadlessPanel::Depth::Brief : HeadlessPanel::Depth::Full;
        const int frames = skip_draw ? 0 : panel->draw(session.get(), status_for(parsed), depth);
        if (skip_draw) std::printf("[ known    ] %s: not drawn on %s: %s\n", c.name.c_str(), kBuildKind, c.draw_known_issue.c_str());
        const auto drawn = std::chrono::steady_clock::now();
        if (c.known_issue.empty()) {
            for (const std::string& failure : outcome.failures) ADD_FAILURE() << failure;
        } else if (outcome.failures.empty()) {
            ADD_FAILURE() << "the known issue no longer shows (remove knownIssue from the generator): " << c.known_issue;
        } else {
            std::printf("[ known    ] %s: %s (%s)\n", c.name.c_str(), c.known_issue.c_str(), outcome.failures.front().c_str());
        }
        ++by_outcome[outcome.outcome];
        const Json line = {{"file", c.name}, {"category", c.category}, {"description", c.description},
                           {"bytes", text.size()}, {"expect", to_string(c.expect)}, {"outcome", outcome.outcome},
                           {"errors", outcome.errors}, {"warnings", outcome.warnings}, {"firstProblem", outcome.first_problem},
                           {"sessionSteps", outcome.session_steps}, {"framesDrawn", frames},
                           {"passed", outcome.failures.empty() && !skip_draw}, {"failures", outcome.failures},
                           {"drawn", !skip_draw},
                           {"knownIssue", skip_draw ? c.draw_known_issue : c.known_issue},
                           {"checkMs", ms_between(started, checked)}, {"drawMs", ms_between(checked, drawn)}};
        log << dump_json(line) << std::endl;  // flushed: after a crash, the next file is the culprit
    }
    std::string summary;
    for (const auto& [name, count] : by_outcome) summary += " " + name + "=" + std::to_string(count);
    std::printf("[ corpus   ] %s: %zu files:%s\n", dir.c_str(), cases.size(), summary.c_str());
}

TEST(HostileCorpus, CommittedFiles) { run_corpus("tests/data/hostile", "corpus", 200); }

TEST(HostileCorpus, HugeFilesGeneratedAtTestTime) { run_corpus(PM_HOSTILE_HUGE_DIR, "corpus-huge", 10); }

}  // namespace
}  // namespace pm::test
