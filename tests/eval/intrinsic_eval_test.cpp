// evaluateIntrinsic itself: argument evaluation, nested calls, path errors, arity.
#include <gtest/gtest.h>

#include "tests/eval/intrinsic_test_support.h"

namespace asl::eval {
namespace {

using testing::eval;
using testing::show;

TEST(IntrinsicEvalTest, PassesLiteralArgumentsThroughWithTheirKinds) {
  EXPECT_EQ(show(eval("States.Array('s', -3, 2.5, 1e2, true, false, null)")),
            R"(["s",-3,2.5,100.0,true,false,null])");
}

TEST(IntrinsicEvalTest, ResolvesPathsThroughTheCallersResolver) {
  std::vector<std::string> asked;
  IntrinsicEnv env{[&](const Path& p) -> ExecResult<Value> {
                     asked.push_back(p.source);
                     return Value::integer(static_cast<int64_t>(asked.size()));
                   },
                   nullptr};
  ExecResult<Value> r =
      evaluateIntrinsic(testing::parseCall("States.Array($.a, $$.Execution.Id, $v.x)"), env);
  EXPECT_EQ(show(r), "[1,2,3]");
  EXPECT_EQ(asked, (std::vector<std::string>{"$.a", "$$.Execution.Id", "$v.x"}));
}

TEST(IntrinsicEvalTest, EvaluatesNestedCallsInsideOut) {
  // The nine-deep example of the AWS developer guide, with an ARN in the input.
  const char* input =
      R"({"ImageRecipe":{"Arn":"arn:aws:imagebuilder:us-east-1:123:image-recipe/my-recipe.v1/1.0.0"}})";
  EXPECT_EQ(
      show(eval("States.Format('{}.{}', "
                "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit("
                "$.ImageRecipe.Arn, '/'), 2), '.'), 0), "
                "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit("
                "$.ImageRecipe.Arn, '/'), 2), '.'), 1))",
                input)),
      R"("1.0")");
  EXPECT_EQ(show(eval("States.MathAdd(States.ArrayLength(States.Array(1, 2, 3)), -1)")), "2");
}

TEST(IntrinsicEvalTest, StopsAtTheFirstPathErrorAndPassesItOn) {
  int calls = 0;
  IntrinsicEnv env{[&](const Path& p) -> ExecResult<Value> {
                     ++calls;
                     return raise(StateErrorId::Runtime, "missing " + p.source);
                   },
                   nullptr};
  EXPECT_EQ(show(evaluateIntrinsic(testing::parseCall("States.Array($.a, $.b)"), env)),
            "ERROR States.Runtime: missing $.a");
  EXPECT_EQ(calls, 1);
}

TEST(IntrinsicEvalTest, PassesOnAnErrorFromANestedCall) {
  EXPECT_EQ(show(eval("States.Array(States.ArrayGetItem(States.Array(), 0))")),
            "ERROR States.IntrinsicFailure: States.ArrayGetItem: the index 0 is out of bounds "
            "for an array of 0 items");
}

TEST(IntrinsicEvalTest, ReportsAPathArgumentWithoutAResolver) {
  EXPECT_EQ(show(evaluateIntrinsic(testing::parseCall("States.Array($.a)"), IntrinsicEnv{})),
            "ERROR States.Runtime: no path resolver for the path $.a");
}

TEST(IntrinsicEvalTest, RejectsTreesWhoseArityTheParserWouldHaveRefused) {
  IntrinsicCall call = testing::parseCall("States.ArrayLength($.a)");
  call.args.push_back(call.args.front());
  EXPECT_EQ(show(evaluateIntrinsic(call, IntrinsicEnv{})),
            "ERROR States.IntrinsicFailure: States.ArrayLength: expected 1 argument, got 2");
  IntrinsicCall noArgs = testing::parseCall("States.MathRandom(1, 2)");
  noArgs.args.clear();
  EXPECT_EQ(show(evaluateIntrinsic(noArgs, IntrinsicEnv{})),
            "ERROR States.IntrinsicFailure: States.MathRandom: expected 2 to 3 arguments, got 0");
  IntrinsicCall format = testing::parseCall("States.Format('x')");
  format.args.clear();
  EXPECT_EQ(show(evaluateIntrinsic(format, IntrinsicEnv{})),
            "ERROR States.IntrinsicFailure: States.Format: expected at least 1 argument, got 0");
  IntrinsicCall uuid = testing::parseCall("States.UUID()");
  uuid.args.push_back(IntrinsicArg{});
  EXPECT_EQ(show(evaluateIntrinsic(uuid, IntrinsicEnv{})),
            "ERROR States.IntrinsicFailure: States.UUID: expected 0 arguments, got 1");
}

TEST(IntrinsicEvalTest, RejectsANestedCallArgumentWithoutItsCall) {
  IntrinsicCall call = testing::parseCall("States.Array(States.UUID())");
  call.args[0].call.clear();
  EXPECT_EQ(show(evaluateIntrinsic(call, IntrinsicEnv{})),
            "ERROR States.IntrinsicFailure: States.Array: a nested call argument holds no call");
}

} // namespace
} // namespace asl::eval
