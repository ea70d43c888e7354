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

// Every candidate shown gets its reason built (10,000 on a 2,000 x 2,000 plan), so the parts are
// moved, never copied: a braced list `{part}` copies its elements (an initializer_list is const),
// and `return MessageRef(key).with(...)` copies the whole tree, since with() returns a reference.
std::vector<MessageRef> one(MessageRef part) {
    std::vector<MessageRef> parts;
    parts.push_back(std::move(part));
    return parts;
}

// A message with room for its arguments: growing them one by one reallocated twice per message.
MessageRef with_room(const char* key, std::size_t args) {
    MessageRef message(key);
    message.args.reserve(args);
    return message;
}

MessageRef text_message(const char* key, const char* name, std::string text) {
    MessageRef message(key);
    message.with(name, std::move(text));
    return message;
}

// Joins the parts with no separator between them (each part brings its own ", "); several
// parts in a row are nested as match.join (or match.list, ", " between) ("{first}{rest}").
MessageRef joined(std::vector<MessageRef> parts, const char* key) {
    MessageRef out = std::move(parts.back());
    for (std::size_t i = parts.size() - 1; i-- > 0;) {
        MessageRef pair(key);
        pair.with_messages("first", one(std::move(parts[i]))).with_messages("rest", one(std::move(out)));
        out = std::move(pair);
    }
    return out;
}

std::vector<MessageRef> optional(MessageRef message) {
    if (message.empty()) return {};
    return one(std::move(message));
}

MessageRef where_message(const NameForm& destination) {
    const std::string_view quoted = bounded_prefix(destination.text, kQuotedNameBytes);
    std::string name = std::string(quoted) + (quoted.size() < destination.text.size() || destination.truncated ? "…" : "");
    switch (destination.origin) {
        case NameOrigin::Key: return text_message("match.atKey", "name", std::move(name));
        case NameOrigin::Label: return text_message("match.atLabel", "name", std::move(name));
        case NameOrigin::Alias: return text_message("match.atAlias", "name", std::move(name));
        case NameOrigin::Value: break;
    }
    return text_message("match.atValue", "name", std::move(name));
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
    MessageRef out("match.lexicon");
    out.with_messages("items", one(joined(std::move(items), "match.list")));
    return out;
}

}  // namespace

MessageRef grammar_reason_message(const GrammarScore& grammar) {
    std::vector<MessageRef> details;
    if (!grammar.entity.empty()) details.push_back(text_message("match.grammarEntity", "words", grammar.entity));
    for (int index : grammar.index) details.push_back(text_message("match.grammarIndex", "index", std::to_string(index)));
    for (const std::string& word : grammar.qualifiers) details.push_back(text_message("match.grammarQualifier", "word", word));
    if (grammar.meta) details.push_back(MessageRef("match.grammarMeta"));
    if (grammar.head_first) details.push_back(MessageRef("match.grammarHeadFirst"));
    MessageRef out = with_room("match.grammar", 4);  // + where and lexicon (name_reason_message)
    out.with("attribute", grammar.attribute);
    out.with_messages("details", details.empty() ? std::vector<MessageRef>{} : one(joined(std::move(details), "match.join")));
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
        message.with_messages("where", one(std::move(where)));
        message.with_messages("lexicon", optional(lexicon_message(source, *destination, lexicon)));
        return message;
    };
    auto at_where = [&](const char* key) {
        MessageRef message(key);
        message.with_messages("where", one(std::move(where)));
        return message;
    };
    switch (how) {
        case NameMatch::Exact: return at_where("match.exact");
        case NameMatch::Normalized: return at_where("match.normalized");
        case NameMatch::Synonym:
            return with_lexicon(
                with_room(source.used_synonyms || destination->used_synonyms ? "match.synonym" : "match.sameWords", 2));
        case NameMatch::Acronym: return at_where("match.acronym");
        case NameMatch::Grammar: return with_lexicon(grammar_reason_message(grammar_compare(source, *destination, lexicon)));
        case NameMatch::Fuzzy: {
            const long hundredths = std::lround(score * 100);
            const std::string cents = std::to_string(hundredths % 100);
            MessageRef fuzzy = with_room("match.fuzzy", 4);
            fuzzy.with("whole", std::to_string(hundredths / 100)).with("cents", (cents.size() < 2 ? "0" : "") + cents);
            return with_lexicon(std::move(fuzzy));
        }
        case NameMatch::None: break;
    }
    return MessageRef("match.noName");
}

MessageRef evidence_message(const Evidence& evidence) {
    if (evidence.value == 0) return {};
    MessageRef note;
    if (evidence.rows > 0) {
        MessageRef rows("enum.rows");
        rows.counting(static_cast<long long>(evidence.rows));
        if (evidence.enum_options) {
            note = with_room("match.valuesCommonOptions", 2);
            note.with("fitting", std::to_string(evidence.fitting))
                .with_messages("rows", one(std::move(rows)))
                .counting(static_cast<long long>(evidence.total));
        } else {
            const long percent = std::lround(100.0 * static_cast<double>(evidence.fitting) / static_cast<double>(evidence.total));
            note = with_room("match.valuesShare", 4);
            note.with("percent", std::to_string(percent))
                .with_messages("kind", one(kind_message(evidence.expected_kind)))
                .with_messages("rows", one(std::move(rows)));
        }
    } else if (evidence.enum_options) {
        note = MessageRef("match.valuesOptions");
        note.with("fitting", std::to_string(evidence.fitting)).counting(static_cast<long long>(evidence.total));
    } else {
        note = with_room("match.valuesOfKind", 3);
        note.with("fitting", std::to_string(evidence.fitting))
            .with_messages("kind", one(kind_message(evidence.expected_kind)))
            .counting(static_cast<long long>(evidence.total));
    }
    if (!evidence.enum_options) {
        std::vector<MessageRef> look_like;
        if (evidence.seen_kind) {
            MessageRef seen("match.valuesLookLike");
            seen.with_messages("kind", one(kind_message(evidence.seen_kind)));
            look_like.push_back(std::move(seen));
        }
        note.with_messages("lookLike", std::move(look_like));
    }
    const char* frame = evidence.rows > 0 ? (evidence.value > 0 ? "match.valuesColumn" : "match.valuesContradict")
                                          : (evidence.value > 0 ? "match.valuesFit" : "match.valuesContradict");
    MessageRef out(frame);
    out.with_messages("note", one(std::move(note)));
    return out;
}

MessageRef last_of_kind_message() { return MessageRef("match.lastOfKind"); }

}  // namespace pm::match
