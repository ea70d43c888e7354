// Value evidence (see field_evidence.h).
#include "matcher/field_evidence.h"

#include <algorithm>

namespace pm::match {

namespace {

struct KindWeights {
    unsigned kind;
    double fit;                                // evidence when the values fit
    double misfit;                             // evidence against when they do not
};
// How telling each kind is. Emails are unmistakable both ways; most values could be free text, so
// fitting text says little, while "yes/no" under "First name" says a lot.
constexpr KindWeights kWeights[] = {
    {kKindEmail, 1.0, 1.0},    {kKindUrl, 0.8, 0.9},      {kKindPhone, 0.7, 0.9},  {kKindDate, 0.7, 0.9},
    {kKindNumber, 0.4, 0.9},   {kKindMoney, 0.5, 0.9},    {kKindBoolean, 0.6, 0.9}, {kKindPostal, 0.5, 0.7},
    {kKindCountry, 0.6, 0.6},  {kKindCurrency, 0.7, 0.8}, {kKindText, 0.15, 0.8}, {kKindCode, 0.2, 0.3},
};
constexpr double kFits = 0.8;                  // share of values at or above which they fit
constexpr double kMisfits = 0.34;              // share at or below which they contradict
constexpr double kEnumFit = 1.0, kEnumPartial = 0.5, kEnumMisfit = 0.6;

std::string count_note(std::size_t count, std::size_t total, const std::string& what) {
    return std::to_string(count) + " of " + std::to_string(total) + " values " + what;
}

}  // namespace

Expectation expectation_for(const Field& destination, const std::vector<const NameForm*>& forms,
                            const Lexicon& lexicon) {
    Expectation expectation;
    switch (destination.type) {
        case FieldType::Boolean: expectation.kind = kKindBoolean; return expectation;
        case FieldType::Number: expectation.kind = kKindNumber; return expectation;
        case FieldType::Date: expectation.kind = kKindDate; return expectation;
        case FieldType::Enum:
        case FieldType::EnumList: expectation.enum_options = !destination.enum_options.empty(); return expectation;
        case FieldType::Reference:
        case FieldType::ReferenceList: return expectation;
        default: break;
    }
    // Labels first: they are written for people and usually name the concept best.
    std::vector<const NameForm*> ordered = forms;
    std::stable_sort(ordered.begin(), ordered.end(), [](const NameForm* a, const NameForm* b) {
        return (a->origin == NameOrigin::Label) > (b->origin == NameOrigin::Label);
    });
    for (const NameForm* form : ordered) {
        if (form->origin == NameOrigin::Alias || form->empty()) continue;
        const unsigned kind = lexicon.kind_of(form->tokens.back());
        if (kind) {
            expectation.kind = kind;
            break;
        }
    }
    return expectation;
}

unsigned dominant_kind(const ValueProfile& profile) {
    static constexpr unsigned kTelling[] = {kKindEmail, kKindUrl, kKindDate, kKindBoolean, kKindPhone,
                                            kKindMoney, kKindNumber, kKindCountry, kKindText};
    for (unsigned kind : kTelling)
        if (profile.share(kind) >= kFits) return kind;
    return 0;
}

Evidence value_evidence(const ValueProfile& profile, const Expectation& expected, std::size_t enum_matched) {
    Evidence evidence;
    if (profile.non_empty == 0) return evidence;
    // One or two values are weaker evidence than three or more.
    const double strength = std::min(1.0, static_cast<double>(profile.non_empty) / 3.0);

    if (expected.enum_options) {
        evidence.enum_options = true;
        evidence.fitting = enum_matched;
        evidence.total = profile.distinct;
        const double share = static_cast<double>(enum_matched) / static_cast<double>(profile.distinct);
        if (share >= kFits) evidence.value = kEnumFit * strength;
        else if (share >= 0.5) evidence.value = kEnumPartial * strength;
        else if (enum_matched == 0) evidence.value = -kEnumMisfit * strength;
        return evidence;
    }
    if (!expected.kind) return evidence;
    const KindWeights* weights = std::find_if(std::begin(kWeights), std::end(kWeights),
                                              [&](const KindWeights& w) { return w.kind == expected.kind; });
    if (weights == std::end(kWeights)) return evidence;
    evidence.expected_kind = expected.kind;
    evidence.total = profile.non_empty;
    for (unsigned bit = 0; bit < kKindCount; ++bit)
        if ((1u << bit) == expected.kind) evidence.fitting = profile.counts[bit];
    const double share = static_cast<double>(evidence.fitting) / static_cast<double>(profile.non_empty);
    if (share >= kFits) {
        evidence.value = weights->fit * strength;
    } else if (share <= kMisfits) {
        evidence.value = -weights->misfit * strength;
        const unsigned seen = dominant_kind(profile);
        if (seen != expected.kind) evidence.seen_kind = seen;
    }
    return evidence;
}

std::string evidence_note(const Evidence& evidence) {
    if (evidence.value == 0) return "";
    if (evidence.enum_options) return count_note(evidence.fitting, evidence.total, "are options of the field");
    std::string note = count_note(evidence.fitting, evidence.total, std::string("are ") + kind_plural(evidence.expected_kind));
    if (evidence.seen_kind) note += std::string(" (they look like ") + kind_plural(evidence.seen_kind) + ")";
    return note;
}

}  // namespace pm::match
