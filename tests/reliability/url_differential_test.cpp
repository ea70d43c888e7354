// Differential test of the request guard's URL reading (core/api/guard.h): on a generated corpus
// of tricky URLs (make_url_corpus.mjs, about 10,000), every URL the guard accepts must have the
// same origin (scheme, host, port) for the guard, for libcurl's URL API (CURLU, the desktop
// transport) and for the WHATWG URL parser (node's; browsers follow the same standard). A URL the
// guard refuses may be read any way at all: refusing is safe, reading differently is a leak.
#include "core/api/guard.h"
#include "core/json/problems.h"
#include "core/json/value.h"

#include <arpa/inet.h>
#include <sys/stat.h>
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pm {
namespace {

struct Origin {
    std::string scheme;
    std::string host;
    int port = 0;
};

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Hosts compared as the network sees them: case-insensitive names, IPv6 addresses by value
// ("[0:0:0:0:0:0:0:1]" is "[::1]").
std::string comparable_host(const std::string& host) {
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        std::array<unsigned char, 16> address{};
        const std::string inside = host.substr(1, host.size() - 2);
        if (inet_pton(AF_INET6, inside.c_str(), address.data()) == 1) {
            std::array<char, INET6_ADDRSTRLEN> text{};
            inet_ntop(AF_INET6, address.data(), text.data(), text.size());
            return "[" + std::string(text.data()) + "]";
        }
    }
    return lower(host);
}

bool same(const Origin& a, const Origin& b) {
    return lower(a.scheme) == lower(b.scheme) && comparable_host(a.host) == comparable_host(b.host) && a.port == b.port;
}

std::string describe(const std::optional<Origin>& o) {
    return o ? o->scheme + "://" + o->host + ":" + std::to_string(o->port) : std::string("(refused)");
}

// libcurl's reading of the URL, as the desktop transport would send it.
std::optional<Origin> curl_origin(const std::string& url) {
    std::unique_ptr<CURLU, void (*)(CURLU*)> handle(curl_url(), curl_url_cleanup);
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return std::nullopt;
    Origin origin;
    const auto part = [&](CURLUPart which, unsigned flags, std::string& out) {
        char* text = nullptr;
        if (curl_url_get(handle.get(), which, &text, flags) != CURLUE_OK) return false;
        out = text;
        curl_free(text);
        return true;
    };
    std::string port;
    if (!part(CURLUPART_SCHEME, 0, origin.scheme) || !part(CURLUPART_HOST, 0, origin.host) ||
        !part(CURLUPART_PORT, CURLU_DEFAULT_PORT, port))
        return std::nullopt;
    origin.port = std::stoi(port);
    // User info would be sent as credentials: a URL the guard accepts must have none.
    std::string user;
    if (part(CURLUPART_USER, 0, user)) origin.host += " (with user info \"" + user + "\")";
    return origin;
}

struct CorpusEntry {
    std::string url;
    std::optional<Origin> whatwg;
};

std::vector<CorpusEntry> read_corpus() {
    const std::string command = std::string(PM_NODE_PATH) + " " + PM_URL_CORPUS_SCRIPT;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::vector<CorpusEntry> corpus;
    if (!pipe) return corpus;
    std::string output;
    std::array<char, 65536> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) output.append(buffer.data(), n);
    std::size_t start = 0;
    while (start < output.size()) {
        std::size_t end = output.find('\n', start);
        if (end == std::string::npos) end = output.size();
        const Json line = Json::parse(output.substr(start, end - start), nullptr, false);
        start = end + 1;
        if (!line.is_object() || !line.contains("url") || !line["url"].is_string()) continue;
        CorpusEntry entry{line["url"].get<std::string>(), std::nullopt};
        if (const Json& w = line["whatwg"]; w.is_object())
            entry.whatwg = Origin{w["scheme"].get<std::string>(), w["host"].get<std::string>(), w["port"].get<int>()};
        corpus.push_back(std::move(entry));
    }
    return corpus;
}

TEST(UrlDifferential, GuardCurlAndWhatwgAgreeOnEveryOriginTheGuardAccepts) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const std::vector<CorpusEntry> corpus = read_corpus();
    ASSERT_GT(corpus.size(), 5000u) << "the corpus generator did not run (" << PM_NODE_PATH << " " << PM_URL_CORPUS_SCRIPT << ")";
    std::size_t accepted = 0, curl_disagrees_on_refused = 0, whatwg_disagrees_on_refused = 0;
    for (const CorpusEntry& entry : corpus) {
        const std::optional<UrlOrigin> guard = parse_origin(entry.url);
        const std::optional<Origin> curl = curl_origin(entry.url);
        if (!guard) {
            // Counted only, to show the corpus reaches the cases the guard exists for.
            if (curl && entry.whatwg && !same(*curl, *entry.whatwg)) ++curl_disagrees_on_refused;
            if (entry.whatwg && !curl) ++whatwg_disagrees_on_refused;
            continue;
        }
        ++accepted;
        const Origin ours{guard->scheme, guard->host, guard->port};
        EXPECT_TRUE(curl && same(ours, *curl)) << "guard " << describe(ours) << ", curl " << describe(curl) << ": " << entry.url;
        EXPECT_TRUE(entry.whatwg && same(ours, *entry.whatwg))
            << "guard " << describe(ours) << ", WHATWG " << describe(entry.whatwg) << ": " << entry.url;
    }
    std::printf("[url differential] %zu URLs, %zu accepted by the guard and read alike by curl and WHATWG; among the "
                "refused, %zu on which curl and WHATWG differ (origin, or user info curl would send), %zu that only WHATWG reads\n",
                corpus.size(), accepted, curl_disagrees_on_refused, whatwg_disagrees_on_refused);
    EXPECT_GT(accepted, 200u) << "too few accepted URLs for the comparison to mean anything";
    EXPECT_GT(curl_disagrees_on_refused, 0u) << "the corpus no longer holds a URL that curl and WHATWG read differently";
    curl_global_cleanup();
    // For docs/RELIABILITY.md (tools/make-reliability-report.mjs, "Security").
    ::mkdir("test-artifacts", 0755);
    ::mkdir("test-artifacts/reliability", 0755);
    std::ofstream("test-artifacts/reliability/security-url-differential.jsonl", std::ios::trunc)
        << dump_json(Json{{"case", "the guard, libcurl (CURLU) and WHATWG URL read the same origin for every URL the guard accepts"},
                          {"passed", !::testing::Test::HasFailure()},
                          {"detail", std::to_string(corpus.size()) + " generated URLs, " + std::to_string(accepted) +
                                         " accepted by the guard; " + std::to_string(curl_disagrees_on_refused) +
                                         " refused ones on which curl and WHATWG differ (origin, or user info curl would send)"}})
        << "\n";
}

}  // namespace
}  // namespace pm
