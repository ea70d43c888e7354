// Suffix correspondences between the Romance and Germanic languages of the lexicon and English
// (see cognates.h). The rules are the usual derivational ones; each is tried on the accent-folded
// word, longest suffix first, and the first rewrite that gives a known word wins.
#include "matcher/cognates.h"

#include <cstddef>

namespace pm::match {
namespace {

struct Rule {
    std::string_view from;
    std::string_view to;
    std::string_view name;
};

// Ordered: longer, more specific endings first. "" in `to` drops the ending.
constexpr Rule kRules[] = {
    // -ity nouns: es -idad, pt -idade, it -ità, fr -ité, nl -iteit, de -ität (folded: idad, idade, ita,
    // ite, iteit, itat)
    {"iteit", "ity", "-iteit = -ity"},
    {"idade", "ity", "-idade = -ity"},
    {"idad", "ity", "-idad = -ity"},
    {"itat", "ity", "-ität = -ity"},
    {"ita", "ity", "-ità = -ity"},
    {"ite", "ity", "-ité = -ity"},
    // -tion nouns: es -ción, pt -ção, it -zione, nl -tie, de -tion (folded: cion, cao, zione, tie)
    {"ccion", "ction", "-cción = -ction"},
    {"pcion", "ption", "-pción = -ption"},
    {"cion", "tion", "-ción = -tion"},
    {"icao", "iption", "-ição = -iption"},
    {"acao", "action", "-ação = -action"},
    {"cao", "tion", "-ção = -tion"},
    {"zione", "tion", "-zione = -tion"},
    {"zione", "ction", "-zione = -ction"},
    {"sione", "sion", "-sione = -sion"},
    {"sao", "sion", "-são = -sion"},
    {"ctie", "ction", "-ctie = -ction"},
    {"atie", "ation", "-atie = -ation"},
    {"ao", "on", "-ão = -on"},
    // -ence/-ance nouns: de -enz/-anz, nl -entie/-antie, it -enza/-anza, es/pt -encia/-ancia
    // (-ência, folded): Referenz, referentie, referenza, referencia = reference
    {"entie", "ence", "-entie = -ence"},
    {"antie", "ance", "-antie = -ance"},
    {"encia", "ence", "-encia = -ence"},
    {"ancia", "ance", "-ancia = -ance"},
    {"enza", "ence", "-enza = -ence"},
    {"anza", "ance", "-anza = -ance"},
    {"enz", "ence", "-enz = -ence"},
    {"anz", "ance", "-anz = -ance"},
    // -ary, -ic, -y
    {"ario", "ary", "-ario = -ary"},
    {"aire", "ary", "-aire = -ary"},
    {"isch", "ic", "-isch = -ic"},
    {"ique", "ic", "-ique = -ic"},
    {"ico", "ic", "-ico = -ic"},
    {"ia", "y", "-ia = -y"},
    {"ie", "y", "-ie = -y"},
    // a final vowel: telefono, contacto, evento, cliente -> telefon, contact, event, client
    {"o", "", "final vowel"},
    {"a", "", "final vowel"},
    {"e", "", "final vowel"},
};

// Results shorter than this are too short to be sure of ("vity" of "vita"), and a stem keeps at
// least two letters.
constexpr std::size_t kMinResult = 5;
constexpr std::size_t kMinStem = 2;

bool ends_with(std::string_view word, std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// Plural endings the matcher's English singular() leaves (it strips a final "s" only): Dutch and
// German -en (opmerkingen), German -n after -e (Kategorien, Adressen), Italian -i for -o/-e
// (articoli, osservazioni), Portuguese -ões after the "s" went (observacoe -> observacao), and the
// German adjective ending -er ("Bezahlter Betrag": bezahlt; -e and -es already go as a final vowel
// after the "s"), and Dutch/French -ies that singular() made -y ("Notities": notity -> notitie). Each
// gives a singular that the rules then read. Also the Italian feminine plural -e of -a nouns
// (imposte, etichette: imposta, etichetta) and the Portuguese plurals -ais and -ens after the "s"
// went (totai -> total, imagen -> imagem, mensagen -> mensagem).
// Spanish, Italian and Portuguese participles and adjectives also take the other gender's ending
// ("Creada", "Resuelta", "Pagada" of a feminine record: creado, resuelto, pagado).
struct Plural {
    std::string_view from;
    std::string_view to;
    std::string_view name = "plural";
};
constexpr Plural kPlurals[] = {{"", ""},     {"en", ""},      {"n", ""},    {"i", "o"},           {"i", "e"},
                               {"oe", "ao"}, {"ione", "ion"}, {"er", ""},   {"a", "o", "gender"}, {"o", "a", "gender"},
                               {"y", "ie"},  {"e", "a"},      {"ai", "al"}, {"en", "em"}};

}  // namespace

Cognate find_cognate(std::string_view word, const std::function<bool(std::string_view)>& known) {
    // Only plain lower-case ASCII words (the matcher's folded words) of a sensible length.
    if (word.size() < 5 || word.size() > 40) return {};
    for (char c : word)
        if (c < 'a' || c > 'z') return {};
    std::string base, candidate;
    for (const Plural& plural : kPlurals) {
        if (!ends_with(word, plural.from)) continue;
        base.assign(word.substr(0, word.size() - plural.from.size()));
        base += plural.to;
        const bool singular = !plural.from.empty();
        if (singular && base.size() >= kMinResult && known(base)) return {base, std::string(plural.name)};
        for (const Rule& rule : kRules) {
            if (!ends_with(base, rule.from) || base.size() - rule.from.size() < kMinStem) continue;
            candidate.assign(base, 0, base.size() - rule.from.size());
            candidate += rule.to;
            if (candidate.size() >= kMinResult && candidate != word && known(candidate))
                return {candidate, singular ? std::string(plural.name) + ", " + std::string(rule.name) : std::string(rule.name)};
        }
    }
    // Dutch spells a long vowel double where German and English write it once: "telefoon" ->
    // "telefon".
    for (std::size_t i = 0; i + 2 < word.size(); ++i) {
        const char c = word[i];
        if ((c == 'a' || c == 'e' || c == 'o' || c == 'u') && word[i + 1] == c) {
            candidate.assign(word.substr(0, i + 1));
            candidate += word.substr(i + 2);
            if (candidate.size() >= kMinResult && known(candidate)) return {candidate, "Dutch double vowel"};
        }
    }
    return {};
}

}  // namespace pm::match
