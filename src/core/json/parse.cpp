// Text -> Json through a SAX DOM builder with depth and size limits; see parse.h.
#include "core/json/parse.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace pm {

namespace {

class LimitedDomBuilder final : public nlohmann::json_sax<Json> {
public:
    LimitedDomBuilder(Json& root, ProblemSink& problems, const JsonLimits& limits)
        : root_(root), problems_(problems), limits_(limits) {}

    bool null() override { return put(Json(nullptr)) != nullptr; }
    bool boolean(bool v) override { return put(Json(v)) != nullptr; }
    bool number_integer(number_integer_t v) override { return put(Json(v)) != nullptr; }
    bool number_unsigned(number_unsigned_t v) override { return put(Json(v)) != nullptr; }
    bool number_float(number_float_t v, const string_t&) override { return put(Json(v)) != nullptr; }
    bool string(string_t& v) override { return put(Json(std::move(v))) != nullptr; }
    bool binary(binary_t&) override { return fail("binary values are not JSON"); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        Json& object = *stack_.back();
        if (object.contains(name))
            problems_.warning(pointer_join(current_pointer(), name),
                              "member appears more than once in this object; the last one is used");
        key_ = std::move(name);
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
        // ex.what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
        std::string what = ex.what();
        const auto bracket = what.find("] ");
        if (what.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) what.erase(0, bracket + 2);
        return fail("not valid JSON: " + what);
    }

    bool failed() const { return failed_; }

private:
    // Places a value at the current position and returns where it now lives (null when stopped).
    Json* put(Json value) {
        if (++values_ > limits_.max_values) {
            fail("more than " + std::to_string(limits_.max_values) + " values; refusing to read further");
            return nullptr;
        }
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        Json& slot = parent[key_];
        slot = std::move(value);
        return &slot;
    }

    bool open(Json container) {
        if (stack_.size() >= limits_.max_depth)
            return fail("nested more than " + std::to_string(limits_.max_depth) + " levels deep; refusing to read further");
        std::string token = stack_.empty() ? std::string() : (stack_.back()->is_array() ? std::to_string(stack_.back()->size()) : key_);
        Json* where = put(std::move(container));
        if (!where) return false;
        stack_.push_back(where);
        tokens_.push_back(std::move(token));
        return true;
    }

    bool close() {
        stack_.pop_back();
        tokens_.pop_back();
        return true;
    }

    std::string current_pointer() const {
        std::string pointer;
        for (std::size_t i = 1; i < tokens_.size(); ++i) pointer = pointer_join(pointer, tokens_[i]);
        return pointer;
    }

    bool fail(std::string message) {
        if (!failed_) problems_.error("", std::move(message));
        failed_ = true;
        return false;
    }

    Json& root_;
    ProblemSink& problems_;
    const JsonLimits& limits_;
    std::vector<Json*> stack_;         // open containers; pointers stay valid because a container
    std::vector<std::string> tokens_;  // only grows at its end while it is the innermost open one
    std::string key_;
    std::size_t values_ = 0;
    bool failed_ = false;
};

}  // namespace

bool parse_json_text(std::string_view text, Json& out, ProblemSink& problems, const JsonLimits& limits) {
    out = nullptr;
    if (text.size() > limits.max_bytes) {
        problems.error("", "the document is " + std::to_string(text.size()) + " bytes; the limit is " +
                               std::to_string(limits.max_bytes));
        return false;
    }
    Json result;
    LimitedDomBuilder builder(result, problems, limits);
    const bool ok = Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json, true, false);
    if (!ok || builder.failed()) return false;
    out = std::move(result);
    return true;
}

}  // namespace pm
