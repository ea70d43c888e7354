// Column summaries from a sheet profile (see records_values.h).
#include "matcher/records_values.h"

#include <string_view>
#include <utility>
#include <vector>

namespace pm::match {

ColumnValuesByKey column_values(const profile::SheetProfile& sheet) {
    ColumnValuesByKey out;
    if (sheet.rows() == 0) return out;
    std::vector<std::pair<std::string, std::size_t>> counted;
    for (const profile::ColumnProfile& column : sheet.columns()) {
        if (column.filled() == 0) continue;
        counted.clear();
        counted.reserve(column.counts().size());
        column.counts().each([&](std::string_view value, std::size_t count) { counted.emplace_back(std::string(value), count); });
        out.emplace(column.key(), summarize_column(sheet.rows(), counted));
    }
    return out;
}

}  // namespace pm::match
