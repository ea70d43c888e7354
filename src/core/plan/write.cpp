// Writers and raw-object builders; see write.h.
#include "core/plan/write.h"

#include "core/json/document.h"
#include "core/plan/parse.h"

#include <algorithm>
#include <string_view>

namespace pm {

namespace {

const char* const kSourceField = "sourceField";
const char* const kDestinationField = "destinationField";

Json array_of_edges(const ExecutionPlan& plan) {
    Json out = Json::array();
    auto& items = out.get_ref<Json::array_t&>();
    items.reserve(plan.field_mapping.size());
    for (const auto& edge : plan.field_mapping) items.push_back(write_edge(edge));
    return out;
}

Json array_of_unmapped(const std::vector<UnmappedField>& list, const char* member) {
    Json out = Json::array();
    auto& items = out.get_ref<Json::array_t&>();
    items.reserve(list.size());
    for (const auto& entry : list) items.push_back(write_unmapped(entry, member));
    return out;
}

void write_program_id(const ExecutionPlan& plan, Json& out) {
    if (plan.program_id) out["programId"] = *plan.program_id;
    // A program id that was read but has since been cleared is removed; anything else in raw
    // (e.g. an explicit null) stays as it came.
    else if (out.is_object() && out.contains("programId") && out["programId"].is_string()) out.erase("programId");
}

// The plan object without its three arrays, as write_plan makes it.
Json plan_members(const ExecutionPlan& plan) {
    Json out = plan.raw.is_object() ? plan.raw.to_json() : Json::object();
    out.erase("fieldMapping");
    out.erase("unmappedSourceFields");
    out.erase("unmappedDestinationFields");
    write_program_id(plan, out);
    return out;
}

// Text writers. Each element is written from its raw value when that is an object (as the Json
// writers do), else from what the model knows.
class TextWriter {
public:
    explicit TextWriter(std::string& out) : out_(out) {}

    void open() { out_ += '{'; }
    void close() { out_ += '}'; }
    void name(std::string_view key) {
        if (!first_) out_ += ',';
        first_ = false;
        detail::write_json_string(key, out_);
        out_ += ':';
    }
    void value(const Json& value) { detail::write_json(value, out_); }
    // A raw value: read from text, it is copied as it came (numbers keep their text).
    void raw(const JsonRef& value) { value.write(out_); }
    void edges(const std::vector<Edge>& list) {
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i) out_ += ',';
            if (list[i].raw.is_object()) list[i].raw.write(out_);
            else detail::write_json(write_edge(list[i]), out_);
        }
        out_ += ']';
    }
    void unmapped(const std::vector<UnmappedField>& list, const char* member) {
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i) out_ += ',';
            if (list[i].raw.is_object()) list[i].raw.write(out_);
            else detail::write_json(write_unmapped(list[i], member), out_);
        }
        out_ += ']';
    }
    // Members of the object `object` except those named in `skip`, as raw values.
    void members(const JsonRef& object, std::initializer_list<std::string_view> skip) {
        detail::visit(object, [&](const auto& value) {
            if (!value.is_object()) return;
            value.members([&](std::string_view key, const auto& member) {
                if (std::find(skip.begin(), skip.end(), key) != skip.end()) return;
                name(key);
                raw(member.ref());
            });
        });
    }

private:
    std::string& out_;
    bool first_ = true;
};

// Enough room for the text of every raw read from a document, so the string grows once.
std::size_t text_size_hint(const ExecutionPlan& plan) {
    std::size_t size = 256;
    auto add = [&](const JsonRef& raw) {
        const auto& doc = detail::JsonRefAccess::doc(raw);
        if (doc && doc->is_tape) {
            const auto& e = doc->tape[detail::JsonRefAccess::node(raw)];
            size += e.end - e.begin + 1;
        } else {
            size += 256;
        }
    };
    for (const auto& edge : plan.field_mapping) add(edge.raw);
    for (const auto& entry : plan.unmapped_sources) add(entry.raw);
    for (const auto& entry : plan.unmapped_destinations) add(entry.raw);
    return size;
}

