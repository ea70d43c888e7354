// Builds the rows. Order: mapped sources in plan order, then unmapped, then ignored ones, so the
// rows a person still has to look at stay together.
#include "ui/panel_view.h"

#include "matcher/plan_matcher.h"
#include "ui/messages.h"
#include "ui/panel_widgets.h"

#include <unordered_set>

namespace pm::ui {

bool is_low_confidence(const Edge& edge) {
    if (!edge.metadata) return false;          // a pair the person made needs no second look
    const Certainty c = edge.metadata->certainty;
    return c == Certainty::Moderate || c == Certainty::Weak;
}

bool PanelView::update(const Session& session, const std::string& filter, unsigned chips) {
    const bool plan_changed = session_ != &session || revision_ != session.revision();
    if (!plan_changed && filter_ == filter && chips_ == chips) return false;
    session_ = &session;
    revision_ = session.revision();
    filter_ = filter;
    chips_ = chips;
    if (plan_changed) derive(session);
    build_rows(session);
    return true;
}

void PanelView::derive(const Session& session) {
    diff_ = session.changes();
    changed_sources_.clear();
    changed_destinations_.clear();
    for (const auto& change : diff_.sources) changed_sources_.insert(change.key);
    for (const auto& change : diff_.destinations) changed_destinations_.insert(change.key);
    for (const Link& link : diff_.edited) {
        changed_sources_.insert(link.source_key);
        changed_destinations_.insert(link.destination_key);
    }
    warnings_.clear();
    for (const TypeWarning& w : session.type_warnings()) warnings_.emplace(w.link.source_key, tr(w.text));
    type_warnings_ = warnings_.size();
    required_missing_keys_.clear();
    for (const std::string& key : session.required_unmapped()) required_missing_keys_.insert(key);
    required_missing_ = required_missing_keys_.size();
    low_confidence_ = 0;
    suggested_ = 0;
    for (const Edge& edge : session.plan().field_mapping) {
        low_confidence_ += is_low_confidence(edge) ? 1 : 0;
        suggested_ += match::is_pending_suggestion(edge) ? 1 : 0;
    }
}

void PanelView::build_rows(const Session& session) {
    const ExecutionPlan& plan = session.plan();
    const std::string filter = lower_ascii(filter_);
    const auto& warnings = warnings_;
    const auto& required_missing = required_missing_keys_;

    const bool want_unmapped = chips_ & kChipUnmapped;
    const bool want_required = chips_ & kChipRequiredMissing;
    const bool want_low = chips_ & kChipLowConfidence;
    const bool want_changed = chips_ & kChipChanged;

    sources_.clear();
    for (const Edge& edge : plan.field_mapping) {
        SourceRow row;
        row.source_key = edge.source.key;
        row.destination_key = edge.destination.key;
        row.changed = changed_sources_.count(row.source_key) > 0 || changed_destinations_.count(row.destination_key) > 0;
        row.low_confidence = is_low_confidence(edge);
        row.suggested = match::is_pending_suggestion(edge);
        if (auto it = warnings.find(row.source_key); it != warnings.end()) row.type_warning = it->second;
        row.is_enum_edge = edge.destination.type == FieldType::Enum || edge.destination.type == FieldType::EnumList;
        if (want_unmapped || want_required) continue;
        if (want_low && !row.low_confidence) continue;
        if (want_changed && !row.changed) continue;
        if (!field_matches(filter, edge.source) && !field_matches(filter, edge.destination)) continue;
        sources_.push_back(std::move(row));
    }
    std::vector<SourceRow> ignored;
    for (const UnmappedField& entry : plan.unmapped_sources) {
        SourceRow row;
        row.source_key = entry.field.key;
        row.ignored = session.is_ignored(row.source_key);
        row.changed = changed_sources_.count(row.source_key) > 0 || row.ignored;
        if (want_low) continue;
        if (want_changed && !row.changed) continue;
        if ((want_unmapped || want_required) && row.ignored) continue;
        if (!field_matches(filter, entry.field)) continue;
        (row.ignored ? ignored : sources_).push_back(std::move(row));
    }
    sources_.insert(sources_.end(), ignored.begin(), ignored.end());

    destinations_.clear();
    for (const Edge& edge : plan.field_mapping) {
        if (want_unmapped || want_required) break;
        DestinationRow row{edge.destination.key, edge.source.key, edge.destination.required,
                           changed_destinations_.count(edge.destination.key) > 0};
        if (want_low && !is_low_confidence(edge)) continue;
        if (want_changed && !row.changed) continue;
        if (!field_matches(filter, edge.destination) && !field_matches(filter, edge.source)) continue;
        destinations_.push_back(std::move(row));
    }
    for (const UnmappedField& entry : plan.unmapped_destinations) {
        DestinationRow row{entry.field.key, {}, entry.field.required, changed_destinations_.count(entry.field.key) > 0};
        if (want_low) continue;
        if (want_required && !required_missing.count(row.key)) continue;
        if (want_changed && !row.changed) continue;
        if (!field_matches(filter, entry.field)) continue;
        destinations_.push_back(std::move(row));
    }
}

}  // namespace pm::ui
