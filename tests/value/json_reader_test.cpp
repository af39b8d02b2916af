// parseJsonValue: kinds and numbers as AWS reads them, duplicate keys, exact error offsets, limits.
#include "runtime/value/json_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/value/json_writer.h"

namespace asl {
namespace {

Value parsed(std::string_view text) {
  auto result = parseJsonValue(text);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : Value();
}

Diagnostic failure(std::string_view text, const JsonReadLimits& limits = {}) {
  auto result = parseJsonValue(text, limits);
  EXPECT_FALSE(result.ok()) << text;
  return result.ok() ? Diagnostic{} : result.error();
}

TEST(JsonReaderTest, ReadsEveryKind) {
  Value v = parsed(R"({"n":null,"t":true,"f":false,"i":42,"d":1.5,"s":"x","a":[1,[]],"o":{}})");
  ASSERT_TRUE(v.isObject());
  EXPECT_TRUE(v.find("n")->isNull());
  EXPECT_TRUE(v.find("t")->asBool());
  EXPECT_FALSE(v.find("f")->asBool());
  EXPECT_TRUE(v.find("i")->isInteger());
  EXPECT_EQ(v.find("i")->asInteger(), 42);
  EXPECT_EQ(v.find("d")->asDouble(), 1.5);
  EXPECT_EQ(v.find("s")->asString(), "x");
  EXPECT_EQ(v.find("a")->size(), 2u);
  EXPECT_TRUE(v.find("o")->isObject());
}

TEST(JsonReaderTest, ReadsScalarDocumentsWithSurroundingSpace) {
  EXPECT_EQ(parsed(" 7 ").asInteger(), 7);
  EXPECT_EQ(parsed("\"s\"\n").asString(), "s");
  EXPECT_TRUE(parsed("null").isNull());
}

TEST(JsonReaderTest, IntegersThatFitStayIntegers) {
  EXPECT_TRUE(parsed("9223372036854775807").isInteger());
  EXPECT_EQ(parsed("-9223372036854775808").asInteger(), INT64_MIN);
  Value minusZero = parsed("-0"); // the corpus: StringToJson("-0") is 0
  EXPECT_TRUE(minusZero.isInteger());
  EXPECT_EQ(toJson(minusZero), "0");
}

TEST(JsonReaderTest, LargerIntegersBecomeDoubles) {
  Value v = parsed("9223372036854775808");
  EXPECT_FALSE(v.isInteger());
  EXPECT_EQ(v.asDouble(), 9223372036854775808.0);
  Value huge = parsed("123456789012345678901234567890");
  EXPECT_FALSE(huge.isInteger());
  EXPECT_EQ(toJson(huge), "1.2345678901234568E29");
}

TEST(JsonReaderTest, OnlyIntegersBeyondInt64AreWidened) {
  Value v =
      parsed("[1000000000000000000,-123456789012345678901234567890,\"99999999999999999999\"]");
  EXPECT_TRUE(v.items()[0].isInteger());
  EXPECT_EQ(toJson(v), "[1000000000000000000,-1.2345678901234568E29,\"99999999999999999999\"]");
}

TEST(JsonReaderTest, NumbersBeyondDoubleRangeAreLocated) {
  Diagnostic d = failure("[0, 1e400]");
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
  EXPECT_EQ(d.location.offset, 4u);
  EXPECT_EQ(d.message, "the number is too large for a double");
}

TEST(JsonReaderTest, DecimalsAndExponentsBecomeDoubles) {
  EXPECT_FALSE(parsed("1.0").isInteger());
  EXPECT_FALSE(parsed("1e2").isInteger());
  EXPECT_EQ(parsed("1e2").asDouble(), 100.0);
  EXPECT_EQ(parsed("0.1").asDouble(), 0.1);
}

TEST(JsonReaderTest, NumbersRoundTripThroughTheWriter) {
  for (const char* text :
       {"0", "-5", "1.5", "0.1", "0.0", "-0.0", "3.3", "1.1", "2.0", "1.0E7", "1.0E-4",
        "1.7976931348623157E308", "4.9E-324", "123456.789", "9223372036854775807"}) {
    EXPECT_EQ(toJson(parsed(text)), text);
  }
}

TEST(JsonReaderTest, DecodesEscapesAndKeepsUtf8) {
  Value v = parsed(R"(["a\"b\\c\/d\n\t\u00e9\ud83c\udd97", "🆗 é"])");
  EXPECT_EQ(v.items()[0].asString(), "a\"b\\c/d\n\t\xC3\xA9\xF0\x9F\x86\x97");
  EXPECT_EQ(v.items()[1].asString(), "🆗 é");
}

TEST(JsonReaderTest, ObjectKeysAreStringValues) {
  Value v = parsed(R"([{"id":1},{"id":2}])");
  const Member& first = v.items()[0].members()[0];
  EXPECT_TRUE(first.key.isString());
  EXPECT_EQ(first.key.asString(), "id");
  // Repeated keys of one document share one string.
  EXPECT_EQ(first.key.payloadIdentity(), v.items()[1].members()[0].key.payloadIdentity());
}

TEST(JsonReaderTest, DuplicateKeysKeepTheLastValueAtTheFirstPosition) {
  Value v = parsed(R"({"a":1,"b":2,"a":3})");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(toJson(v), R"({"a":3,"b":2})");
}

TEST(JsonReaderTest, DuplicateKeysInBigObjectsKeepTheLastValue) {
  std::string text = "{";
  for (int i = 0; i < 40; ++i)
    text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += "\"k5\":\"last\",\"k39\":true}";
  Value v = parsed(text);
  EXPECT_EQ(v.size(), 40u);
  EXPECT_EQ(v.find("k5")->asString(), "last");
  EXPECT_TRUE(v.find("k39")->asBool());
  EXPECT_EQ(v.members()[5].key.asString(), "k5");
}

TEST(JsonReaderTest, BigObjectsAreIndexed) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += (i ? ",\"" : "\"") + std::to_string(i) + "\":" + std::to_string(i);
  text += "}";
  Value v = parsed(text);
  EXPECT_EQ(v.find("77")->asInteger(), 77);
}

