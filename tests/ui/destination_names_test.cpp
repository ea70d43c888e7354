// The picker's search reads destination names lower-cased once per plan revision
// (ui/destination_names.h): in plan order, brought up to date by an edit, equal to what
// field_matches would say about each field.
#include "support/synthetic_plan.h"
#include "ui/destination_names.h"
#include "ui/panel_widgets.h"

#include <gtest/gtest.h>

namespace pm::ui {
namespace {

std::vector<std::string> keys_of(const std::vector<DestinationNames::Entry>& entries) {
    std::vector<std::string> keys;
    for (const auto& entry : entries) keys.push_back(entry.key);
    return keys;
}

TEST(DestinationNames, EveryDestinationInPlanOrderLowerCased) {
    test::SyntheticShape shape;
    shape.edges = 3;
    shape.unmapped_destinations = 2;
    Session session(test::make_synthetic_plan(shape));
    DestinationNames names;
    const auto& entries = names.of(session);
    EXPECT_EQ(keys_of(entries), (std::vector<std::string>{"dst_0", "dst_1", "dst_2", "dst_3", "dst_4"}));
    EXPECT_EQ(entries[1].label_lower, "field 1");
    for (const auto& entry : entries)
        for (const std::string filter : {"", "field 1", "dst_4", "FIELD", "nothing"}) {
            const std::string lowered = lower_ascii(filter);
            EXPECT_EQ(DestinationNames::matches(lowered, entry), field_matches(lowered, *session.destination_field(entry.key)))
                << entry.key << " / " << filter;
        }
}

TEST(DestinationNames, AnEditBringsThemUpToDate) {
    test::SyntheticShape shape;
    shape.edges = 2;
    shape.unmapped_sources = 1;
    shape.unmapped_destinations = 1;
    Session session(test::make_synthetic_plan(shape));
    DestinationNames names;
    ASSERT_FALSE(session.map(session.plan().unmapped_sources.front().field.key, "dst_2").empty());
    // The new edge is listed with the mapped destinations now (plan order), none twice.
    EXPECT_EQ(keys_of(names.of(session)), (std::vector<std::string>{"dst_0", "dst_1", "dst_2"}));
}

}  // namespace
}  // namespace pm::ui
