// Enum value matching (see enum_matcher.h).
#include "matcher/enum_matcher.h"

#include "core/json/text.h"
#include "matcher/text_normalize.h"
#include "matcher/value_kinds.h"
#include "matcher/value_lexicon.h"

#include <algorithm>
#include <unordered_set>

namespace pm::match {

namespace {

// Yes/no options match any way of saying yes/no ("Y", "true", "oui").
constexpr double kPolarityScore = 0.95;

int polarity_of_text(std::string_view text) {
    std::string phrase;
    for (const std::string& word : normalize_text(text).all_words) phrase += (phrase.empty() ? "" : " ") + word;
    return boolean_polarity(phrase);
}

// Built with one allocation (a reason is made for every mapped value of a column).
std::string describe(NameMatch how, const NameForm& form, double score) {
    const char* lead = "";
    switch (how) {
        case NameMatch::Exact: lead = "exact "; break;
        case NameMatch::Normalized: lead = "same as "; break;
        case NameMatch::Synonym: lead = "synonym of "; break;
        case NameMatch::Acronym: lead = "acronym of "; break;
        case NameMatch::Grammar: lead = "same attribute as "; break;
        case NameMatch::Fuzzy: lead = "fuzzy "; break;
        case NameMatch::None: return "";
    }
    std::string out;
    out.reserve(48 + form.text.size());
    out += lead;
    if (how == NameMatch::Fuzzy) {
        const int percent = static_cast<int>(score * 100 + 0.5);
        out += std::to_string(percent / 100);
        out += '.';
        if (percent % 100 < 10) out += '0';
        out += std::to_string(percent % 100);
        out += " with ";
    }
    out += to_string(form.origin);
    out += " \"";
    out += form.text;
    out += '"';
    if (how == NameMatch::Normalized) out += " after normalization";
    return out;
}

}  // namespace

std::string option_value_text(const Json& value) {
    if (value.is_string()) return value.get_ref<const std::string&>();
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number_integer() || value.is_number_unsigned() || value.is_number_float()) return value.dump();
    return "";
}

EnumMatcher::EnumMatcher(const std::vector<EnumOption>& options, EnumMatchOptions match_options,
                         const SynonymTable& synonyms)
    : options_(match_options), option_count_(options.size()), lexicon_(synonyms) {
    for (const EnumOption& option : options) {
        lexicon_.add_destination_name(option_value_text(option.value));
        lexicon_.add_destination_name(option.label);
        for (const std::string& name : option.alternative_names) lexicon_.add_destination_name(name);
    }
    polarity_.assign(options.size(), -1);
    for (std::size_t i = 0; i < options.size(); ++i) {
        const EnumOption& option = options[i];
        add_form(i, option_value_text(option.value), NameOrigin::Value);
        add_form(i, option.label, NameOrigin::Label);
        for (const std::string& name : option.alternative_names) add_form(i, name, NameOrigin::Alias);
        if (option.value.is_boolean()) polarity_[i] = option.value.get<bool>() ? 1 : 0;
        else if (polarity_of_text(option_value_text(option.value)) >= 0) polarity_[i] = polarity_of_text(option_value_text(option.value));
        else if (!option.label.empty()) polarity_[i] = polarity_of_text(option.label);
    }
    // Polarity only helps when the options are a yes/no pair, not for one option called "No".
    std::unordered_set<int> polarities(polarity_.begin(), polarity_.end());
    has_polarity_ = polarities.count(0) && polarities.count(1);
    if (!has_polarity_) polarity_.assign(options.size(), -1);
    best_by_option_.assign(options.size(), -1.0);
}

void EnumMatcher::add_form(std::size_t option, std::string_view text, NameOrigin origin) {
    NameForm form = lexicon_.prepare(text, origin);
    if (form.empty() && form.text.empty()) return;
    lexicon_.register_destination_form(form);
    const std::size_t index = forms_.size();
    exact_.emplace(form.text, index);
    if (!form.joined.empty()) joined_.emplace(form.joined, index);
    for (int token : form.tokens) {
        std::vector<std::size_t>& list = postings_[token];
        if (list.empty() || list.back() != index) list.push_back(index);
    }
    forms_.push_back({option, std::move(form)});
}