// The plan's own members (unknown ones, programId as the model has it now: see write_program_id)
// but those in `skip`, then the three arrays.
void write_plan_into(TextWriter& writer, const ExecutionPlan& plan, std::initializer_list<std::string_view> skip = {}) {
    bool program_id_written = false;
    detail::visit(plan.raw, [&](const auto& raw) {
        if (!raw.is_object()) return;
        raw.members([&](std::string_view name, const auto& member) {
            if (std::find(skip.begin(), skip.end(), name) != skip.end()) return;
            if (name == "fieldMapping" || name == "unmappedSourceFields" || name == "unmappedDestinationFields") return;
            if (name == "programId" && plan.program_id) {
                writer.name(name);
                writer.value(*plan.program_id);
                program_id_written = true;
                return;
            }
            if (name == "programId" && member.is_string()) return;   // read, then cleared
            writer.name(name);
            writer.raw(member.ref());
        });
    });
    if (plan.program_id && !program_id_written) {
        writer.name("programId");
        writer.value(*plan.program_id);
    }
    writer.name("fieldMapping");
    writer.edges(plan.field_mapping);
    writer.name("unmappedSourceFields");
    writer.unmapped(plan.unmapped_sources, kSourceField);
    writer.name("unmappedDestinationFields");
    writer.unmapped(plan.unmapped_destinations, kDestinationField);
}

template <class T, class Same>
bool same_lists(const std::vector<T>& a, const std::vector<T>& b, Same same) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}

}  // namespace

Json write_edge(const Edge& edge) {
    if (edge.raw.is_object()) return edge.raw.to_json();
    // Edges built in code without a raw object: write what the model knows.
    Json out = Json::object();
    out["sourceField"] = edge.source.raw.to_json();
    out["destinationField"] = edge.destination.raw.to_json();
    if (!edge.preview.empty()) out["preview"] = edge.preview;
    return out;
}

Json write_unmapped(const UnmappedField& entry, const char* member) {
    if (entry.raw.is_object()) return entry.raw.to_json();
    Json out = Json::object();
    out[member] = entry.field.raw.to_json();
    if (!entry.preview.empty()) out["preview"] = entry.preview;
    return out;
}

Json write_plan(const ExecutionPlan& plan) {
    Json out = plan.raw.is_object() ? plan.raw.to_json() : Json::object();
    out["fieldMapping"] = array_of_edges(plan);
    out["unmappedSourceFields"] = array_of_unmapped(plan.unmapped_sources, kSourceField);
    out["unmappedDestinationFields"] = array_of_unmapped(plan.unmapped_destinations, kDestinationField);
    write_program_id(plan, out);
    return out;
}

Json write_job_plan_response(const JobPlan& job_plan) {
    Json data = job_plan.raw_data.is_object() ? job_plan.raw_data.to_json() : Json::object();
    data["job"] = job_plan.job.raw.is_object() ? job_plan.job.raw.to_json() : Json::object();
    data["plan"] = write_plan(job_plan.plan);
    Json out = Json::object();
    out["data"] = std::move(data);
    return out;
}

Json put_body(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id) {
    Json out = write_plan(plan);
    out["jobId"] = job_id;
    out["fileId"] = file_id;
    return out;
}

Json patch_body(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id, PatchParts parts) {
    Json out = Json::object();
    out["jobId"] = job_id;
    out["fileId"] = file_id;
    if (parts.field_mapping) out["fieldMapping"] = array_of_edges(plan);
    if (parts.unmapped_sources) out["unmappedSourceFields"] = array_of_unmapped(plan.unmapped_sources, kSourceField);
    if (parts.unmapped_destinations)
        out["unmappedDestinationFields"] = array_of_unmapped(plan.unmapped_destinations, kDestinationField);
    if (parts.program_id && plan.program_id) out["programId"] = *plan.program_id;
    return out;
}

std::string write_plan_text(const ExecutionPlan& plan) {
    std::string out;
    out.reserve(text_size_hint(plan));
    TextWriter writer(out);
    writer.open();
    write_plan_into(writer, plan);
    writer.close();
    return out;
}

std::string write_job_plan_response_text(const JobPlan& job_plan) {
    std::string out;
    out.reserve(text_size_hint(job_plan.plan) + 64);
    TextWriter envelope(out);
    envelope.open();
    envelope.name("data");
    TextWriter data(out);
    data.open();
    data.members(job_plan.raw_data, {"job", "plan"});
    data.name("job");
    if (job_plan.job.raw.is_object()) data.raw(job_plan.job.raw);
    else data.value(Json::object());
    data.name("plan");
    TextWriter plan(out);
    plan.open();
    write_plan_into(plan, job_plan.plan);
    plan.close();
    data.close();
    envelope.close();
    return out;
}

