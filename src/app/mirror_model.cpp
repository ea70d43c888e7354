// Builds the mirror's JSON from the panel's cached view (ui/panel_view.h): the row order, filter
// and chips are exactly the canvas's, and only the rows in the window are described.
#include "app/mirror_model.h"

#include "core/json/problems.h"
#include "core/json/text.h"
#include "ui/enum_editor.h"
#include "ui/messages.h"
#include "ui/panel_widgets.h"
#include "ui/review_popup.h"

#include <algorithm>
#include <cmath>

namespace pm {

namespace {

constexpr std::size_t kMaxWindow = 500;        // rows per call, whatever the page asks
constexpr std::size_t kSamplesShown = 5;

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

const ui::Candidate* candidate_for(const ui::PanelState& state, const std::string& source_key, const std::string& destination_key) {
    if (!state.suggestions) return nullptr;
    auto it = state.suggestions->find(source_key);
    if (it == state.suggestions->end()) return nullptr;
    for (const ui::Candidate& candidate : it->second)
        if (candidate.destination_key == destination_key) return &candidate;
    return nullptr;
}

// The catalog's words for the rows of one answer, each looked up and filled once: the rows of a
// window mostly say the same few things ("strong", "confidence 92%"), and an answer follows
// every edit.
class RowWords {
public:
    const std::string& get(const char* key, const char* name = nullptr, const std::string& value = {}) {
        std::string id = key;
        if (name) (id += '\x1f') += value;
        auto it = cache_.find(id);
        if (it == cache_.end()) it = cache_.emplace(std::move(id), name ? ui::tr(key, {{name, value}}) : ui::tr(key)).first;
        return it->second;
    }

private:
    std::unordered_map<std::string, std::string> cache_;
};

// Why the panel is as sure as it says, for a person: the matcher's reason, the confidence and who
// made the match.
std::string certainty_reason(const Edge& edge, const ui::Candidate* candidate, RowWords& words) {
    std::string reason = candidate ? ui::tr(candidate->reason) : std::string();
    if (edge.metadata) {
        if (edge.metadata->confidence) {
            if (!reason.empty()) reason += "; ";
            reason += words.get("table.confidence", "percent",
                                std::to_string(static_cast<int>(std::lround(*edge.metadata->confidence * 100))));
        }
        if (!edge.metadata->source.empty())
            reason += (reason.empty() ? "" : ", ") + words.get("table.by", "who", edge.metadata->source);
    }
    if (reason.empty()) reason = words.get("table.chosenHere");
    return reason;
}

std::string option_text(const EnumOption& option) {
    return ui::shown_text(option.label.empty() ? ui::enum_value_text(option.value) : option.label);
}

Json enum_json(const Edge& edge, bool expanded, const profile::SheetProfile* records) {
    Json out = {{"expanded", expanded}, {"open", ui::unmapped_enum_values(edge, records)}};
    if (!expanded) return out;
    Json options = Json::array();
    for (const EnumOption& option : edge.destination.enum_options)
        options.push_back({{"value", option.value}, {"text", option_text(option)}});
    Json values = Json::array();
    for (const ui::EnumValueRow& row : ui::enum_value_rows(edge, records)) {
        Json value = {{"value", row.source_value}, {"text", ui::shown_text(ui::enum_value_text(row.source_value))}};
        value["countText"] = ui::enum_count_text(row);   // "4,120 rows" once the file's rows are read
        value["option"] = row.destination_value ? *row.destination_value : Json();
        std::string chosen;
        if (row.destination_value) {
            chosen = ui::shown_text(ui::enum_value_text(*row.destination_value));
            for (const EnumOption& option : edge.destination.enum_options)
                if (option.value == *row.destination_value) chosen = option_text(option);
        }
        value["optionText"] = chosen;
        values.push_back(std::move(value));
    }
    out["options"] = std::move(options);
    out["values"] = std::move(values);
    return out;
}

// The rows are most of an update after an edit (50 of them on a big plan), so they are written
// straight into the text, with no Json tree per row: the same members and escaping as dump()
// (invalid UTF-8 becomes U+FFFD), without a map node per member.
void append_string(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x80) {
            const int length = utf8_sequence_length(p, end);
            if (length > 0) {
                out.append(p, static_cast<std::size_t>(length));
                p += length;
            } else {
                out += "\xEF\xBF\xBD";   // U+FFFD, as dump() replaces a malformed byte
                ++p;
            }
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
        ++p;
    }
    out += '"';
}

// Appends `"name":` after a comma (the first member of an object is written with its brace).
void member(std::string& out, const char* name) {
    out += ",\"";
    out += name;
    out += "\":";
}
void string_member(std::string& out, const char* name, std::string_view value) {
    member(out, name);
    append_string(out, value);
}
void number_member(std::string& out, const char* name, std::size_t value) {
    member(out, name);
    out += std::to_string(value);
}
void bool_member(std::string& out, const char* name, bool value) {
    member(out, name);
    out += value ? "true" : "false";
}

// {"key","label"} of a field, as field_ref, then the caller's members and the closing brace.
void open_field(std::string& out, std::string_view key, std::string_view label) {
    out += "{\"key\":";
    append_string(out, key);
    string_member(out, "label", label);
}
// Data is cut like the canvas cuts it (ui::shown_text): a 10 MB label is not a 10 MB DOM text.
void field_or_null(std::string& out, const char* name, const Field* field) {
    member(out, name);
    if (!field) {
        out += "null";
        return;
    }
    open_field(out, ui::shown_text(field->key), ui::shown_text(field->display_name()));
    out += '}';
}

// Returns the row's key as written (the page keeps rows by it).
std::string append_row(std::string& out, const Session& session, const ui::PanelState& state, const ui::SourceRow& row,
                       RowWords& words) {
    const Field* source = session.source_field(row.source_key);
    std::string key = source ? ui::shown_text(source->key) : row.source_key;
    open_field(out, key, source ? ui::shown_text(source->display_name()) : row.source_key);
    member(out, "samples");
    out += '[';
    const auto& preview = session.preview_of_source(row.source_key);
    for (std::size_t i = 0; i < preview.size() && i < kSamplesShown; ++i) {
        if (i) out += ',';
        append_string(out, ui::shown_text(preview[i]));
    }
    out += ']';
    bool_member(out, "ignored", row.ignored);
    bool_member(out, "changed", row.changed);
    bool_member(out, "suggested", row.suggested);  // applied by plan-mapper on load, not reviewed yet
    string_member(out, "typeWarning", row.type_warning);
    const std::string* message = ui::field_message(state, row.source_key);
    if (!message) message = ui::field_message(state, row.destination_key);
    string_member(out, "message", message ? ui::shown_text(*message) : std::string());
    const Edge* edge = row.destination_key.empty() ? nullptr : session.edge_to(row.destination_key);
    field_or_null(out, "destination", edge ? &edge->destination : nullptr);
    string_member(out, "certainty",
                  edge && edge->metadata && edge->metadata->certainty != Certainty::None
                      ? words.get((std::string("certainty.") + to_string(edge->metadata->certainty)).c_str())
                      : std::string());
    string_member(
        out, "reason",
        edge ? certainty_reason(*edge, candidate_for(state, row.source_key, row.destination_key), words) : std::string());
    member(out, "enum");
    out += edge && row.is_enum_edge ? dump(enum_json(*edge, state.expanded_enums.count(row.destination_key) > 0, state.records)) : "null";
    const auto problem = edge ? state.value_problems.find(row.destination_key) : state.value_problems.end();
    string_member(out, "valueProblem",
                  problem != state.value_problems.end()
                      ? ui::shown_text(problem->second.examples.empty()
                                           ? problem->second.text
                                           : ui::tr("review.withExamples", {{"text", problem->second.text}, {"examples", problem->second.examples}}))
                      : std::string());
    // The mapping memory's mark: its reason, or "" when the row's pair was not remembered.
    const auto remembered = state.remembered.find(row.source_key);
    string_member(out, "remembered", remembered == state.remembered.end() ? std::string() : ui::shown_text(remembered->second));
    out += '}';
    return key;
}

std::string append_destination(std::string& out, const Session& session, const ui::DestinationRow& row) {
    const Field* field = session.destination_field(row.key);
    std::string key = field ? ui::shown_text(field->key) : row.key;
    open_field(out, key, field ? ui::shown_text(field->display_name()) : row.key);
    string_member(out, "type", field ? field->type_name : std::string());
    bool_member(out, "required", row.required);
    bool_member(out, "changed", row.changed);
    field_or_null(out, "source", row.source_key.empty() ? nullptr : session.source_field(row.source_key));
    out += '}';
    return key;
}

// first is clamped so the window always ends inside the list (asking past the end shows the end).
std::pair<std::size_t, std::size_t> clamp_window(std::size_t size, std::size_t first, std::size_t count) {
    count = std::min(count, kMaxWindow);
    if (first + count > size) first = size > count ? size - count : 0;
    return {first, std::min(size, first + count)};
}

}  // namespace

