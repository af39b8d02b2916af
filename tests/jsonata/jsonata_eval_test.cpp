// The evaluator core: undefined versus null, sequences and flattening, paths, predicates,
// bindings, operators, lambdas, errors with positions, and the depth and time bounds.
#include <gtest/gtest.h>

#include "tests/jsonata/jsonata_test_support.h"

namespace asl::eval::jsonata {
namespace {

using testing::run;

const char* kOrders = R"({"orders":[{"id":1,"items":[{"sku":"a","price":10},{"sku":"b","price":5}]},
                                   {"id":2,"items":[{"sku":"c","price":7}]}]})";

TEST(JsonataUndefinedTest, MissingFieldIsUndefinedNotNull) {
  EXPECT_EQ(run("missing", "{}"), "undefined");
  EXPECT_EQ(run("value", R"({"value":null})"), "null");
  EXPECT_EQ(run("$exists(missing)", "{}"), "false");
  EXPECT_EQ(run("$exists(value)", R"({"value":null})"), "true");
}

TEST(JsonataUndefinedTest, AFunctionResultIsUndefinedUnlessTheHostRejectsIt) {
  EXPECT_EQ(run("function($x){$x}"), "undefined");
  EvalOptions options;
  options.functionResultIsError = true;
  EXPECT_EQ(run("function($x){$x}", std::nullopt, {}, options).substr(0, 6), "L0004@");
  EXPECT_EQ(run("1 + 1", std::nullopt, {}, options), "2");
}

TEST(JsonataUndefinedTest, NoInputIsUndefined) {
  EXPECT_EQ(run("$"), "undefined");
  EXPECT_EQ(run("a.b"), "undefined");
  EXPECT_EQ(run("$type($)", "null"), "\"null\"");
}

TEST(JsonataUndefinedTest, UndefinedIsDroppedFromArraysAndObjects) {
  EXPECT_EQ(run("[1, missing, 2]", "{}"), "[1,2]");
  EXPECT_EQ(run(R"({"a": missing, "b": 1})", "{}"), R"({"b":1})");
}

TEST(JsonataSequenceTest, PathsMapAndFlatten) {
  EXPECT_EQ(run("orders.items.sku", kOrders), R"(["a","b","c"])");
  EXPECT_EQ(run("orders.id", kOrders), "[1,2]");
}

TEST(JsonataSequenceTest, SingletonSequenceUnwrapsUnlessKept) {
  EXPECT_EQ(run("orders[id=2].items.sku", kOrders), "\"c\"");
  EXPECT_EQ(run("orders[id=2].items.sku[]", kOrders), R"(["c"])");
}

TEST(JsonataSequenceTest, ArrayConstructorsAreNotFlattenedByPaths) {
  EXPECT_EQ(run("orders.[id, 0]", kOrders), "[[1,0],[2,0]]");
  EXPECT_EQ(run("[[1,2],[3]]"), "[[1,2],[3]]");
  EXPECT_EQ(run("[1..3, [4]]"), "[1,2,3,[4]]");
}

TEST(JsonataSequenceTest, TopLevelArrayInputIsOneValue) {
  EXPECT_EQ(run("$", "[1,2]"), "[1,2]");
  EXPECT_EQ(run("$[0]", "[1,2]"), "1");
  EXPECT_EQ(run("a", R"([{"a":1},{"a":2}])"), "[1,2]");
}

TEST(JsonataPathTest, PredicatesIndexFromEitherEnd) {
  EXPECT_EQ(run("orders[0].id", kOrders), "1");
  EXPECT_EQ(run("orders[-1].id", kOrders), "2");
  EXPECT_EQ(run("orders.items[price > 6].sku", kOrders), R"(["a","c"])");
}

TEST(JsonataPathTest, WildcardsAndDescendants) {
  EXPECT_EQ(run("*", R"({"a":1,"b":[2,3]})"), "[1,2,3]");
  EXPECT_EQ(run("**.sku", kOrders), R"(["a","b","c"])");
}

TEST(JsonataPathTest, PositionalFocusAndParentBindings) {
  EXPECT_EQ(run("orders.items#$i[$i=0].sku", kOrders), R"(["a","c"])");
  // `@` binds without moving the context: `b` is read from the same object as `a`.
  EXPECT_EQ(run("a@$x.b@$y[$x.k = $y.k].{'k': $x.k, 'v': $y.v}",
                R"({"a":[{"k":1},{"k":2}],"b":[{"k":2,"v":"two"}]})"),
            R"({"k":2,"v":"two"})");
  EXPECT_EQ(run("orders.items.{'sku': sku, 'order': %.id}", kOrders),
            R"([{"sku":"a","order":1},{"sku":"b","order":1},{"sku":"c","order":2}])");
}

TEST(JsonataPathTest, OrderByIsStableAndDescending) {
  EXPECT_EQ(run("orders.items^(>price).sku", kOrders), R"(["a","c","b"])");
  EXPECT_EQ(run("orders.items^(price).sku", kOrders), R"(["b","c","a"])");
}

TEST(JsonataPathTest, GroupingReducesValuesPerKey) {
  EXPECT_EQ(run("orders.items{sku: price}", kOrders), R"({"a":10,"b":5,"c":7})");
  EXPECT_EQ(run("orders{'total': $sum(items.price)}", kOrders), R"({"total":22})");
}

TEST(JsonataOperatorTest, ArithmeticKeepsIntegersIntegral) {
  EXPECT_EQ(run("1 + 2 * 3"), "7");
  EXPECT_EQ(run("7 / 2"), "3.5");
  EXPECT_EQ(run("7 % 3"), "1");
  EXPECT_EQ(run("0.1 + 0.2"), "0.30000000000000004");
  EXPECT_EQ(run("-(2)"), "-2");
}

