// toJson / toPrettyJson / jsonSize: AWS's compact form, Java's double format, exact sizes.
#include "runtime/value/json_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/value/json_reader.h"

namespace asl {
namespace {

std::string doubleText(double d) {
  std::string out;
  appendJsonDouble(out, d);
  return out;
}

Value read(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

TEST(JsonWriterTest, CompactFormHasNoSpaces) {
  Value v = read(R"({ "Arg1" : 1 , "Arg2" : [ ] , "o" : { } , "n" : null , "b" : [true, false] })");
  // The corpus: States.JsonToString({"Arg1": 1, "Arg2": []}) is {"Arg1":1,"Arg2":[]}.
  EXPECT_EQ(toJson(v), R"({"Arg1":1,"Arg2":[],"o":{},"n":null,"b":[true,false]})");
  EXPECT_EQ(toJson(read(R"([1, 2, "HelloWorld"])")), R"([1,2,"HelloWorld"])");
}

TEST(JsonWriterTest, IntegersPrintAsDigits) {
  EXPECT_EQ(toJson(Value::integer(0)), "0");
  EXPECT_EQ(toJson(Value::integer(-6)), "-6");
  EXPECT_EQ(toJson(Value::integer(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(toJson(Value::integer(INT64_MAX)), "9223372036854775807");
}

TEST(JsonWriterTest, IntegralDoublesKeepAPointZero) {
  // The corpus: Lambda invoked with 0.0 returns 0.0; 1.0 and -1.0 appear as written.
  EXPECT_EQ(doubleText(0.0), "0.0");
  EXPECT_EQ(doubleText(-0.0), "-0.0");
  EXPECT_EQ(doubleText(1.0), "1.0");
  EXPECT_EQ(doubleText(-1.0), "-1.0");
  EXPECT_EQ(doubleText(2.0), "2.0");
  EXPECT_EQ(doubleText(100.0), "100.0");
}

TEST(JsonWriterTest, DoublesUseTheShortestDigits) {
  // The corpus: 0.1, 1.1 and 3.3 come back unchanged.
  EXPECT_EQ(doubleText(0.1), "0.1");
  EXPECT_EQ(doubleText(1.1), "1.1");
  EXPECT_EQ(doubleText(3.3), "3.3");
  EXPECT_EQ(doubleText(1.5), "1.5");
  EXPECT_EQ(doubleText(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(doubleText(-123.456), "-123.456");
}

TEST(JsonWriterTest, DoublesSwitchToScientificOutsideJavasPlainRange) {
  EXPECT_EQ(doubleText(9999999.0), "9999999.0");
  EXPECT_EQ(doubleText(1234567.5), "1234567.5");
  EXPECT_EQ(doubleText(1e7), "1.0E7");
  EXPECT_EQ(doubleText(1.0e10), "1.0E10");
  EXPECT_EQ(doubleText(12345678.9), "1.23456789E7");
  EXPECT_EQ(doubleText(9223372036854775808.0), "9.223372036854776E18");
  EXPECT_EQ(doubleText(0.001), "0.001");
  EXPECT_EQ(doubleText(0.00123), "0.00123");
  EXPECT_EQ(doubleText(0.0001), "1.0E-4");
  EXPECT_EQ(doubleText(-2.5e-8), "-2.5E-8");
  EXPECT_EQ(doubleText(1.7976931348623157e308), "1.7976931348623157E308");
  EXPECT_EQ(doubleText(4.9e-324), "4.9E-324");
}

TEST(JsonWriterTest, StringsEscapeQuotesBackslashesAndControlsOnly) {
  Value v = Value::string("a\"b\\c/d\n\r\t\b\f\x01\x1f é 🆗");
  EXPECT_EQ(toJson(v), "\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001f é 🆗\"");
}

TEST(JsonWriterTest, InvalidUtf8BecomesTheReplacementCharacter) {
  EXPECT_EQ(toJson(Value::string("a\xFF"
                                 "b")),
            "\"a\xEF\xBF\xBD"
            "b\"");
}

TEST(JsonWriterTest, KeysAreEscapedLikeStrings) {
  Value v = Value::object({makeMember("Test\\\"\"Name\"", Value::string("Value\"\\"))});
  EXPECT_EQ(toJson(v), R"({"Test\\\"\"Name\"":"Value\"\\"})");
}

TEST(JsonWriterTest, AppendJsonAppends) {
  std::string out = "x=";
  appendJson(out, Value::array({Value::integer(1)}));
  EXPECT_EQ(out, "x=[1]");
}

TEST(JsonWriterTest, PrettyFormIndentsNestedValues) {
  Value v = read(R"({"a":[1,{"b":null}],"c":{},"d":[]})");
  EXPECT_EQ(toPrettyJson(v), "{\n"
                             "  \"a\": [\n"
                             "    1,\n"
                             "    {\n"
                             "      \"b\": null\n"
                             "    }\n"
                             "  ],\n"
                             "  \"c\": {},\n"
                             "  \"d\": []\n"
                             "}");
  EXPECT_EQ(toPrettyJson(Value::array({Value::integer(1)}), 4), "[\n    1\n]");
  EXPECT_EQ(toPrettyJson(Value::string("s")), "\"s\"");
}

TEST(JsonWriterTest, SizeMatchesTheWrittenText) {
  for (const char* text :
       {"null", "true", "-0.0", "1.0E-4", "-9223372036854775808", "\"\"", "[]", "{}",
        R"({"a":[1,2.5,"x\n\u0001",{"b":null}],"é":"🆗","q\"":false})", "[[[[[]]]]]"}) {
    Value v = read(text);
    EXPECT_EQ(jsonSize(v), toJson(v).size()) << text;
  }
  Value invalid = Value::string("\xFF\xFE ok \x80");
  EXPECT_EQ(jsonSize(invalid), toJson(invalid).size());
}

TEST(JsonWriterTest, DeepValuesWriteWithoutRecursion) {
  Value v = Value::integer(7);
  for (int i = 0; i < 100000; ++i)
    v = Value::array({std::move(v)});
  std::string text = toJson(v);
  EXPECT_EQ(text.size(), 200001u);
  EXPECT_EQ(text.substr(99998, 5), "[[7]]");
  EXPECT_EQ(jsonSize(v), text.size());
}

TEST(JsonWriterTest, BenchWorkloadRoundTripsExactly) {
  // Compact AWS-style text written by the writer reads back equal and writes identically.
  std::string text =
      R"({"items":[{"id":1,"price":12.5,"tags":["a","b"],"ok":true}],"total":1.0E7})";
  Value v = read(text);
  EXPECT_EQ(toJson(v), text);
  EXPECT_EQ(read(toJson(v)), v);
}

} // namespace
} // namespace asl