TEST(JsonReaderTest, TrailingCommaIsLocatedAtTheBrace) {
  Diagnostic d = failure(R"({"a":1,})");
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
  EXPECT_EQ(d.location.offset, 7u);
  EXPECT_EQ(d.message, "trailing comma before '}'");
}

TEST(JsonReaderTest, MissingColonIsLocated) {
  Diagnostic d = failure(R"({"a" 1})");
  EXPECT_EQ(d.location.offset, 5u);
  EXPECT_EQ(d.message, "unexpected character '1': expected ':' after the object key");
}

TEST(JsonReaderTest, UnclosedArrayIsLocatedAtTheEnd) {
  Diagnostic d = failure("[1,2");
  EXPECT_EQ(d.location.offset, 4u);
  EXPECT_EQ(d.message, "unexpected end of input: expected ',' or ']'");
}

TEST(JsonReaderTest, BadLiteralIsLocatedWithLineAndColumn) {
  Diagnostic d = failure("{\n  \"a\": tru\n}");
  EXPECT_EQ(d.location.offset, 9u);
  EXPECT_EQ(d.location.line, 2u);
  EXPECT_EQ(d.location.column, 8u);
  EXPECT_EQ(d.message, "unexpected token 'tru': expected a JSON value (string, number, object, "
                       "array, true, false or null)");
}

TEST(JsonReaderTest, OtherSyntaxErrorsAreLocated) {
  EXPECT_EQ(failure("[01]").location.offset, 1u);
  EXPECT_EQ(failure("[01]").message, "numbers must not have leading zeros");
  EXPECT_EQ(failure("\"abc").message, "unterminated string");
  EXPECT_EQ(failure("1 2").location.offset, 2u);
  EXPECT_EQ(failure("1 2").message, "unexpected character '2' after the end of the JSON value");
  EXPECT_EQ(failure("").message, "the document is empty: expected a JSON value");
  EXPECT_EQ(failure("[\"a\x01\"]").location.offset, 3u);
  EXPECT_EQ(failure("[\"\xFF\"]").message, "invalid UTF-8 byte in a string");
}

TEST(JsonReaderTest, LoneSurrogateEscapeIsRejected) {
  Diagnostic d = failure(R"(["\ud800"])");
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
}

TEST(JsonReaderTest, DepthUpToTheLimitIsAccepted) {
  JsonReadLimits limits;
  limits.maxDepth = 3;
  EXPECT_TRUE(parseJsonValue("[[{\"a\":1}]]", limits).ok());
  EXPECT_TRUE(parseJsonValue("7", JsonReadLimits{.maxBytes = 10, .maxDepth = 0}).ok());
}

TEST(JsonReaderTest, DepthPastTheLimitIsLocatedAtTheOpeningBracket) {
  JsonReadLimits limits;
  limits.maxDepth = 3;
  Diagnostic d = failure(R"([["]]]",{"a":[1]}]])", limits);
  EXPECT_EQ(d.code, DiagCode::NestingTooDeep);
  EXPECT_EQ(d.location.offset, 13u);
  EXPECT_EQ(d.message, "JSON nesting is deeper than the limit of 3 levels");
}

TEST(JsonReaderTest, DefaultDepthLimitIsFiveHundredTwelve) {
  std::string ok = std::string(512, '[') + std::string(512, ']');
  EXPECT_TRUE(parseJsonValue(ok).ok());
  std::string deep = std::string(513, '[') + std::string(513, ']');
  Diagnostic d = failure(deep);
  EXPECT_EQ(d.code, DiagCode::NestingTooDeep);
  EXPECT_EQ(d.location.offset, 512u);
}

TEST(JsonReaderTest, DepthBeyondSimdjsonsDefaultIsReadWhenAllowed) {
  JsonReadLimits limits;
  limits.maxDepth = 5000;
  std::string deep = std::string(4000, '[') + std::string(4000, ']');
  auto v = parseJsonValue(deep, limits);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(jsonSize(*v), 8000u);
}

TEST(JsonReaderTest, TextOverTheByteLimitIsRejectedBeforeParsing) {
  JsonReadLimits limits;
  limits.maxBytes = 8;
  Diagnostic d = failure("[1,2,3,4,5]", limits);
  EXPECT_EQ(d.code, DiagCode::InvalidJson);
  EXPECT_EQ(d.message, "the JSON text is 11 bytes; the limit is 8 bytes");
  EXPECT_TRUE(parseJsonValue("[1,2,3]", limits).ok());
}

TEST(JsonReaderTest, ParsedValuesOutliveTheParser) {
  Value first = parsed(R"({"keep":"this string"})");
  Value second = parsed(R"({"other":"text that reuses the parser buffers"})");
  EXPECT_EQ(first.find("keep")->asString(), "this string");
  EXPECT_EQ(second.find("other")->asString(), "text that reuses the parser buffers");
}

} // namespace
} // namespace asl
