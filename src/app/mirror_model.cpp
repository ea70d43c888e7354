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

// Why the panel is as sure as it says, for a person: the matcher's reason, the confidence and who
// made the match.
std::string certainty_reason(const Edge& edge, const ui::Candidate* candidate) {
    std::string reason = candidate ? ui::tr(candidate->reason) : std::string();
    if (edge.metadata) {
        if (edge.metadata->confidence) {
            if (!reason.empty()) reason += "; ";
            reason += ui::tr("table.confidence",
                             {{"percent", std::to_string(static_cast<int>(std::lround(*edge.metadata->confidence * 100)))}});
        }
        if (!edge.metadata->source.empty())
            reason += (reason.empty() ? "" : ", ") + ui::tr("table.by", {{"who", edge.metadata->source}});
    }
    if (reason.empty()) reason = ui::tr("table.chosenHere");
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

void append_row(std::string& out, const Session& session, const ui::PanelState& state, const ui::SourceRow& row) {
    const Field* source = session.source_field(row.source_key);
    if (source) open_field(out, ui::shown_text(source->key), ui::shown_text(source->display_name()));
    else open_field(out, row.source_key, row.source_key);
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
    string_member(out, "certainty", edge && edge->metadata && edge->metadata->certainty != Certainty::None
                                        ? ui::tr(std::string("certainty.") + to_string(edge->metadata->certainty))
                                        : std::string());
    string_member(out, "reason", edge ? certainty_reason(*edge, candidate_for(state, row.source_key, row.destination_key)) : std::string());
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
}

void append_destination(std::string& out, const Session& session, const ui::DestinationRow& row) {
    const Field* field = session.destination_field(row.key);
    if (field) open_field(out, ui::shown_text(field->key), ui::shown_text(field->display_name()));
    else open_field(out, row.key, row.key);
    string_member(out, "type", field ? field->type_name : std::string());
    bool_member(out, "required", row.required);
    bool_member(out, "changed", row.changed);
    field_or_null(out, "source", row.source_key.empty() ? nullptr : session.source_field(row.source_key));
    out += '}';
}

// first is clamped so the window always ends inside the list (asking past the end shows the end).
std::pair<std::size_t, std::size_t> clamp_window(std::size_t size, std::size_t first, std::size_t count) {
    count = std::min(count, kMaxWindow);
    if (first + count > size) first = size > count ? size - count : 0;
    return {first, std::min(size, first + count)};
}

}  // namespace

std::string mirror_state_json(const Session* session, const ui::PanelStatus& status, ui::PanelState& state,
                              const MirrorWindow& window) {
    Json out = {{"loaded", session != nullptr},
                {"loading", status.loading},
                {"submitting", status.submitting},
                {"message", status.message},
                {"submitMessage", status.submit_message},
                {"warning", status.warning},
                {"serverChanges", status.server_changes},
                {"draftOffered", status.draft_offered},
                {"jobId", status.job_id},
                {"recordsProgress", status.records_progress},
                {"reading", !status.records_progress.empty()},   // the header's Stop reading button shows
                {"recordsNote", status.records_note}};
    if (!session) return dump(out);
    if (state.view.update(*session, state.filter, state.chips)) state.lines_dirty = true;
    const SessionCounts counts = session->counts();
    out["counts"] = {{"mapped", counts.edges},
                     {"unmapped", counts.unmapped_sources},
                     {"ignored", counts.ignored_sources},
                     {"requiredMissing", state.view.required_missing()},
                     {"suggested", state.view.suggested()},
                     {"sources", counts.sources()},
                     {"destinations", counts.destinations()}};
    out["canUndo"] = session->can_undo();
    out["canRedo"] = session->can_redo();
    out["suggestions"] = state.suggestions != nullptr;
    out["filter"] = std::string(state.filter);
    out["chips"] = {{"unmapped", (state.chips & ui::kChipUnmapped) != 0},
                    {"requiredMissing", (state.chips & ui::kChipRequiredMissing) != 0},
                    {"lowConfidence", (state.chips & ui::kChipLowConfidence) != 0},
                    {"changed", (state.chips & ui::kChipChanged) != 0}};
    out["reviewOpen"] = state.review_open;
    if (state.review_open)
        out["review"] = {{"lines", ui::review_lines(*session, state)},
                         {"valueProblems", ui::value_problem_lines(*session, state)},
                         {"requiredMissing", state.view.required_missing()}};

    const auto& rows = state.view.sources();
    const auto [row_begin, row_end] = clamp_window(rows.size(), window.first_source, window.source_count);
    const auto& destinations = state.view.destinations();
    const auto [dest_begin, dest_end] = clamp_window(destinations.size(), window.first_destination, window.destination_count);
    out["rowCount"] = rows.size();
    out["firstRow"] = row_begin;
    out["destinationCount"] = destinations.size();
    out["firstDestination"] = dest_begin;
    // The header as a Json object, then the rows written into the same text (append_row).
    std::string text = dump(out);
    text.pop_back();                           // the header's closing brace: the rows follow
    text.reserve(text.size() + (row_end - row_begin) * 400 + (dest_end - dest_begin) * 160);
    text += ",\"rows\":[";
    for (std::size_t i = row_begin; i < row_end; ++i) {
        if (i != row_begin) text += ',';
        append_row(text, *session, state, rows[i]);
    }
    text += "],\"destinations\":[";
    for (std::size_t i = dest_begin; i < dest_end; ++i) {
        if (i != dest_begin) text += ',';
        append_destination(text, *session, destinations[i]);
    }
    text += "]}";
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
