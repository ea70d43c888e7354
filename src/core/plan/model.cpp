// Names of the model's enumerations as they appear on the wire.
#include "core/plan/model.h"

#include <cstring>
#include <ostream>

namespace pm {

namespace {
struct TypeName {
    FieldType type;
    const char* name;
};
constexpr TypeName kTypeNames[] = {
    {FieldType::String, "string"},       {FieldType::Number, "number"},
    {FieldType::Boolean, "boolean"},     {FieldType::Date, "date"},
    {FieldType::Enum, "enum"},           {FieldType::Reference, "reference"},
    {FieldType::ReferenceList, "reference-list"}, {FieldType::StringList, "string-list"},
    {FieldType::EnumList, "enum-list"},
};
}  // namespace

const char* to_string(FieldType type) {
    for (const auto& entry : kTypeNames)
        if (entry.type == type) return entry.name;
    return "unknown";
}

FieldType field_type_from_string(const std::string& text) {
    for (const auto& entry : kTypeNames)
        if (text == entry.name) return entry.type;
    return FieldType::Unknown;
}

const char* to_string(Certainty certainty) {
    switch (certainty) {
        case Certainty::Absolute: return "absolute";
        case Certainty::Strong: return "strong";
        case Certainty::Moderate: return "moderate";
        case Certainty::Weak: return "weak";
        case Certainty::None: break;
    }
    return "";
}

Certainty certainty_from_string(const std::string& text) {
    if (text == "absolute") return Certainty::Absolute;
    if (text == "strong") return Certainty::Strong;
    if (text == "moderate") return Certainty::Moderate;
    if (text == "weak") return Certainty::Weak;
    return Certainty::None;
}

}  // namespace pm
