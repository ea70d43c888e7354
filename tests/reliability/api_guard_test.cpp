// The request guard (core/api/guard.h): same origin only, https except loopback, strict URL
// reading where parsers disagree, and the secret-key warning.
#include "core/api/guard.h"

#include <gtest/gtest.h>

namespace pm {
namespace {

UrlOrigin origin_of(const char* url) {
    std::string why;
    const auto origin = parse_origin(url, &why);
    EXPECT_TRUE(origin.has_value()) << url << ": " << why;
    return origin.value_or(UrlOrigin{});
}

TEST(ApiGuard, OriginsAreLowerCasedWithExplicitPorts) {
    EXPECT_EQ(origin_of("https://API.X.Flatfile.com/v1/jobs").to_string(), "https://api.x.flatfile.com:443");
    EXPECT_EQ(origin_of("HTTP://127.0.0.1:8080").to_string(), "http://127.0.0.1:8080");
    EXPECT_EQ(origin_of("http://localhost/v1?x=1#y").to_string(), "http://localhost:80");
    EXPECT_EQ(origin_of("http://[::1]:9000/v1").to_string(), "http://[::1]:9000");
    EXPECT_EQ(origin_of("https://platform.eu.flatfile.com:443/api"), origin_of("https://platform.eu.flatfile.com/api/v1"));
}

TEST(ApiGuard, RefusesUrlsThatParsersReadDifferently) {
    const char* const refused[] = {
        "https://api.x.flatfile.com@evil.example/v1",   // user info: the host is evil.example
        "https://evil.example\\@api.x.flatfile.com/",   // browsers end the host at the backslash
        "https://api.x.flatfile.com /v1",               // space
        "https://api.x.flatfile.com\t/v1",              // control character
        "https://api%2ex.flatfile.com/v1",              // percent-encoded host
        "https://api.x.flatfile.com./v1",               // trailing dot: another origin in browsers
        "https://api..flatfile.com/v1",
        "http://0x7f.0.0.1/v1",                         // IPv4 in hex
        "http://127.1/v1",                              // IPv4 shorthand
        "http://0177.0.0.1/v1",                         // IPv4 in octal
        "http://2130706433/v1",                         // IPv4 as one number
        "http://127.0.0.1:0/v1", "http://127.0.0.1:65536/v1", "http://127.0.0.1:/v1", "http://127.0.0.1:8o/v1",
        "http://[::1/v1", "http://[::1]x/v1", "http://[::ffff:127.0.0.1]/v1", "http://[1::2::3]/v1",
        "ftp://api.x.flatfile.com/v1", "javascript:alert(1)", "//api.x.flatfile.com/v1", "/v1/jobs", "",
        "https://", "https:///v1", "https://:443/v1",
        "https://b\u00FCcher.example/v1",              // IDN: only punycode is read
    };
    for (const char* url : refused) {
        std::string why;
        EXPECT_FALSE(parse_origin(url, &why).has_value()) << url;
        EXPECT_FALSE(why.empty()) << url;
    }
}

TEST(ApiGuard, LoopbackHosts) {
    for (const char* host : {"localhost", "127.0.0.1", "127.255.255.254", "127.0.0.0", "[::1]", "[0:0:0:0:0:0:0:1]", "[0::1]"})
        EXPECT_TRUE(is_loopback_host(host)) << host;
    for (const char* host : {"localhost.example", "mylocalhost", "128.0.0.1", "10.0.0.1", "0.0.0.0", "[::]", "[::2]",
                             "[1::1]", "127.0.0.1.example", "api.x.flatfile.com", ""})
        EXPECT_FALSE(is_loopback_host(host)) << host;
}

TEST(ApiGuard, HttpsIsRequiredExceptForLoopback) {
    EXPECT_EQ(base_url_security_problem("https://api.x.flatfile.com/v1"), "");
    EXPECT_EQ(base_url_security_problem(""), "") << "empty means the https default";
    EXPECT_EQ(base_url_security_problem("http://127.0.0.1:8080"), "");
    EXPECT_EQ(base_url_security_problem("http://localhost:3000/api"), "");
    EXPECT_EQ(base_url_security_problem("http://[::1]:8080"), "");
    EXPECT_NE(base_url_security_problem("http://api.x.flatfile.com/v1"), "");
    EXPECT_NE(base_url_security_problem("http://192.168.1.10:8080"), "");
    EXPECT_NE(base_url_security_problem("http://localhost.evil.example"), "");
    EXPECT_NE(base_url_security_problem("api.x.flatfile.com"), "") << "no scheme";
    EXPECT_NE(base_url_security_problem("https://user:pass@api.x.flatfile.com"), "");
}

TEST(ApiGuard, RequestsGoOnlyToTheConfiguredOrigin) {
    const char* base = "https://platform.eu.flatfile.com/api";
    EXPECT_TRUE(check_request_url(base, "https://platform.eu.flatfile.com/api/v1/jobs/us_jb_1/plan").allowed);
    EXPECT_TRUE(check_request_url(base, "https://PLATFORM.eu.flatfile.com:443/other/path").allowed)
        << "the origin decides, not the path";
    const char* const elsewhere[] = {
        "https://api.x.flatfile.com/v1/jobs/us_jb_1/plan",      // another Flatfile host
        "http://platform.eu.flatfile.com/api/v1/jobs",          // downgraded scheme
        "https://platform.eu.flatfile.com:8443/api/v1/jobs",    // another port
        "https://platform.eu.flatfile.com.evil.example/api/v1", // suffix trick
        "https://platform.eu.flatfile.com@evil.example/api/v1", // user-info trick
        "https://evil.example/?https://platform.eu.flatfile.com/api",
        "/api/v1/jobs",                                         // relative: whose origin?
    };
    for (const char* url : elsewhere) {
        const GuardDecision decision = check_request_url(base, url);
        EXPECT_FALSE(decision.allowed) << url;
        EXPECT_NE(decision.reason.find("Refused"), std::string::npos) << decision.reason;
    }
}

TEST(ApiGuard, AnInsecureBaseRefusesEveryRequest) {
    const GuardDecision decision = check_request_url("http://api.x.flatfile.com", "http://api.x.flatfile.com/v1/jobs/x/plan");
    EXPECT_FALSE(decision.allowed);
    EXPECT_NE(decision.reason.find("https://"), std::string::npos) << decision.reason;
    EXPECT_TRUE(check_request_url("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1/jobs/x/plan").allowed);
    EXPECT_FALSE(check_request_url("http://127.0.0.1:8080", "http://127.0.0.1:8081/v1/jobs/x/plan").allowed);
    EXPECT_FALSE(check_request_url("http://127.0.0.1:8080", "http://localhost:8080/v1/jobs/x/plan").allowed)
        << "localhost and 127.0.0.1 are different origins to a browser";
}

TEST(ApiGuard, SecretKeys) {
    EXPECT_TRUE(looks_like_secret_key("sk_live_abc123"));
    EXPECT_TRUE(looks_like_secret_key("  sk_test_x"));
    EXPECT_FALSE(looks_like_secret_key("pk_live_abc123"));
    EXPECT_FALSE(looks_like_secret_key("demo-token"));
    EXPECT_FALSE(looks_like_secret_key("eyJhbGciOi.sk_.x"));
    EXPECT_FALSE(looks_like_secret_key("SK_live"));
    EXPECT_FALSE(looks_like_secret_key(""));
}

TEST(ApiGuard, SecretKeyWarningOutsideLoopbackPages) {
    EXPECT_TRUE(should_warn_secret_key("sk_live_1", "https://app.example.com"));
    EXPECT_TRUE(should_warn_secret_key("sk_live_1", "http://192.168.1.5:8080"));
    EXPECT_TRUE(should_warn_secret_key("sk_live_1", "null")) << "a sandboxed or file: page";
    EXPECT_TRUE(should_warn_secret_key("sk_live_1", "http://localhost.example.com"));
    EXPECT_FALSE(should_warn_secret_key("sk_live_1", "http://127.0.0.1:8080"));
    EXPECT_FALSE(should_warn_secret_key("sk_live_1", "http://localhost:5173"));
    EXPECT_FALSE(should_warn_secret_key("sk_live_1", "http://[::1]:8080"));
    EXPECT_FALSE(should_warn_secret_key("sk_live_1", "")) << "no page: the desktop app or the CLI";
    EXPECT_FALSE(should_warn_secret_key("pk_live_1", "https://app.example.com"));
    EXPECT_FALSE(should_warn_secret_key("access-token", "https://app.example.com"));
    EXPECT_NE(secret_key_warning().find("secret key"), std::string::npos);
}

}  // namespace
}  // namespace pm
