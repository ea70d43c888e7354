// The value mapping of an enum edge: each source value and the option it becomes. Each value is
// one row of the source table (rows keep one height, so the list clipper stays exact).
#pragma once

#include "core/session/session.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::ui {

struct EnumValueRow {
    Json source_value;
    std::optional<Json> destination_value;     // none: the value has no option yet
};

// The edge's source values: from enumDetails (mapped, then unused), else its distinct previews.
std::vector<EnumValueRow> enum_value_rows(const Edge& edge);
std::size_t unmapped_enum_values(const Edge& edge);

// Draws one value row (in the current table row) and applies a choice with Session::set_enum_value.
void draw_enum_value_row(Session& session, const std::string& destination_key, const EnumValueRow& row);

std::string enum_value_text(const Json& value);

}  // namespace pm::ui
