// The mapping memory applied before the matcher (see memory_match.h).
#include "matcher/memory_match.h"

#include "matcher/assignment.h"
#include "matcher/enum_matcher.h"
#include "matcher/text_normalize.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace pm::match {

namespace {

// Weight of a remembered pair for the assignment: imports first, then the same source key, then
// the more recent day. Days since 1970 stay below 2^19 until the year 3405.
std::int64_t pair_weight(const MemoryEntry& entry, const std::string& source_key) {
    const std::int64_t day = std::clamp<std::int64_t>(entry.last_used, 0, (std::int64_t{1} << 19) - 1);
    return (std::int64_t{entry.count} << 21) + (entry.source_key == source_key ? std::int64_t{1} << 20 : 0) + day + 1;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string imports(std::uint32_t count) { return std::to_string(count) + (count == 1 ? " import" : " imports"); }

}  // namespace

const char* to_string(RememberedSource::Outcome outcome) {
    switch (outcome) {
        case RememberedSource::Outcome::Proposed: return "proposed";
        case RememberedSource::Outcome::LeftUnmapped: return "left-unmapped";
        case RememberedSource::Outcome::Outvoted: return "outvoted";
        case RememberedSource::Outcome::Tied: return "tied";
        case RememberedSource::Outcome::Rejected: return "rejected";
        case RememberedSource::Outcome::ValuesDoNotFit: return "values-do-not-fit";
    }
    return "proposed";
}

std::string remembered_reason(const MemoryEntry& entry, const std::string& destination_name, std::int32_t today) {
    std::string reason = "remembered: " + quoted(entry.header);
    reason += entry.destination_key.empty() ? std::string(" left unmapped") : " \u2192 " + destination_name;
    reason += ", " + imports(entry.count) + ", last on " + short_day(entry.last_used, today);
    return reason;
}

MessageRef remembered_reason_message(const MemoryEntry& entry, const std::string& destination_name, std::int32_t today) {
    MessageRef out(entry.destination_key.empty() ? "match.rememberedUnmapped" : "match.remembered");
    out.with("header", entry.header);
    if (!entry.destination_key.empty()) out.with("destination", destination_name);
    out.with_messages("imports", {MessageRef("match.imports").counting(entry.count)});
    out.with_messages("day", {short_day_message(entry.last_used, today)});
    return out;
}

MemoryPlanMatch match_plan_with_memory(const ExecutionPlan& plan, const MappingMemory& memory, const SchemaIdentity& schema,
                                       std::int32_t today, const MatchOptions& options,
                                       const std::set<std::string>& skip_sources) {
    MemoryPlanMatch out;
    std::vector<const UnmappedField*> sources;
    for (const UnmappedField& entry : plan.unmapped_sources)
        if (!skip_sources.count(entry.field.key)) sources.push_back(&entry);
    std::unordered_map<std::string, std::size_t> destination_index;
    for (std::size_t d = 0; d < plan.unmapped_destinations.size(); ++d)
        destination_index.emplace(plan.unmapped_destinations[d].field.key, d);

    // The memory's entries by normalized header, read once.
    std::unordered_map<std::string, std::vector<const MemoryEntry*>> by_header;
    if (const SchemaMemory* stored = memory.find(schema))
        for (const MemoryEntry& entry : stored->entries) by_header[entry.normalized].push_back(&entry);

    // What the memory knows per source: its candidate pairs and the rejected destinations.
    struct Known {
        std::vector<std::pair<std::size_t, const MemoryEntry*>> pairs;  // (destination index, entry)
        const MemoryEntry* unmapped = nullptr;
        const MemoryEntry* unfit = nullptr;  // an enum pair whose values no longer fit
        std::set<std::string> rejected;
    };
    std::vector<Known> known(sources.size());
    std::vector<WeightedPair> weighted;
    for (std::size_t s = 0; s < sources.size(); ++s) {
        if (by_header.empty()) break;
        const auto found = by_header.find(normalized_header(bounded_prefix(header_of(sources[s]->field))));
        if (found == by_header.end()) continue;
        for (const MemoryEntry* entry : found->second) {
            if (entry->rejected) {
                known[s].rejected.insert(entry->destination_key);
            } else if (entry->destination_key.empty()) {
                known[s].unmapped = entry;
            } else if (const auto d = destination_index.find(entry->destination_key); d != destination_index.end()) {
                if (entry->values_matched_no_option ||
                    enum_values_fit(sources[s]->preview, plan.unmapped_destinations[d->second].field))
                    known[s].pairs.emplace_back(d->second, entry);
                else if (!known[s].unfit || entry->count > known[s].unfit->count) known[s].unfit = entry;
            }
        }
        std::int64_t best = 0;
        for (const auto& pair : known[s].pairs) best = std::max(best, pair_weight(*pair.second, sources[s]->field.key));
        // Left unmapped more often (or as often, more recently) than mapped: it stays unmapped.
        if (known[s].unmapped && pair_weight(*known[s].unmapped, sources[s]->field.key) > best) {
            known[s].pairs.clear();
            continue;
        }
        known[s].unmapped = nullptr;
        for (const auto& pair : known[s].pairs)
            weighted.push_back({s, pair.first, pair_weight(*pair.second, sources[s]->field.key)});
    }

    const std::vector<std::size_t> assigned = max_weight_matching(sources.size(), plan.unmapped_destinations.size(), weighted);
    // The weight each source gave each destination, to tell outvoted from tied.
    std::map<std::pair<std::size_t, std::size_t>, std::int64_t> weight_of;
    for (const WeightedPair& pair : weighted) weight_of[{pair.source, pair.destination}] = pair.weight;
    std::vector<std::size_t> winner_of(plan.unmapped_destinations.size(), kUnassigned);
    for (std::size_t s = 0; s < sources.size(); ++s)
        if (assigned[s] != kUnassigned) winner_of[assigned[s]] = s;
    // A winner whose destination another source claimed with the same weight is a tie: neither.
    std::vector<bool> tied(sources.size(), false);
    for (const WeightedPair& pair : weighted) {
        const std::size_t winner = winner_of[pair.destination];
        if (winner == kUnassigned || winner == pair.source || assigned[pair.source] != kUnassigned) continue;
        if (pair.weight == weight_of[{winner, pair.destination}]) {
            tied[winner] = true;
            tied[pair.source] = true;
        }
    }

    std::vector<bool> settled(sources.size(), false);  // the memory decided: no matcher
    std::vector<bool> destination_taken(plan.unmapped_destinations.size(), false);
    std::vector<std::string> reasons(sources.size());
    std::vector<RememberedSource> notes(sources.size());
    std::vector<bool> has_note(sources.size(), false);
    auto destination_name = [&](std::size_t d) { return plan.unmapped_destinations[d].field.display_name(); };
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const Known& k = known[s];
        RememberedSource& note = notes[s];
        note.source_key = sources[s]->field.key;
        if (k.unmapped) {
            settled[s] = true;
            note.outcome = RememberedSource::Outcome::LeftUnmapped;
            note.reason = remembered_reason(*k.unmapped, "", today);
            note.reason_message = remembered_reason_message(*k.unmapped, "", today);
            has_note[s] = true;
            continue;
        }
        if (k.pairs.empty()) {
            if (k.unfit) {
                has_note[s] = true;
                note.destination_key = k.unfit->destination_key;
                note.outcome = RememberedSource::Outcome::ValuesDoNotFit;
                const std::size_t d = destination_index.at(k.unfit->destination_key);
                note.reason =
                    remembered_reason(*k.unfit, destination_name(d), today) + "; none of its values are options of the field now";
            }
            continue;
        }
        has_note[s] = true;
        if (assigned[s] != kUnassigned && !tied[s]) {
            const std::size_t d = assigned[s];
            const MemoryEntry* entry = nullptr;
            for (const auto& pair : k.pairs)
                if (pair.first == d) entry = pair.second;
            settled[s] = true;
            destination_taken[d] = true;
            note.destination_key = plan.unmapped_destinations[d].field.key;
            note.outcome = RememberedSource::Outcome::Proposed;
            note.reason = remembered_reason(*entry, destination_name(d), today);
            note.reason_message = remembered_reason_message(*entry, destination_name(d), today);
            continue;
        }
        // Not proposed: say why, about its strongest remembered destination.
        const auto strongest = std::max_element(k.pairs.begin(), k.pairs.end(), [&](const auto& a, const auto& b) {
            return pair_weight(*a.second, note.source_key) < pair_weight(*b.second, note.source_key);
        });
        const std::size_t d = strongest->first;
        note.destination_key = plan.unmapped_destinations[d].field.key;
        const std::string base = remembered_reason(*strongest->second, destination_name(d), today);
        const std::size_t rival = winner_of[d];
        if (tied[s]) {
            note.outcome = RememberedSource::Outcome::Tied;
            std::string others;
            for (const WeightedPair& pair : weighted)
                if (pair.destination == d && pair.source != s && pair.weight == weight_of[{s, d}])
                    others += (others.empty() ? "" : ", ") + quoted(header_of(sources[pair.source]->field));
            note.reason = base + "; " + (others.empty() ? std::string("another column") : others) +
                " is remembered as often, so the memory proposes neither";
        } else {
            note.outcome = RememberedSource::Outcome::Outvoted;
            note.reason = base + "; " +
                (rival == kUnassigned ? std::string("another column") : quoted(header_of(sources[rival]->field))) +
                " is remembered for it more strongly";
        }
    }
    // Ties put the tied winners' destinations back for the matcher.
    for (std::size_t s = 0; s < sources.size(); ++s)
        if (tied[s] && assigned[s] != kUnassigned) destination_taken[assigned[s]] = false;

