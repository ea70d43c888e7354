// Core figures: a plan of 10,000 edges with 5 previews each: parse the GET-plan response, build
// the session, serialise the PUT body; and a mapping edit on that session.
#include "bench_util.h"
#include "core/json_problems.h"
#include "core/plan_parse.h"
#include "core/plan_write.h"
#include "core/session.h"
#include "core/synthetic_plan.h"

int main() {
    using namespace pm;
    test::SyntheticShape shape;
    shape.edges = 10000;
    shape.previews = 5;
    shape.unmapped_sources = 100;
    shape.unmapped_destinations = 100;
    Json response;
    response["data"]["job"] = {{"id", "us_jb_bench"}, {"fileId", "us_fl_bench"}};
    response["data"]["plan"] = test::make_synthetic_plan_json(shape);
    const std::string text = dump_json(response);
    const int runs = 9;

    std::optional<JobPlan> parsed;
    bench::report("core.parse_10k_edges", bench::median_ms(runs, [&] { parsed = parse_job_plan_response(text).value; }), "ms", runs);
    std::unique_ptr<Session> session;
    bench::report("core.session_10k_edges", bench::median_ms(runs, [&] { session = std::make_unique<Session>(parsed->plan); }), "ms", runs);
    std::string body;
    bench::report("core.put_body_10k_edges",
                  bench::median_ms(runs, [&] { body = dump_json(put_body(session->plan(), "us_jb_bench", "us_fl_bench")); }),
                  "ms", runs);
    bench::report("core.parse_session_put_10k_edges", bench::median_ms(runs, [&] {
        auto p = parse_job_plan_response(text);
        Session s(p.value->plan);
        bench::keep(dump_json(put_body(s.plan(), "us_jb_bench", "us_fl_bench")));
    }), "ms", runs);
    bench::report("core.map_edit_10k_edges", bench::median_ms(runs, [&] {
        session->map("src_10000", "dst_5000");
        session->undo();
    }), "ms", runs);
    bench::report("core.put_body_10k_edges_size", static_cast<double>(body.size()) / 1e6, "MB", 1);
    return 0;
}
