// The matcher's reasons as catalog messages (see reason_messages.h). Each builder mirrors the
// English sentence of its counterpart (field_matcher.cpp name_reason / reason_for,
// field_evidence.cpp evidence_note, value_evidence.cpp column_evidence_note); the catalog's English
// for these keys is that sentence, word for word.
#include "matcher/reason_messages.h"

#include "matcher/header_grammar.h"
#include "matcher/text_normalize.h"
#include "matcher/value_kinds.h"

#include <cmath>
#include <string>
#include <string_view>
#include <utility>

namespace pm::match {

namespace {

// A reason quotes at most this much of a name (as field_matcher.cpp's English does).
constexpr std::size_t kQuotedNameBytes = 120;

// Joins the parts with no separator between them (each part brings its own ", "); several
// parts in a row are nested as match.join (or match.list, ", " between) ("{first}{rest}").
MessageRef joined(std::vector<MessageRef> parts, const char* key) {
    MessageRef out = std::move(parts.back());
    for (std::size_t i = parts.size() - 1; i-- > 0;)
        out = MessageRef(key).with_messages("first", {std::move(parts[i])}).with_messages("rest", {std::move(out)});
    return out;
}

std::vector<MessageRef> optional(MessageRef message) {
    if (message.empty()) return {};
    return {std::move(message)};
}

MessageRef where_message(const NameForm& destination) {
    const std::string_view quoted = bounded_prefix(destination.text, kQuotedNameBytes);
    const std::string name = std::string(quoted) + (quoted.size() < destination.text.size() || destination.truncated ? "…" : "");
    switch (destination.origin) {
        case NameOrigin::Key: return MessageRef("match.atKey").with("name", name);
        case NameOrigin::Label: return MessageRef("match.atLabel").with("name", name);
        case NameOrigin::Alias: return MessageRef("match.atAlias").with("name", name);
        case NameOrigin::Value: break;
    }
    return MessageRef("match.atValue").with("name", name);
}

// Which lexicon entries turned the words into shared concepts, as lexicon_note in
// field_matcher.cpp lists them (the same items, the same order, the same duplicates left out).
MessageRef lexicon_message(const NameForm& source, const NameForm& destination, const Lexicon& lexicon) {
    std::string english;  // the note as English writes it: its duplicate test is on this text
    std::vector<MessageRef> items;
    for (const NameForm* form : {&source, &destination})
        for (const SynonymUse& use : form->synonym_uses) {
            const std::string concept_words = lexicon.synonyms().display(use.concept_token);
            if (use.variant == concept_words || use.variant.find('_') != std::string::npos) continue;
            const bool cognate = use.language.rfind("cognate ", 0) == 0;
            const bool abbreviation = use.language.rfind("abbreviation ", 0) == 0 || use.language == "spelling neighbour";
            const std::string table = use.language.empty() ? std::string("synonyms")
                : cognate || abbreviation                  ? use.language
                                                           : "lexicon " + use.language;
            const std::string item = table + ": " + use.variant + " = " + concept_words;
            if (english.find(item) != std::string::npos) continue;
            english += (english.empty() ? "" : ", ") + item;
            // The abbreviation rules by name (abbreviations.h: "abbreviation prefix" or "... skeleton";
            // spelling_neighbours.h: "spelling neighbour").
            MessageRef message(use.language.empty()                          ? "match.lexiconSynonyms"
                                   : cognate                                 ? "match.lexiconCognate"
                                   : use.language == "abbreviation prefix"   ? "match.abbreviationPrefix"
                                   : use.language == "abbreviation skeleton" ? "match.abbreviationSkeleton"
                                   : use.language == "spelling neighbour"    ? "match.spellingNeighbour"
                                                                             : "match.lexiconLanguage");
            if (cognate) message.with("rule", use.language.substr(8));
            else if (!use.language.empty() && !abbreviation) message.with("language", use.language);
            items.push_back(std::move(message.with("word", use.variant).with("concept", concept_words)));
        }
    if (items.empty()) return {};
    return MessageRef("match.lexicon").with_messages("items", {joined(std::move(items), "match.list")});
}

}  // namespace

MessageRef grammar_reason_message(const GrammarScore& grammar) {
    std::vector<MessageRef> details;
    if (!grammar.entity.empty()) details.push_back(MessageRef("match.grammarEntity").with("words", grammar.entity));
    for (int index : grammar.index) details.push_back(MessageRef("match.grammarIndex").with("index", std::to_string(index)));
    for (const std::string& word : grammar.qualifiers) details.push_back(MessageRef("match.grammarQualifier").with("word", word));
    if (grammar.meta) details.push_back(MessageRef("match.grammarMeta"));
    if (grammar.head_first) details.push_back(MessageRef("match.grammarHeadFirst"));
    MessageRef out("match.grammar");
    out.with("attribute", grammar.attribute);
    out.with_messages(
        "details",
        details.empty() ? std::vector<MessageRef>{} : std::vector<MessageRef>{joined(std::move(details), "match.join")});
    return out;
}

MessageRef kind_message(unsigned single_kind) {
    // Each key written out, so the catalog check finds it used (tests/web/messages-catalog.test.mjs).
    static constexpr std::pair<unsigned, const char*> kKinds[] = {
        {kKindEmail, "match.kindEmail"},       {kKindUrl, "match.kindUrl"},       {kKindPhone, "match.kindPhone"},
        {kKindDate, "match.kindDate"},         {kKindNumber, "match.kindNumber"}, {kKindMoney, "match.kindMoney"},
        {kKindBoolean, "match.kindBoolean"},   {kKindPostal, "match.kindPostal"}, {kKindCountry, "match.kindCountry"},
        {kKindCurrency, "match.kindCurrency"}, {kKindText, "match.kindText"},     {kKindCode, "match.kindCode"},
    };
    for (const auto& [kind, key] : kKinds)
        if (kind == single_kind) return MessageRef(key);
    return MessageRef("match.kindText");
}

MessageRef name_reason_message(NameMatch how, const NameForm* source_form, const NameForm* destination, double score,
                               Lexicon& lexicon) {
    if (!source_form || !destination || how == NameMatch::None) return MessageRef("match.noName");
    const NameForm& source = *source_form;
    MessageRef where = where_message(*destination);
    auto with_lexicon = [&](MessageRef message) {
        message.with_messages("where", {std::move(where)});
        message.with_messages("lexicon", optional(lexicon_message(source, *destination, lexicon)));
        return message;
    };
    switch (how) {
        case NameMatch::Exact: return MessageRef("match.exact").with_messages("where", {std::move(where)});
        case NameMatch::Normalized: return MessageRef("match.normalized").with_messages("where", {std::move(where)});
        case NameMatch::Synonym:
            return with_lexicon(
                MessageRef(source.used_synonyms || destination->used_synonyms ? "match.synonym" : "match.sameWords"));
        case NameMatch::Acronym: return MessageRef("match.acronym").with_messages("where", {std::move(where)});
        case NameMatch::Grammar: return with_lexicon(grammar_reason_message(grammar_compare(source, *destination, lexicon)));
        case NameMatch::Fuzzy: {
            const long hundredths = std::lround(score * 100);
            const std::string cents = std::to_string(hundredths % 100);
            return with_lexicon(MessageRef("match.fuzzy")
                                    .with("whole", std::to_string(hundredths / 100))
                                    .with("cents", (cents.size() < 2 ? "0" : "") + cents));
        }
        case NameMatch::None: break;
    }
    return MessageRef("match.noName");
}

MessageRef evidence_message(const Evidence& evidence) {
    if (evidence.value == 0) return {};
    MessageRef note;
    if (evidence.rows > 0) {
        const MessageRef rows = MessageRef("enum.rows").counting(static_cast<long long>(evidence.rows));
        if (evidence.enum_options) {
            note = MessageRef("match.valuesCommonOptions")
                       .with("fitting", std::to_string(evidence.fitting))
                       .with_messages("rows", {rows})
                       .counting(static_cast<long long>(evidence.total));
        } else {
            const long percent = std::lround(100.0 * static_cast<double>(evidence.fitting) / static_cast<double>(evidence.total));
            note = MessageRef("match.valuesShare")
                       .with("percent", std::to_string(percent))
                       .with_messages("kind", {kind_message(evidence.expected_kind)})
                       .with_messages("rows", {rows});
        }
    } else if (evidence.enum_options) {
        note = MessageRef("match.valuesOptions")
                   .with("fitting", std::to_string(evidence.fitting))
                   .counting(static_cast<long long>(evidence.total));
    } else {
        note = MessageRef("match.valuesOfKind")
                   .with("fitting", std::to_string(evidence.fitting))
                   .with_messages("kind", {kind_message(evidence.expected_kind)})
                   .counting(static_cast<long long>(evidence.total));
    }
    if (!evidence.enum_options)
        note.with_messages("lookLike",
                           evidence.seen_kind
                               ? std::vector<MessageRef>{MessageRef("match.valuesLookLike")
                                                             .with_messages("kind", {kind_message(evidence.seen_kind)})}
                               : std::vector<MessageRef>{});
    const char* frame = evidence.rows > 0 ? (evidence.value > 0 ? "match.valuesColumn" : "match.valuesContradict")
                                          : (evidence.value > 0 ? "match.valuesFit" : "match.valuesContradict");
    return MessageRef(frame).with_messages("note", {std::move(note)});
}

MessageRef last_of_kind_message() { return MessageRef("match.lastOfKind"); }

}  // namespace pm::match
