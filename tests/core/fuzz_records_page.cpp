// libFuzzer target: any bytes as a page of records (profile/records_scanner.h) into a sheet
// profile that already holds a page. Oracles beyond "does not crash":
//  - a refused page changes nothing (rows, each column's filled count, the number of columns);
//  - a read page keeps the counts consistent (filled <= rows, distinct <= filled, blanks = rows - filled);
//  - the reader agrees with nlohmann on what is JSON: text it reads whole is JSON, and text it
//    calls "not JSON" is not (except nesting past kMaxRecordsDepth, which nlohmann allows, and
//    text with a NUL byte, where nlohmann stops reading).
// Build: the fuzz preset (tools/build fuzz); seeds in tests/data/records-seeds.
#include "core/json/value.h"
#include "core/profile/records_scanner.h"
#include "core/profile/sheet_profile.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool condition) {
    if (!condition) std::abort();  // libFuzzer reports the input that got here
}

struct Snapshot {
    std::size_t rows = 0, columns = 0;
    std::vector<std::size_t> filled;
    explicit Snapshot(const pm::profile::SheetProfile& sheet) : rows(sheet.rows()), columns(sheet.columns().size()) {
        for (const auto& column : sheet.columns()) filled.push_back(column.filled());
    }
    bool operator==(const Snapshot& o) const { return rows == o.rows && columns == o.columns && filled == o.filled; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    pm::profile::ProfileLimits limits;
    limits.max_rows = 40;
    limits.max_columns = 8;
    limits.distinct.per_column = 6;  // small caps so that short inputs reach them
    pm::profile::SheetProfile sheet(limits);
    const pm::profile::PageResult first = sheet.add_page(
        "{\"data\":{\"records\":[{\"id\":\"r1\",\"values\":{\"a\":{\"value\":\"x\",\"valid\":true,\"messages\":[]},"
        "\"b\":{\"value\":\"1\",\"valid\":false,\"messages\":[]}}}]}}");
    require(first.ok);
    const Snapshot before(sheet);

    const pm::profile::PageResult page = sheet.add_page(input);
    if (!page.ok) {
        require(!page.error.empty());
        require(Snapshot(sheet) == before);
    } else {
        require(sheet.rows() == before.rows + page.profiled);
        require(page.profiled <= page.records);
        for (const auto& column : sheet.columns()) {
            require(column.filled() <= sheet.rows());
            require(sheet.blanks(column) == sheet.rows() - column.filled());
            if (!column.distinct_estimated()) require(column.distinct() <= column.filled());
            require(column.counts().size() <= limits.distinct.per_column);
        }
    }

    // nlohmann's reader stops at a NUL byte as at the end of the text ("0\0garbage" is JSON to
    // it); the page reader refuses the NUL, so such inputs are left out of the comparison.
    if (input.find('\0') != std::string_view::npos) return 0;
    const bool json = pm::Json::accept(input.begin(), input.end());
    if (page.ok) require(json);
    if (!page.ok && page.error.find("not JSON") != std::string::npos && page.error.find("nested too deeply") == std::string::npos)
        require(!json);
    return 0;
}
