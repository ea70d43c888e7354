// Problem formatting and JSON Pointer helpers.
#include "core/json/problems.h"

namespace pm {

const char* to_string(Severity severity) { return severity == Severity::Error ? "error" : "warning"; }

std::string to_string(const Problem& problem) {
    std::string text = to_string(problem.severity);
    text += ' ';
    text += problem.pointer.empty() ? std::string("(document)") : problem.pointer;
    text += ": ";
    text += problem.message;
    return text;
}

bool has_errors(const Problems& problems) { return count_errors(problems) > 0; }

std::size_t count_errors(const Problems& problems) {
    std::size_t n = 0;
    for (const auto& p : problems)
        if (p.severity == Severity::Error) ++n;
    return n;
}

std::string pointer_join(const std::string& base, std::string_view token) {
    std::string out = base;
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_join(const std::string& base, std::size_t index) {
    return base + '/' + std::to_string(index);
}

std::string dump_json(const Json& value, int indent) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

namespace {
// Cuts a UTF-8 string to at most max bytes without splitting a code point.
std::string shorten(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "\xE2\x80\xA6";  // …
}
}  // namespace

std::string describe_json(const Json& value, std::size_t max_chars) {
    std::string text = value.type_name();
    if (value.is_null()) return text;
    // Containers can be huge or deep: describe only their size to keep messages short and cheap.
    if (value.is_object()) return "an object with " + std::to_string(value.size()) + " members";
    if (value.is_array()) return "an array of " + std::to_string(value.size()) + " items";
    return text + ' ' + shorten(dump_json(value), max_chars);
}

void ProblemSink::add(Severity severity, std::string pointer, std::string message) {
    if (severity == Severity::Error) ++errors_;
    if (problems_.size() >= limit_) {
        ++dropped_;
        return;
    }
    problems_.push_back(Problem{severity, std::move(pointer), std::move(message)});
}

void ProblemSink::append(const Problems& problems) {
    for (const auto& p : problems) add(p.severity, p.pointer, p.message);
}

Problems ProblemSink::take() {
    if (dropped_ > 0) {
        problems_.push_back(Problem{errors_ > 0 ? Severity::Error : Severity::Warning, "",
                                    "and " + std::to_string(dropped_) + " more problems not listed"});
        dropped_ = 0;
    }
    errors_ = 0;
    return std::move(problems_);
}

}  // namespace pm
