// Header grammar (see header_grammar.h).
#include "matcher/header_grammar.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace pm::match {

namespace {

constexpr double kGrammarBase = 0.95;          // as the synonym level: the attribute is the same
// Equal, abbreviation or typo, or a close relation of the table.
constexpr double kMinHeadSimilarity = 0.85;
// A looser relation of the table (0.7, a float there, so 0.69 here) counts between two heads that
// carry meaning of their own: "Dirección" (address) is the head of "Billing street". Generic heads
// (name, number, id) relate to too much: "Name" is no "Event name", "Number" no "Order ID".
constexpr double kMinRelatedHeadSimilarity = 0.69;
// Per context word only one side has (up to 3 words). A source that says more than the
// destination ("Billing City" for City) is riskier than a destination that says more ("City" for
// Shipping city: the schema names context the file leaves implicit), as in token_overlap.
constexpr double kSourceOnlyContext = 0.1;
constexpr double kDestinationOnlyContext = 0.05;
constexpr double kFirstIndex = 0.98;           // "Email 1" for "Email": the first of several
constexpr double kLaterIndex = 0.45;           // "Email 2" for "Email": not the plain field
// A head-first reading ("Propietario del contacto") is the second reading of a name: a little below
// the same words read head-last, so it never outranks a destination the usual reading finds.
constexpr double kHeadFirst = 0.95;

// The similarity of two heads when the grammar may read one as the other, else 0.
double head_similarity(int source_head, int destination_head, Lexicon& lexicon) {
    const double similarity = lexicon.similarity(source_head, destination_head);
    if (similarity >= kMinHeadSimilarity) return similarity;
    const bool loose =
        similarity >= kMinRelatedHeadSimilarity && !lexicon.is_generic(source_head) && !lexicon.is_generic(destination_head);
    return loose ? similarity : 0.0;
}

std::string words_of(const std::vector<int>& tokens, const Lexicon& lexicon) {
    std::string out;
    for (int token : tokens) out += (out.empty() ? "" : " ") + lexicon.describe(token);
    return out;
}

}  // namespace

namespace {

// The parse with the head chosen from the content words: the last one (English and German put
// the head noun last: "Billing city") or the first one (head-first languages: "Ciudad de
// facturación", "Propietario del contacto", "Numero di telefono").
HeaderParse parse_with_head(const NameForm& form, const Lexicon& lexicon, bool head_first) {
    HeaderParse parse;
    parse.indices = form.numbers;
    const bool positional = !form.numbers.empty();
    std::vector<int> content;
    for (std::size_t i = 0; i < form.tokens.size(); ++i) {
        const int token = form.tokens[i];
        if (lexicon.is_digits(token)) continue;
        const unsigned word = lexicon.grammar_class(token);
        // "#" (number) right before an index is part of the index: "Contact #2".
        if ((word & kNumberWord) && i + 1 < form.tokens.size() && lexicon.is_digits(form.tokens[i + 1])) continue;
        if ((word & kPlainQualifier) || (positional && (word & kValueWord))) {
            parse.dropped.push_back(lexicon.text(token));
            continue;
        }
        if ((word & kMetaWord) && !content.empty()) {
            parse.meta = true;
            continue;
        }
        content.push_back(token);
    }
    if (content.empty()) return parse;
    // Romance and Dutch headers put the meta word first ("Tipo de contrato", "Type de billet",
    // "Soort ticket"): the column describes the attribute that follows, as "Contract type" does.
    if (!parse.meta && content.size() >= 2 && (lexicon.grammar_class(content.front()) & kMetaWord)) {
        parse.meta = true;
        content.erase(content.begin());
    }
    if (head_first) {
        parse.head = content.front();
        content.erase(content.begin());
    } else {
        parse.head = content.back();
        content.pop_back();
    }
    parse.context = std::move(content);
    return parse;
}

// The first content word of a name (parse_with_head's head-first head) without building a parse.
int first_content_word(const NameForm& form, const Lexicon& lexicon) {
    const bool positional = !form.numbers.empty();
    for (std::size_t i = 0; i < form.tokens.size(); ++i) {
        const int token = form.tokens[i];
        if (lexicon.is_digits(token)) continue;
        const unsigned word = lexicon.grammar_class(token);
        if ((word & kNumberWord) && i + 1 < form.tokens.size() && lexicon.is_digits(form.tokens[i + 1])) continue;
        if ((word & kPlainQualifier) || (positional && (word & kValueWord)) || (word & kMetaWord)) continue;
        return token;
    }
    return -1;
}

}  // namespace

HeaderParse parse_header(const NameForm& form, const Lexicon& lexicon) { return parse_with_head(form, lexicon, false); }

int grammar_head(const NameForm& form, const Lexicon& lexicon) {
    const bool positional = !form.numbers.empty();
    bool content_before = false;
    int head = -1;
    for (std::size_t i = 0; i < form.tokens.size(); ++i) {
        const int token = form.tokens[i];
        if (lexicon.is_digits(token)) continue;
        const unsigned word = lexicon.grammar_class(token);
        if ((word & kNumberWord) && i + 1 < form.tokens.size() && lexicon.is_digits(form.tokens[i + 1])) continue;
        if ((word & kPlainQualifier) || (positional && (word & kValueWord))) continue;
        if ((word & kMetaWord) && content_before) continue;
        head = token;
        content_before = true;
    }
    return head;
}

