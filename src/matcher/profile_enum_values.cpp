// Filling enumDetails from column profiles; see profile_enum_values.h.
#include "matcher/profile_enum_values.h"

#include "core/profile/field_check.h"

#include <unordered_set>

namespace pm::match {

std::vector<std::string> column_values(const profile::ColumnProfile& column) {
    std::vector<std::string> out;
    for (const profile::ValueCount& entry : column.top(column.counts().size())) out.push_back(entry.value);
    return out;
}

EnumFill map_enum_values_from_profile(Session& session, const profile::SheetProfile& sheet, const EnumMatchOptions& options) {
    EnumFill fill;
    // Edge keys first: each edit replaces the plan's edges, so nothing may point into them.
    std::vector<std::pair<std::string, std::string>> enum_edges;  // source key, destination key
    for (const Edge& edge : session.plan().field_mapping)
        if (edge.destination.type == FieldType::Enum || edge.destination.type == FieldType::EnumList)
            enum_edges.emplace_back(edge.source.key, edge.destination.key);

    for (const auto& [source_key, destination_key] : enum_edges) {
        const profile::ColumnProfile* column = sheet.column(source_key);
        const Edge* edge = session.edge_to(destination_key);
        if (!column || !edge) continue;
        ++fill.edges;
        std::unordered_set<std::string> already;
        for (const Json& value : profile::mapped_source_values(*edge)) already.insert(profile::enum_value_text(value));
        // A value the server had mapped on this edge and that is unmapped now was unmapped by the
        // person: it stays so.
        for (const Edge& server_edge : session.server_plan().field_mapping)
            if (server_edge.source.key == source_key && server_edge.destination.key == destination_key)
                for (const Json& value : profile::mapped_source_values(server_edge))
                    already.insert(profile::enum_value_text(value));
        std::vector<std::string> values;
        for (std::string& value : column_values(*column)) {
            if (values.size() >= kMaxProfileEnumValues) break;
            if (!already.count(value)) values.push_back(std::move(value));
        }
        const std::vector<EnumOption> enum_options = edge->destination.enum_options;  // the edits below replace *edge
        const EnumMatch found = match_enum_values(values, enum_options, options);
        for (const EnumValueMatch& match : found.values) {
            if (match.option < 0) {
                ++fill.unmatched;
                continue;
            }
            const Change change = session.set_enum_value(destination_key, Json(match.source_value),
                                                         enum_options[static_cast<std::size_t>(match.option)].value);
            if (!change.empty()) ++fill.mapped;
        }
    }
    return fill;
}

}  // namespace pm::match
