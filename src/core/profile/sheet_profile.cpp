// Reading records pages into column profiles; see sheet_profile.h.
//
// A page is scanned into a tape (core/json/document.h) like a plan: one pass over the text, no
// DOM, values read as views into the text. Text the scanner refuses is read through
// parse_json_text, which says what is wrong with it.
#include "core/profile/sheet_profile.h"

#include "core/json/document.h"
#include "core/json/text.h"

#include <algorithm>
#include <type_traits>

namespace pm::profile {

namespace {

// Calls read(root) from a tape when the text allows it, else from a DOM; false (with the reason
// in `error`) when the text is not JSON within the limits.
template <class Read>
bool with_document(std::string_view text, std::string& error, Read&& read) {
    JsonLimits limits;
    limits.max_bytes = std::max<std::size_t>(limits.max_bytes, text.size());
    limits.max_values = std::max<std::size_t>(limits.max_values, text.size() / 2 + 16);
    if (const detail::DocumentPtr tape = detail::scan_json(text, limits)) {
        read(detail::TapeValue(&tape, 0));
        return true;
    }
    auto doc = std::make_shared<detail::JsonDocument>();
    ProblemSink problems;
    if (!parse_json_text(text, doc->root, problems, limits)) {
        const Problems found = problems.take();
        error = "the records response is not JSON: " + (found.empty() ? std::string("unreadable") : found.front().message);
        return false;
    }
    const detail::DocumentPtr shared = std::move(doc);
    read(detail::DomValue(&shared, &shared->root));
    return true;
}

// The text of a scalar cell value; blank for null, containers are written as JSON.
template <class V>
std::string_view cell_text(const V& value, std::string& scratch) {
    if (value.is_string()) return value.str();
    if (value.is_null()) return {};
    scratch.clear();
    detail::write_json(value.to_json(), scratch);
    return scratch;
}

}  // namespace

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

SheetProfile::SheetProfile(ProfileLimits limits) : limits_(std::move(limits)) {}

void SheetProfile::declare_column(const std::string& key, const std::string& label) {
    if (index_.count(key) || columns_.size() >= limits_.max_columns) return;
    index_.emplace(key, columns_.size());
    columns_.emplace_back(key, label);
}

const ColumnProfile* SheetProfile::column(std::string_view key) const {
    const auto it = index_.find(std::string(key));
    return it == index_.end() ? nullptr : &columns_[it->second];
}

ColumnProfile* SheetProfile::column_for(std::string_view key) {
    scratch_.assign(key.data(), key.size());
    const auto it = index_.find(scratch_);
    if (it != index_.end()) return &columns_[it->second];
    if (columns_.size() >= limits_.max_columns) {
        ++ignored_columns_;
        return nullptr;
    }
    index_.emplace(scratch_, columns_.size());
    columns_.emplace_back(scratch_, scratch_);
    return &columns_.back();
}

void SheetProfile::begin_row() { ++rows_; }

void SheetProfile::add_cell(std::string_view key, std::string_view value) {
    const std::string_view trimmed = trim_ascii(value);
    if (trimmed.empty()) return;
    if (ColumnProfile* column = column_for(key)) column->add(trimmed, limits_.distinct);
}

PageResult SheetProfile::add_page(std::string_view text) {
    PageResult result;
    bytes_ += text.size();
    std::string cell_scratch;
    const bool parsed = with_document(text, result.error, [&](const auto& root) {
        using V = std::decay_t<decltype(root)>;
        const V data = root.is_object() ? root.member("data") : V();
        const V records = data && data.is_object() ? data.member("records") : V();
        if (!records || !records.is_array()) {
            const V errors = root.is_object() ? root.member("errors") : V();
            result.error = errors ? "the server answered with an error body instead of records"
                                  : "expected {\"data\":{\"records\":[...]}}";
            return;
        }
        result.ok = true;
        result.records = records.size();
        records.items([&](std::size_t, const V& record) {
            if (rows_ >= limits_.max_rows) return;
            ++result.profiled;
            begin_row();
            const V values = record.is_object() ? record.member("values") : V();
            if (!values || !values.is_object()) return;   // a record without values: every column blank
            values.members([&](std::string_view key, const V& cell) {
                // {value, valid, messages}; a bare scalar is taken as the value itself.
                const V value = cell.is_object() ? cell.member("value") : cell;
                if (cell.is_object()) {
                    const V valid = cell.member("valid");
                    if (valid && valid.is_boolean() && !valid.to_json().template get<bool>()) {
                        if (ColumnProfile* column = column_for(key)) column->add_flagged();
                    }
                }
                if (!value || value.is_object() || value.is_array()) return;
                add_cell(key, cell_text(value, cell_scratch));
            });
        });
    });
    if (!parsed) result.ok = false;
    if (full() && limit_note_.empty()) {
        limit_note_ = rows_ >= limits_.max_rows ? "the first " + with_thousands(rows_) + " rows"
                                                : "the first " + with_thousands(rows_) + " rows (the size limit was reached)";
    }
    return result;
}

}  // namespace pm::profile
