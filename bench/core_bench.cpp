// Core figures: a plan of 10,000 edges with 5 previews each: parse the GET-plan response, build
// the session, serialise the PUT body (the text that goes on the wire, put_body_text); and a
// mapping edit on that session. The same for an enum-heavy plan (every destination an enum with
// 12 options, every edge with enumDetails), and the derived state the UI recomputes per edit.
//
// core.session_10k_edges builds the session from a copy of the parsed plan (the copy is part of
// the figure); core.parse_session_put_10k_edges moves the parsed plan into the session, as the
// app does.
#include "bench_util.h"
#include "core/json/problems.h"
#include "core/plan/documents.h"
#include "core/plan/write.h"
#include "core/session/session.h"
#include "support/synthetic_plan.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace {

using pm::Json;

// Every destination an enum with 12 options (labels, alternative names), every edge with
// enumDetails: 5 value pairs, 2 unused source values, 3 unused destination values.
Json enum_heavy(Json plan) {
    Json options = Json::array();
    for (int o = 0; o < 12; ++o)
        options.push_back({{"value", "opt_" + std::to_string(o)},
                           {"label", "Option " + std::to_string(o)},
                           {"alternativeNames", Json::array({"o" + std::to_string(o), "Opt" + std::to_string(o)})}});
    for (Json& edge : plan["fieldMapping"]) {
        Json& destination = edge["destinationField"];
        destination["type"] = "enum";
        destination["config"] = {{"options", options}};
        Json mapping = Json::array();
        for (int m = 0; m < 5; ++m)
            mapping.push_back({{"sourceValue", "Value " + std::to_string(m)}, {"destinationValue", "opt_" + std::to_string(m)}});
        edge["enumDetails"] = {{"mapping", mapping},
                               {"unusedSourceValues", Json::array({"Other", "n/a"})},
                               {"unusedDestinationValues", Json::array({"opt_9", "opt_10", "opt_11"})}};
    }
    return plan;
}

std::string response_text(const Json& plan) {
    Json response;
    response["data"]["job"] = {{"id", "us_jb_bench"}, {"fileId", "us_fl_bench"}};
    response["data"]["plan"] = plan;
    return pm::dump_json(response);
}

}  // namespace

int main() {
    using namespace pm;
    test::SyntheticShape shape;
    shape.edges = 10000;
    shape.previews = 5;
    shape.unmapped_sources = 100;
    shape.unmapped_destinations = 100;
    const Json plan_json = test::make_synthetic_plan_json(shape);
    const std::string text = response_text(plan_json);
    // 25: on a shared 2-core VM the median of 9 moved between 22 and 33 ms from one invocation to the next.
    const int runs = 25;

    std::optional<JobPlan> parsed;
    bench::report("core.parse_10k_edges", bench::median_ms(runs, [&] { parsed = parse_job_plan_response(text).value; }), "ms", runs);
    std::unique_ptr<Session> session;
    bench::report("core.session_10k_edges", bench::median_ms(runs, [&] { session = std::make_unique<Session>(parsed->plan); }), "ms", runs);
    std::string body;
    bench::report("core.put_body_10k_edges",
                  bench::median_ms(runs, [&] { body = put_body_text(session->plan(), "us_jb_bench", "us_fl_bench"); }), "ms",
                  runs);
    bench::report("core.parse_session_put_10k_edges", bench::median_ms(runs, [&] {
        auto p = parse_job_plan_response(text);
        Session s(std::move(p.value->plan));
        bench::keep(put_body_text(s.plan(), "us_jb_bench", "us_fl_bench"));
    }), "ms", runs);
    bench::report("core.map_edit_10k_edges", bench::median_ms(runs, [&] {
        session->map("src_10000", "dst_5000");
        session->undo();
    }), "ms", runs);
    bench::report("core.put_body_10k_edges_size", static_cast<double>(body.size()) / 1e6, "MB", 1);

    // What the UI recomputes after an edit (cached by revision): the diff against the server plan.
    session->map("src_10000", "dst_5000");
    bench::report("core.changes_10k_edges", bench::median_ms(runs, [&] { bench::keep(session->changes()); }), "ms", runs);
    session->undo();

    const std::string enum_text = response_text(enum_heavy(plan_json));
    bench::report("core.parse_10k_enum_edges", bench::median_ms(runs, [&] { parsed = parse_job_plan_response(enum_text).value; }),
                  "ms", runs);
    bench::report("core.parse_session_put_10k_enum_edges", bench::median_ms(runs, [&] {
        auto p = parse_job_plan_response(enum_text);
        Session s(std::move(p.value->plan));
        bench::keep(put_body_text(s.plan(), "us_jb_bench", "us_fl_bench"));
    }), "ms", runs);
    session = std::make_unique<Session>(parsed->plan);
    bench::report("core.enum_edit_10k_enum_edges", bench::median_ms(runs, [&] {
        session->set_enum_value("dst_5000", Json("Other"), Json("opt_9"));
        session->undo();
    }), "ms", runs);
    bench::report("core.enum_text_10k_enum_edges_size", static_cast<double>(enum_text.size()) / 1e6, "MB", 1);

    return 0;
}