std::string put_body_text(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id) {
    std::string out;
    out.reserve(text_size_hint(plan));
    TextWriter writer(out);
    writer.open();
    write_plan_into(writer, plan, {"jobId", "fileId"});
    writer.name("jobId");
    writer.value(job_id);
    writer.name("fileId");
    writer.value(file_id);
    writer.close();
    return out;
}

std::string patch_body_text(const ExecutionPlan& plan, const std::string& job_id, const std::string& file_id,
                            PatchParts parts) {
    std::string out;
    out.reserve(parts.field_mapping || parts.unmapped_sources || parts.unmapped_destinations ? text_size_hint(plan) : 256);
    TextWriter writer(out);
    writer.open();
    writer.name("jobId");
    writer.value(job_id);
    writer.name("fileId");
    writer.value(file_id);
    if (parts.field_mapping) {
        writer.name("fieldMapping");
        writer.edges(plan.field_mapping);
    }
    if (parts.unmapped_sources) {
        writer.name("unmappedSourceFields");
        writer.unmapped(plan.unmapped_sources, kSourceField);
    }
    if (parts.unmapped_destinations) {
        writer.name("unmappedDestinationFields");
        writer.unmapped(plan.unmapped_destinations, kDestinationField);
    }
    if (parts.program_id && plan.program_id) {
        writer.name("programId");
        writer.value(*plan.program_id);
    }
    writer.close();
    return out;
}

bool same_written(const Edge& a, const Edge& b) {
    if (a.raw.is_object() && b.raw.is_object()) return a.raw == b.raw;
    return write_edge(a) == write_edge(b);
}

bool same_written(const UnmappedField& a, const UnmappedField& b, const char* member) {
    if (a.raw.is_object() && b.raw.is_object()) return a.raw == b.raw;
    return write_unmapped(a, member) == write_unmapped(b, member);
}

bool same_written(const ExecutionPlan& a, const ExecutionPlan& b) {
    return plan_members(a) == plan_members(b) &&
           same_lists(a.field_mapping, b.field_mapping, [](const Edge& x, const Edge& y) { return same_written(x, y); }) &&
           same_lists(a.unmapped_sources, b.unmapped_sources,
                      [](const UnmappedField& x, const UnmappedField& y) { return same_written(x, y, kSourceField); }) &&
           same_lists(a.unmapped_destinations, b.unmapped_destinations,
                      [](const UnmappedField& x, const UnmappedField& y) { return same_written(x, y, kDestinationField); });
}

PatchParts changed_parts(const ExecutionPlan& base, const ExecutionPlan& current) {
    PatchParts parts;
    parts.field_mapping = !same_lists(base.field_mapping, current.field_mapping,
                                      [](const Edge& x, const Edge& y) { return same_written(x, y); });
    parts.unmapped_sources =
        !same_lists(base.unmapped_sources, current.unmapped_sources,
                    [](const UnmappedField& x, const UnmappedField& y) { return same_written(x, y, kSourceField); });
    parts.unmapped_destinations =
        !same_lists(base.unmapped_destinations, current.unmapped_destinations,
                    [](const UnmappedField& x, const UnmappedField& y) { return same_written(x, y, kDestinationField); });
    parts.program_id = base.program_id != current.program_id;
    return parts;
}

Edge make_edge(const UnmappedField& source, const UnmappedField& destination) {
    Json raw = Json::object();
    raw["sourceField"] = source.field.raw.to_json();
    raw["destinationField"] = destination.field.raw.to_json();
    if (auto preview = detail::member_json(source.raw, "preview")) raw["preview"] = std::move(*preview);
    return edge_from_raw(std::move(raw));
}

UnmappedField unmapped_source_from_edge(const Edge& edge) {
    Json raw = Json::object();
    raw["sourceField"] = edge.source.raw.to_json();
    if (auto preview = detail::member_json(edge.raw, "preview")) raw["preview"] = std::move(*preview);
    return unmapped_from_raw(std::move(raw), "sourceField");
}

UnmappedField unmapped_destination_from_edge(const Edge& edge) {
    Json raw = Json::object();
    raw["destinationField"] = edge.destination.raw.to_json();
    return unmapped_from_raw(std::move(raw), "destinationField");
}

}  // namespace pm
