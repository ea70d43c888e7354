// JsonRef: reads and writes a value whether it lives in a Json DOM or on a document's tape.
#include "core/json/value.h"

#include "core/json/document.h"

#include <cstring>
#include <ostream>

namespace pm {

JsonRef::JsonRef(Json value) {
    if (value.is_null()) return;
    doc_ = detail::dom_document(std::move(value));
    dom_ = &doc_->root;
}

const Json& JsonRef::json() const {
    if (dom_) return *dom_;
    if (!doc_) {
        static const Json null_value;
        return null_value;
    }
    return doc_->json_at(node_);
}

namespace {
detail::TapeType tape_type(const std::shared_ptr<const detail::JsonDocument>& doc, std::uint32_t node) {
    return doc->tape[node].type;
}
}  // namespace

bool JsonRef::is_null() const { return dom_ ? dom_->is_null() : !doc_ || tape_type(doc_, node_) == detail::TapeType::Null; }
bool JsonRef::is_object() const { return dom_ ? dom_->is_object() : doc_ && tape_type(doc_, node_) == detail::TapeType::Object; }
bool JsonRef::is_array() const { return dom_ ? dom_->is_array() : doc_ && tape_type(doc_, node_) == detail::TapeType::Array; }
bool JsonRef::is_string() const { return dom_ ? dom_->is_string() : doc_ && tape_type(doc_, node_) == detail::TapeType::String; }
bool JsonRef::is_number() const { return dom_ ? dom_->is_number() : doc_ && tape_type(doc_, node_) == detail::TapeType::Number; }
bool JsonRef::is_boolean() const {
    if (dom_) return dom_->is_boolean();
    if (!doc_) return false;
    const auto type = tape_type(doc_, node_);
    return type == detail::TapeType::True || type == detail::TapeType::False;
}

Json JsonRef::to_json() const {
    if (dom_) return *dom_;
    if (!doc_) return Json();
    return doc_->build(node_);
}

void JsonRef::write(std::string& out) const {
    if (dom_) detail::write_json(*dom_, out);
    else if (!doc_) out += "null";
    else doc_->write(node_, out);
}

std::string JsonRef::text() const {
    std::string out;
    write(out);
    return out;
}

bool operator==(const JsonRef& a, const JsonRef& b) {
    if (a.same_as(b)) return true;
    // Two values of text documents with the same compact text are equal without building them.
    if (a.doc_ && b.doc_ && !a.dom_ && !b.dom_) {
        const auto& ea = a.doc_->tape[a.node_];
        const auto& eb = b.doc_->tape[b.node_];
        if (!(ea.flags & detail::kTapeSpaced) && !(eb.flags & detail::kTapeSpaced) &&
            a.doc_->text_at(a.node_) == b.doc_->text_at(b.node_))
            return true;
    }
    return a.json() == b.json();
}

std::ostream& operator<<(std::ostream& out, const JsonRef& value) { return out << value.json(); }

}  // namespace pm
