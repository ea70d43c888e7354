// Timing helpers for the benchmark programs: the median of several runs, printed as one JSON
// line per figure ({"name","value","unit","runs"}) that tools/bench collects into its table.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace pm::bench {

// Runs `work` `runs` times and returns the median wall time in milliseconds.
inline double median_ms(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

inline void report(const std::string& name, double value, const char* unit, int runs) {
    std::printf("{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"runs\":%d}\n", name.c_str(), value, unit, runs);
    std::fflush(stdout);
}

// Keeps the optimiser from dropping a computation whose result is otherwise unused.
template <class T>
inline void keep(const T& value) {
    static const void* volatile sink;  // the pointer itself is volatile: every store happens
    sink = &value;
}

}  // namespace pm::bench
