// States.Format, StringToJson, JsonToString, JsonMerge and StringSplit.
#include <gtest/gtest.h>

#include "runtime/eval/intrinsic_functions.h"
#include "tests/eval/intrinsic_test_support.h"

namespace asl::eval {
namespace {

using testing::eval;
using testing::json;
using testing::show;

std::string formatted(std::string_view jsonText) {
  std::string out;
  intrinsics::appendFormatted(out, json(jsonText));
  return out;
}

TEST(FormatValueTest, PrintsValuesAsJavaObjectsPrint) {
  EXPECT_EQ(formatted(R"("raw \"text\"")"), R"(raw "text")");
  EXPECT_EQ(formatted("null"), "null");
  EXPECT_EQ(formatted("true"), "true");
  EXPECT_EQ(formatted("-7"), "-7");
  EXPECT_EQ(formatted("1.1"), "1.1");
  EXPECT_EQ(formatted("2.0"), "2.0");
  EXPECT_EQ(formatted("1e7"), "1.0E7");
  EXPECT_EQ(formatted(R"({"Arg1":1,"Arg2":[]})"), "{Arg1=1, Arg2=[]}");
  EXPECT_EQ(formatted(R"([1,"a b",{"k":"v","n":null},[true]])"), "[1, a b, {k=v, n=null}, [true]]");
  EXPECT_EQ(formatted("{}"), "{}");
  EXPECT_EQ(formatted("[]"), "[]");
}

TEST(FormatTest, SubstitutesPlaceholdersInOrder) {
  EXPECT_EQ(show(eval("States.Format('fst={} and snd={}.', $.a, $.b)", R"({"a":"x","b":1.5})")),
            R"("fst=x and snd=1.5.")");
  EXPECT_EQ(show(eval("States.Format('{}{}', 'a', 'b')")), R"("ab")");
  EXPECT_EQ(show(eval("States.Format('no placeholders')")), R"("no placeholders")");
  EXPECT_EQ(show(eval("States.Format('{}', $.o)", R"({"o":{"a":{"b":[1,2]}}})")),
            R"("{a={b=[1, 2]}}")");
}

TEST(FormatTest, KeepsEscapedBracesAndQuotesAsText) {
  EXPECT_EQ(show(eval(R"(States.Format('\{\} {} \'q\' \\ {}', 1, 2))")), R"("{} 1 'q' \\ 2")");
}

TEST(FormatTest, ScansATemplateReadFromAPathForPlaceholders) {
  EXPECT_EQ(show(eval("States.Format($.t, $.v, 2)", R"({"t":"a{}b{}c\\{}","v":"X"})")),
            "ERROR States.IntrinsicFailure: States.Format: the template has 3 '{}' placeholders "
            "but 2 values follow it");
  EXPECT_EQ(show(eval("States.Format($.t, $.v)", R"({"t":"{{}}","v":"X"})")), R"("{X}")");
}

TEST(FormatTest, RejectsAPlaceholderCountThatDiffersFromTheValues) {
  EXPECT_EQ(show(eval("States.Format('{}.{}.{}', 'a', 'b')")),
            "ERROR States.IntrinsicFailure: States.Format: the template has 3 '{}' placeholders "
            "but 2 values follow it");
  EXPECT_EQ(show(eval("States.Format('{}', 'a', 'b')")),
            "ERROR States.IntrinsicFailure: States.Format: the template has 1 '{}' placeholders "
            "but 2 values follow it");
  EXPECT_EQ(show(eval("States.Format('x', 'a')")),
            "ERROR States.IntrinsicFailure: States.Format: the template has 0 '{}' placeholders "
            "but 1 value follows it");
}

TEST(FormatTest, RejectsATemplateThatIsNotAString) {
  EXPECT_EQ(show(eval("States.Format($.t)", R"({"t":3})")),
            "ERROR States.IntrinsicFailure: States.Format: argument 1 must be a string, got a "
            "number");
}

TEST(FormatTest, RejectsPlaceholderOffsetsOutsideTheTemplate) {
  // Trees may come from a file rather than the parser; a bad offset must not read past the text.
  IntrinsicCall call = testing::parseCall("States.Format('ab{}', 1)");
  call.args[0].placeholders = {3};
  EXPECT_EQ(show(evaluateIntrinsic(call, IntrinsicEnv{})),
            "ERROR States.IntrinsicFailure: States.Format: a placeholder offset lies outside the "
            "template");
}

TEST(StringToJsonTest, ParsesJsonText) {
  EXPECT_EQ(show(eval(R"(States.StringToJson($.s))", R"({"s":"{\"Arg1\": 1, \"Arg2\": []}"})")),
            R"({"Arg1":1,"Arg2":[]})");
  EXPECT_EQ(show(eval("States.StringToJson('-0')")), "0");
  EXPECT_EQ(show(eval("States.StringToJson('1.1')")), "1.1");
  EXPECT_EQ(show(eval("States.StringToJson(' [1] ')")), "[1]");
  EXPECT_EQ(show(eval(R"(States.StringToJson('"HelloWorld"'))")), R"("HelloWorld")");
}

TEST(StringToJsonTest, ReadsBlankTextAsNull) {
  EXPECT_EQ(show(eval("States.StringToJson('')")), "null");
  EXPECT_EQ(show(eval("States.StringToJson(' ')")), "null");
  EXPECT_EQ(show(eval("States.StringToJson($.s)", R"({"s":"\n\t "})")), "null");
}

TEST(StringToJsonTest, RejectsTextThatIsNotJson) {
  ExecResult<Value> r = eval("States.StringToJson('{not json')");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "States.IntrinsicFailure");
  EXPECT_EQ(r.error().cause.rfind("States.StringToJson: the argument is not valid JSON: ", 0), 0u)
      << r.error().cause;
  EXPECT_EQ(show(eval("States.StringToJson($.o)", R"({"o":{}})")),
            "ERROR States.IntrinsicFailure: States.StringToJson: argument 1 must be a string, got "
            "a JSON object");
}

TEST(JsonToStringTest, PrintsCompactJson) {
  EXPECT_EQ(show(eval("States.JsonToString($.v)", R"({"v":{"Arg1":1,"Arg2":[]}})")),
            R"("{\"Arg1\":1,\"Arg2\":[]}")");
  EXPECT_EQ(show(eval("States.JsonToString($.v)", R"({"v":"HelloWorld"})")), R"("\"HelloWorld\"")");
  EXPECT_EQ(show(eval("States.JsonToString($.v)", R"({"v":null})")), R"("null")");
  EXPECT_EQ(show(eval("States.JsonToString($.v)", R"({"v":[1.0,1e7,"a\nb"]})")),
            R"("[1.0,1.0E7,\"a\\nb\"]")");
}

TEST(JsonMergeTest, MergesShallowlyKeepingTheFirstObjectsOrder) {
  EXPECT_EQ(show(eval("States.JsonMerge($.a, $.b, false)",
                      R"({"a":{"a":{"a1":1,"a2":2},"b":2,"d":3},"b":{"a":{"a3":1},"c":3,"d":4}})")),
            R"({"a":{"a3":1},"b":2,"d":4,"c":3})");
  EXPECT_EQ(show(eval("States.JsonMerge($.a, $.b, false)", R"({"a":{},"b":{"x":1}})")),
            R"({"x":1})");
}

TEST(JsonMergeTest, RejectsDeepMerge) {
  EXPECT_EQ(show(eval("States.JsonMerge($.a, $.a, true)", R"({"a":{}})")),
            "ERROR States.IntrinsicFailure: States.JsonMerge: only a shallow merge is supported; "
            "argument 3 must be false");
}

TEST(JsonMergeTest, RejectsArgumentsOfTheWrongType) {
  EXPECT_EQ(show(eval("States.JsonMerge($.x, $.a, false)", R"({"a":{},"x":[1]})")),
            "ERROR States.IntrinsicFailure: States.JsonMerge: argument 1 must be a JSON object, "
            "got an array");
  EXPECT_EQ(show(eval("States.JsonMerge($.a, $.x, false)", R"({"a":{},"x":"s"})")),
            "ERROR States.IntrinsicFailure: States.JsonMerge: argument 2 must be a JSON object, "
            "got a string");
  EXPECT_EQ(show(eval("States.JsonMerge($.a, $.a, $.f)", R"({"a":{},"f":"false"})")),
            "ERROR States.IntrinsicFailure: States.JsonMerge: argument 3 must be a boolean, got a "
            "string");
}

struct SplitCase {
  const char* text;
  const char* delimiters;
  const char* expected;
};

class StringSplitTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(StringSplitTest, SplitsOnEveryDelimiterCharacterDroppingEmptyPieces) {
  const SplitCase& c = GetParam();
  Value input = Value::object(
      {makeMember("t", Value::string(c.text)), makeMember("d", Value::string(c.delimiters))});
  EXPECT_EQ(show(testing::evalWith("States.StringSplit($.t, $.d)", input)), c.expected)
      << c.text << " / " << c.delimiters;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StringSplitTest,
    ::testing::Values(
        SplitCase{"1,2,3", ",", R"(["1","2","3"])"}, SplitCase{", , ,", ",", R"([" "," "])"},
        SplitCase{",,,,", ",", "[]"}, SplitCase{"", ",", "[]"}, SplitCase{"abc", "", R"(["abc"])"},
        SplitCase{"This.is+a,test=string", ".+,=", R"(["This","is","a","test","string"])"},
        SplitCase{"split on T and \nnew line", "T\n", R"(["split on "," and ","new line"])"},
        SplitCase{"a€b€€c", "€", R"(["a","b","c"])"},
        // The delimiter's bytes alone do not split a different character.
        SplitCase{"a€b", "\xE2", R"(["a€b"])"}, SplitCase{"x😀y", "😀", R"(["x","y"])"}));

TEST(StringSplitFailureTest, RejectsNonStrings) {
  EXPECT_EQ(show(eval("States.StringSplit($.a, ',')", R"({"a":[1]})")),
            "ERROR States.IntrinsicFailure: States.StringSplit: argument 1 must be a string, got "
            "an array");
  EXPECT_EQ(show(eval("States.StringSplit('a', $.d)", R"({"d":1})")),
            "ERROR States.IntrinsicFailure: States.StringSplit: argument 2 must be a string, got "
            "a number");
}

TEST(Utf16LengthTest, CountsJavaCharacters) {
  EXPECT_EQ(intrinsics::utf16Length(""), 0u);
  EXPECT_EQ(intrinsics::utf16Length("abc"), 3u);
  EXPECT_EQ(intrinsics::utf16Length("é€"), 2u);
  EXPECT_EQ(intrinsics::utf16Length("😀"), 2u);
}

} // namespace
} // namespace asl::eval
