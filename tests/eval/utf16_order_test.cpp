// compareUtf16: Java's String.compareTo order (UTF-16 code units) over UTF-8 strings.
#include "runtime/eval/utf16_order.h"

#include <gtest/gtest.h>

namespace asl::eval {
namespace {

TEST(Utf16OrderTest, AsciiComparesByteByByte) {
  EXPECT_EQ(compareUtf16("A", "B"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("b", "a"), std::strong_ordering::greater);
  EXPECT_EQ(compareUtf16("Z", "a"), std::strong_ordering::less); // uppercase first
  EXPECT_EQ(compareUtf16("abc", "abc"), std::strong_ordering::equal);
}

TEST(Utf16OrderTest, AProperPrefixComesFirst) {
  EXPECT_EQ(compareUtf16("", ""), std::strong_ordering::equal);
  EXPECT_EQ(compareUtf16("", "A"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("AB", "A"), std::strong_ordering::greater);
  EXPECT_EQ(compareUtf16("A", "A "), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("A", "A\t\n\r"), std::strong_ordering::less);
}

TEST(Utf16OrderTest, BmpCharactersCompareByCodePoint) {
  // U+00E9 (2 bytes) against U+20AC (3 bytes) and ASCII.
  EXPECT_EQ(compareUtf16("\xC3\xA9", "\xE2\x82\xAC"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("z", "\xC3\xA9"), std::strong_ordering::less);
  // A difference in a continuation byte: U+00E9 against U+00E8.
  EXPECT_EQ(compareUtf16("caf\xC3\xA9", "caf\xC3\xA8"), std::strong_ordering::greater);
}

TEST(Utf16OrderTest, SupplementaryCharactersSortBeforeTheTopOfTheBmp) {
  // U+1F600 is the surrogate pair D83D DE00 in UTF-16, below U+FF21; in UTF-8 (F0 ...) and in
  // code points it is above. Java, hence AWS, says less.
  const char* grinning = "\xF0\x9F\x98\x80"; // U+1F600
  const char* fullwidthA = "\xEF\xBC\xA1";   // U+FF21
  const char* privateUse = "\xEE\x80\x80";   // U+E000
  EXPECT_EQ(compareUtf16(grinning, fullwidthA), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16(fullwidthA, grinning), std::strong_ordering::greater);
  EXPECT_EQ(compareUtf16(grinning, privateUse), std::strong_ordering::less);
  // Below the surrogate block, BMP characters still sort first.
  EXPECT_EQ(compareUtf16("\xED\x9F\xBF", grinning), std::strong_ordering::less); // U+D7FF
}

TEST(Utf16OrderTest, SupplementaryCharactersCompareAmongThemselvesByCodePoint) {
  // U+1F600 and U+1F601 share the high surrogate; U+10000 has a lower one.
  EXPECT_EQ(compareUtf16("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x81"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("\xF0\x90\x80\x80", "\xF0\x9F\x98\x80"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("x\xF0\x9F\x98\x80", "x\xF0\x9F\x98\x80"), std::strong_ordering::equal);
}

TEST(Utf16OrderTest, IllFormedBytesStillOrderTotally) {
  // A lone continuation byte and a truncated sequence compare by their first byte rather than
  // reading past the end.
  EXPECT_EQ(compareUtf16("\x80", "\x81"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("\xE2\x82", "\xE2\x83"), std::strong_ordering::less);
  EXPECT_EQ(compareUtf16("\xE2", "a"), std::strong_ordering::greater);
}

} // namespace
} // namespace asl::eval
