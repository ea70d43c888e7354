// The mapping memory inside the widget (issue 14): the schema of the plan on screen, the memory
// the host supplied for it, the remembered pairs proposed into the session with their reasons
// (the rows' "remembered" mark), and what the person's work teaches it: the plan the server
// confirmed is learned; a remembered pair the person changed away from is remembered as
// rejected; "Forget this" and the memory view remove entries. The app tells the host after each
// change (AppEvent::Memory) so the platform stores it where the host decides.
//
// Off unless enabled; a memory document that does not read is reported once and ignored.
#pragma once

#include "matcher/mapping_memory.h"
#include "core/session/session.h"

#include <cstdint>
#include <map>
#include <string>

namespace pm {

struct RememberedMark {
    std::string destination_key;
    std::string reason;  // remembered: "Tel. (mobile)" → Mobile phone, 2 imports, last on 3 Dec
    MessageRef reason_message;  // the same for the panel's language (match::remembered_reason_message)
};

class AppMemory {
public:
    void set_enabled(bool enabled) { enabled_ = enabled; }
    bool enabled() const { return enabled_; }

    // A new plan on screen: its schema (the sheet slug when known), and no marks yet.
    void begin(const Session& session, const std::string& sheet_slug = "");
    const match::SchemaIdentity& schema() const { return schema_; }
    // {"id", "slug", "destinationKeys"}: what the host is told to look the memory up by.
    Json schema_json() const;

    // The host's memory for this schema (a memory document, or null for none). Returns false
    // with `message` when it does not read (the memory stays empty: mapping is never blocked).
    bool supply(const std::string& document_json, std::string& message);
    // Proposes the remembered pairs for the session's unmapped columns (Session::accept, one undo
    // step each) and marks their rows. Returns how many were accepted.
    std::size_t apply(Session& session, std::int32_t today);

    const std::map<std::string, RememberedMark>& marks() const { return marks_; }
    const RememberedMark* mark(const std::string& source_key) const;

    // After edits: a marked pair no longer in the plan was changed away from; it is remembered as
    // rejected and its mark goes. True when the memory changed.
    bool observe(const Session& session, std::int32_t today);
    // The server confirmed this plan: learned. True when the memory changed.
    bool learn(const ExecutionPlan& confirmed, std::int32_t today);
    // "Forget this" on a row: the remembered entry behind its mark goes (the mapping stays, as
    // the person's own). True when there was one.
    bool forget(const Session& session, const std::string& source_key);

    // The memory view: {"schema":{...},"entries":[{header, sourceKey, destination, destinationLabel,
    // count, lastUsed, rejected}]}, most recently used first.
    std::string list_json(const Session* session) const;
    bool remove(const Session* session, const std::string& header, const std::string& destination_key);
    void clear();
    // The schema's memory as a memory document (what the host stores, and what "export" gives).
    std::string export_json() const;
    // Adds a memory document's entries (counts add up). False with `message` when it does not read.
    bool import_json(const std::string& document_json, std::string& message);

private:
    bool enabled_ = false;
    match::SchemaIdentity schema_;
    match::MappingMemory memory_;
    std::map<std::string, RememberedMark> marks_;
};

}  // namespace pm
