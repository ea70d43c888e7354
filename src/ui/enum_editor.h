// The value mapping of an enum edge: each source value and the option it becomes. Each value is
// one row of the source table (rows keep one height, so the list clipper stays exact).
#pragma once

#include "core/profile/sheet_profile.h"
#include "core/session/session.h"

#include <optional>
#include <string>
#include <vector>

namespace pm::ui {

struct EnumValueRow {
    Json source_value;
    std::optional<Json> destination_value;     // none: the value has no option yet
    std::size_t count = 0;                     // rows holding it, from the records; 0 when unknown
};

// The edge's source values: from enumDetails (mapped, then unused), else its distinct previews;
// with `records`, also every other value of the column (most common first) and each one's count.
std::vector<EnumValueRow> enum_value_rows(const Edge& edge, const profile::SheetProfile* records = nullptr);
std::size_t unmapped_enum_values(const Edge& edge, const profile::SheetProfile* records = nullptr);
// "4,120 rows" for a row with a count, else "".
std::string enum_count_text(const EnumValueRow& row);

// Draws one value row (in the current table row) and applies a choice with Session::set_enum_value.
void draw_enum_value_row(Session& session, const std::string& destination_key, const EnumValueRow& row);

std::string enum_value_text(const Json& value);

}  // namespace pm::ui
