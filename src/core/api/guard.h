// Where the token may go. Pure functions, no platform code: ApiClient asks before every request,
// the apps ask before showing a page or starting with a token.
//
//   - Requests go only to the configured API origin (scheme, host and port all equal): the bearer
//     token is someone's account, and a URL built from server data or a typo must never carry it
//     elsewhere.
//   - https is required, except for loopback hosts (127.0.0.0/8, localhost, [::1]), where the
//     local API double and development servers live.
//   - A secret key (sk_...) belongs on a server. Used from a web page that is not on a loopback
//     origin, it is exposed to everyone who can open that page: warn.
//
// URLs are read strictly. Anything a browser and libcurl might read differently is refused rather
// than guessed at: user info ("https://api.example.com@evil.example"), backslashes, spaces and
// control characters, percent signs in the host, ports outside 1..65535, hosts with a trailing
// dot, IPv4 written in any form but dotted decimal. Refusing too much fails loudly; reading a URL
// differently from the transport would leak the token quietly.
#pragma once

#include "core/json/message_ref.h"

#include <optional>
#include <string>
#include <string_view>

namespace pm {

// scheme://host:port of an absolute http(s) URL. Scheme and host are lower-cased, IPv6 hosts keep
// their brackets, and the port is explicit (80/443 when the URL names none).
struct UrlOrigin {
    std::string scheme;                        // "http" or "https"
    std::string host;                          // "api.x.flatfile.com", "127.0.0.1", "[::1]"
    int port = 0;
    std::string to_string() const;             // "https://api.x.flatfile.com:443"
    bool operator==(const UrlOrigin& other) const {
        return scheme == other.scheme && host == other.host && port == other.port;
    }
    bool operator!=(const UrlOrigin& other) const { return !(*this == other); }
};

// The origin of an absolute http or https URL, or nullopt when the URL is not one or is read
// differently by different parsers (see above); `why` then says what is wrong, for a person.
std::optional<UrlOrigin> parse_origin(std::string_view url, std::string* why = nullptr);

// 127.0.0.0/8 in dotted decimal, "localhost", "[::1]" (also written out in full). Lower-case input.
bool is_loopback_host(std::string_view host);

// Empty when the API base URL may be used (after normalize_base_url: "" means the default);
// otherwise why not, for a person: not http(s), unreadable, or http to a host that is not loopback.
std::string base_url_security_problem(std::string_view base_url);

struct GuardDecision {
    bool allowed = false;
    std::string reason;                        // for a person when refused; empty when allowed
    MessageRef text;                           // the same as a catalog message ("api.refused*")
};

// May a request to `request_url` carry the token configured for `base_url`? Only when the base
// URL passes base_url_security_problem() and the request's origin is the base URL's origin.
GuardDecision check_request_url(std::string_view base_url, std::string_view request_url);

// Flatfile secret keys start with "sk_" (publishable keys with "pk_"); surrounding spaces ignored.
bool looks_like_secret_key(std::string_view token);

// True when a secret key is used from a web page whose origin is not loopback. `page_origin` is
// the page's location.origin; empty means no page (desktop app, CLI), where a secret key from the
// environment is the normal case and no warning is due. An origin that cannot be read ("null",
// file:) is not loopback: warn.
bool should_warn_secret_key(std::string_view token, std::string_view page_origin);

// The warning text for the person using the page (English), and its catalog key.
std::string secret_key_warning();
const char* secret_key_warning_id();

}  // namespace pm
