// StringPattern: `*` wildcards, the `\*` and `\\` escapes, and that nothing else is special.
#include "runtime/eval/string_match.h"

#include <gtest/gtest.h>

#include <ostream>

namespace asl::eval {
namespace {

struct MatchCase {
  const char* pattern; // the pattern's characters, after JSON unescaping
  const char* text;
  bool matches;
};

void PrintTo(const MatchCase& c, std::ostream* out) {
  *out << "'" << c.pattern << "' on '" << c.text << "'";
}

class StringPatternTest : public ::testing::TestWithParam<MatchCase> {};

TEST_P(StringPatternTest, MatchesAsAwsDescribes) {
  const MatchCase& c = GetParam();
  EXPECT_EQ(StringPattern(c.pattern).matches(c.text), c.matches)
      << "pattern '" << c.pattern << "' text '" << c.text << "'";
}

INSTANTIATE_TEST_SUITE_P(
    Globs, StringPatternTest,
    ::testing::Values(
        // The AWS guide's examples.
        MatchCase{"log-*.txt", "log-2023-01-01.txt", true},
        MatchCase{"log-*.txt", "log-.txt", true}, MatchCase{"log-*.txt", "log-1.txt.bak", false},
        MatchCase{"foo*.log", "foo23.log", true}, MatchCase{"*.log", "zebra.log", true},
        MatchCase{"foo*.*", "foobar.zebra", true},
        // Without a star the whole text must be equal.
        MatchCase{"abc", "abc", true}, MatchCase{"abc", "abcd", false},
        MatchCase{"abc", "xabc", false}, MatchCase{"", "", true}, MatchCase{"", "a", false},
        // A star matches any run, the empty one included, anywhere.
        MatchCase{"*", "", true}, MatchCase{"*", "anything at all", true},
        MatchCase{"**", "", true}, MatchCase{"a*", "a", true}, MatchCase{"*a", "a", true},
        MatchCase{"a*b*c", "abc", true}, MatchCase{"a*b*c", "aXbYc", true},
        MatchCase{"a*b*c", "acb", false}, MatchCase{"a*a", "a", false},
        MatchCase{"a*a", "aa", true}, MatchCase{"*ab*ab", "xabyab", true},
        MatchCase{"*ab*ab", "xab", false}, MatchCase{"a*bc", "abcbc", true},
        // Matching is case-sensitive and whole-text.
        MatchCase{"A*", "a", false}, MatchCase{"*b", "bc", false},
        // Only `*` is special: `?`, brackets, dots and regex syntax match themselves.
        MatchCase{"a?c", "abc", false}, MatchCase{"a?c", "a?c", true},
        MatchCase{"[ab]", "a", false}, MatchCase{"[ab]", "[ab]", true},
        MatchCase{"a.c", "abc", false}, MatchCase{"^a+$", "^a+$", true},
        // `\*` is a literal star; `\\` a literal backslash.
        MatchCase{"a\\*", "a*", true}, MatchCase{"a\\*", "ab", false},
        MatchCase{"\\**", "*tail", true}, MatchCase{"\\**", "tail", false},
        MatchCase{"a\\\\b", "a\\b", true}, MatchCase{"a\\\\*", "a\\xyz", true},
        MatchCase{"a\\\\\\*", "a\\*", true}, MatchCase{"a\\\\\\*", "a\\x", false},
        // A backslash before anything else, or last, stands for itself.
        MatchCase{"a\\b", "a\\b", true}, MatchCase{"a\\", "a\\", true},
        MatchCase{"a\\", "a", false},
        // Multi-byte characters are matched whole.
        MatchCase{"caf\xC3\xA9*", "caf\xC3\xA9 au lait", true},
        MatchCase{"*\xE2\x82\xAC", "10 \xE2\x82\xAC", true},
        MatchCase{"*\xE2\x82\xAC", "10 \xE2\x82", false}));

TEST(StringPatternTest, KeepsTheSourceAsWritten) {
  EXPECT_EQ(StringPattern("a\\*b*").source(), "a\\*b*");
}

TEST(StringPatternTest, DefaultPatternMatchesOnlyTheEmptyString) {
  EXPECT_TRUE(StringPattern().matches(""));
  EXPECT_FALSE(StringPattern().matches("x"));
}

} // namespace
} // namespace asl::eval
