// pm_matcher_web_bench: the matcher's side of tools/bench-matcher-web.mjs, which runs the same
// 2,000 x 2,000 input through our wasm matcher and through react-spreadsheet-import's rule written
// in JavaScript, in one headless Chromium. Two exports (C ABI, JSON text out, freed by the caller):
//   pm_bench_input(destinations, sources, previews, seed): makes the synthetic input
//     (synthetic_fields.h, as pm_matcher_bench does) and returns it with its truth:
//     {"sources":[{"key","label","preview"}],"destinations":[{"key","label","alternates"}],"truth":[key|""]}
//   pm_bench_match(): match_fields on that input, timed here (only the call):
//     {"ms": wall time, "predicted": [key|"" per source]}
#include "core/json/value.h"
#include "matcher/field_matcher.h"
#include "synthetic_fields.h"

#include <emscripten.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

pm::match::bench::SyntheticFields g_input;

char* to_heap(const std::string& text) {
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE char* pm_bench_input(int destinations, int sources, int previews, int seed) {
    g_input = pm::match::bench::make_synthetic_fields(static_cast<std::size_t>(destinations), static_cast<std::size_t>(sources),
                                                      static_cast<std::size_t>(previews), static_cast<std::uint64_t>(seed));
    pm::Json out = {{"sources", pm::Json::array()}, {"destinations", pm::Json::array()}, {"truth", g_input.truth}};
    for (const pm::UnmappedField& source : g_input.sources)
        out["sources"].push_back({{"key", source.field.key}, {"label", source.field.label}, {"preview", source.preview}});
    for (const pm::UnmappedField& destination : g_input.destinations)
        out["destinations"].push_back({{"key", destination.field.key},
                                       {"label", destination.field.label},
                                       {"alternates", destination.field.alternative_names}});
    return to_heap(out.dump());
}

EMSCRIPTEN_KEEPALIVE char* pm_bench_match() {
    const double started = emscripten_get_now();
    const pm::match::MatchResult result = pm::match::match_fields(g_input.sources, g_input.destinations);
    const double ms = emscripten_get_now() - started;
    pm::Json predicted = pm::Json::array();
    for (const pm::match::SourceMatch& match : result.sources) predicted.push_back(match.destination_key);
    return to_heap(pm::Json{{"ms", ms}, {"predicted", std::move(predicted)}}.dump());
}

}  // extern "C"
