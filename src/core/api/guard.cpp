// Strict origin parsing and the request guard; see guard.h for the rules and why.
#include "core/api/guard.h"

#include "core/api/protocol.h"
#include "core/json/text.h"

#include <array>
#include <cstdint>

namespace pm {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!is_digit(c)) return false;
    return true;
}

// Strict dotted decimal: four parts 0..255 with no leading zeros ("127.0.0.1", not "127.1",
// "0177.0.0.1" or "0x7f.0.0.1", which browsers also read as IPv4 but curl may not).
std::optional<std::array<int, 4>> dotted_quad(std::string_view host) {
    std::array<int, 4> parts{};
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t end = i < 3 ? host.find('.', start) : host.size();
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view part = host.substr(start, end - start);
        if (!all_digits(part) || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return std::nullopt;
        parts[static_cast<std::size_t>(i)] = std::stoi(std::string(part));
        if (parts[static_cast<std::size_t>(i)] > 255) return std::nullopt;
        start = end + 1;
    }
    return parts;
}

// The eight 16-bit groups of an IPv6 address without brackets ("::1", "0:0:0:0:0:0:0:1").
// Embedded IPv4 ("::ffff:127.0.0.1") and zone ids are not read: such hosts are refused.
std::optional<std::array<std::uint32_t, 8>> ipv6_groups(std::string_view text) {
    std::array<std::uint32_t, 8> head{}, tail{};
    std::size_t heads = 0, tails = 0;
    bool gap = false;
    std::size_t i = 0;
    if (text.substr(0, 2) == "::") {
        gap = true;
        i = 2;
    }
    while (i < text.size()) {
        std::size_t end = text.find(':', i);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view group = text.substr(i, end - i);
        if (group.empty() || group.size() > 4) return std::nullopt;
        std::uint32_t value = 0;
        for (char c : group) {
            if (!is_hex(c)) return std::nullopt;
            value = value * 16 + static_cast<std::uint32_t>(is_digit(c) ? c - '0' : c - 'a' + 10);
        }
        if (heads + tails >= 8) return std::nullopt;
        (gap ? tail[tails++] : head[heads++]) = value;
        if (end == text.size()) break;
        if (text.substr(end, 2) == "::") {
            if (gap) return std::nullopt;          // "::" may appear once
            gap = true;
            i = end + 2;
        } else {
            i = end + 1;
            if (i == text.size()) return std::nullopt;  // trailing single ':'
        }
    }
    if (gap ? heads + tails > 7 : heads != 8) return std::nullopt;
    std::array<std::uint32_t, 8> out{};
    for (std::size_t k = 0; k < heads; ++k) out[k] = head[k];
    for (std::size_t k = 0; k < tails; ++k) out[8 - tails + k] = tail[k];
    return out;
}

bool refuse(std::string* why, const char* reason) {
    if (why) *why = reason;
    return false;
}

// A DNS name as a host: letters, digits, '-' and '.', no empty label, no trailing dot (which
// makes "localhost." a different origin in browsers but the same host to the resolver).
bool domain_ok(std::string_view host, std::string* why) {
    if (host.empty()) return refuse(why, "the address has no host name");
    if (host.size() > 253) return refuse(why, "the host name is too long");
    std::size_t label = 0;
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (c == '.') {
            if (label == 0) return refuse(why, "the host name has an empty part (\"..\", or a dot at either end)");
            label = 0;
            continue;
        }
        if (!(is_digit(c) || (c >= 'a' && c <= 'z') || c == '-')) {
            return refuse(why, "the host name may hold only letters, digits, '-' and '.' (write other names in punycode)");
        }
        if (++label > 63) return refuse(why, "a part of the host name is longer than 63 characters");
    }
    if (label == 0) return refuse(why, "the host name ends with a dot");
    // WHATWG reads a host whose last part is numeric (or 0x...) as an IPv4 address in any notation.
    const std::size_t last_dot = host.rfind('.');
    const std::string_view last = last_dot == std::string_view::npos ? host : host.substr(last_dot + 1);
    if ((all_digits(last) || last.substr(0, 2) == "0x") && !dotted_quad(host))
        return refuse(why, "an IP address must be written as four decimal numbers (e.g. 127.0.0.1)");
    return true;
}

bool port_ok(std::string_view text, int& port, std::string* why) {
    if (!all_digits(text) || text.size() > 5) return refuse(why, "the port must be a number from 1 to 65535");
    port = std::stoi(std::string(text));
    if (port < 1 || port > 65535) return refuse(why, "the port must be a number from 1 to 65535");
    return true;
}

}  // namespace

std::string UrlOrigin::to_string() const { return scheme + "://" + host + ":" + std::to_string(port); }

