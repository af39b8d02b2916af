// States.Array and the States.Array* functions: results and every failure.
#include <gtest/gtest.h>

#include "tests/eval/intrinsic_test_support.h"

namespace asl::eval {
namespace {

using testing::eval;
using testing::show;

struct Case {
  const char* call;
  const char* input;
  const char* expected; // compact JSON, or "ERROR name: cause"
};

class ArrayFunctionTest : public ::testing::TestWithParam<Case> {};

TEST_P(ArrayFunctionTest, GivesTheExpectedResult) {
  const Case& c = GetParam();
  EXPECT_EQ(show(eval(c.call, c.input)), c.expected) << c.call << " on " << c.input;
}

INSTANTIATE_TEST_SUITE_P(
    Results, ArrayFunctionTest,
    ::testing::Values(
        Case{"States.Array()", "{}", "[]"},
        Case{"States.Array('a', 1, 2.5, true, null)", "{}", R"(["a",1,2.5,true,null])"},
        Case{"States.Array($.o, $.a)", R"({"o":{"k":[1]},"a":[2]})", R"([{"k":[1]},[2]])"},
        Case{"States.ArrayPartition($.a, 2)", R"({"a":[1,2,3,4,5]})", "[[1,2],[3,4],[5]]"},
        Case{"States.ArrayPartition($.a, 5)", R"({"a":[1,2]})", "[[1,2]]"},
        Case{"States.ArrayPartition($.a, 1)", R"({"a":[]})", "[]"},
        Case{"States.ArrayPartition($.a, $.n)", R"({"a":[1,2,3],"n":2.0})", "[[1,2],[3]]"},
        Case{"States.ArrayContains($.a, 2)", R"({"a":[1,2,3]})", "true"},
        Case{"States.ArrayContains($.a, 2.0)", R"({"a":[1,2,3]})", "true"},
        Case{"States.ArrayContains($.a, '2')", R"({"a":[1,2,3]})", "false"},
        Case{"States.ArrayContains($.a, $.v)", R"({"a":[{"x":1,"y":[2]}],"v":{"y":[2],"x":1}})",
             "true"},
        Case{"States.ArrayContains($.a, $.v)", R"({"a":[[1,2]],"v":[2,1]})", "false"},
        Case{"States.ArrayContains($.a, null)", R"({"a":[null]})", "true"},
        Case{"States.ArrayRange(1, 9, 2)", "{}", "[1,3,5,7,9]"},
        Case{"States.ArrayRange(0, 10, 3)", "{}", "[0,3,6,9]"},
        Case{"States.ArrayRange(5, 5, 1)", "{}", "[5]"},
        Case{"States.ArrayRange(9, 1, -4)", "{}", "[9,5,1]"},
        Case{"States.ArrayRange(1, 9, -1)", "{}", "[]"},
        Case{"States.ArrayRange(9, 1, 1)", "{}", "[]"},
        Case{"States.ArrayRange(-9223372036854775808, 9223372036854775807, 4611686018427387904)",
             "{}", "[-9223372036854775808,-4611686018427387904,0,4611686018427387904]"},
        Case{"States.ArrayGetItem($.a, 0)", R"({"a":["x","y"]})", R"("x")"},
        Case{"States.ArrayGetItem($.a, 1)", R"({"a":["x",{"k":1}]})", R"({"k":1})"},
        Case{"States.ArrayLength($.a)", R"({"a":[1,[2,3],{}]})", "3"},
        Case{"States.ArrayLength($.a)", R"({"a":[]})", "0"},
        Case{"States.ArrayUnique($.a)",
             R"({"a":[1,2,1,"1",2.0,null,null,[1],[1],{"a":1,"b":2},{"b":2,"a":1}]})",
             R"([1,2,"1",null,[1],{"a":1,"b":2}])"},
        Case{"States.ArrayUnique($.a)", R"({"a":[]})", "[]"},
        Case{"States.ArrayUnique($.a)", R"({"a":[true,false,true,0,-0,0.0]})", "[true,false,0]"}));

INSTANTIATE_TEST_SUITE_P(
    Failures, ArrayFunctionTest,
    ::testing::Values(
        Case{"States.ArrayPartition($.a, 2)", R"({"a":"abc"})",
             "ERROR States.IntrinsicFailure: States.ArrayPartition: argument 1 must be an array, "
             "got a string"},
        Case{"States.ArrayPartition($.a, 0)", R"({"a":[1]})",
             "ERROR States.IntrinsicFailure: States.ArrayPartition: the chunk size must be a "
             "positive integer, got 0"},
        Case{"States.ArrayPartition($.a, -2)", R"({"a":[1]})",
             "ERROR States.IntrinsicFailure: States.ArrayPartition: the chunk size must be a "
             "positive integer, got -2"},
        Case{"States.ArrayPartition($.a, 1.5)", R"({"a":[1]})",
             "ERROR States.IntrinsicFailure: States.ArrayPartition: argument 2 must be an "
             "integer, got a number"},
        Case{"States.ArrayPartition($.a, $.n)", R"({"a":[1],"n":"2"})",
             "ERROR States.IntrinsicFailure: States.ArrayPartition: argument 2 must be an "
             "integer, got a string"},
        Case{"States.ArrayContains($.a, 1)", R"({"a":{"k":1}})",
             "ERROR States.IntrinsicFailure: States.ArrayContains: argument 1 must be an array, "
             "got a JSON object"},
        Case{"States.ArrayRange(1, 9, 0)", "{}",
             "ERROR States.IntrinsicFailure: States.ArrayRange: the step (argument 3) must not "
             "be 0"},
        Case{"States.ArrayRange(0, 1000, 1)", "{}",
             "ERROR States.IntrinsicFailure: States.ArrayRange: the range would hold more than "
             "1000 items"},
        Case{"States.ArrayRange(-9223372036854775808, 9223372036854775807, 1)", "{}",
             "ERROR States.IntrinsicFailure: States.ArrayRange: the range would hold more than "
             "1000 items"},
        Case{"States.ArrayRange(1.5, 9, 1)", "{}",
             "ERROR States.IntrinsicFailure: States.ArrayRange: argument 1 must be an integer, "
             "got a number"},
        Case{"States.ArrayRange(1, $.b, 1)", R"({"b":true})",
             "ERROR States.IntrinsicFailure: States.ArrayRange: argument 2 must be an integer, "
             "got a boolean"},
        Case{"States.ArrayRange(1, 9, $.s)", R"({"s":null})",
             "ERROR States.IntrinsicFailure: States.ArrayRange: argument 3 must be an integer, "
             "got null"},
        Case{"States.ArrayGetItem($.a, 2)", R"({"a":[1,2]})",
             "ERROR States.IntrinsicFailure: States.ArrayGetItem: the index 2 is out of bounds "
             "for an array of 2 items"},
        Case{"States.ArrayGetItem($.a, -1)", R"({"a":[1,2]})",
             "ERROR States.IntrinsicFailure: States.ArrayGetItem: the index -1 is out of bounds "
             "for an array of 2 items"},
        Case{"States.ArrayGetItem($.a, 0)", R"({"a":null})",
             "ERROR States.IntrinsicFailure: States.ArrayGetItem: argument 1 must be an array, "
             "got null"},
        Case{"States.ArrayGetItem($.a, 0.5)", R"({"a":[1]})",
             "ERROR States.IntrinsicFailure: States.ArrayGetItem: argument 2 must be an integer, "
             "got a number"},
        Case{"States.ArrayLength($.a)", R"({"a":"xyz"})",
             "ERROR States.IntrinsicFailure: States.ArrayLength: argument 1 must be an array, "
             "got a string"},
        Case{"States.ArrayUnique($.a)", R"({"a":7})",
             "ERROR States.IntrinsicFailure: States.ArrayUnique: argument 1 must be an array, "
             "got a number"}));

TEST(ArrayRangeTest, AllowsExactlyOneThousandItems) {
  ExecResult<Value> r = eval("States.ArrayRange(1, 1000, 1)");
  ASSERT_TRUE(r.ok()) << show(r);
  ASSERT_EQ(r->size(), 1000u);
  EXPECT_EQ(r->items().front().asInteger(), 1);
  EXPECT_EQ(r->items().back().asInteger(), 1000);
}

TEST(ArrayUniqueTest, KeepsFirstOccurrencesOfManyItemsInOrder) {
  std::vector<Value> items;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 5000; ++i)
      items.push_back(Value::integer(i));
  }
  testing::PathScope scope{Value::object({makeMember("a", Value::array(items))}), Value(), {}};
  IntrinsicEnv env{[&](const Path& p) { return testing::resolveDefinitePath(p, scope); }, nullptr};
  ExecResult<Value> r = evaluateIntrinsic(testing::parseCall("States.ArrayUnique($.a)"), env);
  ASSERT_TRUE(r.ok()) << show(r);
  ASSERT_EQ(r->size(), 5000u);
  for (size_t i = 0; i < 5000; ++i)
    EXPECT_EQ(r->items()[i].asInteger(), static_cast<int64_t>(i));
}

TEST(ArrayGetItemTest, ReturnsTheSharedItemWithoutCopying) {
  Value inner = testing::json(R"({"big":[1,2,3]})");
  testing::PathScope scope{Value::object({makeMember("a", Value::array({inner}))}), Value(), {}};
  IntrinsicEnv env{[&](const Path& p) { return testing::resolveDefinitePath(p, scope); }, nullptr};
  ExecResult<Value> r = evaluateIntrinsic(testing::parseCall("States.ArrayGetItem($.a, 0)"), env);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->payloadIdentity(), inner.payloadIdentity());
}

} // namespace
} // namespace asl::eval
