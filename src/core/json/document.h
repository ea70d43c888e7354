// Internal to pm_core: the storage behind JsonRef (core/plan/model.h), and one way to read JSON
// values whether they live in a Json DOM or in a tape over document text.
//
// Why a tape: a 10,000-edge plan is some 350,000 JSON values. Building them as nlohmann::json
// (a std::map node per member, an allocation per container) costs more than the whole budget
// for reading, editing and writing the plan back. The tape is one array of fixed-size entries
// over the document text, built in one pass; values are turned into Json only when someone asks
// (JsonRef::json()), and written back by copying their text.
#pragma once

#include "core/json/problems.h"
#include "core/json/parse.h"
#include "core/json/value.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// The helpers on the hot paths of reading are tiny; the web build is optimised for size (-Oz),
// where the compiler would otherwise call each of them, which made reading ten times slower.
// PM_FLATTEN inlines what a function calls (the standard library's accessors included), for the
// few functions that run once per JSON value. Clang only: there it inlines one level, whereas
// GCC's flatten inlines everything recursively (minutes of compile time) and GCC inlines well
// at -O2 anyway.
#if defined(__GNUC__) || defined(__clang__)
#define PM_ALWAYS_INLINE __attribute__((always_inline))
#else
#define PM_ALWAYS_INLINE
#endif
#if defined(__clang__)
#define PM_FLATTEN __attribute__((flatten))
#else
#define PM_FLATTEN
#endif

namespace pm::detail {

enum class TapeType : std::uint8_t { Null, False, True, Number, String, Array, Object };

// One value of a text document. Entries are in document order: a container is followed by its
// contents, and an object's contents alternate member name (a String entry) and value.
// Trivial (no initialisers), so that the scanner's buffer is not zeroed first; it writes every field.
struct TapeEntry {
    std::uint32_t begin;                       // the value's text; strings include their quotes
    std::uint32_t end;
    std::uint32_t after;                       // containers: the entry after the contents;
                                               // strings with escapes: offset in `strings`
    std::uint32_t count;                       // containers: elements or members; escaped strings: length
    TapeType type;
    std::uint8_t flags;
};
inline constexpr std::uint8_t kTapeEscaped = 1;  // a string with escapes: its text is in `strings`
inline constexpr std::uint8_t kTapeSpaced = 2;   // a container with whitespace between tokens inside

struct JsonDocument {
    // A Json document (is_tape false): the values are `root` and what it contains.
    Json root;

    // A text document: `tape` over `text`.
    bool is_tape = false;
    std::string text;
    std::string strings;                       // decoded strings that had escapes
    TapeEntry* tape = nullptr;                 // tape_size entries, owned by tape_storage
    std::uint32_t tape_size = 0;
    std::unique_ptr<TapeEntry[]> tape_storage;
    const char* text_data = nullptr;           // text.data() and strings.data(), once they are final
    const char* strings_data = nullptr;
    // Json built on demand for tape values (JsonRef::json()), by tape position.
    mutable std::unordered_map<std::uint32_t, std::unique_ptr<const Json>> built;