std::optional<UrlOrigin> parse_origin(std::string_view url, std::string* why) {
    const auto fail = [&](const char* text) {
        if (why) *why = text;
        return std::nullopt;
    };
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) return fail("the address contains spaces or control characters");
        if (c == '\\') return fail("the address contains a backslash");
    }
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos) return fail("the address must start with https://");
    UrlOrigin origin;
    origin.scheme = lower_ascii(url.substr(0, colon));
    if (origin.scheme != "https" && origin.scheme != "http") return fail("the address must start with https://");
    const std::string_view rest = url.substr(colon + 3);
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    for (char c : authority) {
        if (c == '@') return fail("the address must not contain a user name or password (\"@\")");
        if (c == '%') return fail("the host name must not contain percent-encoding");
        if (static_cast<unsigned char>(c) >= 0x80) return fail("the host name must be ASCII (write it in punycode)");
    }
    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return fail("the IPv6 address has no closing ']'");
        const std::string inside = lower_ascii(authority.substr(1, close - 1));
        if (!ipv6_groups(inside)) return fail("the IPv6 address cannot be read");
        origin.host = "[" + inside + "]";
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':') return fail("unexpected characters after the IPv6 address");
        if (!after.empty()) port_text = after.substr(1);
        if (!after.empty() && port_text.empty()) return fail("the port must be a number from 1 to 65535");
    } else {
        const std::size_t port_colon = authority.find(':');
        origin.host = lower_ascii(authority.substr(0, port_colon));
        if (!domain_ok(origin.host, why)) return std::nullopt;
        if (port_colon != std::string_view::npos) {
            port_text = authority.substr(port_colon + 1);
            if (port_text.empty()) return fail("the port must be a number from 1 to 65535");
        }
    }
    origin.port = origin.scheme == "https" ? 443 : 80;
    if (!port_text.empty() && !port_ok(port_text, origin.port, why)) return std::nullopt;
    return origin;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost") return true;
    if (const auto quad = dotted_quad(host)) return (*quad)[0] == 127;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        const auto groups = ipv6_groups(host.substr(1, host.size() - 2));
        if (!groups) return false;
        for (std::size_t i = 0; i < 7; ++i)
            if ((*groups)[i] != 0) return false;
        return (*groups)[7] == 1;
    }
    return false;
}

namespace {

// Why the base URL may not be used, in English and as a catalog message; empty when it may.
std::string base_url_refusal(std::string_view base_url, MessageRef* text) {
    const std::string normalized = normalize_base_url(base_url);
    std::string why;
    const auto origin = parse_origin(normalized, &why);
    if (!origin) {
        if (text) *text = MessageRef("api.addressUnusable").with("detail", why);
        return "The API address cannot be used: " + why + ".";
    }
    if (origin->scheme != "https" && !is_loopback_host(origin->host)) {
        if (text) *text = MessageRef("api.addressInsecure");
        return "The API address must use https:// (http:// only for a server on this computer, such as "
               "127.0.0.1 or localhost), so the sign-in token is never sent unencrypted.";
    }
    return {};
}

}  // namespace

std::string base_url_security_problem(std::string_view base_url) { return base_url_refusal(base_url, nullptr); }

GuardDecision check_request_url(std::string_view base_url, std::string_view request_url) {
    GuardDecision decision;
    decision.reason = base_url_refusal(base_url, &decision.text);
    if (!decision.reason.empty()) return decision;
    const auto allowed = parse_origin(normalize_base_url(base_url));
    std::string why;
    const auto target = parse_origin(request_url, &why);
    if (!target) {
        decision.reason = "Refused to send a request: its address cannot be used (" + why + ").";
        decision.text = MessageRef("api.refusedAddress").with("detail", why);
        return decision;
    }
    if (*target != *allowed) {
        decision.reason = "Refused to send a request to " + target->to_string() + ": the sign-in token is sent only to " +
                          allowed->to_string() + ".";
        decision.text = MessageRef("api.refusedOrigin").with("target", target->to_string()).with("allowed", allowed->to_string());
        return decision;
    }
    decision.allowed = true;
    return decision;
}

bool looks_like_secret_key(std::string_view token) { return trim_ascii(token).substr(0, 3) == "sk_"; }

bool should_warn_secret_key(std::string_view token, std::string_view page_origin) {
    if (!looks_like_secret_key(token) || page_origin.empty()) return false;
    const auto origin = parse_origin(page_origin);
    return !origin || !is_loopback_host(origin->host);
}

std::string secret_key_warning() {
    return "This page uses a Flatfile secret key (sk_...). Anyone who can open the page can read it and act as "
           "your account. Give the page a short-lived access token from your server instead.";
}

const char* secret_key_warning_id() { return "api.secretKey"; }

}  // namespace pm
