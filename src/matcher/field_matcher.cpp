// The field matcher: scoring, assignment and the result (see field_matcher.h).
#include "matcher/field_matcher.h"

#include "matcher/assignment.h"
#include "matcher/field_index.h"
#include "matcher/header_grammar.h"
#include "matcher/name_score.h"
#include "matcher/reason_messages.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <memory>
#include <numeric>

namespace pm::match {

using detail::FieldIndex;
using detail::PreparedDestination;
using detail::PreparedSource;

namespace {

constexpr double kEvidenceBoost = 0.1;         // fitting values: up to +0.1
constexpr double kEvidenceCut = 0.45;          // contradicting values: up to 45 % off
constexpr double kExactEvidenceCut = 0.15;     // ... but only 15 % off an exact name
constexpr double kFuzzyCeiling = 0.98;         // a non-exact pair never reaches 1
constexpr double kFuzzyNameCap = 0.9;          // the fuzzy level's own cap (name_score.h)
constexpr double kTellingEvidence = 0.5;
constexpr double kValueOnlyBase = 0.3;         // distinctive values, no name in common: <= 0.45
constexpr double kValueOnlySpan = 0.15;
constexpr double kWeightScale = 1e6;           // scores -> integer weights for the assignment

struct ScoredPair {
    std::size_t source = 0;                    // sorted positions
    std::size_t destination = 0;
    double score = 0;
    bool absolute = false;
    bool exact = false;                        // the very same text
    // What the reason will say; built only for the candidates that are shown.
    NameScore name;
    const NameForm* source_form = nullptr;
    const NameForm* destination_form = nullptr;
    Evidence evidence;
    bool last_of_kind = false;                 // proposed as the last unmapped pair of a value kind
};

std::string two_decimals(double value) {
    const long hundredths = std::lround(value * 100);
    const std::string cents = std::to_string(hundredths % 100);
    return std::to_string(hundredths / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

// Which lexicon entries (and in which language) turned the words into shared concepts:
// "lexicon de: geburtsdatum = date of birth". The English core table is named "synonyms".
std::string lexicon_note(const NameForm& source, const NameForm& destination, const Lexicon& lexicon) {
    std::string note;
    for (const NameForm* form : {&source, &destination})
        for (const SynonymUse& use : form->synonym_uses) {
            const std::string concept_words = lexicon.synonyms().display(use.concept_token);
            if (use.variant == concept_words || use.variant.find('_') != std::string::npos) continue;
            // Cognate and abbreviation rules name themselves ("cognate -idad = -ity: prioridad =
            // priority", "abbreviation prefix: descr = description").
            const bool rule = use.language.rfind("cognate ", 0) == 0 || use.language.rfind("abbreviation ", 0) == 0;
            const std::string table = use.language.empty() ? std::string("synonyms")
                : rule                                     ? use.language
                                                           : "lexicon " + use.language;
            const std::string item = table + ": " +
                                     use.variant + " = " + concept_words;
            if (note.find(item) == std::string::npos) note += (note.empty() ? "" : ", ") + item;
        }
    return note.empty() ? "" : " (" + note + ")";
}

// A reason quotes at most this much of a name: a label of megabytes stays a short reason.
constexpr std::size_t kQuotedNameBytes = 120;

std::string name_reason(NameMatch how, const NameForm& source, const NameForm& destination, double score,
                        Lexicon& lexicon) {
    const std::string_view quoted = bounded_prefix(destination.text, kQuotedNameBytes);
    const std::string where = std::string(to_string(destination.origin)) + " \"" + std::string(quoted) +
                              (quoted.size() < destination.text.size() || destination.truncated ? "…" : "") + "\"";
    const std::string lexicon_used = lexicon_note(source, destination, lexicon);
    switch (how) {
        case NameMatch::Exact: return "exact " + where;
        case NameMatch::Normalized: return "same as " + where + " after normalization";
        case NameMatch::Synonym:
            return (source.used_synonyms || destination.used_synonyms ? "synonym of " : "same words as ") + where +
                   lexicon_used;
        case NameMatch::Acronym: return "acronym of " + where;
        case NameMatch::Grammar: return grammar_compare(source, destination, lexicon).reason + " of " + where + lexicon_used;
        case NameMatch::Fuzzy: return "fuzzy " + two_decimals(score) + " with " + where + lexicon_used;
        case NameMatch::None: break;
    }
    return "no name in common";
}

std::string reason_for(const ScoredPair& pair, Lexicon& lexicon) {
    std::string reason = pair.destination_form
                             ? name_reason(pair.name.how, *pair.source_form, *pair.destination_form, pair.name.score, lexicon)
                             : "no name in common";
    if (pair.last_of_kind) reason += "; the only unmapped column and field of their kind";
    if (pair.evidence.rows > 0) {
        // From the whole column (value_evidence.h): "values: 98% email addresses in 9,000 rows".
        const std::string note = column_evidence_note(pair.evidence);
        if (!note.empty()) reason += (pair.evidence.value > 0 ? "; values: " : "; values contradict: ") + note;
        return reason;
    }
    const std::string note = evidence_note(pair.evidence);
    if (!note.empty())
        reason += (pair.evidence.value > 0 ? "; values fit: " : "; values contradict: ") + note;
    return reason;
}

// reason_for's parts as catalog messages (reason_messages.h), in the same order.
std::vector<MessageRef> reason_messages_for(const ScoredPair& pair, Lexicon& lexicon) {
    std::vector<MessageRef> parts;
    parts.reserve(3);
    parts.push_back(name_reason_message(pair.name.how, pair.source_form, pair.destination_form, pair.name.score, lexicon));
    if (pair.last_of_kind) parts.push_back(last_of_kind_message());
    MessageRef values = evidence_message(pair.evidence);
    if (!values.empty()) parts.push_back(std::move(values));
    return parts;
}

// Issue 13, point 5: a date column is never proposed for a date field named after another event
// ("Shipped date" for Order date, "Date valeur" for Transaction date) unless the names agree.
// The event of a date name: its date concepts other than the bare date ("hire date", "created
// at") and the words that name an event ("order", "invoice", "payment").
bool is_event_word(std::string_view word) {
    static constexpr std::string_view kWords[] = {
        "order",
        "shipping",
        "invoice",
        "payment",
        "registration",
        "event",
        "booking",
        "transaction",
        "return",
        "refund",
        "renewal",
        "expiry",
        "expiration",
        "delivery",
        "birth",
        "hire",
        "start",
        "end",
        "due",
        "signup",
        "check_in_time",
        "closing",
        "opening",
        "contract",
        "probation",
        "founded",
        "last",
        "first",
        // The other events of invoices, payments and records (QuickBooks "Service Date", the
        // settlement and maturity dates of payments, approval and publication of records, visits).
        "service",
        "settlement",
        "cancellation",
        "approval",
        "publication",
        "maturity",
        "login",
        "visit",
    };
    return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

void add_date_events(const NameForm& form, const Lexicon& lexicon, std::vector<int>& events) {
    for (int token : form.tokens) {
        const std::string& text = lexicon.text(token);
        const bool date_concept = lexicon.kind_of(token) == kKindDate && text != "date" && text != "timestamp";
        if ((date_concept || is_event_word(text)) && std::find(events.begin(), events.end(), token) == events.end())
            events.push_back(token);
    }
}

bool names_a_date(const NameForm& form, const Lexicon& lexicon) {
    for (int token : form.tokens)
        if (lexicon.kind_of(token) == kKindDate) return true;
    return false;
}

class PairScorer {
public:
    PairScorer(FieldIndex& index, Lexicon& lexicon, const MatchOptions& options)
        : index_(index), lexicon_(lexicon), options_(options), enum_matchers_(index.destinations().size()) {}

    // False when the pair is not worth keeping. When true, every field of `out` but `source` and
    // `last_of_kind` is written (PairStore::add relies on it).
    bool score(const PreparedSource& source, std::size_t position, ScoredPair& out) {
        const PreparedDestination& destination = index_.destinations()[position];
        NameScore best;
        const NameForm* best_source = nullptr;
        const NameForm* best_destination = nullptr;
        for (std::size_t i = 0; i < source.forms.size(); ++i) {
            const NameForm& source_form = source.forms[i];
            // A key that reads like the label ("first_name" / "First Name") only adds the exact test.
            const bool repeat = i > 0 && source.label_repeats_key;
            for (std::size_t j = 0; j < destination.forms.size(); ++j) {
                const NameForm& destination_form = index_.form(destination.forms[j]);
                NameScore score;
                if (repeat || destination.repeats[j]) {
                    if (source_form.text != destination_form.text || source_form.truncated || destination_form.truncated)
                        continue;
                    score = {1.0, NameMatch::Exact};
                } else {
                    score = compare_names(source_form, destination_form, lexicon_, &similarities_[i]);
                }
                if (score.score > best.score || (score.score == best.score && score.how > best.how)) {
                    best = score;
                    best_source = &source_form;
                    best_destination = &destination_form;
                }
            }
        }

        if (other_event(source, position)) return false;

        Evidence evidence;
        if (options_.use_values && source.profile.non_empty > 0) {
            std::size_t enum_matched = 0;
            if (destination.expectation.enum_options) enum_matched = count_enum_matches(source, position);
            evidence = source.column ? column_evidence(*source.column, source.profile, destination.expectation, enum_matched)
                                     : value_evidence(source.profile, destination.expectation, enum_matched);
        }

        out.absolute = best.how == NameMatch::Exact || best.how == NameMatch::Normalized;
        out.exact = best.how == NameMatch::Exact;
        double score = best.score;
        if (best.how == NameMatch::None) {
            // Values alone: only distinctive kinds, and never enough for the default threshold.
            if (!source.telling_kind || destination.expectation.kind != source.telling_kind || evidence.value < 0.6)
                return false;
            score = kValueOnlyBase + kValueOnlySpan * evidence.value;
        } else if (evidence.value > 0) {
            score = out.absolute ? score : std::min(kFuzzyCeiling, score + kEvidenceBoost * evidence.value);
            // Only telling values lift a fuzzy name into the strong band.
            if (best.how == NameMatch::Fuzzy && evidence.value < kTellingEvidence) score = std::min(score, kFuzzyNameCap);
        } else if (evidence.value < 0) {
            score *= 1.0 - (out.absolute ? kExactEvidenceCut : kEvidenceCut) * -evidence.value;
            out.absolute = false;
            out.exact = false;
        }
        if (column_misfits(evidence)) {
            // A fifth or more of the column's values would not fit: never high certainty.
            score = std::min(score, kMisfitScoreCap);
            out.absolute = false;
            out.exact = false;
        }
        out.score = score;
        out.destination = position;
        out.name = best;
        out.source_form = best_source;
        out.destination_form = best_destination;
        out.evidence = evidence;
        return score > 0;
    }

    // Call before scoring the pairs of `source`: what other_event needs from it is found once.
    void begin_source(const PreparedSource& source) {
        source_is_date_ = source.profile.non_empty > 0 && source.profile.share(kKindDate) >= 0.8;
        for (const NameForm& form : source.forms) source_is_date_ = source_is_date_ || names_a_date(form, lexicon_);
        // Each source name's token similarities, read by every pair of this source.
        if (similarities_.size() < source.forms.size()) similarities_.resize(source.forms.size());
        for (std::size_t i = 0; i < source.forms.size(); ++i) similarities_[i].build(source.forms[i], lexicon_);
        source_events_.clear();
        if (source_is_date_)
            for (const NameForm& form : source.forms) add_date_events(form, lexicon_, source_events_);
    }

private:
    // True when both are dates named after events that do not agree (see is_event_word). The
    // source's side comes from begin_source, each destination's is found once.
    bool other_event(const PreparedSource&, std::size_t position) {
        const PreparedDestination& destination = index_.destinations()[position];
        if (destination.expectation.kind != kKindDate || !source_is_date_ || source_events_.empty()) return false;
        if (destination_events_.empty()) destination_events_.resize(index_.destinations().size());
        std::unique_ptr<std::vector<int>>& cached = destination_events_[position];
        if (!cached) {
            cached = std::make_unique<std::vector<int>>();
            for (std::size_t id : destination.forms) {
                const NameForm& form = index_.form(id);
                if (form.origin != NameOrigin::Alias) add_date_events(form, lexicon_, *cached);
            }
        }
        if (cached->empty()) return false;
        for (int a : source_events_)
            for (int b : *cached)
                if (lexicon_.similarity(a, b) >= 0.5 || lexicon_.synonyms().related(lexicon_.text(a), lexicon_.text(b)) >= 0.5)
                    return false;
        return true;
    }

    std::size_t count_enum_matches(const PreparedSource& source, std::size_t position) {
        std::unique_ptr<EnumMatcher>& matcher = enum_matchers_[position];
        if (!matcher)
            matcher = std::make_unique<EnumMatcher>(index_.destinations()[position].entry->field.enum_options,
                                                    options_.enum_values, lexicon_.synonyms());
        std::size_t matched = 0;
        for (const std::string& value : source.profile.distinct_values)
            if (matcher->match(value).option >= 0) ++matched;
        return matched;
    }

    FieldIndex& index_;
    Lexicon& lexicon_;
    const MatchOptions& options_;
    std::vector<std::unique_ptr<EnumMatcher>> enum_matchers_;
    bool source_is_date_ = false;
    std::vector<int> source_events_;
    std::vector<SourceSimilarities> similarities_;                       // per form of the current source
    std::vector<std::unique_ptr<std::vector<int>>> destination_events_;  // per position, when needed
};

const ColumnValues* column_of(const MatchOptions& options, const std::string& source_key) {
    if (!options.columns) return nullptr;
    const auto found = options.columns->find(source_key);
    return found == options.columns->end() ? nullptr : &found->second;
}

bool pair_order(const ScoredPair& a, const ScoredPair& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.destination < b.destination;     // positions are in key order
}

// Every source's pairs (100,000 on 2,000 x 2,000), scored in place into chunks that never move.
// A ScoredPair is over 100 bytes, and the wasm copies it through memcpy calls: sorting the pairs
// themselves (each moved log n times), a vector per source (an allocation each) and then one
// growing array (copied at each doubling) each cost a tenth or more of the time under node.
class PairStore {
public:
    // A pair for PairScorer::score to fill, valid until drop_last() or the store's end. A slot is
    // not cleared (a memset per pair was a twentieth of the wasm's time): a score() that returns
    // true writes every field but `source` (the caller's) and `last_of_kind` (cleared here).
    ScoredPair& add() {
        if (chunks_.empty() || used_ == kChunk) {
            chunks_.push_back(std::unique_ptr<ScoredPair[]>(new ScoredPair[kChunk]));
            used_ = 0;
        }
        ScoredPair& pair = chunks_.back()[used_++];
        pair.last_of_kind = false;
        return pair;
    }
    void drop_last() { --used_; }

private:
    static constexpr std::size_t kChunk = 4096;
    std::vector<std::unique_ptr<ScoredPair[]>> chunks_;
    std::size_t used_ = 0;
};

// Puts `pairs` in pair_order by sorting small keys, not the pairs. The order is the same as
// sorting by pair_order: destinations differ within a source, so it has no ties.
void sort_pairs(std::vector<ScoredPair*>& pairs) {
    std::sort(pairs.begin(), pairs.end(), [](const ScoredPair* a, const ScoredPair* b) {
        if (a->score != b->score) return a->score > b->score;
        return a->destination < b->destination;
    });
}

// One source's pairs, best first: a range of pointers into the PairStore.
struct SourcePairs {
    struct Iterator {
        ScoredPair* const* at;
        ScoredPair& operator*() const { return **at; }
        Iterator& operator++() {
            ++at;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return at != other.at; }
    };
    ScoredPair** first = nullptr;
    ScoredPair** last = nullptr;
    Iterator begin() const { return {first}; }
    Iterator end() const { return {last}; }
};
using PairsBySource = std::vector<SourcePairs>;

const ScoredPair* find_pair(const SourcePairs& pairs, std::size_t destination) {
    for (const ScoredPair& pair : pairs)
        if (pair.destination == destination) return &pair;
    return nullptr;
}

// The assignment: fixed absolute pairs, then the optimal matching of the rest, then the
// ambiguity rules (field_matcher.h). Returns a destination position per source position.
std::vector<std::size_t> assign(const PairsBySource& by_source, std::size_t destination_count, const MatchOptions& options,
                                std::vector<bool>& ambiguous) {
    const std::size_t source_count = by_source.size();
    std::vector<std::vector<const ScoredPair*>> by_destination(destination_count);
    for (const auto& pairs : by_source)
        for (const ScoredPair& pair : pairs) by_destination[pair.destination].push_back(&pair);

    std::vector<std::size_t> result(source_count, kUnassigned);
    std::vector<bool> destination_taken(destination_count, false);
    // 1. Absolute pairs that nobody disputes are fixed: a clear exact match is never traded for
    //    two fuzzy ones with a larger sum.
    for (std::size_t s = 0; s < source_count; ++s) {
        const ScoredPair* only = nullptr;
        std::size_t absolutes = 0;
        for (const ScoredPair& pair : by_source[s])
            if (pair.absolute && pair.score >= options.threshold) {
                only = &pair;
                ++absolutes;
            }
        if (absolutes != 1) continue;
        std::size_t rivals = 0;
        for (const ScoredPair* other : by_destination[only->destination])
            if (other->absolute && other->score >= options.threshold) ++rivals;
        if (rivals != 1) continue;
        result[s] = only->destination;
        destination_taken[only->destination] = true;
    }
    // 2. Max-weight matching of what is left.
    std::vector<WeightedPair> weighted;
    for (std::size_t s = 0; s < source_count; ++s) {
        if (result[s] != kUnassigned) continue;
        for (const ScoredPair& pair : by_source[s])
            if (pair.score >= options.threshold && !destination_taken[pair.destination])
                weighted.push_back({s, pair.destination, std::llround(pair.score * kWeightScale)});
    }
    const std::vector<std::size_t> matched = max_weight_matching(source_count, destination_count, std::move(weighted));
    std::vector<std::size_t> owner(destination_count, kUnassigned);
    for (std::size_t s = 0; s < source_count; ++s) {
        if (result[s] == kUnassigned) result[s] = matched[s];
        if (result[s] != kUnassigned) owner[result[s]] = s;
    }

    // 3. Ambiguity, judged on the assignment as a whole (nothing cascades). An exact text match
    //    with no exact rival is settled and takes part in no rivalry.
    ambiguous.assign(source_count, false);
    const double margin = options.ambiguity_margin;
    std::vector<bool> settled(source_count, false);
    for (std::size_t s = 0; s < source_count; ++s) {
        if (result[s] == kUnassigned) continue;
        const ScoredPair* mine = find_pair(by_source[s], result[s]);
        if (!mine->exact) continue;
        bool rival = false;
        for (const ScoredPair& pair : by_source[s]) rival = rival || (pair.exact && pair.destination != result[s]);
        for (const ScoredPair* other : by_destination[result[s]]) rival = rival || (other->exact && other != mine);
        settled[s] = !rival;
    }
    for (std::size_t s = 0; s < source_count; ++s) {
        if (result[s] == kUnassigned || settled[s]) continue;
        const double x = find_pair(by_source[s], result[s])->score;
        // Another destination, free, nearly as good for this source.
        for (const ScoredPair& pair : by_source[s])
            if (pair.destination != result[s] && owner[pair.destination] == kUnassigned && pair.score >= x - margin)
                ambiguous[s] = true;
        for (const ScoredPair* theirs : by_destination[result[s]]) {
            const std::size_t t = theirs->source;
            if (t == s || settled[t]) continue;
            if (result[t] == kUnassigned) {
                // Another source, left without a destination, nearly as good for this one.
                if (theirs->score >= x - margin) ambiguous[s] = true;
                continue;
            }
            // A swap with another assigned pair for nearly the same total.
            const ScoredPair* crossed = find_pair(by_source[s], result[t]);
            const ScoredPair* own = find_pair(by_source[t], result[t]);
            if (crossed && crossed->score + theirs->score >= x + own->score - margin) {
                ambiguous[s] = true;
                ambiguous[t] = true;
            }
        }
    }
    for (std::size_t s = 0; s < source_count; ++s)
        if (ambiguous[s]) result[s] = kUnassigned;
    return result;
}

// Issue 13, point 5: when exactly one unassigned source and one unassigned destination of a
// telling kind (date, amount, email, phone) remain, and their names are related (a listed pair
// with a name score, any language), they are proposed with moderate certainty.
constexpr double kLastOfAKindScore = 0.75;
// The names must share more than the kind's own word: "Service date" and "Payment date" share only
// "date" (a name score near 0.26), which every pair of date columns does.
constexpr double kLastOfAKindNameFloor = 0.35;

void pair_last_of_a_kind(const std::vector<PreparedSource>& sources, const std::vector<PreparedDestination>& destinations,
                         const MatchOptions& options, PairsBySource& by_source, std::vector<std::size_t>& assigned,
                         std::vector<bool>& ambiguous) {
    if (kLastOfAKindScore < options.threshold) return;       // a stricter threshold wins
    std::vector<bool> taken(destinations.size(), false);
    for (std::size_t destination : assigned)
        if (destination != kUnassigned) taken[destination] = true;
    for (unsigned kind : {kKindDate, kKindNumber, kKindEmail, kKindPhone}) {
        std::size_t source = kUnassigned, destination = kUnassigned, source_count = 0, destination_count = 0;
        for (std::size_t s = 0; s < sources.size(); ++s)
            if (assigned[s] == kUnassigned && sources[s].profile.non_empty >= 2 && sources[s].profile.share(kind) >= 0.8 &&
                (kind != kKindNumber || sources[s].profile.share(kKindDate) < 0.8)) {
                source = s;
                ++source_count;
            }
        for (std::size_t d = 0; d < destinations.size(); ++d)
            if (!taken[d] && destinations[d].expectation.kind == kind) {
                destination = d;
                ++destination_count;
            }
        if (source_count != 1 || destination_count != 1) continue;
        for (ScoredPair& pair : by_source[source]) {
            if (pair.destination != destination || pair.name.how == NameMatch::None || pair.evidence.value <= 0) continue;
            if (pair.score < options.candidate_floor) break;
            if (pair.name.score < kLastOfAKindNameFloor) break;
            pair.score = std::max(pair.score, kLastOfAKindScore);
            pair.last_of_kind = true;
            assigned[source] = destination;
            ambiguous[source] = false;
            taken[destination] = true;
            std::sort(by_source[source].first, by_source[source].last,
                      [](const ScoredPair* a, const ScoredPair* b) { return pair_order(*a, *b); });
            break;
        }
    }
}

}  // namespace

Certainty certainty_for(double score, bool absolute) {
    if (absolute) return Certainty::Absolute;
    if (score > 0.9) return Certainty::Strong;
    if (score > 0.7) return Certainty::Moderate;
    return score > 0 ? Certainty::Weak : Certainty::None;
}

MatchResult match_fields(const std::vector<UnmappedField>& sources, const std::vector<UnmappedField>& destinations,
                         const MatchOptions& options) {
    std::vector<const UnmappedField*> source_pointers, destination_pointers;
    for (const UnmappedField& entry : sources) source_pointers.push_back(&entry);
    for (const UnmappedField& entry : destinations) destination_pointers.push_back(&entry);
    return match_fields(source_pointers, destination_pointers, options);
}

MatchResult match_fields(const std::vector<const UnmappedField*>& sources,
                         const std::vector<const UnmappedField*>& destinations, const MatchOptions& options) {
    Lexicon lexicon;
    FieldIndex index(destinations, lexicon);
    const auto& prepared_destinations = index.destinations();

    std::vector<std::size_t> order(sources.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Field& x = sources[a]->field;
        const Field& y = sources[b]->field;
        return x.key != y.key ? x.key < y.key : x.label < y.label;
    });
    std::vector<PreparedSource> prepared;
    prepared.reserve(sources.size());
    for (std::size_t input : order)
        prepared.push_back(index.prepare_source(*sources[input], input, options.use_values,
                                                column_of(options, sources[input]->field.key)));

    PairScorer scorer(index, lexicon, options);
    const double keep = std::min(options.candidate_floor, options.threshold);
    PairStore store;
    std::vector<ScoredPair*> sorted;  // every source's pairs, source after source, each best first
    std::vector<std::size_t> starts(prepared.size() + 1, 0);
    std::vector<std::size_t> candidates;
    std::vector<ScoredPair*> kept;  // one source's pairs before sorting, reused
    for (std::size_t s = 0; s < prepared.size(); ++s) {
        starts[s] = sorted.size();
        index.candidates(prepared[s], candidates);
        scorer.begin_source(prepared[s]);
        kept.clear();
        for (std::size_t position : candidates) {
            ScoredPair& pair = store.add();
            pair.source = s;
            if (scorer.score(prepared[s], position, pair) && pair.score >= keep) kept.push_back(&pair);
            else store.drop_last();
        }
        sort_pairs(kept);
        sorted.insert(sorted.end(), kept.begin(), kept.end());
    }
    starts[prepared.size()] = sorted.size();
    PairsBySource by_source(prepared.size());
    for (std::size_t s = 0; s < prepared.size(); ++s) {
        by_source[s].first = sorted.data() + starts[s];
        by_source[s].last = sorted.data() + starts[s + 1];
    }

    std::vector<bool> ambiguous;
    std::vector<std::size_t> assigned = assign(by_source, prepared_destinations.size(), options, ambiguous);
    pair_last_of_a_kind(prepared, prepared_destinations, options, by_source, assigned, ambiguous);

    MatchResult result;
    result.sources.resize(sources.size());
    for (std::size_t s = 0; s < prepared.size(); ++s) {
        SourceMatch& out = result.sources[prepared[s].input];
        out.source_key = prepared[s].entry->field.key;
        out.ambiguous = ambiguous[s];
        for (const ScoredPair& pair : by_source[s]) {
            const bool is_assigned = pair.destination == assigned[s];
            if (out.candidates.size() >= options.max_candidates && !is_assigned) continue;
            if (pair.score < options.candidate_floor && !is_assigned) continue;
            Candidate candidate;
            candidate.destination_key = prepared_destinations[pair.destination].entry->field.key;
            candidate.score = pair.score;
            candidate.certainty = certainty_for(pair.score, pair.absolute);
            candidate.reason = reason_for(pair, lexicon);
            candidate.reason_messages = reason_messages_for(pair, lexicon);
            if (is_assigned) {
                out.destination_key = candidate.destination_key;
                out.score = candidate.score;
                out.certainty = candidate.certainty;
                out.reason = candidate.reason;
                out.reason_messages = candidate.reason_messages;
                ++result.assigned;
            }
            out.candidates.push_back(std::move(candidate));
        }
    }
    return result;
}

struct DestinationRanker::Impl {
    Impl(std::vector<UnmappedField> destinations, const MatchOptions& match_options)
        : options(match_options),
          owned(std::move(destinations)),
          index(pointers(owned), lexicon),
          scorer(index, lexicon, options) {}

    static std::vector<const UnmappedField*> pointers(const std::vector<UnmappedField>& fields) {
        std::vector<const UnmappedField*> out;
        out.reserve(fields.size());
        for (const UnmappedField& field : fields) out.push_back(&field);
        return out;
    }

    MatchOptions options;
    std::vector<UnmappedField> owned;          // before index: it points into these
    Lexicon lexicon;
    FieldIndex index;
    PairScorer scorer;
    std::vector<std::size_t> positions;
};

DestinationRanker::DestinationRanker(std::vector<UnmappedField> destinations, const MatchOptions& options)
    : impl_(std::make_unique<Impl>(std::move(destinations), options)) {}

DestinationRanker::~DestinationRanker() = default;

std::vector<Candidate> DestinationRanker::rank(const UnmappedField& source) {
    Impl& d = *impl_;
    const PreparedSource prepared =
        d.index.prepare_source(source, 0, d.options.use_values, column_of(d.options, source.field.key));
    std::vector<ScoredPair> kept;
    d.index.candidates(prepared, d.positions);
    d.scorer.begin_source(prepared);
    for (std::size_t position : d.positions) {
        ScoredPair pair;
        if (d.scorer.score(prepared, position, pair) && pair.score >= d.options.candidate_floor) kept.push_back(pair);
    }
    std::vector<ScoredPair*> pairs;
    for (ScoredPair& pair : kept) pairs.push_back(&pair);
    sort_pairs(pairs);
    std::vector<Candidate> out;
    for (const ScoredPair* pointer : pairs) {
        const ScoredPair& pair = *pointer;
        if (out.size() >= d.options.max_candidates) break;
        Candidate candidate;
        candidate.destination_key = d.index.destinations()[pair.destination].entry->field.key;
        candidate.score = pair.score;
        candidate.certainty = certainty_for(pair.score, pair.absolute);
        candidate.reason = reason_for(pair, d.lexicon);
        candidate.reason_messages = reason_messages_for(pair, d.lexicon);
        out.push_back(std::move(candidate));
    }
    return out;
}

}  // namespace pm::match