std::string mirror_state_json(const Session* session, const ui::PanelStatus& status, ui::PanelState& state,
                              const MirrorWindow& window, MirrorRowsSent* sent) {
    // Written straight into the text like the rows (no Json tree: this runs after every edit).
    std::string text = "{\"loaded\":";
    text += session ? "true" : "false";
    bool_member(text, "loading", status.loading);
    bool_member(text, "submitting", status.submitting);
    string_member(text, "message", status.message);
    string_member(text, "submitMessage", status.submit_message);
    string_member(text, "warning", status.warning);
    string_member(text, "serverChanges", status.server_changes);
    bool_member(text, "draftOffered", status.draft_offered);
    string_member(text, "jobId", status.job_id);
    string_member(text, "recordsProgress", status.records_progress);
    bool_member(text, "reading", !status.records_progress.empty());  // the header's Stop reading button shows
    string_member(text, "recordsNote", status.records_note);
    if (!session) {
        if (sent) *sent = {};
        text += '}';
        return text;
    }
    if (state.view.update(*session, state.filter, state.chips)) state.lines_dirty = true;
    const SessionCounts counts = session->counts();
    member(text, "counts");
    text += "{\"mapped\":" + std::to_string(counts.edges);
    number_member(text, "unmapped", counts.unmapped_sources);
    number_member(text, "ignored", counts.ignored_sources);
    number_member(text, "requiredMissing", state.view.required_missing());
    number_member(text, "suggested", state.view.suggested());
    number_member(text, "sources", counts.sources());
    number_member(text, "destinations", counts.destinations());
    text += '}';
    bool_member(text, "canUndo", session->can_undo());
    bool_member(text, "canRedo", session->can_redo());
    bool_member(text, "suggestions", state.suggestions != nullptr);
    string_member(text, "filter", std::string_view(state.filter));
    member(text, "chips");
    text += "{\"unmapped\":";
    text += (state.chips & ui::kChipUnmapped) != 0 ? "true" : "false";
    bool_member(text, "requiredMissing", (state.chips & ui::kChipRequiredMissing) != 0);
    bool_member(text, "lowConfidence", (state.chips & ui::kChipLowConfidence) != 0);
    bool_member(text, "changed", (state.chips & ui::kChipChanged) != 0);
    text += '}';
    bool_member(text, "reviewOpen", state.review_open);
    if (state.review_open) {
        member(text, "review");
        text += dump(Json{{"lines", ui::review_lines(*session, state)},
                          {"valueProblems", ui::value_problem_lines(*session, state)},
                          {"requiredMissing", state.view.required_missing()}});
    }

    const auto& rows = state.view.sources();
    const auto [row_begin, row_end] = clamp_window(rows.size(), window.first_source, window.source_count);
    const auto& destinations = state.view.destinations();
    const auto [dest_begin, dest_end] = clamp_window(destinations.size(), window.first_destination, window.destination_count);
    number_member(text, "rowCount", rows.size());
    number_member(text, "firstRow", row_begin);
    number_member(text, "destinationCount", destinations.size());
    number_member(text, "firstDestination", dest_begin);
    text.reserve(text.size() + (row_end - row_begin) * 400 + (dest_end - dest_begin) * 160);
    // Each row is written apart, then either as it is or (unchanged since the page was last
    // given it) as its key: the page keeps the rows it was given and patches only the others.
    MirrorRowsSent now;
    RowWords words;
    std::string row_text;
    auto add = [&](const std::string& key, std::unordered_map<std::string, std::string>& before,
                   std::unordered_map<std::string, std::string>& after) {
        const auto it = sent ? before.find(key) : before.end();
        if (it != before.end() && it->second == row_text) append_string(text, key);
        else text += row_text;
        if (sent) after.insert_or_assign(key, row_text);
    };
    text += ",\"rows\":[";
    for (std::size_t i = row_begin; i < row_end; ++i) {
        if (i != row_begin) text += ',';
        row_text.clear();
        const std::string key = append_row(row_text, *session, state, rows[i], words);
        add(key, sent ? sent->sources : now.sources, now.sources);
    }
    text += "],\"destinations\":[";
    for (std::size_t i = dest_begin; i < dest_end; ++i) {
        if (i != dest_begin) text += ',';
        row_text.clear();
        const std::string key = append_destination(row_text, *session, destinations[i]);
        add(key, sent ? sent->destinations : now.destinations, now.destinations);
    }
    text += "]}";
    if (sent) *sent = std::move(now);
    return text;
}

