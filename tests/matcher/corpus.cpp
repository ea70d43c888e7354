// Loading the matcher corpus (see corpus.h).
#include "corpus.h"

#include "core/plan/parse.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace pm::match::test {

namespace {

bool read_json(const std::string& path, Json& out, std::vector<std::string>& errors) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        errors.push_back(path + ": cannot open");
        return false;
    }
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    out = Json::parse(text, nullptr, false);
    if (out.is_discarded()) {
        errors.push_back(path + ": not valid JSON");
        return false;
    }
    return true;
}

}  // namespace

Corpus load_corpus(const std::string& root) {
    Corpus corpus;
    Json schemas;
    if (!read_json(root + "/schemas.json", schemas, corpus.errors) || !schemas.is_object()) return corpus;
    for (const auto& [name, fields] : schemas.items()) {
        if (name.empty() || name[0] == '_' || !fields.is_array()) continue;
        for (const Json& raw : fields) corpus.schemas[name].push_back(field_from_raw(raw));
    }

    std::vector<std::string> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(root + "/corpus", error))
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    if (error) corpus.errors.push_back(root + "/corpus: " + error.message());
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
        Json document;
        if (!read_json(path, document, corpus.errors)) continue;
        CorpusExport file;
        file.file = std::filesystem::path(path).filename().string();
        file.schema = document.value("schema", "");
        file.split = document.value("split", "");
        file.language = document.value("language", "");
        if (file.split != "tuning" && file.split != "evaluation")
            corpus.errors.push_back(path + ": split must be \"tuning\" or \"evaluation\"");
        if (file.language.empty()) corpus.errors.push_back(path + ": no language");
        if (!corpus.schemas.count(file.schema)) corpus.errors.push_back(path + ": unknown schema " + file.schema);
        const Json columns = document.value("columns", Json::array());
        for (const Json& row : columns) {
            if (!row.is_array() || row.size() != 3 || !row[0].is_string() || !(row[1].is_string() || row[1].is_null()) ||
                !row[2].is_array()) {
                corpus.errors.push_back(path + ": a column is not [header, key|null, [values]]");
                continue;
            }
            CorpusColumn column;
            column.header = row[0].get<std::string>();
            if (row[1].is_string()) column.label = row[1].get<std::string>();
            for (const Json& value : row[2])
                if (value.is_string()) column.preview.push_back(value.get<std::string>());
            file.columns.push_back(std::move(column));
        }
        corpus.exports.push_back(std::move(file));
    }
    return corpus;
}

std::vector<std::string> source_keys(const std::vector<CorpusColumn>& columns) {
    std::vector<std::string> keys;
    std::set<std::string> used;
    for (const CorpusColumn& column : columns) {
        std::string key;
        for (unsigned char c : column.header) {
            if (std::isalnum(c) && c < 0x80) key += static_cast<char>(std::tolower(c));
            else if (!key.empty() && key.back() != '_') key += '_';
        }
        while (!key.empty() && key.back() == '_') key.pop_back();
        std::string unique = key;
        for (int n = 1; used.count(unique); ++n) unique = key + "_" + std::to_string(n);
        used.insert(unique);
        keys.push_back(unique);
    }
    return keys;
}

std::vector<UnmappedField> source_fields(const CorpusExport& file) {
    const std::vector<std::string> keys = source_keys(file.columns);
    std::vector<UnmappedField> out;
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
        UnmappedField entry;
        entry.field = field_from_raw({{"key", keys[i]}, {"label", file.columns[i].header}, {"type", "string"}});
        entry.preview = file.columns[i].preview;
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<UnmappedField> destination_fields(const std::vector<Field>& schema) {
    std::vector<UnmappedField> out;
    for (const Field& field : schema) {
        UnmappedField entry;
        entry.field = field;
        out.push_back(std::move(entry));
    }
    return out;
}

Tally tally(const CorpusExport& file, const std::vector<std::string>& predicted) {
    Tally result;
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
        const auto& label = file.columns[i].label;
        if (label) ++result.labelled;
        else ++result.unlabelled;
        if (i < predicted.size() && !predicted[i].empty()) {
            ++result.mapped;
            if (!label) ++result.unlabelled_mapped;
            if (label && *label == predicted[i]) ++result.correct;
        }
    }
    return result;
}

}  // namespace pm::match::test
