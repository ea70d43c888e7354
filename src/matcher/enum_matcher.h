// Matching source values to the options of an enum destination, by option value, label and
// alternativeNames, with the same normalization and scoring as header matching (name_score.h),
// plus yes/no polarity for boolean-like options. Several source values may map to one option
// ("USA", "U.S.", "United States" -> US); a value whose two best options score within the margin
// stays unmapped. The result fills an edge's enumDetails.
//
// Fast enough for big columns: exact and normalized lookups are hash lookups, and the fuzzy
// comparison only looks at options that share a token (or a typo/abbreviation neighbour) with the
// value.
#pragma once

#include "matcher/lexicon.h"
#include "matcher/name_score.h"
#include "core/plan/model.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pm::match {

struct EnumMatchOptions {
    double threshold = 0.75;                   // below: the value stays unmapped
    double ambiguity_margin = 0.05;            // best and runner-up closer than this: unmapped
};

struct EnumValueMatch {
    std::string source_value;
    int option = -1;                           // index into the options, -1 when unmapped
    double score = 0;
    NameMatch how = NameMatch::None;
    bool ambiguous = false;
    std::string reason;                        // "same as label \"United States\" after normalization"
};

class EnumMatcher {
public:
    explicit EnumMatcher(const std::vector<EnumOption>& options, EnumMatchOptions match_options = {},
                         const SynonymTable& synonyms = SynonymTable::builtin());

    // Not const: the lexicon learns the value's words (and caches their neighbours).
    EnumValueMatch match(std::string_view value);
    std::size_t option_count() const { return option_count_; }

private:
    struct OptionForm {
        std::size_t option;
        NameForm form;
    };
    void add_form(std::size_t option, std::string_view text, NameOrigin origin);

    EnumMatchOptions options_;
    std::size_t option_count_ = 0;
    Lexicon lexicon_;
    std::vector<OptionForm> forms_;
    std::vector<int> polarity_;                                  // per option: 1 yes, 0 no, -1 neither
    bool has_polarity_ = false;                                  // the options are a yes/no pair
    std::unordered_map<std::string, std::size_t> exact_;          // text -> first form
    std::unordered_map<std::string, std::size_t> joined_;         // normalized -> first form
    std::unordered_map<int, std::vector<std::size_t>> postings_;  // token -> forms
    std::vector<double> best_by_option_;                          // scratch, per match()
    std::vector<std::size_t> touched_;
    std::vector<float> covered_source_, covered_option_;          // scratch: shared token weight per form
    std::vector<std::size_t> reached_;
    std::vector<std::size_t> candidates_;  // scratch: forms worth comparing
    NormalizedText normalized_;            // scratch: the value's words (lists reused per value)
    std::string joined_scratch_;           // scratch: those words joined
    NameForm value_form_;                  // scratch: the value prepared (buffers reused per value)
};

// The text an option value is compared as: strings as they are, numbers and booleans as JSON.
std::string option_value_text(const Json& value);

// Every distinct value (in first-seen order) against the options.
struct EnumMatch {
    std::vector<EnumValueMatch> values;
    std::vector<std::size_t> unused_options;   // options no value maps to, in option order
};
EnumMatch match_enum_values(const std::vector<std::string>& values, const std::vector<EnumOption>& options,
                            const EnumMatchOptions& match_options = {});

// The contract's EnumDetails: {mapping: [{sourceValue, destinationValue}], unusedSourceValues,
// unusedDestinationValues}. Source values are strings (previews are strings); destination values
// keep the option's JSON type.
Json enum_details_json(const EnumMatch& match, const std::vector<EnumOption>& options);

}  // namespace pm::match