    PM_ALWAYS_INLINE static bool is_container(const TapeEntry& e) {
        return e.type == TapeType::Array || e.type == TapeType::Object;
    }
    // The entry after value i and everything it contains.
    PM_ALWAYS_INLINE std::uint32_t next(std::uint32_t i) const { return is_container(tape[i]) ? tape[i].after : i + 1; }
    PM_ALWAYS_INLINE std::string_view string_at(std::uint32_t i) const {
        const TapeEntry& e = tape[i];
        if (e.flags & kTapeEscaped) return std::string_view(strings_data + e.after, e.count);
        return std::string_view(text_data + e.begin + 1, e.end - e.begin - 2);
    }
    PM_ALWAYS_INLINE std::string_view text_at(std::uint32_t i) const {
        return std::string_view(text_data + tape[i].begin, tape[i].end - tape[i].begin);
    }
    Json build(std::uint32_t i) const;         // a new Json of value i
    const Json& json_at(std::uint32_t i) const;  // built once, then kept in `built`
    void write(std::uint32_t i, std::string& out) const;
};

// Reads `text` into a tape document. Null when the text is anything but plain JSON that
// parse_json_text would read without a problem: a syntax error, a limit reached, a member name
// repeated in one object, a byte order mark, a number beyond a double. Callers then read the text
// with parse_json_text, which reports the problem exactly as before.
std::shared_ptr<JsonDocument> scan_json(std::string_view text, const JsonLimits& limits);

// For text that scan_json refuses and parse_json_text reads with warnings only: a byte order
// mark, or a member name repeated in one object. The same values as parse_json_text gives, in a
// tape document, so that numbers keep their text: the mark dropped, and each object keeping one
// member per name, the last value at the place the name first appeared. Null when the text is
// not JSON or still does not scan (a limit, a number beyond a double): callers then use the DOM.
std::shared_ptr<JsonDocument> scan_json_normalised(std::string_view text, const JsonLimits& limits);

// The value of a JSON number's text, exactly as nlohmann's parser makes it (unsigned for
// non-negative integers, integer for negative ones, float otherwise or when out of range);
// false when that parser would refuse it (a float overflow).
bool number_from_text(std::string_view text, Json& out);

// Appends `value` as compact JSON text; invalid UTF-8 becomes U+FFFD (as dump_json).
void write_json(const Json& value, std::string& out);
// Appends `text` as a JSON string.
void write_json_string(std::string_view text, std::string& out);

struct JsonRefAccess {
    static JsonRef make(std::shared_ptr<const JsonDocument> doc, const Json* dom, std::uint32_t node) {
        JsonRef ref;
        ref.doc_ = std::move(doc);
        ref.dom_ = dom;
        ref.node_ = node;
        return ref;
    }
    static const std::shared_ptr<const JsonDocument>& doc(const JsonRef& ref) { return ref.doc_; }
    static const Json* dom(const JsonRef& ref) { return ref.dom_; }
    static std::uint32_t node(const JsonRef& ref) { return ref.node_; }
};

using DocumentPtr = std::shared_ptr<const JsonDocument>;

// Read access to one value of a document, the same for both kinds of document: the readers of
// core/plan/parse.cpp are templates over these two. A default-constructed value is "absent".
// `owner` must outlive the value (it is the caller's handle on the document).
class DomValue {
public:
    DomValue() = default;
    DomValue(const DocumentPtr* owner, const Json* value) : owner_(owner), value_(value) {}

    explicit operator bool() const { return value_ != nullptr; }
    bool is_null() const { return value_->is_null(); }
    bool is_object() const { return value_->is_object(); }
    bool is_array() const { return value_->is_array(); }
    bool is_string() const { return value_->is_string(); }
    bool is_number() const { return value_->is_number(); }
    bool is_boolean() const { return value_->is_boolean(); }
    bool is_structured() const { return value_->is_structured(); }
    std::size_t size() const { return value_->size(); }

    // The member `name` of an object; absent when missing or when this is not an object.
    DomValue member(std::string_view name) const {
        if (!value_->is_object()) return {};
        const auto& object = value_->get_ref<const Json::object_t&>();
        const auto it = object.find(name);     // object_t's comparator is std::less<>: no temporary
        return it == object.end() ? DomValue{} : DomValue(owner_, &it->second);
    }
    // f(index, value) for each element of an array.
    template <class F> void items(F&& f) const {
        std::size_t i = 0;
        for (const Json& item : value_->get_ref<const Json::array_t&>()) f(i++, DomValue(owner_, &item));
    }
    // f(name, value) for each member of an object.
    template <class F> void members(F&& f) const {
        for (const auto& [name, item] : value_->get_ref<const Json::object_t&>()) f(std::string_view(name), DomValue(owner_, &item));
    }
    std::string_view str() const { return value_->get_ref<const std::string&>(); }
    double number() const { return value_->get<double>(); }
    Json to_json() const { return *value_; }
    JsonRef ref() const { return JsonRefAccess::make(*owner_, value_, 0); }
    std::string describe() const { return describe_json(*value_); }

private:
    const DocumentPtr* owner_ = nullptr;
    const Json* value_ = nullptr;
};

class TapeValue {
public:
    TapeValue() = default;
    PM_ALWAYS_INLINE TapeValue(const DocumentPtr* owner, std::uint32_t index)
        : owner_(owner), doc_(owner->get()), index_(index) {}

