// Json (nlohmann::json) and JsonRef: the two kinds of JSON value every layer above reads.
//
// `raw` members of the plan model are JsonRefs: immutable values shared, not copied, by
// everything that holds them. Values read from a document stay as that document's text (a tape,
// core/json/document.h) until someone asks for them as Json, so reading, copying and writing back
// a 10,000-edge plan never builds its DOM.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>

namespace pm {

using Json = nlohmann::json;

namespace detail {
struct JsonDocument;
struct JsonRefAccess;
}  // namespace detail

// An immutable JSON value, shared by its copies (a copy costs a reference count). Reads like a
// `const Json&`: it converts to one, and the usual read-only members (contains, find, value,
// operator[], size, is_*) are forwarded. The value behind it never changes; to edit, take a copy
// with to_json() and make a new JsonRef from the result.
//
// A value read from a plan document (core/plan/parse.h) is kept as that document's text; the
// first Json-style access builds its Json once and keeps it with the document. The type tests,
// to_json(), write() and comparison with another JsonRef of the same document need no Json.
// Like Json, not safe for concurrent first use from several threads.
class JsonRef {
public:
    JsonRef() = default;                       // null
    JsonRef(Json value);                       // NOLINT(google-explicit-constructor): `raw = json`

    const Json& json() const;
    operator const Json&() const { return json(); }  // NOLINT(google-explicit-constructor)

    bool is_null() const;
    bool is_object() const;
    bool is_array() const;
    bool is_string() const;
    bool is_number() const;
    bool is_boolean() const;
    bool is_structured() const { return is_object() || is_array(); }
    bool is_primitive() const { return !is_structured(); }

    // A Json copy of the value, built without keeping one (what code that edits a raw object wants).
    Json to_json() const;
    // Appends the value as compact JSON text. Text read from a document is copied as it came
    // (whitespace between tokens dropped); invalid UTF-8 in values built in code becomes U+FFFD.
    void write(std::string& out) const;
    std::string text() const;
    // True when both refer to the same stored value (cheap; equal values may still differ here).
    bool same_as(const JsonRef& other) const {
        return doc_ == other.doc_ && dom_ == other.dom_ && node_ == other.node_;
    }

    // Json's read-only members, forwarded to json().
    template <class K> bool contains(K&& key) const { return json().contains(std::forward<K>(key)); }
    template <class K> Json::const_iterator find(K&& key) const { return json().find(std::forward<K>(key)); }
    Json::const_iterator end() const { return json().end(); }
    Json::const_iterator cend() const { return json().cend(); }
    template <class K> const Json& operator[](K&& key) const { return json()[std::forward<K>(key)]; }
    template <class K> const Json& at(K&& key) const { return json().at(std::forward<K>(key)); }
    template <class K, class D>
    auto value(K&& key, D&& default_value) const
        -> decltype(std::declval<const Json&>().value(std::forward<K>(key), std::forward<D>(default_value))) {
        return json().value(std::forward<K>(key), std::forward<D>(default_value));
    }
    Json::size_type size() const { return json().size(); }
    bool empty() const { return json().empty(); }
    Json::value_t type() const { return json().type(); }
    const char* type_name() const { return json().type_name(); }
    template <class... A> std::string dump(A&&... args) const { return json().dump(std::forward<A>(args)...); }

    friend bool operator==(const JsonRef& a, const JsonRef& b);
    friend bool operator!=(const JsonRef& a, const JsonRef& b) { return !(a == b); }
    friend bool operator==(const JsonRef& a, const Json& b) { return a.json() == b; }
    friend bool operator==(const Json& a, const JsonRef& b) { return a == b.json(); }
    friend bool operator!=(const JsonRef& a, const Json& b) { return !(a == b); }
    friend bool operator!=(const Json& a, const JsonRef& b) { return !(a == b); }

private:
    friend struct detail::JsonRefAccess;
    std::shared_ptr<const detail::JsonDocument> doc_;   // null: the value is null
    const Json* dom_ = nullptr;                         // a value of a Json document
    std::uint32_t node_ = 0;                            // else: the tape position in a text document
};

std::ostream& operator<<(std::ostream& out, const JsonRef& value);

}  // namespace pm