namespace {

GrammarScore compare_parses(const HeaderParse& s, const HeaderParse& d, Lexicon& lexicon, bool with_reason);

// The form's head-last parse as Lexicon::prepare made it once (NameForm::grammar_parse), or
// made now into `scratch` for a form prepared otherwise.
const HeaderParse& parse_of(const NameForm& form, const Lexicon& lexicon, HeaderParse& scratch) {
    return form.grammar_parse ? *form.grammar_parse : (scratch = parse_header(form, lexicon));
}

}  // namespace

GrammarScore grammar_compare(const NameForm& source, const NameForm& destination, Lexicon& lexicon, bool with_reason) {
    // Most pairs stop here (2,000 x 2,000 compares many): the heads were found once per name.
    const int source_head = source.grammar_head, destination_head = destination.grammar_head;
    if (source_head < 0 || destination_head < 0) return {};
    HeaderParse source_parse, destination_parse;  // only for forms not made by Lexicon::prepare
    if (head_similarity(source_head, destination_head, lexicon) > 0)
        return compare_parses(parse_of(source, lexicon, source_parse), parse_of(destination, lexicon, destination_parse), lexicon,
                              with_reason);
    // A source name may put its head first ("Propietario del contacto" is the contact's owner):
    // read so when its first content word is the destination's head and the rest is context
    // (entity words only, as above: "Email consent" does not read as an email).
    if (source.tokens.size() < 2) return {};
    const int first = first_content_word(source, lexicon);
    if (first < 0 || first == source_head || head_similarity(first, destination_head, lexicon) <= 0) return {};
    GrammarScore out = compare_parses(parse_with_head(source, lexicon, true), parse_of(destination, lexicon, destination_parse),
                                      lexicon, with_reason);
    if (out.score > 0) {
        out.score *= kHeadFirst;
        out.head_first = true;
        if (with_reason) out.reason += " (head first)";
    }
    return out;
}

namespace {

GrammarScore compare_parses(const HeaderParse& s, const HeaderParse& d, Lexicon& lexicon, bool with_reason) {
    GrammarScore out;
    if (s.head < 0 || d.head < 0 || s.meta != d.meta) return out;
    const double head = head_similarity(s.head, d.head, lexicon);
    if (head <= 0) return out;

    // Context words paired across the two names (each used once): a bit per destination word, as
    // names have a few (no allocation per pair); a longer context falls back to a vector.
    std::uint64_t used_bits = 0;
    std::vector<bool> used_beyond(d.context.size() > 64 ? d.context.size() : 0, false);
    const auto used = [&](std::size_t j) { return j < 64 ? ((used_bits >> j) & 1u) != 0 : static_cast<bool>(used_beyond[j]); };
    const auto use = [&](std::size_t j) {
        if (j < 64) used_bits |= std::uint64_t{1} << j;
        else used_beyond[j] = true;
    };
    std::size_t unexplained_source = 0;
    for (int token : s.context) {
        bool found = false;
        for (std::size_t j = 0; j < d.context.size() && !found; ++j)
            if (!used(j) && lexicon.similarity(token, d.context[j]) >= 0.8) {
                use(j);
                found = true;
            }
        if (found || lexicon.is_generic(token)) continue;
        if (!(lexicon.grammar_class(token) & kEntityWord)) return out;
        ++unexplained_source;
    }
    std::size_t unexplained_destination = 0;
    for (std::size_t j = 0; j < d.context.size(); ++j) {
        if (used(j) || lexicon.is_generic(d.context[j])) continue;
        if (!(lexicon.grammar_class(d.context[j]) & kEntityWord)) return out;
        ++unexplained_destination;
    }
    if (unexplained_source > 0 && unexplained_destination > 0) {             // billing vs shipping
        out.conflict = true;
        return out;
    }
    const double context = 1.0 - kSourceOnlyContext * static_cast<double>(std::min<std::size_t>(unexplained_source, 3)) -
                           kDestinationOnlyContext * static_cast<double>(std::min<std::size_t>(unexplained_destination, 3));

    double index = 1.0;
    if (s.indices != d.indices) {
        const std::vector<int>& only = s.indices.empty() ? d.indices : s.indices;
        if (!s.indices.empty() && !d.indices.empty()) return out;                // 1 vs 2
        index = only.size() == 1 && only[0] == 1 ? kFirstIndex : kLaterIndex;
    }
    out.score = kGrammarBase * head * context * index;
    if (!with_reason) return out;  // scoring many pairs: only the shown ones say why

    out.attribute = lexicon.describe(d.head);
    out.reason = "grammar: attribute " + out.attribute;
    const HeaderParse& with_context = s.context.size() >= d.context.size() ? s : d;
    if (!with_context.context.empty()) {
        out.entity = words_of(with_context.context, lexicon);
        out.reason += ", entity " + out.entity;
    }
    if (!s.indices.empty()) {
        out.index.push_back(s.indices.front());
        out.reason += ", index " + std::to_string(s.indices.front());
    }
    for (const std::string& word : s.dropped) out.reason += ", qualifier " + word;
    out.qualifiers = s.dropped;
    out.meta = s.meta;
    if (s.meta) out.reason += ", meta qualifier";
    return out;
}

}  // namespace

}  // namespace pm::match