EnumValueMatch EnumMatcher::match(std::string_view value) {
    EnumValueMatch result;
    result.source_value = std::string(trim_ascii(value));
    if (result.source_value.empty()) return result;

    // Fast paths: the same text, or the same after normalization.
    if (const auto exact = exact_.find(result.source_value); exact != exact_.end()) {
        const OptionForm& hit = forms_[exact->second];
        result.option = static_cast<int>(hit.option);
        result.score = 1.0;
        result.how = NameMatch::Exact;
        result.reason = describe(NameMatch::Exact, hit.form, 1.0);
        return result;
    }
    // The normalized form is looked up before the full preparation (segmentation, synonyms).
    NormalizedText& words = normalized_;
    normalize_text_into(result.source_value, words);
    joined_scratch_.clear();
    for (const std::string& word : words.words) joined_scratch_ += word;
    if (const auto normalized = joined_.find(joined_scratch_); normalized != joined_.end() && !words.words.empty()) {
        const OptionForm& hit = forms_[normalized->second];
        result.option = static_cast<int>(hit.option);
        result.score = 0.99;
        result.how = NameMatch::Normalized;
        result.reason = describe(NameMatch::Normalized, hit.form, 0.99);
        return result;
    }
    NameForm& form = value_form_;
    lexicon_.prepare_into(form, words, result.source_value, NameOrigin::Value, true, false, false);

    // Candidate forms: those sharing a token (or a neighbour of one) with the value, kept only when
    // the shared weight could reach the threshold (the fuzzy level is 0.85 x overlap + 0.15 x chars).
    if (covered_source_.size() != forms_.size()) {
        covered_source_.assign(forms_.size(), 0.0f);
        covered_option_.assign(forms_.size(), 0.0f);
    }
    for (std::size_t i = 0; i < form.tokens.size(); ++i) {
        auto visit = [&](int token, float similarity) {
            const auto it = postings_.find(token);
            if (it == postings_.end()) return;
            const float option_weight = lexicon_.is_generic(token) || lexicon_.is_digits(token) ? 0.5f : 1.0f;
            for (std::size_t index : it->second) {
                if (covered_source_[index] == 0.0f && covered_option_[index] == 0.0f) reached_.push_back(index);
                covered_source_[index] += form.weights[i] * similarity;
                covered_option_[index] += option_weight * similarity;
            }
        };
        visit(form.tokens[i], 1.0f);
        for (const Neighbour& neighbour : lexicon_.neighbours(form.tokens[i])) visit(neighbour.token, neighbour.similarity);
    }
    const double needed = (options_.threshold - 0.15) / 0.85;
    std::vector<std::size_t>& candidates = candidates_;
    candidates.clear();
    for (std::size_t index : reached_) {
        const double cs = std::min(1.0f, covered_source_[index] / form.total_weight);
        const double cd = std::min(1.0f, covered_option_[index] / forms_[index].form.total_weight);
        // The mean never exceeds the larger coverage: most forms reached by one shared word are
        // ruled out without computing it (the margin keeps rounding from deciding anything).
        if (std::max(cs, cd) >= needed - 1e-9 && overlap_mean(cs, cd) >= needed) candidates.push_back(index);
        covered_source_[index] = 0.0f;
        covered_option_[index] = 0.0f;
    }
    reached_.clear();
    std::sort(candidates.begin(), candidates.end());
    if (!candidates.empty()) lexicon_.complete_form(form);

    double best = 0, runner_up = 0;
    std::size_t best_form = 0;
    NameMatch best_how = NameMatch::None;
    auto consider = [&](std::size_t form_index, double score, NameMatch how) {
        const std::size_t option = forms_[form_index].option;
        if (best_by_option_[option] < 0) touched_.push_back(option);
        if (score <= best_by_option_[option]) return;
        best_by_option_[option] = score;
        if (score > best) {
            if (best > 0 && forms_[best_form].option != option) runner_up = best;
            best = score;
            best_form = form_index;
            best_how = how;
        } else if (option != forms_[best_form].option && score > runner_up) {
            runner_up = score;
        }
    };
    for (std::size_t index : candidates) {
        const NameScore score = compare_names(form, forms_[index].form, lexicon_);
        if (score.score > 0) consider(index, score.score, score.how);
    }
    const int polarity = has_polarity_ && result.source_value.size() <= 12 ? polarity_of_text(result.source_value) : -1;
    if (polarity >= 0)
        for (std::size_t index = 0; index < forms_.size(); ++index)
            if (polarity_[forms_[index].option] == polarity && forms_[index].form.origin != NameOrigin::Alias)
                consider(index, kPolarityScore, NameMatch::Synonym);
    for (std::size_t option : touched_) best_by_option_[option] = -1.0;
    touched_.clear();

    if (best_how == NameMatch::None || best < options_.threshold) return result;
    if (best - runner_up < options_.ambiguity_margin) {
        result.ambiguous = true;
        return result;
    }
    result.option = static_cast<int>(forms_[best_form].option);
    result.score = best;
    result.how = best_how;
    result.reason = describe(best_how, forms_[best_form].form, best);
    return result;
}

EnumMatch match_enum_values(const std::vector<std::string>& values, const std::vector<EnumOption>& options,
                            const EnumMatchOptions& match_options) {
    EnumMatch out;
    EnumMatcher matcher(options, match_options);
    std::vector<bool> used(options.size(), false);
    std::unordered_set<std::string> seen;
    for (const std::string& raw : values) {
        const std::string value(trim_ascii(raw));
        if (value.empty() || !seen.insert(value).second) continue;
        EnumValueMatch match = matcher.match(value);
        if (match.option >= 0) used[static_cast<std::size_t>(match.option)] = true;
        out.values.push_back(std::move(match));
    }
    for (std::size_t i = 0; i < options.size(); ++i)
        if (!used[i]) out.unused_options.push_back(i);
    return out;
}

Json enum_details_json(const EnumMatch& match, const std::vector<EnumOption>& options) {
    Json mapping = Json::array(), unused_source = Json::array(), unused_destination = Json::array();
    for (const EnumValueMatch& value : match.values) {
        if (value.option >= 0)
            mapping.push_back({{"sourceValue", value.source_value},
                               {"destinationValue", options[static_cast<std::size_t>(value.option)].value}});
        else
            unused_source.push_back(value.source_value);
    }
    for (std::size_t index : match.unused_options) unused_destination.push_back(options[index].value);
    return {{"mapping", std::move(mapping)},
            {"unusedSourceValues", std::move(unused_source)},
            {"unusedDestinationValues", std::move(unused_destination)}};
}

}  // namespace pm::match
