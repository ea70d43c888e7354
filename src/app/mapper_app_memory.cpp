// MapperApp's side of the mapping memory (app/app_memory.h): the requests the page makes (the
// host's memory arriving, the memory view's list, remove, clear, export and import, "Forget this"),
// and telling the host whenever the memory changed so it stores it where it decides.
#include "app/mapper_app.h"

#include "core/json/problems.h"
#include "ui/messages.h"

#include <imgui.h>

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
    for (const auto& [source, mark] : memory_.marks()) panel_state_.remembered[source] = ui::tr(mark.reason_message);
}

void MapperApp::sync_memory_view() {
    ui::MemoryViewState& view = panel_state_.memory;
    view.available = memory_.enabled() && session_ != nullptr;
    view.rows.clear();
    if (!view.available) return;
    const Json list = Json::parse(memory_.list_json(session_.get()), nullptr, false);
    if (!list.is_object() || !list.contains("entries")) return;
    for (const Json& entry : list["entries"]) {
        ui::MemoryRow row;
        row.header = entry.value("header", "");
        row.destination_key = entry.value("destination", "");
        row.destination_label = entry.value("destinationLabel", "");
        row.count = entry.value("count", 0u);
        row.last_used = entry.value("lastUsed", "");
        row.rejected = entry.value("rejected", false);
        view.rows.push_back(std::move(row));
    }
}

void MapperApp::answer_memory_view() {
    ui::MemoryViewState& view = panel_state_.memory;
    const auto ask = view.ask;
    view.ask = ui::MemoryViewState::Ask::None;
    if (ask == ui::MemoryViewState::Ask::None || !session_) return;
    std::string message;
    switch (ask) {
        case ui::MemoryViewState::Ask::Remove:
            if (view.index < view.rows.size() &&
                memory_.remove(session_.get(), view.rows[view.index].header, view.rows[view.index].destination_key))
                view.message = ui::tr("app.memoryRemoved");
            break;
        case ui::MemoryViewState::Ask::Clear:
            memory_.clear();
            view.message = ui::tr("app.memoryEmptied");
            break;
        case ui::MemoryViewState::Ask::Export:
            ImGui::SetClipboardText(memory_.export_json().c_str());
            view.message = ui::tr("app.memoryCopied");
            return;
        case ui::MemoryViewState::Ask::Import: {
            const char* clipboard = ImGui::GetClipboardText();
            view.message = memory_.import_json(clipboard ? clipboard : "", message)
                ? ui::tr("app.memoryImported")
                : ui::tr("memory.notImported", {{"message", message}});
            break;
        }
        case ui::MemoryViewState::Ask::None: break;
    }
    memory_changed();
}

void MapperApp::memory_changed() {
    sync_remembered_marks();
    sync_memory_view();
    if (!memory_.enabled()) return;
    host_.notify(AppEvent::Memory,
                 dump_json({{"schema", memory_.schema_json()}, {"memory", Json::parse(memory_.export_json(), nullptr, false)}}));
}

std::string MapperApp::memory_request(const std::string& request_json) {
    const Json request = Json::parse(request_json, nullptr, false);
    if (!request.is_object()) return answer(false, ui::tr("app.memoryNotObject"));
    const std::string op = text_member(request, "op");
    if (!memory_.enabled()) return answer(false, ui::tr("app.memoryOff"));
    if (!session_) return answer(false, ui::tr("app.noPlanYet"));
    std::string message;
    if (op == "supply") {
        // The host's memory for the schema: read, then its pairs proposed for the unmapped
        // columns. A memory that does not read is reported once and ignored.
        if (!memory_.supply(document_text(request), message)) {
            status_.warning = ui::tr("app.memoryIgnored", {{"message", message}});
            Json detail = {{"during", "reading the mapping memory"},
                           {"duringText", ui::tr("app.duringMemory")},
                           {"message", message},
                           {"status", 0},
                           {"serverMessages", Json::array()},
                           {"problems", Json::array()}};
            host_.notify(AppEvent::Error, dump_json(detail));
            memory_supplied_ = true;
            return answer(false, message);
        }
        memory_supplied_ = true;
        sync_memory_view();
        const std::size_t applied = status_.draft_offered ? 0 : memory_.apply(*session_, match::today_days());
        sync_remembered_marks();
        after_draw_changes();
        return answer(true, ui::trn("app.memoryProposed", static_cast<long long>(applied)), {{"applied", applied}});
    }
    if (op == "list") return memory_.list_json(session_.get());
    if (op == "forget") {
        const std::string source = text_member(request, "source");
        if (!memory_.forget(*session_, source))
            return answer(false, ui::tr("app.nothingRemembered", {{"source", session_->source_name(source)}}));
        memory_changed();
        return answer(true, ui::tr("app.forgotten", {{"source", session_->source_name(source)}}));
    }
    if (op == "remove") {
        if (!memory_.remove(session_.get(), text_member(request, "header"), text_member(request, "destination")))
            return answer(false, ui::tr("app.notInMemory"));
        memory_changed();
        return answer(true, ui::tr("app.memoryRemoved"));
    }
    if (op == "clear") {
        memory_.clear();
        memory_changed();
        return answer(true, ui::tr("app.memoryEmptied"));
    }
    if (op == "export") return answer(true, "", {{"memory", Json::parse(memory_.export_json(), nullptr, false)}});
    if (op == "import") {
        if (!memory_.import_json(document_text(request), message)) return answer(false, message);
        memory_changed();
        return answer(true, ui::tr("app.memoryImported"));
    }
    return answer(false, ui::tr("app.unknownMemoryRequest", {{"op", op}}));
}

}  // namespace pm
