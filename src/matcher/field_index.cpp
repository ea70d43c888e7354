// Prepared fields and candidate blocking (see field_index.h).
#include "matcher/field_index.h"

#include "core/json/text.h"
#include "matcher/name_score.h"

#include <algorithm>
#include <numeric>

namespace pm::match::detail {

namespace {

// Token overlap bound below which a pair cannot become a listed candidate: the fuzzy level is
// 0.85 x overlap + 0.15 x characters and values add at most 0.1, so an overlap under 0.2 stays
// under the default candidate floor of 0.25.
constexpr float kOverlapBound = 0.2f;

bool field_less(const Field& a, const Field& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.label < b.label;
}

}  // namespace

FieldIndex::FieldIndex(const std::vector<const UnmappedField*>& destinations, Lexicon& lexicon) : lexicon_(lexicon) {
    std::vector<std::size_t> order(destinations.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return field_less(destinations[a]->field, destinations[b]->field);
    });
    // The whole destination vocabulary first: it decides how source words are split.
    for (const UnmappedField* entry : destinations) {
        lexicon_.add_destination_name(entry->field.key);
        lexicon_.add_destination_name(entry->field.label);
        for (const std::string& alias : entry->field.alternative_names) lexicon_.add_destination_name(alias);
    }
    for (std::size_t input : order) {
        const Field& field = destinations[input]->field;
        PreparedDestination destination;
        destination.input = input;
        destination.entry = destinations[input];
        std::vector<const NameForm*> prepared;
        auto add = [&](const std::string& text, NameOrigin origin) {
            for (std::size_t id : destination.forms)
                if (forms_[id].text == text) return;
            NameForm form = lexicon_.prepare(text, origin);
            if (form.empty()) return;
            lexicon_.register_destination_form(form);
            bool repeat = false;
            for (std::size_t id : destination.forms)
                repeat = repeat || (forms_[id].joined == form.joined && forms_[id].tokens == form.tokens);
            destination.repeats.push_back(repeat);
            destination.forms.push_back(forms_.size());
            form_owner_.push_back(destinations_.size());
            forms_.push_back(std::move(form));
        };
        add(field.key, NameOrigin::Key);
        if (!field.label.empty()) add(field.label, NameOrigin::Label);
        for (const std::string& alias : field.alternative_names) add(alias, NameOrigin::Alias);
        for (std::size_t id : destination.forms) prepared.push_back(&forms_[id]);
        destination.expectation = expectation_for(field, prepared, lexicon_);
        if (destination.expectation.kind) by_kind_[destination.expectation.kind].push_back(destinations_.size());
        destinations_.push_back(std::move(destination));
    }
    for (std::size_t id = 0; id < forms_.size(); ++id) {
        const NameForm& form = forms_[id];
        for (int token : form.tokens) {
            std::vector<std::size_t>& list = postings_[token];
            if (list.empty() || list.back() != id) list.push_back(id);
        }
        by_joined_[form.joined].push_back(id);
        if (form.word_count >= 2 && form.initials.size() >= 2) by_initials_[form.initials].push_back(id);
    }
    covered_source_.assign(forms_.size(), 0.0f);
    covered_destination_.assign(forms_.size(), 0.0f);
    listed_.assign(destinations_.size(), 0u);
}

PreparedSource FieldIndex::prepare_source(const UnmappedField& entry, std::size_t input, bool use_values,
                                          const ColumnValues* column) {
    PreparedSource source;
    source.input = input;
    source.entry = &entry;
    NameForm key = lexicon_.prepare(entry.field.key, NameOrigin::Key, true);
    const bool distinct_label = !entry.field.label.empty() && trim_ascii(entry.field.label) != key.text;
    if (!key.empty()) source.forms.push_back(std::move(key));
    if (distinct_label) {
        NameForm label = lexicon_.prepare(entry.field.label, NameOrigin::Label, true);
        if (!label.empty()) source.forms.push_back(std::move(label));
    }
    if (source.forms.size() == 2)
        source.label_repeats_key =
            source.forms[1].joined == source.forms[0].joined && source.forms[1].tokens == source.forms[0].tokens;
    if (use_values) {
        source.column = column;
        source.profile = column ? column_value_profile(*column) : profile_values(entry.preview);
        for (unsigned kind : {kKindEmail, kKindUrl, kKindPhone})
            if (source.profile.non_empty >= 2 && source.profile.share(kind) >= 0.8) source.telling_kind = kind;
    }
    return source;
}

void FieldIndex::candidates(const PreparedSource& source, std::vector<std::size_t>& out) {
    out.clear();
    // Each destination is added once (a stamp per call), then the few unique positions are sorted:
    // sorting every hit of every form, duplicates included, cost more than scoring some pairs.
    if (++stamp_ == 0) {
        std::fill(listed_.begin(), listed_.end(), 0u);
        stamp_ = 1;
    }
    auto add_position = [&](std::size_t position) {
        if (listed_[position] == stamp_) return;
        listed_[position] = stamp_;
        out.push_back(position);
    };
    for (const NameForm& form : source.forms) {
        // Shared weight per destination form, through equal tokens and fuzzy/related neighbours.
        for (std::size_t i = 0; i < form.tokens.size(); ++i) {
            const float weight = form.weights[i];
            auto visit = [&](int token, float similarity) {
                const auto list = postings_.find(token);
                if (list == postings_.end()) return;
                const float destination_weight = lexicon_.is_generic(token) || lexicon_.is_digits(token) ? 0.5f : 1.0f;
                for (std::size_t id : list->second) {
                    if (covered_source_[id] == 0.0f && covered_destination_[id] == 0.0f) touched_.push_back(id);
                    covered_source_[id] += weight * similarity;
                    covered_destination_[id] += destination_weight * similarity;
                }
            };
            visit(form.tokens[i], 1.0f);
            for (const Neighbour& neighbour : lexicon_.neighbours(form.tokens[i])) visit(neighbour.token, neighbour.similarity);
        }
        for (std::size_t id : touched_) {
            const float cs = std::min(1.0f, covered_source_[id] / form.total_weight);
            const float cd = std::min(1.0f, covered_destination_[id] / forms_[id].total_weight);
            if (overlap_mean(cs, cd) >= kOverlapBound) add_position(form_owner_[id]);
            covered_source_[id] = 0.0f;
            covered_destination_[id] = 0.0f;
        }
        touched_.clear();
        if (const auto same = by_joined_.find(form.joined); same != by_joined_.end())
            for (std::size_t id : same->second) add_position(form_owner_[id]);
        if (form.tokens.size() == 1) {
            // An acronym source ("SSN") against destinations whose initials it spells.
            if (const auto spelled = by_initials_.find(lexicon_.text(form.tokens[0])); spelled != by_initials_.end())
                for (std::size_t id : spelled->second) add_position(form_owner_[id]);
        }
        if (form.word_count >= 2)
            if (const auto acronym = by_joined_.find(form.initials); acronym != by_joined_.end())
                for (std::size_t id : acronym->second) add_position(form_owner_[id]);
    }
    if (source.telling_kind)
        if (const auto kind = by_kind_.find(source.telling_kind); kind != by_kind_.end())
            for (std::size_t position : kind->second) add_position(position);
    std::sort(out.begin(), out.end());
}

}  // namespace pm::match::detail
