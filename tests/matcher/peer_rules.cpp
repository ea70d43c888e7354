// Peer importers' matching rules (see peer_rules.h).
#include "peer_rules.h"

#include "matcher/string_metrics.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <sstream>

namespace pm::match::test {

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream stream(text);
    std::vector<std::string> out;
    for (std::string word; stream >> word;) out.push_back(word);
    return out;
}

}  // namespace

std::vector<std::string> rsi_match(const std::vector<std::string>& headers, const std::vector<Field>& fields) {
    constexpr std::size_t kAutoMapDistance = 2;
    std::vector<std::string> result(headers.size());
    std::vector<std::size_t> distance_of(headers.size(), std::numeric_limits<std::size_t>::max());
    for (std::size_t h = 0; h < headers.size(); ++h) {
        std::size_t best = std::numeric_limits<std::size_t>::max();
        const Field* chosen = nullptr;
        for (const Field& field : fields) {
            std::size_t distance = levenshtein(headers[h], field.key);
            for (const std::string& alias : field.alternative_names)
                distance = std::min(distance, levenshtein(headers[h], alias));
            if (distance < best) {
                best = distance;
                chosen = &field;
            }
        }
        if (!chosen || best > kAutoMapDistance) continue;
        // The closer header keeps a contested field; the other one is left empty.
        bool keep = true;
        for (std::size_t other = 0; other < h; ++other) {
            if (result[other] != chosen->key) continue;
            if (distance_of[other] <= best) keep = false;
            else result[other].clear();
        }
        if (keep) {
            result[h] = chosen->key;
            distance_of[h] = best;
        }
    }
    return result;
}

double tableflow_similarity(const std::string& a, const std::string& b) {
    double best = 0;
    for (const std::string& x : words(lower(a)))
        for (const std::string& y : words(lower(b))) {
            const double length = static_cast<double>(std::max(x.size(), y.size()));
            if (length == 0) continue;
            best = std::max(best, (length - static_cast<double>(levenshtein(x, y))) / length);
        }
    return best;
}

std::vector<std::string> tableflow_match(const std::vector<std::string>& headers, const std::vector<Field>& fields) {
    std::vector<std::string> result(headers.size());
    std::vector<bool> used(fields.size(), false);
    for (std::size_t h = 0; h < headers.size(); ++h) {
        const std::string header = lower(headers[h]);
        std::size_t chosen = fields.size();
        for (std::size_t f = 0; f < fields.size() && chosen == fields.size(); ++f) {
            if (used[f]) continue;
            for (const std::string& alias : fields[f].alternative_names)
                if (lower(alias) == header) chosen = f;
        }
        for (std::size_t f = 0; f < fields.size() && chosen == fields.size(); ++f) {
            if (used[f]) continue;
            std::string key = fields[f].key;
            std::replace(key.begin(), key.end(), '_', ' ');
            if (tableflow_similarity(headers[h], key) > 0.9) chosen = f;
        }
        if (chosen == fields.size()) continue;
        used[chosen] = true;
        result[h] = fields[chosen].key;
    }
    return result;
}

}  // namespace pm::match::test