TEST(JsonataOperatorTest, ArithmeticOnUndefinedIsUndefinedAndOnStringsAnError) {
  EXPECT_EQ(run("missing + 1", "{}"), "undefined");
  EXPECT_EQ(run("'a' + 1"), "T2001@5");
  EXPECT_EQ(run("1 + 'a'"), "T2002@3");
}

TEST(JsonataOperatorTest, ComparisonAndEquality) {
  EXPECT_EQ(run("1 < 2"), "true");
  EXPECT_EQ(run("'a' < 'b'"), "true");
  EXPECT_EQ(run("1 < 'b'"), "T2009@3");
  EXPECT_EQ(run("[1,{'a':2}] = [1,{'a':2}]"), "true");
  EXPECT_EQ(run("missing = missing", "{}"), "false");
  EXPECT_EQ(run("missing < 1", "{}"), "undefined");
}

TEST(JsonataOperatorTest, BooleanInclusionConcatenationAndRange) {
  EXPECT_EQ(run("true and (false or 1)"), "true");
  EXPECT_EQ(run("2 in [1,2]"), "true");
  EXPECT_EQ(run("'a' & 1 & true & null"), "\"a1truenull\"");
  EXPECT_EQ(run("[1..4]"), "[1,2,3,4]");
  EXPECT_EQ(run("[1.5..3]"), "T2003@6");
  EXPECT_EQ(run("[1..10000001]"), "D2014@4");
}

TEST(JsonataOperatorTest, ConditionalsBlocksAndVariables) {
  EXPECT_EQ(run("x > 1 ? 'big' : 'small'", R"({"x":2})"), "\"big\"");
  EXPECT_EQ(run("x > 5 ? 'big'", R"({"x":2})"), "undefined");
  EXPECT_EQ(run("($a := 2; $b := $a * 3; $b)"), "6");
  EXPECT_EQ(run("$x + 1", std::nullopt, {{"x", Value::integer(41)}}), "42");
}

TEST(JsonataFunctionTest, LambdasClosuresAndPartialApplication) {
  EXPECT_EQ(run("($add := function($a, $b){ $a + $b }; $add(2, 3))"), "5");
  EXPECT_EQ(run("($mk := function($n){ function($x){ $x * $n } }; $mk(3)(4))"), "12");
  EXPECT_EQ(run("($first := $substring(?, 0, 2); $first('hello'))"), "\"he\"");
  EXPECT_EQ(run("'abc' ~> $uppercase() ~> $substring(1)"), "\"BC\"");
  EXPECT_EQ(run("($f := $uppercase ~> $trim; $f(' a '))"), "\"A\"");
}

TEST(JsonataFunctionTest, SignaturesValidateArguments) {
  EXPECT_EQ(run("function($x)<n:n>{ $x }('a')"), "T0410@24");
  EXPECT_EQ(run("$substring('a', 'b')"), "T0410@11");
  EXPECT_EQ(run("$sum(['a'])"), "T0412@5");
  EXPECT_EQ(run("$uppercase()", R"("ctx")"), "\"CTX\"");
}

TEST(JsonataFunctionTest, TransformCopiesAndUpdates) {
  EXPECT_EQ(run("$ ~> |items|{'tax': price / 10}, ['price']|", R"({"items":[{"price":10}]})"),
            R"({"items":[{"tax":1}]})");
  EXPECT_EQ(run("($o := {'a': 1}; $o ~> |$|{'b': 2}|; $o)"), R"({"a":1})");
}

TEST(JsonataErrorTest, ErrorsCarryCodeAndPosition) {
  EXPECT_EQ(run("$error('boom')"), "D3137@7");
  EXPECT_EQ(testing::errorMessage("$error('boom')"), "boom");
  EXPECT_EQ(run("uppercase('a')", "{}"), "T1005@10");
  EXPECT_EQ(run("$nope()"), "T1006@6");
  EXPECT_EQ(testing::errorMessage("1 + 'a'"),
            "The right side of the \"+\" operator must evaluate to a number");
}

TEST(JsonataLimitTest, DeepRecursionEndsWithStackOverflowError) {
  std::string result = run("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))");
  EXPECT_EQ(result.substr(0, 6), "U1001@");
}

TEST(JsonataLimitTest, TailRecursionRunsInConstantStack) {
  EXPECT_EQ(run("($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + 1) }; $f(20000, 0))"),
            "20000");
}

TEST(JsonataLimitTest, DeeplyNestedBuiltValuesEndWithAnErrorNotACrash) {
  const std::string deep = "$reduce([1..50000], function($a, $b){ {'a': $a} }, 0)";
  EXPECT_EQ(run("$count(" + deep + ")"), "1"); // built and freed without recursion
  EXPECT_EQ(run("$string(" + deep + ")"), "U1001@8");
  EXPECT_EQ(run("(" + deep + ").**").substr(0, 6), "U1001@");
}

TEST(JsonataLimitTest, InfiniteLoopEndsWithTimeoutError) {
  EvalOptions options;
  options.timeLimitMs = 200;
  EXPECT_EQ(run("($f := function(){ $f() }; $f())", std::nullopt, {}, options).substr(0, 6),
            "U1001@");
}

TEST(JsonataLimitTest, DepthLimitIsConfigurable) {
  EvalOptions options;
  options.maxDepth = 20;
  std::string nested = std::string(30, '[') + "1" + std::string(30, ']');
  EXPECT_EQ(run(nested, std::nullopt, {}, options), "U1001@0");
  options.maxDepth = 100;
  EXPECT_EQ(run(nested, std::nullopt, {}, options),
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
}

} // namespace
} // namespace asl::eval::jsonata
