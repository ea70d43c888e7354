// The shared ASCII and UTF-8 helpers (core/json/text.h): what every layer trims, lower-cases and
// decodes with.
#include "core/json/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pm {
namespace {

std::vector<char32_t> decode_all(const std::string& text, int* malformed = nullptr) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        const bool ok = decode_utf8(text, pos, cp);
        if (!ok && malformed) ++*malformed;
        out.push_back(cp);
    }
    return out;
}

TEST(Text, TrimsEveryAsciiSpaceAndNothingElse) {
    EXPECT_EQ(trim_ascii(" \t\r\n\f\vword two \n"), "word two");
    EXPECT_EQ(trim_ascii("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0") << "a no-break space is not ASCII space";
    EXPECT_EQ(trim_ascii("   "), "");
    EXPECT_EQ(trim_ascii(""), "");
}

TEST(Text, LowerCasesAsciiOnly) {
    EXPECT_EQ(lower_ascii("Email ADDRESS 42"), "email address 42");
    EXPECT_EQ(lower_ascii("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89") << "UTF-8 bytes stay as they are";
    EXPECT_EQ(lower_ascii('Q'), 'q');
    EXPECT_EQ(lower_ascii('['), '[');
}

TEST(Text, DecodesUtf8AndReadsMalformedBytesOneAtATime) {
    EXPECT_EQ(decode_all("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80"), (std::vector<char32_t>{'a', 0xE9, 0x4E2D, 0x1F600}));
    int malformed = 0;
    // A lone continuation byte, a lead byte followed by ASCII, a sequence cut off at the end.
    EXPECT_EQ(decode_all("\x80x\xC3y\xE4\xB8", &malformed),
              (std::vector<char32_t>{0xFFFD, 'x', 0xFFFD, 'y', 0xFFFD, 0xFFFD}));
    EXPECT_EQ(malformed, 4);
}

}  // namespace
}  // namespace pm
