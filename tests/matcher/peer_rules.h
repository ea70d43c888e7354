// The auto-match rules of two open-source React importers, re-implemented from their description
// in shared/reference/peers.md (no code copied), to compare with ours on the same corpus:
//   RSI (react-spreadsheet-import): per header, the field whose key or alternateMatches entry is
//     closest in raw, case-sensitive Levenshtein distance (first field on ties), accepted at
//     distance <= 2; when two headers pick one field the closer header keeps it and the other gets
//     nothing; headers in file order.
//   TableFlow (csv-import): per header in file order, the first unused field whose aliases contain
//     the header (case-insensitive), else the first unused field whose key (underscores as spaces)
//     has a best word-pair similarity (len - edit distance) / len above 0.9.
#pragma once

#include "core/plan/model.h"

#include <string>
#include <vector>

namespace pm::match::test {

// Both return, per header, the chosen field key or "".
std::vector<std::string> rsi_match(const std::vector<std::string>& headers, const std::vector<Field>& fields);
std::vector<std::string> tableflow_match(const std::vector<std::string>& headers, const std::vector<Field>& fields);

// TableFlow's word metric, exposed for tests.
double tableflow_similarity(const std::string& a, const std::string& b);

}  // namespace pm::match::test
