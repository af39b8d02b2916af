// The standard library, one test per function family, and the host-function extension point.
#include <gtest/gtest.h>

#include "runtime/eval/jsonata/evaluator_core.h"
#include "tests/jsonata/jsonata_test_support.h"

namespace asl::eval::jsonata {
namespace {

using testing::run;

TEST(JsonataStringFunctionsTest, FormattingAndSlicing) {
  EXPECT_EQ(run("$string({'a': [1, 2.50, true], 'b': 1e21})"),
            R"("{\"a\":[1,2.5,true],\"b\":1e+21}")");
  EXPECT_EQ(run("$string(1/3)"), "\"0.333333333333333\"");
  EXPECT_EQ(run("$substring('hello', -3, 2)"), "\"ll\"");
  EXPECT_EQ(run("$substringBefore('a-b-c', '-') & $substringAfter('a-b-c', '-')"), "\"ab-c\"");
  EXPECT_EQ(run("$pad('7', -3, '0')"), "\"007\"");
  EXPECT_EQ(run("$trim('  a \\n b  ')"), "\"a b\"");
  EXPECT_EQ(run("$length('héllo')"), "5");
  EXPECT_EQ(run("$join(['a','b'], ', ')"), "\"a, b\"");
}

TEST(JsonataStringFunctionsTest, EncodingsRoundTrip) {
  EXPECT_EQ(run("$base64encode('hello:world')"), "\"aGVsbG86d29ybGQ=\"");
  EXPECT_EQ(run("$base64decode('aGVsbG86d29ybGQ=')"), "\"hello:world\"");
  EXPECT_EQ(run("$encodeUrlComponent('a b?')"), "\"a%20b%3F\"");
  EXPECT_EQ(run("$decodeUrl('a%20b%3F')"), "\"a b%3F\"");
  EXPECT_EQ(run("$decodeUrlComponent('%E0%A4%A')"), "D3140@20");
}

TEST(JsonataRegexFunctionsTest, MatchReplaceSplitContains) {
  EXPECT_EQ(run("$match('a1b22', /[0-9]+/).match"), R"(["1","22"])");
  EXPECT_EQ(run("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')"), "\"Smith, John\"");
  EXPECT_EQ(run("$split('a, b,c', /,\\s*/)"), R"(["a","b","c"])");
  EXPECT_EQ(run("$contains('Hello', /^h/i)"), "true");
  EXPECT_EQ(run("'abc' ~> /b/"), R"({"match":"b","start":1,"end":2,"groups":[]})");
}

TEST(JsonataNumericFunctionsTest, RoundingAndConversion) {
  EXPECT_EQ(run("[$round(2.5), $round(3.5), $round(1.255, 2), $round(-0.4)]"), "[2,4,1.26,0]");
  EXPECT_EQ(run("$number('0x1F') + $number('1e2')"), "131");
  EXPECT_EQ(run("$number('abc')"), "D3030@8");
  EXPECT_EQ(run("$power(2, 10) + $sqrt(16) + $abs(-1) + $floor(1.5) + $ceil(1.5)"), "1032");
  EXPECT_EQ(run("$sqrt(-1)"), "D3060@6");
  EXPECT_EQ(run("$formatBase(255, 16)"), "\"ff\"");
  EXPECT_EQ(run("$formatNumber(1234.5678, '#,##0.00')"), "\"1,234.57\"");
  EXPECT_EQ(run("$formatInteger(1999, 'I')"), "\"MCMXCIX\"");
  EXPECT_EQ(run("$parseInteger('twelve', 'w')"), "12");
}

TEST(JsonataAggregationFunctionsTest, SumMaxMinAverage) {
  EXPECT_EQ(run("[$sum([1,2,3]), $max([1,5,3]), $min([4,2]), $average([1,2])]"), "[6,5,2,1.5]");
  EXPECT_EQ(run("$max([])"), "undefined");
}

TEST(JsonataBooleanFunctionsTest, TruthinessFollowsJsonata) {
  EXPECT_EQ(run("[$boolean(''), $boolean('a'), $boolean([]), $boolean([0, 1]), $boolean({})]"),
            "[false,true,false,true,false]");
  EXPECT_EQ(run("$not(0)"), "true");
}

TEST(JsonataArrayFunctionsTest, SortIsStableAndTakesAComparator) {
  EXPECT_EQ(run("$sort([3,1,2])"), "[1,2,3]");
  EXPECT_EQ(run("$sort([{'k':1,'v':'a'},{'k':0,'v':'b'},{'k':1,'v':'c'}], function($l,$r){$l.k > "
                "$r.k}).v"),
            R"(["b","a","c"])");
  EXPECT_EQ(run("$sort([1,'a'])"), "D3070@6");
  EXPECT_EQ(run("[$count([1,2]), $count(missing)]", "{}"), "[2,0]");
  EXPECT_EQ(run("$append([1], 2)"), "[1,2]");
  EXPECT_EQ(run("$reverse([1,2,3])"), "[3,2,1]");
  EXPECT_EQ(run("$distinct([1,1,{'a':1},{'a':1}])"), R"([1,{"a":1}])");
  EXPECT_EQ(run("$zip([1,2],[3,4,5])"), "[[1,3],[2,4]]");
  EXPECT_EQ(run("$count($shuffle([1,2,3]))"), "3");
}

TEST(JsonataObjectFunctionsTest, KeysLookupSpreadMergeSiftEach) {
  EXPECT_EQ(run("$keys({'a':1,'b':2})"), R"(["a","b"])");
  EXPECT_EQ(run("$lookup({'a':1}, 'a')"), "1");
  EXPECT_EQ(run("$spread({'a':1,'b':2})"), R"([{"a":1},{"b":2}])");
  EXPECT_EQ(run("$merge([{'a':1},{'b':2},{'a':3}])"), R"({"a":3,"b":2})");
  EXPECT_EQ(run("$sift({'a':1,'b':2}, function($v){$v > 1})"), R"({"b":2})");
  EXPECT_EQ(run("$each({'a':1}, function($v, $k){$k & $v})"), "\"a1\"");
  EXPECT_EQ(run("$type([]) & $type(function(){1})"), "\"arrayfunction\"");
  EXPECT_EQ(run("$assert(1 = 2, 'no')"), "D3141@8");
}

TEST(JsonataHigherOrderFunctionsTest, MapFilterSingleReduce) {
  EXPECT_EQ(run("$map([1,2,3], function($v, $i){ $v * $i })"), "[0,2,6]");
  EXPECT_EQ(run("$filter([1,2,3], function($v){ $v > 1 })"), "[2,3]");
  EXPECT_EQ(run("$single([1,2,3], function($v){ $v = 2 })"), "2");
  EXPECT_EQ(run("$single([1,2,3], function($v){ $v > 1 })"), "D3138@8");
  EXPECT_EQ(run("$reduce([1,2,3], function($a, $b){ $a + $b }, 10)"), "16");
  EXPECT_EQ(run("$eval('1 + x', {'x': 2})"), "3");
}

TEST(JsonataDateTimeFunctionsTest, PicturesFormatAndParse) {
  EXPECT_EQ(run("$fromMillis(0)"), "\"1970-01-01T00:00:00.000Z\"");
  EXPECT_EQ(run("$fromMillis(1521801216617, '[D1o] [MNn] [Y], [h]:[m01] [P]', '-0500')"),
            "\"23rd March 2018, 5:33 am\"");
  EXPECT_EQ(run("$toMillis('2018-03-23T10:33:36.617Z')"), "1521801216617");
  EXPECT_EQ(run("$toMillis('23/03/2018', '[D]/[M]/[Y]')"), "1521763200000");
  EXPECT_EQ(run("$toMillis('nope')"), "D3110@10");
  EvalOptions fixed;
  fixed.nowMillis = 1000;
  EXPECT_EQ(run("$millis() & ' ' & $now()", std::nullopt, {}, fixed),
            "\"1000 1970-01-01T00:00:01.000Z\"");
}

TEST(JsonataHostFunctionTest, HostsRegisterAndHideFunctions) {
  FunctionRegistry registry = FunctionRegistry::standard();
  ASSERT_TRUE(registry
                  .add("twice", "<n:n>",
                       [](Evaluator&, CallArgs& call) -> Result<JValue, JsonataError> {
                         return JValue::number(call[0].asNumber() * 2);
                       })
                  .ok());
  registry
      .add("fails", "<:x>",
           [](Evaluator&, CallArgs&) -> Result<JValue, JsonataError> {
             return fail(makeJsonataError("D9999", 0, 0));
           })
      .ok();
  registry.hide("eval");
  EvalOptions options;
  options.functions = &registry;
  EXPECT_EQ(run("$twice(21)", std::nullopt, {}, options), "42");
  EXPECT_EQ(run("$twice('a')", std::nullopt, {}, options), "T0410@7");
  EXPECT_EQ(run("$fails()", std::nullopt, {}, options), "D9999@7");
  EXPECT_EQ(run("$eval('1')", std::nullopt, {}, options), "T1006@6");
}

} // namespace
} // namespace asl::eval::jsonata