    PM_ALWAYS_INLINE explicit operator bool() const { return doc_ != nullptr; }
    PM_ALWAYS_INLINE TapeType type() const { return doc_->tape[index_].type; }
    PM_ALWAYS_INLINE bool is_null() const { return type() == TapeType::Null; }
    PM_ALWAYS_INLINE bool is_object() const { return type() == TapeType::Object; }
    PM_ALWAYS_INLINE bool is_array() const { return type() == TapeType::Array; }
    PM_ALWAYS_INLINE bool is_string() const { return type() == TapeType::String; }
    PM_ALWAYS_INLINE bool is_number() const { return type() == TapeType::Number; }
    PM_ALWAYS_INLINE bool is_boolean() const { return type() == TapeType::True || type() == TapeType::False; }
    PM_ALWAYS_INLINE bool is_structured() const { return is_object() || is_array(); }
    PM_ALWAYS_INLINE std::size_t size() const {
        if (is_structured()) return doc_->tape[index_].count;
        return is_null() ? 0 : 1;
    }

    TapeValue member(std::string_view name) const {
        if (!is_object()) return {};
        const TapeEntry* tape = doc_->tape;
        const char* text = doc_->text_data;
        std::uint32_t at = index_ + 1;
        for (std::uint32_t n = tape[index_].count; n > 0; --n) {
            const TapeEntry& key = tape[at];
            const bool found = !(key.flags & kTapeEscaped)
                                   ? key.end - key.begin - 2 == name.size() &&
                                         std::memcmp(text + key.begin + 1, name.data(), name.size()) == 0
                                   : doc_->string_at(at) == name;
            if (found) return TapeValue(owner_, at + 1);
            const TapeEntry& value = tape[at + 1];
            at = JsonDocument::is_container(value) ? value.after : at + 2;
        }
        return {};
    }
    template <class F> PM_ALWAYS_INLINE void items(F&& f) const {
        std::uint32_t at = index_ + 1;
        const std::uint32_t n = doc_->tape[index_].count;
        for (std::uint32_t i = 0; i < n; ++i) {
            f(std::size_t{i}, TapeValue(owner_, at));
            at = doc_->next(at);
        }
    }
    template <class F> PM_ALWAYS_INLINE void members(F&& f) const {
        std::uint32_t at = index_ + 1;
        for (std::uint32_t n = doc_->tape[index_].count; n > 0; --n) {
            f(doc_->string_at(at), TapeValue(owner_, at + 1));
            at = doc_->next(at + 1);
        }
    }
    PM_ALWAYS_INLINE std::string_view str() const { return doc_->string_at(index_); }
    double number() const {
        Json value;
        number_from_text(doc_->text_at(index_), value);
        return value.get<double>();
    }
    Json to_json() const { return doc_->build(index_); }
    JsonRef ref() const { return JsonRefAccess::make(*owner_, nullptr, index_); }
    std::string describe() const {
        if (is_object()) return "an object with " + std::to_string(size()) + " members";
        if (is_array()) return "an array of " + std::to_string(size()) + " items";
        return describe_json(to_json());
    }

private:
    const DocumentPtr* owner_ = nullptr;
    const JsonDocument* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

// A document holding `value` (copied or moved in).
inline DocumentPtr dom_document(Json value) {
    auto doc = std::make_shared<JsonDocument>();
    doc->root = std::move(value);
    return doc;
}

// The object behind `object` without the members named in `names`, as the root of a small
// document of its own (only what stays is copied). A value read from text keeps its text: its
// numbers are written back exactly as they came. Anything but an object comes back as it is.
JsonRef without_members(const JsonRef& object, std::initializer_list<std::string_view> names);

// Calls f(DomValue) or f(TapeValue) for the value behind `ref`.
template <class F>
decltype(auto) visit(const JsonRef& ref, F&& f) {
    const DocumentPtr& doc = JsonRefAccess::doc(ref);
    if (!doc) {
        static const DocumentPtr null_document = dom_document(Json());
        return f(DomValue(&null_document, &null_document->root));
    }
    if (doc->is_tape) return f(TapeValue(&doc, JsonRefAccess::node(ref)));
    return f(DomValue(&doc, JsonRefAccess::dom(ref)));
}

// The member `name` of the object behind `ref`, as Json; nullopt when absent or null.
inline std::optional<Json> member_json(const JsonRef& ref, const char* name) {
    return visit(ref, [&](const auto& value) -> std::optional<Json> {
        const auto member = value.member(name);
        if (!member || member.is_null()) return std::nullopt;
        return member.to_json();
    });
}

// The member `name` of the object behind `ref`, sharing its storage; null when absent or null.
inline JsonRef member_ref(const JsonRef& ref, const char* name) {
    return visit(ref, [&](const auto& value) {
        const auto member = value.member(name);
        return !member || member.is_null() ? JsonRef() : member.ref();
    });
}

}  // namespace pm::detail