std::string mirror_options_json(const Session& session, const ui::PanelState& state, const std::string& source_key,
                                const std::string& query, std::size_t limit) {
    const std::string filter = lower_ascii(query);
    const bool ignored = session.is_ignored(source_key);
    std::vector<const Edge*> current = session.edges_from(source_key);
    auto is_current = [&](const std::string& key) {
        return std::any_of(current.begin(), current.end(), [&](const Edge* e) { return e->destination.key == key; });
    };
    Json options = Json::array();
    // The two fixed choices are found by typing their names too ("not" finds Not mapped).
    const std::string not_mapped = ui::tr("picker.notMapped"), do_not_import = ui::tr("picker.ignore");
    if (lower_ascii(not_mapped).find(filter) != std::string::npos)
        options.push_back({{"kind", "none"}, {"label", not_mapped}, {"selected", current.empty() && !ignored}});
    if (lower_ascii(do_not_import).find(filter) != std::string::npos)
        options.push_back({{"kind", "ignore"}, {"label", do_not_import}, {"selected", ignored}});
    std::size_t shown = 0, more = 0;
    std::vector<std::string> listed;
    auto add = [&](const Field& field, const ui::Candidate* candidate) {
        if (!ui::field_matches(filter, field)) return;
        if (std::find(listed.begin(), listed.end(), field.key) != listed.end()) return;
        if (shown >= limit) {
            more += candidate ? 0 : 1;         // a candidate left out is counted in the walk below
            return;
        }
        listed.push_back(field.key);
        ++shown;
        Json option = {{"kind", "destination"}, {"key", ui::shown_text(field.key)}, {"label", ui::shown_text(field.display_name())},
                       {"required", field.required}, {"selected", is_current(field.key)}};
        const Edge* taken = session.edge_to(field.key);
        option["takenBy"] = taken && taken->source.key != source_key ? ui::shown_text(taken->source.display_name()) : std::string();
        if (candidate) option["score"] = static_cast<int>(std::lround(candidate->score * 100));
        options.push_back(std::move(option));
    };
    if (state.suggestions) {
        if (auto it = state.suggestions->find(source_key); it != state.suggestions->end())
            for (const ui::Candidate& candidate : it->second)
                if (const Field* field = session.destination_field(candidate.destination_key)) add(*field, &candidate);
    }
    // A linear walk with `listed` checked only while under the limit keeps a 5,000-field query fast.
    for (const Edge& edge : session.plan().field_mapping) add(edge.destination, nullptr);
    for (const UnmappedField& entry : session.plan().unmapped_destinations) add(entry.field, nullptr);
    return dump(Json{{"options", std::move(options)}, {"more", more}});
}

}  // namespace pm
