// Intrinsic-call parser and the intrinsics.def table: arguments, escapes, arity, located errors.
#include "compiler/lang/intrinsic_parser.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace asl::lang {
namespace {

using eval::IntrinsicArgKind;
using eval::IntrinsicCall;
using eval::IntrinsicId;

IntrinsicCall parseOk(std::string_view text, const ParseOptions& options = {}) {
  Result<IntrinsicCall> result = parseIntrinsic(text, options);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : IntrinsicCall{};
}

Diagnostic parseError(std::string_view text, const ParseOptions& options = {}) {
  Result<IntrinsicCall> result = parseIntrinsic(text, options);
  EXPECT_FALSE(result.ok()) << text << " parsed as " << (result.ok() ? result->toString() : "");
  return result.ok() ? Diagnostic{} : std::move(result).error();
}

TEST(IntrinsicTableTest, EveryAwsFunctionIsListedWithItsArity) {
  struct Row {
    std::string_view name;
    int minArgs;
    int maxArgs;
  };
  const Row expected[] = {
      {"States.Format", 1, -1},     {"States.StringToJson", 1, 1},   {"States.JsonToString", 1, 1},
      {"States.Array", 0, -1},      {"States.ArrayPartition", 2, 2}, {"States.ArrayContains", 2, 2},
      {"States.ArrayRange", 3, 3},  {"States.ArrayGetItem", 2, 2},   {"States.ArrayLength", 1, 1},
      {"States.ArrayUnique", 1, 1}, {"States.Base64Encode", 1, 1},   {"States.Base64Decode", 1, 1},
      {"States.Hash", 2, 2},        {"States.JsonMerge", 3, 3},      {"States.MathRandom", 2, 3},
      {"States.MathAdd", 2, 2},     {"States.StringSplit", 2, 2},    {"States.UUID", 0, 0},
  };
  ASSERT_EQ(eval::allIntrinsics().size(), std::size(expected));
  for (const Row& row : expected) {
    std::optional<IntrinsicId> id = eval::findIntrinsic(row.name);
    ASSERT_TRUE(id.has_value()) << row.name;
    const eval::IntrinsicInfo& info = eval::intrinsicInfo(*id);
    EXPECT_EQ(info.name, row.name);
    EXPECT_EQ(info.minArgs, row.minArgs) << row.name;
    EXPECT_EQ(info.maxArgs, row.maxArgs) << row.name;
  }
}

TEST(IntrinsicTableTest, LookupIsExactAndCaseSensitive) {
  EXPECT_EQ(eval::findIntrinsic("States.MathAdd"), IntrinsicId::MathAdd);
  EXPECT_FALSE(eval::findIntrinsic("States.mathadd").has_value());
  EXPECT_FALSE(eval::findIntrinsic("MathAdd").has_value());
  EXPECT_FALSE(eval::findIntrinsic("States.LeftPad").has_value());
}

TEST(IntrinsicTableTest, ArgKindsCoverEveryPositionAndRepeatTheLast) {
  for (const eval::IntrinsicInfo& info : eval::allIntrinsics()) {
    if (info.maxArgs >= 0) {
      EXPECT_EQ(info.argKinds.size(), static_cast<size_t>(info.maxArgs)) << info.name;
    }
    for (char kind : info.argKinds)
      EXPECT_NE(std::string_view("asnbAO").find(kind), std::string_view::npos);
  }
  const eval::IntrinsicInfo& format = eval::intrinsicInfo(IntrinsicId::Format);
  EXPECT_EQ(eval::intrinsicArgKind(format, 0), 's');
  EXPECT_EQ(eval::intrinsicArgKind(format, 7), 'a');
}

TEST(LooksLikeIntrinsicTest, DecidesOnTheStatesPrefix) {
  EXPECT_TRUE(looksLikeIntrinsic("States.Format('{}', $.a)"));
  EXPECT_TRUE(looksLikeIntrinsic("States.LeftPad($.a)"));
  EXPECT_TRUE(looksLikeIntrinsic("  States.Array()"));
  EXPECT_FALSE(looksLikeIntrinsic("$.States.Format"));
  EXPECT_FALSE(looksLikeIntrinsic("states.Format()"));
  EXPECT_FALSE(looksLikeIntrinsic("States"));
  EXPECT_FALSE(looksLikeIntrinsic(""));
}

TEST(IntrinsicParseTest, ArgumentsOfEveryKind) {
  IntrinsicCall call = parseOk(
      "States.Array('Foo', 2020, -3, 2.5, 1e3, true, false, null, $.a, $$.b, $v.c, States.UUID())");
  EXPECT_EQ(call.id, IntrinsicId::Array);
  ASSERT_EQ(call.args.size(), 12u);
  EXPECT_EQ(call.args[0].kind, IntrinsicArgKind::String);
  EXPECT_EQ(call.args[0].text, "Foo");
  EXPECT_EQ(call.args[1].kind, IntrinsicArgKind::Integer);
  EXPECT_EQ(call.args[1].intValue, 2020);
  EXPECT_EQ(call.args[2].intValue, -3);
  EXPECT_EQ(call.args[3].kind, IntrinsicArgKind::Double);
  EXPECT_EQ(call.args[3].doubleValue, 2.5);
  EXPECT_EQ(call.args[4].kind, IntrinsicArgKind::Double);
  EXPECT_EQ(call.args[4].doubleValue, 1000.0);
  EXPECT_EQ(call.args[5].kind, IntrinsicArgKind::Boolean);
  EXPECT_TRUE(call.args[5].boolValue);
  EXPECT_FALSE(call.args[6].boolValue);
  EXPECT_EQ(call.args[7].kind, IntrinsicArgKind::Null);
  EXPECT_EQ(call.args[8].kind, IntrinsicArgKind::Path);
  EXPECT_EQ(call.args[8].path.root, eval::PathRootKind::Input);
  EXPECT_EQ(call.args[9].path.root, eval::PathRootKind::Context);
  EXPECT_EQ(call.args[10].path.root, eval::PathRootKind::Variable);
  EXPECT_EQ(call.args[10].path.variable, "v");
  EXPECT_EQ(call.args[11].kind, IntrinsicArgKind::Call);
  ASSERT_EQ(call.args[11].call.size(), 1u);
  EXPECT_EQ(call.args[11].call[0].id, IntrinsicId::UUID);
  EXPECT_EQ(call.args[8].offset, 59u);
  EXPECT_EQ(call.toString(),
            "States.Array('Foo', 2020, -3, 2.5, 1000, true, false, null, $['a'], $$['b'], "
            "$v['c'], States.UUID())");
}

TEST(IntrinsicParseTest, IntegersThatOverflowBecomeDoubles) {
  IntrinsicCall call = parseOk("States.Array(99999999999999999999)");
  EXPECT_EQ(call.args[0].kind, IntrinsicArgKind::Double);
  EXPECT_EQ(call.args[0].doubleValue, 1e20);
}

TEST(IntrinsicParseTest, BlanksAroundArgumentsAreAllowed) {
  IntrinsicCall call = parseOk("States.MathAdd( $.a ,\t-1 )  ");
  ASSERT_EQ(call.args.size(), 2u);
  EXPECT_EQ(call.toString(), "States.MathAdd($['a'], -1)");
  EXPECT_EQ(parseOk("States.ArrayPartition($.inputArray,4)").args.size(), 2u);
  EXPECT_EQ(parseOk("States.Array( )").args.size(), 0u);
}

TEST(IntrinsicParseTest, NestedCallsFromTheAwsGuide) {
  IntrinsicCall call = parseOk(
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
      "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem("
      "States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), "
      "'.'), 1))");
  EXPECT_EQ(call.id, IntrinsicId::Format);
  // The guide's template has three {} but two values follow; see IntrinsicFormatTest.
  ASSERT_EQ(call.args.size(), 3u);
  EXPECT_EQ(call.args[1].call[0].id, IntrinsicId::ArrayGetItem);
  EXPECT_EQ(call.args[1].call[0].args[0].call[0].id, IntrinsicId::StringSplit);
}

TEST(IntrinsicParseTest, PathArgumentsMayHoldFiltersWithCommasAndParens) {
  IntrinsicCall call = parseOk("States.ArrayGetItem($.DescribeRecord.RecordOutputs[?(@.OutputKey "
                               "== FooBar)].OutputValue, 0)");
  ASSERT_EQ(call.args.size(), 2u);
  EXPECT_EQ(call.args[0].path.source,
            "$.DescribeRecord.RecordOutputs[?(@.OutputKey == FooBar)].OutputValue");
  call = parseOk("States.Array($.a[?(@.b == 'x, y)')], $['c,d'])");
  ASSERT_EQ(call.args.size(), 2u);
  EXPECT_EQ(call.args[1].path.segments[0].name, "c,d");
}

TEST(IntrinsicStringTest, EscapesResolveAndEscapedBracesAreNotPlaceholders) {
  IntrinsicCall call = parseOk("States.Format('a \\{\\} b {} c \\'q\\' \\\\ {}', 1, 2)");
  const eval::IntrinsicArg& t = call.args[0];
  EXPECT_EQ(t.text, "a {} b {} c 'q' \\ {}");
  ASSERT_EQ(t.placeholders.size(), 2u);
  EXPECT_EQ(t.placeholders[0], 7u);
  EXPECT_EQ(t.placeholders[1], 18u);
  EXPECT_EQ(call.toString(), "States.Format('a \\{\\} b {} c \\'q\\' \\\\ {}', 1, 2)");
}

TEST(IntrinsicStringTest, OtherBackslashesAndRawControlCharactersStay) {
  // AWS ran States.StringSplit('Hello<newline>World', '<newline>') with raw newlines.
  IntrinsicCall call = parseOk("States.StringSplit('Hello\nWorld', '\n')");
  EXPECT_EQ(call.args[0].text, "Hello\nWorld");
  EXPECT_EQ(parseOk("States.StringToJson('{\"t\":\"a \\\"q\\\"\"}')").args[0].text,
            "{\"t\":\"a \\\"q\\\"\"}");
}

TEST(IntrinsicStringTest, LoneBracesAreTextAndPrintEscaped) {
  IntrinsicCall call = parseOk("States.StringToJson('{\"a\": 1}')");
  EXPECT_TRUE(call.args[0].placeholders.empty());
  EXPECT_EQ(call.toString(), "States.StringToJson('\\{\"a\": 1\\}')");
  EXPECT_EQ(parseOk(call.toString()).args[0].text, "{\"a\": 1}");
}

TEST(IntrinsicStringTest, UnterminatedStringIsLocated) {
  Diagnostic d = parseError("States.Format('abc {}, $.a)");
  EXPECT_EQ(d.code, DiagCode::InvalidIntrinsic);
  EXPECT_EQ(d.message, "unterminated string: no closing ' for the one at character 15");
  EXPECT_EQ(d.location.offset, 14u);
}

TEST(IntrinsicStringTest, DoubleQuotedStringsAreRejected) {
  Diagnostic d = parseError("States.StringToJson(\"{}\")");
  EXPECT_EQ(d.message, "strings in intrinsic calls use single quotes");
  EXPECT_EQ(d.location.offset, 20u);
}

TEST(IntrinsicErrorTest, UnknownFunctionIsNamed) {
  Diagnostic d = parseError("States.LeftPad($.a, 3)");
  EXPECT_EQ(d.code, DiagCode::InvalidIntrinsic);
  EXPECT_EQ(d.message, "unknown intrinsic function 'States.LeftPad'");
  EXPECT_EQ(d.location.offset, 0u);
  d = parseError("States.Array(States.leftPad())");
  EXPECT_EQ(d.message, "unknown intrinsic function 'States.leftPad'");
  EXPECT_EQ(d.location.offset, 13u);
  EXPECT_EQ(parseError("States.(1)").message, "expected a function name after 'States.'");
}

TEST(IntrinsicErrorTest, WrongArityIsNamed) {
  struct Case {
    std::string_view text;
    std::string_view message;
  };
  const Case cases[] = {
      {"States.MathAdd(1, 2, 3)", "States.MathAdd takes 2 arguments, got 3"},
      {"States.MathRandom(1)", "States.MathRandom takes 2 or 3 arguments, got 1"},
      {"States.MathRandom(1, 2, 3, 4)", "States.MathRandom takes 2 or 3 arguments, got 4"},
      {"States.Format()", "States.Format takes at least 1 argument, got 0"},
      {"States.UUID(1)", "States.UUID takes no arguments, got 1"},
      {"States.ArrayLength($.a, $.b)", "States.ArrayLength takes 1 argument, got 2"},
      {"States.JsonMerge($.a, $.b)", "States.JsonMerge takes 3 arguments, got 2"},
  };
  for (const Case& c : cases) {
    Diagnostic d = parseError(c.text);
    EXPECT_EQ(d.message, c.message) << c.text;
    EXPECT_EQ(d.location.offset, 0u) << c.text;
  }
  // The nested call is named and located.
  Diagnostic d = parseError("States.Array(States.MathAdd(1))");
  EXPECT_EQ(d.message, "States.MathAdd takes 2 arguments, got 1");
  EXPECT_EQ(d.location.offset, 13u);
}

TEST(IntrinsicErrorTest, LiteralOfTheWrongKindIsRejected) {
  // asl-validator's invalid-math-add.
  Diagnostic d = parseError("States.MathAdd(1,'-1')");
  EXPECT_EQ(d.message, "the 2nd argument of States.MathAdd must be a number, got a string");
  EXPECT_EQ(d.location.offset, 17u);
  d = parseError("States.ArrayLength('abc')");
  EXPECT_EQ(d.message, "the 1st argument of States.ArrayLength must be an array (a path or a "
                       "call, since no literal is one), got a string");
  d = parseError("States.JsonMerge($.a, $.b, 'no')");
  EXPECT_EQ(d.message, "the 3rd argument of States.JsonMerge must be a boolean, got a string");
  d = parseError("States.StringSplit($.a, 1)");
  EXPECT_EQ(d.message, "the 2nd argument of States.StringSplit must be a string, got a number");
  // Paths and calls are checked only when the call runs.
  EXPECT_TRUE(parseIntrinsic("States.MathAdd($.a, States.ArrayLength($.b))").ok());
}

TEST(IntrinsicFormatTest, PlaceholderCountIsLeftToTheEvaluatorByDefault) {
  // AWS's guide shows States.Format('{}.{}.{}', a, b); see NestedCallsFromTheAwsGuide.
  EXPECT_TRUE(parseIntrinsic("States.Format('{} and {}', $.a)").ok());
  EXPECT_TRUE(parseIntrinsic("States.Format('none', $.a)").ok());
}

TEST(IntrinsicFormatTest, StrictModeRejectsPlaceholderMismatch) {
  ParseOptions strict;
  strict.checkFormatPlaceholders = true;
  Diagnostic d = parseError("States.Format('{} and {}', $.a)", strict);
  EXPECT_EQ(d.message, "States.Format template has 2 '{}' placeholders but 1 value follows it");
  EXPECT_EQ(d.location.offset, 14u);
  d = parseError("States.Format('none', $.a, $.b)", strict);
  EXPECT_EQ(d.message, "States.Format template has 0 '{}' placeholders but 2 values follow it");
  EXPECT_TRUE(parseIntrinsic("States.Format('\\{} {}', $.a)", strict).ok());
  EXPECT_TRUE(parseIntrinsic("States.Format('{} xyz {}', 1, 'def')", strict).ok());
  // A template from a path is checked when the call runs.
  EXPECT_TRUE(parseIntrinsic("States.Format($.AnswerTemplate, $$.Map.Item.Value)", strict).ok());
}

TEST(IntrinsicErrorTest, TrailingCharactersAreRejected) {
  Diagnostic d = parseError("States.UUID() x");
  EXPECT_EQ(d.message, "unexpected 'x' after the end of the call");
  EXPECT_EQ(d.location.offset, 14u);
  d = parseError("States.UUID())");
  EXPECT_EQ(d.message, "unexpected ')' after the end of the call");
}

TEST(IntrinsicErrorTest, LeadingBlankIsRejected) {
  // statelint's states-array-invocation-leftpad.
  Diagnostic d = parseError(" States.Array('Foo', $.xyz, 'Bar', 2.3)");
  EXPECT_EQ(d.message, "an intrinsic call must start with 'States.', not a blank");
  EXPECT_EQ(d.location.offset, 0u);
}

TEST(IntrinsicErrorTest, MalformedArgumentListsAreLocated) {
  struct Case {
    std::string_view text;
    std::string_view message;
    uint32_t offset;
  };
  const Case cases[] = {
      {"States.Array", "expected '(' after 'States.Array', found the end of the text", 12},
      {"States.Array(1", "expected ')' to close the '(' at character 13", 14},
      {"States.Array(1 2)", "expected ',' or ')' after an argument, found '2'", 15},
      {"States.Array(1,)", "expected an argument, found ')'", 15},
      {"States.Array(,1)", "expected an argument, found ','", 13},
      {"States.Array(01)", "numbers cannot have leading zeros", 13},
      {"States.Array(1.)", "expected a digit after '.'", 15},
      {"States.Array(-)", "expected a digit after '-'", 13},
      {"States.Array(1x)", "unexpected 'x' after a number", 14},
      {"States.Array(foo)",
       "unexpected word 'foo'; an argument is a string in single quotes, a number, true, false, "
       "null, a path or an intrinsic call",
       13},
      {"States.Array(Foo.Bar())",
       "unexpected word 'Foo'; an argument is a string in single quotes, a number, true, false, "
       "null, a path or an intrinsic call",
       13},
      {"Foo.Bar()", "expected an intrinsic function name starting with 'States.', found 'F'", 0},
  };
  for (const Case& c : cases) {
    Diagnostic d = parseError(c.text);
    EXPECT_EQ(d.message, c.message) << c.text;
    EXPECT_EQ(d.location.offset, c.offset) << c.text;
  }
}

TEST(IntrinsicErrorTest, BadPathArgumentIsAPathErrorLocatedInTheCall) {
  Diagnostic d = parseError("States.Array($.a[0)");
  EXPECT_EQ(d.code, DiagCode::InvalidPath);
  EXPECT_EQ(d.message, "expected ']' to close the bracket opened at character 17");
  EXPECT_EQ(d.location.offset, 18u);
}

TEST(IntrinsicErrorTest, PathArgumentsObeyTheCallerOptions) {
  ParseOptions options;
  options.allowVariables = false;
  Diagnostic d = parseError("States.Format('{}', $name)", options);
  EXPECT_EQ(d.code, DiagCode::InvalidPath);
  EXPECT_EQ(d.message, "variables ('$name') are not allowed here");
  EXPECT_EQ(d.location.offset, 20u);
}

TEST(IntrinsicLimitsTest, DeepNestingStopsAtTheLimit) {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "States.Array(";
  text += std::string(2000, ')');
  Diagnostic d = parseError(text);
  EXPECT_EQ(d.message, "intrinsic calls nest deeper than the limit of 64");
  ParseOptions options;
  options.limits.maxExpressionDepth = 3;
  EXPECT_TRUE(parseIntrinsic("States.Array(States.Array(States.Array()))", options).ok());
  EXPECT_FALSE(
      parseIntrinsic("States.Array(States.Array(States.Array(States.Array())))", options).ok());
}

TEST(IntrinsicLimitsTest, OverlongCallIsRejected) {
  ParseOptions options;
  options.limits.maxExpressionBytes = 10;
  Diagnostic d = parseError("States.UUID()", options);
  EXPECT_EQ(d.message, "intrinsic call is 13 bytes long, over the limit of 10");
}

TEST(IntrinsicRobustnessTest, EveryPrefixAndMutationFailsCleanly) {
  const std::string_view seeds[] = {
      "States.Format('a {} \\' \\{ {}', $.a[?(@.b == 'x')], States.MathAdd(-1.5e3, $v))",
      "States.JsonMerge(States.StringToJson('{\"a\": 1}'), $$.Execution.Input, false)"};
  const char flips[] = {'(', ')', '\'', '\\', ',', '$', '{', '}', '\0', '\xff', ' ', '.'};
  for (std::string_view seed : seeds) {
    for (size_t n = 0; n <= seed.size(); ++n) {
      std::string text(seed.substr(0, n));
      Result<IntrinsicCall> r = parseIntrinsic(text);
      if (!r.ok()) {
        EXPECT_LE(r.error().location.offset, text.size()) << text;
      }
      if (n == seed.size()) continue;
      for (char flip : flips) {
        std::string mutated(seed);
        mutated[n] = flip;
        Result<IntrinsicCall> m = parseIntrinsic(mutated);
        if (!m.ok()) {
          EXPECT_LE(m.error().location.offset, mutated.size()) << mutated;
        }
      }
    }
  }
}

TEST(IntrinsicCanonicalTest, CanonicalFormReadsBackToItself) {
  const std::string_view texts[] = {
      "States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)",
      "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), "
      "$$.Execution.Input.input_field, false)",
      "States.Array('Foo', 2020, $.someJson, null, 2.3, -0.5)",
      "States.Hash($inputString, 'SHA-256')",
  };
  for (std::string_view text : texts) {
    std::string once = parseOk(text).toString();
    EXPECT_EQ(parseOk(once).toString(), once) << text;
  }
}

TEST(IntrinsicConformanceTest, CallsAwsAcceptedParse) {
  // A representative set from the conformance corpus's valid and executed definitions.
  const std::string_view texts[] = {
      "States.Array()",
      "States.ArrayContains($.inputArray, 5)",
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
      "States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
      "States.ArrayPartition($.inputArray,4)",
      "States.ArrayRange(1, 9, 2)",
      "States.ArrayUnique($.duplicateArray)",
      "States.Base64Decode($encodedString)",
      "States.Base64Encode($.input)",
      "States.Format('{} xyz {}', 1, 'def')",
      "States.Format('{}{}', $.field1, $field2)",
      "States.Hash($.Data, $.Algorithm)",
      "States.JsonMerge($json1, $json2, false)",
      "States.JsonToString($.someJson)",
      "States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)",
      "States.MathAdd(States.ArrayLength($$.Execution.Input.machines),-1)",
      "States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)",
      "States.StringSplit($.csvString, ',')",
      "States.StringToJson($.escapedJsonString)",
      "States.UUID()",
  };
  for (std::string_view text : texts) {
    Result<IntrinsicCall> r = parseIntrinsic(text);
    EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  }
}

} // namespace
} // namespace asl::lang
