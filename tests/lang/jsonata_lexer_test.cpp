// The JSONata tokenizer: token kinds, decoded values, byte positions and lexical errors.
#include "compiler/lang/jsonata/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace asl::lang::jsonata {
namespace {

// Every token up to End, lexing '/' as division after operands (as the parser would).
std::vector<Token> lexAll(std::string_view text, LexerOptions options = {}) {
  Lexer lexer(text, options);
  std::vector<Token> tokens;
  bool infix = false;
  for (;;) {
    auto t = lexer.next(infix);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().code);
    if (!t.ok() || t->kind == TokenKind::End) break;
    infix = t->kind != TokenKind::Operator || t->text == ")" || t->text == "]" || t->text == "}";
    tokens.push_back(std::move(*t));
  }
  return tokens;
}

JsonataError lexError(std::string_view text, bool infix = false) {
  Lexer lexer(text);
  for (;;) {
    auto t = lexer.next(infix);
    if (!t.ok()) return t.error();
    if (t->kind == TokenKind::End) {
      ADD_FAILURE() << "no error lexing " << text;
      return {};
    }
  }
}

TEST(JsonataLexerTest, TokensCarryKindTextAndByteSpan) {
  std::vector<Token> t = lexAll("Account.Order[0]");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].kind, TokenKind::Name);
  EXPECT_EQ(t[0].text, "Account");
  EXPECT_EQ(t[0].start, 0u);
  EXPECT_EQ(t[0].end, 7u);
  EXPECT_EQ(t[1].kind, TokenKind::Operator);
  EXPECT_EQ(t[1].text, ".");
  EXPECT_EQ(t[4].kind, TokenKind::Number);
  EXPECT_EQ(t[4].number, 0);
  EXPECT_EQ(t[4].start, 14u);
  EXPECT_EQ(t[4].end, 15u);
}

TEST(JsonataLexerTest, TwoCharacterOperatorsWin) {
  std::vector<Token> t = lexAll("a..b := != >= <= ** ~>");
  std::vector<std::string> ops;
  for (const Token& tok : t)
    if (tok.kind == TokenKind::Operator) ops.push_back(tok.text);
  EXPECT_EQ(ops, (std::vector<std::string>{"..", ":=", "!=", ">=", "<=", "**", "~>"}));
}

TEST(JsonataLexerTest, DefaultOperatorsAreTwoTokensUnlessEnabled) {
  EXPECT_EQ(lexAll("a ?: b").size(), 4u);
  EXPECT_EQ(lexAll("a ?? b").size(), 4u);
  std::vector<Token> t = lexAll("a ?? b", LexerOptions{true});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "??");
}

TEST(JsonataLexerTest, KeywordsAndLiterals) {
  std::vector<Token> t = lexAll("and or in true false null $x $ $$");
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[0].kind, TokenKind::Operator);
  EXPECT_EQ(t[2].text, "in");
  EXPECT_EQ(t[3].kind, TokenKind::True);
  EXPECT_EQ(t[4].kind, TokenKind::False);
  EXPECT_EQ(t[5].kind, TokenKind::Null);
  EXPECT_EQ(t[6].kind, TokenKind::Variable);
  EXPECT_EQ(t[6].text, "x");
  EXPECT_EQ(t[7].text, "");
  EXPECT_EQ(t[8].text, "$");
}

TEST(JsonataLexerTest, NamesEndOnlyAtWhitespaceAndOperatorCharacters) {
  std::vector<Token> t = lexAll("a\"b'c$d`e+f");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "a\"b'c$d`e");
  EXPECT_EQ(t[2].text, "f");
}

TEST(JsonataLexerTest, BacktickNamesKeepEverythingInside) {
  std::vector<Token> t = lexAll("`Product Name`.x");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].kind, TokenKind::Name);
  EXPECT_EQ(t[0].text, "Product Name");
  EXPECT_EQ(t[0].end, 14u);
}

TEST(JsonataLexerTest, StringEscapesDecodeToUtf8) {
  std::vector<Token> t = lexAll(R"("a\"b\\c\/d\b\f\n\r\t" 'it''s')");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(t[1].text, "it");
}

TEST(JsonataLexerTest, SurrogatePairsCombineAndLoneSurrogatesBecomeReplacementChar) {
  EXPECT_EQ(lexAll(R"("\ud83d\ude00")")[0].text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(lexAll(R"("\u00e9\u20AC")")[0].text, "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(lexAll(R"("\ud800x")")[0].text, "\xEF\xBF\xBDx");
  EXPECT_EQ(lexAll(R"("\udc00")")[0].text, "\xEF\xBF\xBD");
}

TEST(JsonataLexerTest, NumbersFollowJsonataGrammar) {
  std::vector<Token> t = lexAll("12.5e-1 0 1E3");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_DOUBLE_EQ(t[0].number, 1.25);
  EXPECT_DOUBLE_EQ(t[2].number, 1000);
  // "01" is two numbers and "1." a number then a dot, as in JSONata.
  EXPECT_EQ(lexAll("01").size(), 2u);
  EXPECT_EQ(lexAll("1.").size(), 2u);
}

TEST(JsonataLexerTest, NumberUnderflowIsZeroButOverflowIsS0102) {
  EXPECT_EQ(lexAll("1e-400")[0].number, 0);
  JsonataError e = lexError("10e1000");
  EXPECT_EQ(e.code, "S0102");
  EXPECT_EQ(e.position, 0u);
  EXPECT_EQ(e.token, "10e1000");
}

TEST(JsonataLexerTest, SlashIsRegexOnlyWhereAnOperandIsExpected) {
  Lexer regex("/a\\/b[/]c/im+");
  auto t = regex.next(false);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->kind, TokenKind::Regex);
  EXPECT_EQ(t->text, "a\\/b[/]c");
  EXPECT_EQ(t->flags, "im");
  EXPECT_EQ(t->end, 12u);

  Lexer division("/a/");
  auto d = division.next(true);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->kind, TokenKind::Operator);
  EXPECT_EQ(d->text, "/");
}

TEST(JsonataLexerTest, CommentsAreSkipped) {
  std::vector<Token> t = lexAll("/* one */ a /* two */ + /**/ b");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].start, 10u);
}

TEST(JsonataLexerTest, LexicalErrorsHaveJsonataCodesAndPositions) {
  struct Case {
    const char* text;
    const char* code;
    uint32_t position;
  };
  const Case cases[] = {
      {"\"no closing quote", "S0101", 17}, {"`no closing backtick", "S0105", 20},
      {"\"\\y\"", "S0103", 2},             {"\"\\u\"", "S0104", 2},
      {"\"\\u123t\"", "S0104", 2},         {"a /* open", "S0106", 2},
      {"//", "S0301", 1},                  {"/abc", "S0302", 4},
      {"/a]/", "S0302", 4},
  };
  for (const Case& c : cases) {
    JsonataError e = lexError(c.text);
    EXPECT_EQ(e.code, c.code) << c.text;
    EXPECT_EQ(e.position, c.position) << c.text;
  }
  EXPECT_EQ(lexError("\"\\y\"").token, "y");
}

} // namespace
} // namespace asl::lang::jsonata
