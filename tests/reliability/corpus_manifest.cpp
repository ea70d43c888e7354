// Reading manifest.json without exceptions (the wasm build has none): every member is looked up
// and type-checked, and a malformed manifest is a test failure, never an abort.
#include "corpus_manifest.h"

#include "core/json/problems.h"

#include <fstream>

namespace pm::test {

const char* to_string(Expect expect) {
    switch (expect) {
        case Expect::Rejected: return "rejected";
        case Expect::Problems: return "problems";
        case Expect::Warned: return "warned";
        case Expect::Usable: return "usable";
    }
    return "?";
}

std::string read_file(const std::string& path, bool& ok) {
    // One read of the whole file: a character-by-character copy of 64 MB takes seconds in Debug.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    ok = static_cast<bool>(in);
    if (!ok) return {};
    std::string text(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    ok = static_cast<bool>(in) || text.empty();
    return text;
}

namespace {

std::string text_member(const Json& object, const char* name) {
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool parse_expect(const std::string& text, Expect& out) {
    for (Expect e : {Expect::Rejected, Expect::Problems, Expect::Warned, Expect::Usable})
        if (text == to_string(e)) {
            out = e;
            return true;
        }
    return false;
}

}  // namespace

std::vector<CorpusCase> load_manifest(const std::string& dir, std::string& error) {
    bool ok = false;
    const std::string text = read_file(dir + "/manifest.json", ok);
    if (!ok) {
        error = "cannot read " + dir + "/manifest.json";
        return {};
    }
    const Json manifest = Json::parse(text, nullptr, false);
    const auto cases = manifest.is_object() ? manifest.find("cases") : manifest.end();
    if (!manifest.is_object() || cases == manifest.end() || !cases->is_array()) {
        error = dir + "/manifest.json has no \"cases\" array";
        return {};
    }
    std::vector<CorpusCase> out;
    for (const Json& entry : *cases) {
        if (!entry.is_object()) continue;
        CorpusCase c;
        c.name = text_member(entry, "file");
        c.file = dir + "/" + c.name;
        c.category = text_member(entry, "category");
        c.description = text_member(entry, "description");
        if (c.name.empty() || !parse_expect(text_member(entry, "expect"), c.expect)) {
            error = "manifest entry without a file or a known expect: " + dump_json(entry);
            return {};
        }
        if (const auto p = entry.find("pointer"); p != entry.end() && p->is_string()) c.pointer = p->get<std::string>();
        if (const auto k = entry.find("kept"); k != entry.end() && k->is_object()) {
            c.kept_pointer = text_member(*k, "pointer");
            if (const auto v = k->find("value"); v != k->end()) c.kept_value = *v;
        }
        c.kept_text = text_member(entry, "keptText");
        c.known_issue = text_member(entry, "knownIssue");
        c.draw_known_issue_on = text_member(entry, "drawKnownIssueOn");
        c.draw_known_issue = text_member(entry, "drawKnownIssue");
        if (const auto m = entry.find("maxProblems"); m != entry.end() && m->is_number_unsigned())
            c.max_problems = m->get<std::size_t>();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace pm::test
