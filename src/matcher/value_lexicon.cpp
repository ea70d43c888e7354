// Word lists for value recognition (see value_lexicon.h).
#include "matcher/value_lexicon.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>

namespace pm::match {

namespace {

// Every officially assigned ISO 3166-1 alpha-2 code, plus "uk" and "eu" which exports use as well;
// space-separated, looked up in steps of three characters.
constexpr std::string_view kAlpha2 =
    "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs "
    "bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee "
    "eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm "
    "hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc "
    "li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na "
    "nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw "
    "sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to "
    "tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw uk eu";

// Alpha-3 codes of the countries most often seen in exports (the full list adds little evidence).
constexpr std::string_view kAlpha3[] = {
    "usa", "gbr", "deu", "fra", "esp", "ita", "nld", "bel", "che", "aut", "swe", "nor", "dnk", "fin", "irl",
    "prt", "pol", "cze", "hun", "grc", "tur", "rus", "ukr", "can", "mex", "bra", "arg", "chl", "col", "per",
    "chn", "jpn", "kor", "ind", "idn", "tha", "vnm", "phl", "mys", "sgp", "aus", "nzl", "zaf", "egy", "nga",
    "ken", "mar", "isr", "are", "sau", "rou", "bgr", "hrv", "svn", "svk", "ltu", "lva", "est", "lux", "isl",
};

constexpr std::string_view kCountryNames[] = {
    "united states", "united states of america", "usa", "america", "united kingdom", "great britain",
    "england", "scotland", "wales", "germany", "deutschland", "france", "spain", "espana", "italy",
    "italia", "netherlands", "the netherlands", "holland", "nederland", "belgium", "belgique", "belgie",
    "switzerland", "schweiz", "suisse", "svizzera", "austria", "osterreich", "sweden", "sverige", "norway",
    "norge", "denmark", "danmark", "finland", "suomi", "ireland", "portugal", "poland", "polska",
    "czech republic", "czechia", "hungary", "greece", "turkey", "turkiye", "russia", "ukraine", "canada",
    "mexico", "brazil", "brasil", "argentina", "chile", "colombia", "peru", "china", "japan", "south korea",
    "korea", "india", "indonesia", "thailand", "vietnam", "viet nam", "philippines", "malaysia", "singapore",
    "australia", "new zealand", "south africa", "egypt", "nigeria", "kenya", "morocco", "israel",
    "united arab emirates", "uae", "saudi arabia", "romania", "bulgaria", "croatia", "slovenia", "slovakia",
    "lithuania", "latvia", "estonia", "luxembourg", "iceland", "uk", "us",
};

constexpr std::string_view kCurrencies[] = {
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "cny", "rmb", "hkd", "sgd", "sek", "nok", "dkk",
    "pln", "czk", "huf", "ron", "bgn", "try", "rub", "uah", "inr", "idr", "thb", "vnd", "php", "myr", "krw",
    "brl", "mxn", "ars", "clp", "cop", "pen", "zar", "egp", "ngn", "kes", "mad", "ils", "aed", "sar", "isk",
};

constexpr std::string_view kBooleanWords[] = {
    "yes", "no", "y", "n", "true", "false", "t", "f", "1", "0", "x", "on", "off", "checked", "unchecked",
    "ja", "nein", "oui", "non", "si", "vrai", "faux", "wahr", "falsch", "verdadero", "falso", "sim", "nao",
    "nee", "opted in", "opted out", "subscribed", "unsubscribed", "active", "inactive", "enabled", "disabled",
};

struct Month {
    std::string_view name;
    int number;
};
constexpr Month kMonths[] = {
    {"jan", 1},  {"january", 1},  {"januar", 1},  {"janvier", 1}, {"enero", 1},   {"ene", 1},
    {"feb", 2},  {"february", 2}, {"februar", 2}, {"fevrier", 2}, {"febrero", 2}, {"fev", 2},
    {"mar", 3},  {"march", 3},    {"marz", 3},    {"mars", 3},    {"marzo", 3},   {"mrz", 3},
    {"apr", 4},  {"april", 4},    {"avril", 4},   {"abril", 4},   {"avr", 4},     {"abr", 4},
    {"may", 5},  {"mai", 5},      {"mayo", 5},
    {"jun", 6},  {"june", 6},     {"juni", 6},    {"juin", 6},    {"junio", 6},
    {"jul", 7},  {"july", 7},     {"juli", 7},    {"juillet", 7}, {"julio", 7},   {"juil", 7},
    {"aug", 8},  {"august", 8},   {"aout", 8},    {"agosto", 8},  {"ago", 8},
    {"sep", 9},  {"sept", 9},     {"september", 9}, {"septembre", 9}, {"septiembre", 9},
    {"oct", 10}, {"october", 10}, {"oktober", 10}, {"octobre", 10}, {"octubre", 10}, {"okt", 10},
    {"nov", 11}, {"november", 11}, {"novembre", 11}, {"noviembre", 11},
    {"dec", 12}, {"december", 12}, {"dezember", 12}, {"decembre", 12}, {"diciembre", 12}, {"dez", 12}, {"dic", 12},
};

template <class List>
bool contains(const List& list, std::string_view word) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// The lists asked about every preview value (several times each) as hash sets, made on first use:
// a scan of a hundred country names per value was a tenth of matching 2,000 x 2,000.
using WordSet = std::unordered_set<std::string_view>;
template <class List>
WordSet word_set(const List& list) {
    return WordSet(std::begin(list), std::end(list));
}

}  // namespace

bool is_country_code(std::string_view lower) {
    if (lower.size() == 2) {
        for (std::size_t i = 0; i + 1 < kAlpha2.size(); i += 3)
            if (kAlpha2.substr(i, 2) == lower) return true;
        return false;
    }
    static const WordSet alpha3 = word_set(kAlpha3);
    return lower.size() == 3 && alpha3.count(lower) > 0;
}

bool is_country_name(std::string_view lower) {
    static const WordSet names = word_set(kCountryNames);
    return names.count(lower) > 0;
}
bool is_currency_code(std::string_view lower) {
    static const WordSet codes = word_set(kCurrencies);
    return lower.size() == 3 && codes.count(lower) > 0;
}
bool is_boolean_word(std::string_view lower) {
    static const WordSet words = word_set(kBooleanWords);
    return words.count(lower) > 0;
}

int boolean_polarity(std::string_view lower) {
    static constexpr std::string_view kTrue[] = {"yes", "y", "true", "t", "1", "x", "on", "checked", "ja", "oui",
                                                 "si", "sim", "vrai", "wahr", "verdadero", "opted in", "subscribed"};
    static constexpr std::string_view kFalse[] = {"no", "n", "false", "f", "0", "off", "unchecked", "nein", "non",
                                                  "nao", "faux", "falsch", "falso", "nee", "opted out", "unsubscribed"};
    if (contains(kTrue, lower)) return 1;
    if (contains(kFalse, lower)) return 0;
    return -1;
}

int month_number(std::string_view lower) {
    for (const Month& month : kMonths)
        if (month.name == lower) return month.number;
    return 0;
}

}  // namespace pm::match
