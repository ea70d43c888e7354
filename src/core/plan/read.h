// Internal to pm_core: the plan readers of core/plan/parse.h as templates over the two kinds of
// document value (core/json/document.h), so that text read on the fast path (a tape) and Json
// read on the slow path go through the very same checks and report the very same problems.
// Instantiated in parse.cpp for DomValue and TapeValue.
#pragma once

#include "core/json/document.h"
#include "core/plan/parse.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace pm::detail {

// Where a value sits in its document: a JSON Pointer that is built only when a problem needs
// it (a 10,000-edge plan has some 100,000 places, and usually no problem at all).
class Where {
public:
    explicit Where(const std::string& root) : root_(&root) {}
    Where(const Where& parent, std::string_view name) : parent_(&parent), name_(name) {}
    Where(const Where& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}
    Where(const Where&) = delete;
    Where& operator=(const Where&) = delete;

    std::string str() const {
        if (!parent_) return *root_;
        return is_index_ ? pointer_join(parent_->str(), index_) : pointer_join(parent_->str(), name_);
    }

private:
    const std::string* root_ = nullptr;
    const Where* parent_ = nullptr;
    std::string_view name_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

// `out` must be freshly constructed.
template <class V> bool read_field_at(const V& value, const Where& where, ProblemSink& problems, Field& out);
template <class V> bool read_edge_at(const V& value, const Where& where, ProblemSink& problems, Edge& out);
template <class V>
bool read_unmapped_at(const V& value, const char* member, const Where& where, ProblemSink& problems, UnmappedField& out);
template <class V>
bool read_plan_at(const V& value, const Where& where, bool require_arrays, ProblemSink& problems, ExecutionPlan& out,
                  PlanPositions* positions);
template <class V> bool read_job_at(const V& value, const Where& where, ProblemSink& problems, Job& out);
template <class V>
bool read_job_plan_at(const V& value, const Where& where, ProblemSink& problems, JobPlan& out, PlanPositions* positions);

// "expected a string, got number 42"
template <class V> std::string expected_value(const char* what, const V& got) {
    return std::string("expected ") + what + ", got " + got.describe();
}

// Absent and null are the same for optional members.
template <class V> V optional_value(const V& object, std::string_view name) {
    V value = object.member(name);
    return value && !value.is_null() ? value : V{};
}

}  // namespace pm::detail
