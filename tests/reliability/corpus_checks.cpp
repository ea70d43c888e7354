// See corpus_checks.h. The oracles, in order: the problem list (shape, pointers, bound), the
// manifest's expectation, the lossless round trip of a clean plan, a session workout, and the
// PUT body (reads back cleanly; carried members and big numbers unchanged).
#include "corpus_checks.h"

#include "core/json/parse.h"
#include "core/plan/write.h"
#include "core/profile/sheet_profile.h"
#include "session_workout.h"

#include <algorithm>

namespace pm::test {

bool pointer_syntax_ok(const std::string& pointer) {
    if (pointer.empty()) return true;
    if (pointer.front() != '/') return false;
    for (std::size_t i = 0; i < pointer.size(); ++i)
        if (pointer[i] == '~' && (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))) return false;
    return true;
}

namespace {

constexpr std::size_t kDomLimit = std::size_t{4} << 20;

std::string unescape_token(const std::string& token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

bool is_index(const std::string& token) {
    return !token.empty() && token.size() < 10 && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string parent_of(const std::string& pointer) { return pointer.substr(0, pointer.rfind('/')); }

std::size_t depth_of(const std::string& pointer) { return static_cast<std::size_t>(std::count(pointer.begin(), pointer.end(), '/')); }

bool is_ancestor(const std::string& ancestor, const std::string& pointer) {
    return pointer.size() > ancestor.size() && pointer.compare(0, ancestor.size(), ancestor) == 0 && pointer[ancestor.size()] == '/';
}

// A problem "at" `wanted`: exactly there, one level above (a reader may name the element that
// holds a bad member), or anywhere below it.
bool near(const std::string& problem, const std::string& wanted) {
    if (problem == wanted || is_ancestor(wanted, problem)) return true;
    return is_ancestor(problem, wanted) && depth_of(problem) + 1 >= depth_of(wanted);
}

std::string shorten(std::string text, std::size_t max) {
    if (text.size() > max) text.resize(max);
    return text;
}

// Where the plan object sits in the input document, by its shape.
std::string plan_pointer(PlanDocumentKind kind) {
    switch (kind) {
        case PlanDocumentKind::JobPlanResponse: return "/data/plan";
        case PlanDocumentKind::JobPlan: return "/plan";
        default: return "";
    }
}

void check_problems(const CorpusCase& c, const Problems& problems, const Json* document, CorpusOutcome& out) {
    const std::size_t bound = c.max_problems ? c.max_problems : ProblemSink::kDefaultLimit + 1;
    if (problems.size() > bound)
        out.failures.push_back(std::to_string(problems.size()) + " problems, more than the bound " + std::to_string(bound));
    for (const Problem& p : problems) {
        if (p.message.empty()) out.failures.push_back("a problem without a message at \"" + p.pointer + "\"");
        if (!pointer_syntax_ok(p.pointer)) out.failures.push_back("a malformed pointer: \"" + shorten(p.pointer, 80) + "\"");
        // A pointer names the member that is wrong, or a missing one inside an existing object.
        else if (document && !resolve_pointer(*document, p.pointer) && !resolve_pointer(*document, parent_of(p.pointer)))
            out.failures.push_back("a pointer into nothing: " + shorten(to_string(p), 160));
    }
}

void check_expectation(const CorpusCase& c, const Parsed<PlanDocument>& parsed, CorpusOutcome& out) {
    const bool value = parsed.value.has_value();
    const bool has_problem = !parsed.problems.empty();
    bool met = false;
    switch (c.expect) {
        case Expect::Rejected: met = !value && out.errors > 0; break;
        case Expect::Problems: met = has_problem; break;
        case Expect::Warned: met = value && out.errors == 0 && out.warnings > 0; break;
        case Expect::Usable: met = value && out.errors == 0; break;
    }
    if (!met)
        out.failures.push_back(std::string("expected ") + to_string(c.expect) + ", got " + out.outcome +
                               (out.first_problem.empty() ? "" : " (" + out.first_problem + ")"));
    if (c.pointer && has_problem &&
        std::none_of(parsed.problems.begin(), parsed.problems.end(), [&](const Problem& p) { return near(p.pointer, *c.pointer); }))
        out.failures.push_back("no problem at or next to \"" + *c.pointer + "\" (first: " + out.first_problem + ")");
}

// A plan read without errors writes back the arrays it was read from, member for member.
void check_round_trip(const PlanDocument& doc, const Json& document, CorpusOutcome& out) {
    const Json* plan = resolve_pointer(document, plan_pointer(doc.kind));
    if (!plan) return;
    const Json written = write_plan(doc.plan);
    for (const char* name : {"fieldMapping", "unmappedSourceFields", "unmappedDestinationFields"}) {
        const auto in = plan->find(name);
        if (in != plan->end() && written.find(name) != written.end() && written[name] != *in)
            out.failures.push_back(std::string("write_plan changed ") + name + " of a plan read without errors");
    }
}

void check_put_body(const CorpusCase& c, const Session& session, const PlanDocument& doc, CorpusOutcome& out) {
    const std::string body = put_body_text(session.plan(), doc.job_id.empty() ? "us_jb_x" : doc.job_id, doc.file_id);
    const auto reread = parse_plan_document(body);
    if (!reread.ok() || reread.value->plan.field_mapping.size() != session.plan().field_mapping.size())
        out.failures.push_back("the PUT body does not read back as a clean plan: " +
                               (reread.problems.empty() ? std::string("?") : shorten(to_string(reread.problems.front()), 160)));
    if (!c.kept_text.empty() && body.find(c.kept_text) == std::string::npos)
        out.failures.push_back("the PUT body lost the literal " + c.kept_text);
    if (c.kept_pointer) {
        ProblemSink ignored(0);
        Json sent;
        parse_json_text(body, sent, ignored);
        const Json* at = resolve_pointer(sent, *c.kept_pointer);
        if (c.kept_value ? (!at || *at != *c.kept_value) : at != nullptr)
            out.failures.push_back("the PUT body changed " + *c.kept_pointer + ": " + (at ? shorten(dump_json(*at), 80) : "absent"));
    }
}

}  // namespace

const Json* resolve_pointer(const Json& document, const std::string& pointer) {
    if (!pointer_syntax_ok(pointer)) return nullptr;
    const Json* at = &document;
    std::size_t start = 1;
    while (start <= pointer.size() && !pointer.empty()) {
        const std::size_t end = std::min(pointer.find('/', start), pointer.size());
        const std::string token = unescape_token(pointer.substr(start, end - start));
        if (at->is_object()) {
            const auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array() && is_index(token) && std::stoul(token) < at->size()) {
            at = &(*at)[std::stoul(token)];
        } else {
            return nullptr;
        }
        start = end + 1;
    }
    return at;
}

CorpusOutcome check_corpus_case(const CorpusCase& c, const std::string& text, Parsed<PlanDocument>& parsed) {
    CorpusOutcome out;
    parsed = parse_plan_document(text);
    out.errors = count_errors(parsed.problems);
    out.warnings = parsed.problems.size() - out.errors;
    if (!parsed.problems.empty()) out.first_problem = shorten(to_string(parsed.problems.front()), 200);
    out.outcome = !parsed.value ? "rejected" : out.errors ? "partial" : out.warnings ? "usable-with-warnings" : "usable";

    // The document as plain JSON, when it is JSON at all, to see where the pointers lead. Not for
    // the multi-megabyte cases: their problems sit at "" or in the first elements, which the small
    // corpus checks the same way, and a DOM of them would double the test's time.
    ProblemSink ignored(0);
    Json document;
    const bool json = text.size() <= kDomLimit && parse_json_text(text, document, ignored);
    check_problems(c, parsed.problems, json ? &document : nullptr, out);
    // The same bytes as a page of records (core/profile): read, or refused with a message.
    profile::SheetProfile records;
    const profile::PageResult page = records.add_page(text);
    if (!page.ok && page.error.empty()) out.failures.push_back("the records reader refused the file without saying why");
    check_expectation(c, parsed, out);
    if (!parsed.value) return out;
    if (json && out.errors == 0) check_round_trip(*parsed.value, document, out);

    Session session(parsed.value->plan);
    const WorkoutResult workout = work_session(session);
    out.session_steps = workout.steps;
    out.failures.insert(out.failures.end(), workout.failures.begin(), workout.failures.end());
    if (out.errors == 0) check_put_body(c, session, *parsed.value, out);
    return out;
}

}  // namespace pm::test
