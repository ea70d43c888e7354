// Values come from the edge's enumDetails (mapped and unused source values); an edge made in the
// panel has none yet, so its distinct preview values stand in (core's enum_gap). Once the source
// rows are read, every value they hold is listed too, with its count.
#include "ui/enum_editor.h"

#include "core/json/problems.h"
#include "ui/messages.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_text.h"

#include "core/json/text.h"

#include <imgui.h>

#include <map>

namespace pm::ui {

namespace {

// A column of free text has thousands of values: the editor lists the most common ones.
constexpr std::size_t kMaxListedValues = 200;

std::string option_text(const Field& field, const Json& value) {
    for (const EnumOption& option : field.enum_options)
        if (option.value == value) return option.label.empty() ? enum_value_text(option.value) : option.label;
    return enum_value_text(value);
}

}  // namespace

std::string enum_value_text(const Json& value) { return value.is_string() ? value.get<std::string>() : dump_json(value); }

std::vector<EnumValueRow> enum_value_rows(const Edge& edge, const profile::SheetProfile* records) {
    std::vector<EnumValueRow> rows;
    if (edge.enum_details) {
        for (const CategoryMapping& m : edge.enum_details->mapping)
            if (m.source_value) rows.push_back({*m.source_value, m.destination_value});
        for (const Json& v : edge.enum_details->unused_source_values) rows.push_back({v, std::nullopt});
    }
    if (auto gap = enum_gap(edge)) {
        for (const Json& v : gap->values) {
            bool seen = false;
            for (const EnumValueRow& r : rows) seen = seen || r.source_value == v;
            if (!seen) rows.push_back({v, std::nullopt});
        }
    }
    const profile::ColumnProfile* column = records ? records->column(edge.source.key) : nullptr;
    if (!column) return rows;
    // Every value the rows hold, with its count; values only the plan names keep count 0.
    std::map<std::string, std::size_t> known;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].source_value.is_string()) known.emplace(std::string(trim_ascii(rows[i].source_value.get_ref<const std::string&>())), i);
    std::size_t listed = 0;
    // The most common values only: this runs for each visible enum row every frame.
    for (const profile::ValueCount& entry : column->top(rows.size() + kMaxListedValues)) {
        const auto it = known.find(entry.value);
        if (it != known.end()) {
            rows[it->second].count = entry.count;
        } else if (listed < kMaxListedValues) {
            rows.push_back({Json(entry.value), std::nullopt, entry.count});
            ++listed;
        }
    }
    return rows;
}

std::size_t unmapped_enum_values(const Edge& edge, const profile::SheetProfile* records) {
    std::size_t count = 0;
    for (const EnumValueRow& row : enum_value_rows(edge, records)) count += row.destination_value ? 0 : 1;
    return count;
}

std::string enum_count_text(const EnumValueRow& row) {
    if (row.count == 0) return {};
    return trn("enum.rows", static_cast<long long>(row.count));
}

void draw_enum_value_row(Session& session, const std::string& destination_key, const EnumValueRow& row) {
    const Edge* edge = session.edge_to(destination_key);
    if (!edge) return;
    const Field destination = edge->destination;  // copy: an edit below replaces the edge
    ImGui::Indent(ImGui::GetFontSize() * 1.5f);
    text(enum_value_text(row.source_value));
    if (row.count > 0) {
        ImGui::SameLine();
        muted_text(enum_count_text(row));
    }
    ImGui::Unindent(ImGui::GetFontSize() * 1.5f);
    ImGui::TableNextColumn();
    muted_text(tr(row.destination_value ? "enum.value" : "enum.valueWithoutOption"));
    ImGui::TableNextColumn();
    const std::string current = row.destination_value ? option_text(destination, *row.destination_value) : tr("enum.noValue");
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string shown = safe_label(current);
    ShapedLabel shaped(shown, ShapedLabel::Kind::ComboPreview);
    const bool open = ImGui::BeginCombo("##option", shaped.combo_preview(shown));
    shaped.draw_over();
    if (open) {
        if (ImGui::Selectable(tr("enum.noValue").c_str(), !row.destination_value))
            session.set_enum_value(destination_key, row.source_value, std::nullopt);
        for (const EnumOption& option : destination.enum_options) {
            const std::string label = option.label.empty() ? enum_value_text(option.value) : option.label;
            const bool selected = row.destination_value && *row.destination_value == option.value;
            const std::string option_shown = safe_label(label);
            ShapedLabel option_shaped(option_shown);
            if (ImGui::Selectable(option_shown.c_str(), selected, option_shaped.selectable_flags(0),
                                  option_shaped.selectable_size()))
                session.set_enum_value(destination_key, row.source_value, option.value);
            option_shaped.draw_over();
            record_item("enum-option:" + enum_value_text(option.value));
        }
        ImGui::EndCombo();
    }
    record_item("enum-value:" + destination_key + ":" + enum_value_text(row.source_value));
}

}  // namespace pm::ui
