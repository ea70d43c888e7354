// See session_workout.h. Keys are copied before each edit: the plan they come from changes.
#include "session_workout.h"

#include "core/plan/parse.h"
#include "core/plan/write.h"

namespace pm::test {

namespace {

// Keys no plan in the corpus uses (a control character cannot come from the generator's keys).
const std::string kNoSuchKey = std::string("\x01no such key");

struct Workout {
    Session& session;
    WorkoutResult result;
    std::size_t sources = 0, destinations = 0;

    void fail(std::string what) { result.failures.push_back(std::move(what)); }

    // Every field stays exactly once, mapped or not: the counts never move.
    void after(const Change& change, const char* what) {
        if (!change.refused.empty() && !change.empty()) fail(std::string(what) + ": refused but changed something");
        const SessionCounts counts = session.counts();
        if (counts.sources() != sources || counts.destinations() != destinations)
            fail(std::string(what) + ": a field was lost or invented (sources " + std::to_string(counts.sources()) + " of " +
                 std::to_string(sources) + ", destinations " + std::to_string(counts.destinations()) + " of " +
                 std::to_string(destinations) + ")");
    }

    void refusals() {
        const Change a = session.map(kNoSuchKey, kNoSuchKey);
        if (a.refused.empty()) fail("map() of unknown keys was not refused");
        after(a, "map(unknown)");
        after(session.unmap(kNoSuchKey), "unmap(unknown)");
        after(session.ignore(kNoSuchKey), "ignore(unknown)");
        after(session.set_enum_value(kNoSuchKey, Json("x"), Json("y")), "set_enum_value(unknown)");
    }

    void edits() {
        const ExecutionPlan& p = session.plan();
        if (!p.unmapped_sources.empty() && !p.unmapped_destinations.empty()) {
            const std::string s = p.unmapped_sources.front().field.key, d = p.unmapped_destinations.back().field.key;
            after(session.map(s, d), "map");
        }
        if (!p.field_mapping.empty()) {
            const std::string d = p.field_mapping.front().destination.key;
            after(session.unmap(d), "unmap");
        }
        if (!p.unmapped_sources.empty()) {
            const std::string s = p.unmapped_sources.back().field.key;
            after(session.ignore(s), "ignore");
            after(session.unignore(s), "unignore");
        }
        if (p.field_mapping.size() >= 2) {
            const std::string a = p.field_mapping[0].destination.key, b = p.field_mapping[1].destination.key;
            after(session.swap(a, b), "swap");
        }
        enum_edits();
        if (!p.unmapped_sources.empty() && !p.unmapped_destinations.empty()) {
            Suggestion suggestion{p.unmapped_sources.front().field.key, p.unmapped_destinations.front().field.key,
                                  Json{{"certainty", "weak"}, {"confidence", 0.1}}, Json()};
            after(session.accept(suggestion), "accept");
        }
        after(session.clear_all(), "clear_all");
        after(session.reset_to_server(), "reset_to_server");
    }

    // The first enum edge: one source value mapped to its first option, then unmapped again.
    void enum_edits() {
        for (const Edge& edge : session.plan().field_mapping) {
            if (edge.destination.enum_options.empty()) continue;
            const std::string d = edge.destination.key;
            const Json option = edge.destination.enum_options.front().value;
            after(session.set_enum_value(d, Json("hostile value"), option), "set_enum_value");
            after(session.set_enum_value(d, Json("hostile value"), std::nullopt), "set_enum_value(remove)");
            return;
        }
    }

    // Derived views must not trip on anything the plan holds.
    void derived() {
        (void)session.required_unmapped();
        (void)session.enum_gaps();
        (void)session.type_warnings();
        (void)session.changes();
    }
};

}  // namespace

WorkoutResult work_session(Session& session) {
    Workout w{session, {}, session.counts().sources(), session.counts().destinations()};
    const ExecutionPlan start = session.plan();
    w.refusals();
    w.edits();
    w.derived();
    w.result.steps = session.undo_depth();
    // Bounded: each undo removes one step, so depth + 1 iterations always suffice.
    for (std::size_t i = 0, n = session.undo_depth() + 1; i < n && session.can_undo(); ++i) w.after(session.undo(), "undo");
    if (session.can_undo()) w.fail("undo did not empty the history");
    if (!same_written(session.plan(), start)) w.fail("undoing every edit did not restore the plan");
    if (session.can_redo()) {
        w.after(session.redo(), "redo");
        w.after(session.undo(), "undo after redo");
        if (!same_written(session.plan(), start)) w.fail("redo + undo did not restore the plan");
    }
    return w.result;
}

}  // namespace pm::test
