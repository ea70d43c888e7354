// libFuzzer target: any bytes through the plan reader, the session and the writers.
// Oracles beyond "does not crash": what a session writes back must read again without errors,
// and undoing a few edits must restore the plan exactly.
// Build: configure with clang and -DPM_FUZZ=ON, then run
//   fuzz_plan_parse tests/data/fuzz-seeds -dict=tests/core/fuzz_plan_parse.dict
#include "core/api/errors.h"
#include "core/api/http_date.h"
#include "core/json/document.h"
#include "core/plan/insights.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/profile/sheet_profile.h"
#include "core/session/session.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool condition) {
    if (!condition) std::abort();  // libFuzzer reports the input that got here
}

void exercise_session(const pm::ExecutionPlan& plan, std::string_view input) {
    pm::Session session(plan, pm::SessionOptions{!input.empty() && (input[0] & 1)});
    const pm::Json start = pm::write_plan(session.plan());
    const auto& p = session.plan();
    // A few edits chosen from the plan's own keys.
    if (!p.unmapped_sources.empty() && !p.unmapped_destinations.empty())
        session.map(p.unmapped_sources.front().field.key, p.unmapped_destinations.back().field.key);
    if (!p.field_mapping.empty()) {
        const std::string destination = p.field_mapping.front().destination.key;
        session.set_enum_value(destination, pm::Json("x"), pm::Json("y"));
        session.ignore(p.field_mapping.front().source.key);
    }
    if (p.field_mapping.size() >= 2)
        session.swap(p.field_mapping[0].destination.key, p.field_mapping[1].destination.key);
    session.clear_all();
    session.reset_to_server();
    (void)session.enum_gaps();
    (void)session.type_warnings();
    (void)session.changes();
    while (session.can_undo()) session.undo();
    require(pm::write_plan(session.plan()) == start);

    // What we would send must read back cleanly, and the text we send must say what the Json says.
    const pm::Json body_json = pm::put_body(session.plan(), "job", "file");
    const std::string body = pm::put_body_text(session.plan(), "job", "file");
    require(pm::Json::parse(body, nullptr, false) == body_json);
    const auto reread = pm::parse_plan_document(body);
    require(reread.ok());
    require(reread.value->plan.field_mapping.size() == session.plan().field_mapping.size());
}

// The fast path (a tape over the text) and the slow path (Json; a byte order mark sends any
// document there) must read a document the fast path takes the same.
void compare_paths(std::string_view input) {
    const auto fast = pm::parse_plan_document(input);
    const auto slow = pm::parse_plan_document("\xEF\xBB\xBF" + std::string(input));
    require(fast.problems.size() == slow.problems.size());
    for (std::size_t i = 0; i < fast.problems.size(); ++i)
        require(pm::to_string(fast.problems[i]) == pm::to_string(slow.problems[i]));
    require(fast.value.has_value() == slow.value.has_value());
    if (fast.value) require(pm::write_plan(fast.value->plan) == pm::write_plan(slow.value->plan));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto parsed = pm::parse_plan_document(input);
    for (const auto& problem : parsed.problems) (void)pm::to_string(problem);
    if (parsed.value) exercise_session(parsed.value->plan, input);
    if (pm::detail::scan_json(input, pm::JsonLimits{})) compare_paths(input);

    (void)pm::parse_job_plan_response(input);
    (void)pm::parse_job_response(input);
    (void)pm::parse_error_body(input);
    {
        pm::profile::SheetProfile records;  // the same bytes as a page of records
        const pm::profile::PageResult page = records.add_page(input);
        require(page.ok || !page.error.empty());
    }
    (void)pm::parse_http_date_ms(input.substr(0, 64));
    (void)pm::looks_like_number(input.substr(0, 64));
    return 0;
}
