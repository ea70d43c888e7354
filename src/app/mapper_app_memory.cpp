// MapperApp's side of the mapping memory (app/app_memory.h): the requests the page makes (the
// host's memory arriving, the memory view's list, remove, clear, export and import, "Forget this"),
// and telling the host whenever the memory changed so it stores it where it decides.
#include "app/mapper_app.h"

#include "core/json/problems.h"

namespace pm {

namespace {

std::string text_member(const Json& json, const char* name) {
    const auto it = json.find(name);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string answer(bool ok, const std::string& message, Json more = Json::object()) {
    more["ok"] = ok;
    more["message"] = message;
    return dump_json(more);
}

// A memory document given inline (an object) or as text.
std::string document_text(const Json& request) {
    const auto it = request.find("memory");
    if (it == request.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : dump_json(*it);
}

}  // namespace

void MapperApp::sync_remembered_marks() {
    panel_state_.remembered.clear();
    for (const auto& [source, mark] : memory_.marks()) panel_state_.remembered[source] = mark.reason;
}

void MapperApp::memory_changed() {
    sync_remembered_marks();
    if (!memory_.enabled()) return;
    host_.notify(AppEvent::Memory, dump_json({{"schema", memory_.schema_json()},
                                               {"memory", Json::parse(memory_.export_json(), nullptr, false)}}));
}

std::string MapperApp::memory_request(const std::string& request_json) {
    const Json request = Json::parse(request_json, nullptr, false);
    if (!request.is_object()) return answer(false, "The memory request is not a JSON object.");
    const std::string op = text_member(request, "op");
    if (!memory_.enabled()) return answer(false, "The mapping memory is off.");
    if (!session_) return answer(false, "No plan is loaded yet.");
    std::string message;
    if (op == "supply") {
        // The host's memory for the schema: read, then its pairs proposed for the unmapped
        // columns. A memory that does not read is reported once and ignored.
        if (!memory_.supply(document_text(request), message)) {
            status_.warning = "Mapping memory ignored: " + message;
            Json detail = {{"during", "reading the mapping memory"}, {"message", message}, {"status", 0},
                           {"serverMessages", Json::array()}, {"problems", Json::array()}};
            host_.notify(AppEvent::Error, dump_json(detail));
            memory_supplied_ = true;
            return answer(false, message);
        }
        memory_supplied_ = true;
        const std::size_t applied = status_.draft_offered ? 0 : memory_.apply(*session_, match::today_days());
        sync_remembered_marks();
        after_draw_changes();
        return answer(true, std::to_string(applied) + " remembered pair" + (applied == 1 ? "" : "s") + " proposed.",
                      {{"applied", applied}});
    }
    if (op == "list") return memory_.list_json(session_.get());
    if (op == "forget") {
        const std::string source = text_member(request, "source");
        if (!memory_.forget(*session_, source)) return answer(false, "Nothing is remembered for " + session_->source_name(source) + ".");
        memory_changed();
        return answer(true, session_->source_name(source) + " is no longer remembered.");
    }
    if (op == "remove") {
        if (!memory_.remove(session_.get(), text_member(request, "header"), text_member(request, "destination")))
            return answer(false, "That entry is not in the memory.");
        memory_changed();
        return answer(true, "Removed from the memory.");
    }
    if (op == "clear") {
        memory_.clear();
        memory_changed();
        return answer(true, "The memory for this schema is empty.");
    }
    if (op == "export") return answer(true, "", {{"memory", Json::parse(memory_.export_json(), nullptr, false)}});
    if (op == "import") {
        if (!memory_.import_json(document_text(request), message)) return answer(false, message);
        memory_changed();
        return answer(true, "Imported.");
    }
    return answer(false, "Unknown memory request \"" + op + "\".");
}

}  // namespace pm
