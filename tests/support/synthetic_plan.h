// Generated plans of any size, for tests and benchmarks (header-only, test-side).
// Deterministic: the same arguments give the same plan. Every 7th destination is an enum with
// three options, every 5th is required, every 11th a number; keys are src_<i> and dst_<i>.
#pragma once

#include "core/plan/model.h"
#include "core/plan/parse.h"

#include <cstddef>
#include <string>

namespace pm::test {

struct SyntheticShape {
    std::size_t edges = 100;
    std::size_t previews = 3;                  // preview values per field
    std::size_t unmapped_sources = 10;
    std::size_t unmapped_destinations = 10;
    bool unknown_members = false;              // sprinkle members the model does not know
};

inline Json synthetic_field(const std::string& key, std::size_t i, bool destination, bool unknown_members) {
    Json field = {{"key", key}, {"label", "Field " + std::to_string(i)}};
    if (destination && i % 7 == 3) {
        field["type"] = "enum";
        field["config"] = {{"options", Json::array({{{"value", "a"}, {"label", "A"}},
                                                    {{"value", "b"}, {"label", "B"}},
                                                    {{"value", 3}, {"label", "Three"}}})}};
    } else if (destination && i % 11 == 5) {
        field["type"] = "number";
    } else {
        field["type"] = "string";
    }
    if (destination && i % 5 == 0) field["constraints"] = Json::array({{{"type", "required"}}});
    if (unknown_members) field["x-future"] = {{"depth", {{"kept", i}}}};
    return field;
}

inline Json synthetic_preview(std::size_t i, std::size_t count) {
    Json preview = Json::array();
    for (std::size_t p = 0; p < count; ++p) preview.push_back("v" + std::to_string(i) + "_" + std::to_string(p));
    return preview;
}

// The plan as JSON (the value of data.plan in a GET-plan response).
inline Json make_synthetic_plan_json(const SyntheticShape& shape) {
    Json plan = {{"fieldMapping", Json::array()},
                 {"unmappedSourceFields", Json::array()},
                 {"unmappedDestinationFields", Json::array()}};
    std::size_t s = 0, d = 0;
    for (std::size_t i = 0; i < shape.edges; ++i, ++s, ++d) {
        Json edge = {{"sourceField", synthetic_field("src_" + std::to_string(s), s, false, shape.unknown_members)},
                     {"destinationField", synthetic_field("dst_" + std::to_string(d), d, true, shape.unknown_members)},
                     {"preview", synthetic_preview(s, shape.previews)},
                     {"metadata", {{"certainty", i % 2 ? "strong" : "absolute"}, {"confidence", i % 2 ? 0.9 : 1.0}}}};
        if (shape.unknown_members) edge["x-edge-extra"] = Json::array({1, "two", nullptr});
        plan["fieldMapping"].push_back(std::move(edge));
    }
    for (std::size_t i = 0; i < shape.unmapped_sources; ++i, ++s)
        plan["unmappedSourceFields"].push_back(
            {{"sourceField", synthetic_field("src_" + std::to_string(s), s, false, shape.unknown_members)},
             {"preview", synthetic_preview(s, shape.previews)}});
    for (std::size_t i = 0; i < shape.unmapped_destinations; ++i, ++d)
        plan["unmappedDestinationFields"].push_back(
            {{"destinationField", synthetic_field("dst_" + std::to_string(d), d, true, shape.unknown_members)}});
    if (shape.unknown_members) plan["x-plan-extra"] = {{"nested", Json::array({Json::object()})}};
    return plan;
}

inline ExecutionPlan make_synthetic_plan(const SyntheticShape& shape) {
    ProblemSink ignored;
    ExecutionPlan plan;
    read_plan(make_synthetic_plan_json(shape), "", true, ignored, plan);
    return plan;
}

// The common case of the brief: `edges` mapped pairs with `previews` values each.
inline ExecutionPlan make_synthetic_plan(std::size_t edges, std::size_t previews) {
    SyntheticShape shape;
    shape.edges = edges;
    shape.previews = previews;
    return make_synthetic_plan(shape);
}

}  // namespace pm::test
