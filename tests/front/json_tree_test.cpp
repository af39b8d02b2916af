// JsonTree keeps offsets for every key and value, and explains malformed JSON precisely.
#include "compiler/front/json_tree.h"

#include <gtest/gtest.h>

#include "runtime/base/source_map.h"

namespace asl::front {
namespace {

ParsedJson parseOk(std::string text) {
  auto parsed = parseJson(std::move(text), ParseOptions{});
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return std::move(parsed).value();
}

Diagnostic parseError(std::string text, const ParseOptions& options = {}) {
  auto parsed = parseJson(std::move(text), options);
  EXPECT_FALSE(parsed.ok());
  if (parsed.ok()) return {};
  return std::move(parsed).error();
}

TEST(JsonTreeTest, RecordsOffsetsOfKeysAndValues) {
  ParsedJson p = parseOk("{\n  \"StartAt\": \"A\",\n  \"n\": [1, 2.5]\n}");
  const JsonTree& t = *p.tree;
  const JsonMember* start = t.find(t.root(), "StartAt");
  ASSERT_NE(start, nullptr);
  EXPECT_EQ(start->keyOffset, 4u);
  EXPECT_EQ(t.at(start->value).offset, 15u);
  EXPECT_EQ(t.string(t.at(start->value)), "A");
  const JsonValue* n = t.findValue(t.root(), "n");
  ASSERT_NE(n, nullptr);
  ASSERT_EQ(n->kind, JsonKind::Array);
  auto elements = t.elements(*n);
  ASSERT_EQ(elements.size(), 2u);
  EXPECT_TRUE(t.at(elements[0]).isInteger);
  EXPECT_FALSE(t.at(elements[1]).isInteger);
  EXPECT_EQ(t.at(elements[1]).number, 2.5);
  EXPECT_EQ(t.numberText(t.at(elements[1])), "2.5");
}

TEST(JsonTreeTest, UnescapesStringsAndMapsDecodedIndexToSource) {
  ParsedJson p = parseOk(R"({"k": "a\nb\u00e9c"})");
  const JsonTree& t = *p.tree;
  const JsonValue* v = t.findValue(t.root(), "k");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(t.string(*v), "a\nb\xC3\xA9" "c");
  // decoded index 5 is 'c': source offset = 6 (quote) + 1 + "a\\nb\\u00e9" (10 bytes)
  EXPECT_EQ(t.sourceOffsetInString(*v, 5), 17u);
}

TEST(JsonTreeTest, DuplicateKeyIsReportedAtTheSecondKey) {
  ParsedJson p = parseOk(R"({"a": 1, "a": 2})");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].code, DiagCode::DuplicateKey);
  EXPECT_EQ(p.problems[0].location.offset, 9u);
}

TEST(JsonTreeTest, MissingCommaIsLocatedAtTheUnexpectedToken) {
  std::string text = "{\n  \"a\": 1\n  \"b\": 2\n}";
  Diagnostic d = parseError(text);
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
  SourceLocation loc = SourceMap("f", text).locate(d.location.offset);
  EXPECT_EQ(loc.line, 3u);
  EXPECT_EQ(loc.column, 3u);
  EXPECT_EQ(d.message, "unexpected character '\"': expected ',' or '}' after an object member");
}

TEST(JsonTreeTest, BareWordIsNamedInTheMessage) {
  Diagnostic d = parseError("not a definition");
  EXPECT_EQ(d.location.offset, 0u);
  EXPECT_EQ(d.message, "unexpected token 'not': expected a JSON value (string, number, object, "
                       "array, true, false or null)");
}

TEST(JsonTreeTest, TrailingCommaIsRejected) {
  Diagnostic d = parseError(R"({"a": [1, 2, ]})");
  EXPECT_EQ(d.message, "trailing comma before ']'");
  EXPECT_EQ(d.location.offset, 13u);
}

TEST(JsonTreeTest, UnterminatedStringPointsAtItsOpeningQuote) {
  Diagnostic d = parseError("{\"a\": \"abc");
  EXPECT_EQ(d.message, "unterminated string");
  EXPECT_EQ(d.location.offset, 6u);
}

TEST(JsonTreeTest, ContentAfterTheObjectIsRejected) {
  Diagnostic d = parseError("{} {}");
  EXPECT_EQ(d.location.offset, 3u);
}

TEST(JsonTreeTest, EmptyInputIsMissingDescription) {
  EXPECT_EQ(parseError("  \n").code, DiagCode::MissingDescription);
}

TEST(JsonTreeTest, NonObjectRootIsNotAnObject) {
  Diagnostic d = parseError("[1]");
  EXPECT_EQ(d.code, DiagCode::NotAnObject);
  EXPECT_EQ(d.message, "the definition must be a JSON object, not a JSON array");
}

TEST(JsonTreeTest, NestingBeyondTheLimitIsRejectedWithTheLimitNamed) {
  ParseOptions options;
  options.limits.maxNestingDepth = 4;
  Diagnostic d = parseError(R"({"a":{"b":{"c":{"d":{}}}}})", options);
  EXPECT_EQ(d.code, DiagCode::NestingTooDeep);
  EXPECT_EQ(d.location.offset, 20u);
}

TEST(JsonTreeTest, VeryDeepMalformedInputDoesNotExhaustTheStack) {
  std::string text = "{\"a\":" + std::string(100000, '[');
  Diagnostic d = parseError(text);
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
}

TEST(JsonTreeTest, OversizedDefinitionIsRejectedBeforeParsing) {
  ParseOptions options;
  options.limits.maxDefinitionBytes = 10;
  Diagnostic d = parseError(R"({"Comment": "long enough"})", options);
  EXPECT_EQ(d.code, DiagCode::DefinitionTooLarge);
}

TEST(JsonTreeTest, InvalidUtf8InAStringIsRejected) {
  Diagnostic d = parseError("{\"a\": \"\xFF\"}");
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
  EXPECT_EQ(d.location.offset, 7u);
}

} // namespace
} // namespace asl::front