    // The matcher on what the memory left open.
    ExecutionPlan rest;
    for (std::size_t s = 0; s < sources.size(); ++s)
        if (!settled[s]) rest.unmapped_sources.push_back(*sources[s]);
    for (std::size_t d = 0; d < plan.unmapped_destinations.size(); ++d)
        if (!destination_taken[d]) rest.unmapped_destinations.push_back(plan.unmapped_destinations[d]);
    PlanMatch matched = match_plan(rest, options);
    std::unordered_map<std::string, const SourceMatch*> matched_by_key;
    for (const SourceMatch& match : matched.result.sources) matched_by_key.emplace(match.source_key, &match);
    std::unordered_map<std::string, const Suggestion*> suggestion_by_key;
    for (const Suggestion& suggestion : matched.suggestions) suggestion_by_key.emplace(suggestion.source_key, &suggestion);

    // Results and suggestions in source order.
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const std::string& key = sources[s]->field.key;
        if (settled[s]) {
            SourceMatch result;
            result.source_key = key;
            result.reason = notes[s].reason;
            if (notes[s].outcome == RememberedSource::Outcome::Proposed) {
                const std::size_t d = destination_index.at(notes[s].destination_key);
                const Field& destination = plan.unmapped_destinations[d].field;
                result.destination_key = destination.key;
                result.score = 1.0;
                result.certainty = Certainty::Absolute;
                result.reason_messages = {notes[s].reason_message};
                result.candidates.push_back({destination.key, 1.0, Certainty::Absolute, notes[s].reason, result.reason_messages});
                Suggestion suggestion;
                suggestion.source_key = key;
                suggestion.destination_key = destination.key;
                suggestion.metadata = suggestion_metadata(1.0, Certainty::Absolute);
                if (destination.type == FieldType::Enum || destination.type == FieldType::EnumList) {
                    const EnumMatch values =
                        match_enum_values(sources[s]->preview, destination.enum_options, options.enum_values);
                    suggestion.enum_details = enum_details_json(values, destination.enum_options);
                }
                out.match.suggestions.push_back(std::move(suggestion));
                ++out.match.result.assigned;
            }
            out.match.result.sources.push_back(std::move(result));
        } else {
            const auto found = matched_by_key.find(key);
            SourceMatch result = found != matched_by_key.end() ? *found->second : SourceMatch{};
            result.source_key = key;
            const auto suggestion = suggestion_by_key.find(key);
            if (suggestion != suggestion_by_key.end()) {
                if (known[s].rejected.count(suggestion->second->destination_key)) {
                    // The person changed away from this pair before: not proposed again.
                    RememberedSource& note = notes[s];
                    note.source_key = key;
                    note.destination_key = suggestion->second->destination_key;
                    note.outcome = RememberedSource::Outcome::Rejected;
                    const auto d = destination_index.find(note.destination_key);
                    note.reason = "remembered: " + quoted(header_of(sources[s]->field)) + " \u2192 " +
                        (d == destination_index.end() ? note.destination_key : destination_name(d->second)) +
                        " was rejected before";
                    has_note[s] = true;
                    result.destination_key.clear();
                    result.score = 0;
                    result.certainty = Certainty::None;
                    result.reason = note.reason;
                } else {
                    out.match.suggestions.push_back(*suggestion->second);
                    ++out.match.result.assigned;
                }
            }
            // Candidates the person rejected are not listed either.
            result.candidates.erase(
                std::remove_if(result.candidates.begin(), result.candidates.end(),
                               [&](const Candidate& c) { return known[s].rejected.count(c.destination_key) > 0; }),
                result.candidates.end());
            if (has_note[s] && notes[s].outcome != RememberedSource::Outcome::Rejected)
                result.reason = notes[s].reason + (result.reason.empty() ? "" : "; " + result.reason);
            out.match.result.sources.push_back(std::move(result));
        }
        if (has_note[s]) out.remembered.push_back(std::move(notes[s]));
    }
    return out;
}

}  // namespace pm::match
