// InputPath, OutputPath and ResultPath: defaults, null, paths, failures, and sharing.
#include <gtest/gtest.h>

#include <string>

#include "path_test_util.h"
#include "runtime/eval/result_path.h"

namespace asl::eval {
namespace {

using testing::json;
using testing::path;

PathFieldRef fieldOf(const Path& p) {
  return PathFieldRef{PathFieldMode::Path, &p};
}

std::string resultPath(const char* input, const char* result, const char* pathText) {
  Path p = path(pathText, lang::PathSyntaxKind::ReferencePath);
  ExecResult<Value> out = applyResultPath(json(input), json(result), fieldOf(p));
  if (!out) return out.error().error + ": " + out.error().cause;
  return toJson(*out);
}

TEST(ResultPathTest, AbsentReplacesTheInputWithTheResult) {
  ExecResult<Value> out = applyResultPath(json(R"({"a":1})"), json("[2]"), PathFieldRef{});
  ASSERT_TRUE(out);
  EXPECT_EQ(toJson(*out), "[2]");
}

TEST(ResultPathTest, NullDiscardsTheResult) {
  ExecResult<Value> out =
      applyResultPath(json(R"({"a":1})"), json("[2]"), PathFieldRef{PathFieldMode::Null});
  ASSERT_TRUE(out);
  EXPECT_EQ(toJson(*out), R"({"a":1})");
}

TEST(ResultPathTest, DollarReplacesTheInput) {
  EXPECT_EQ(resultPath(R"({"a":1})", "\"r\"", "$"), "\"r\"");
}

TEST(ResultPathTest, NewMemberIsAppended) {
  EXPECT_EQ(resultPath(R"({"a":1})", "\"r\"", "$.r"), R"({"a":1,"r":"r"})");
}

TEST(ResultPathTest, ExistingMemberIsReplacedInPlace) {
  EXPECT_EQ(resultPath(R"({"r":0,"x":1})", "\"r\"", "$.r"), R"({"r":"r","x":1})");
}

TEST(ResultPathTest, MissingIntermediateObjectsAreCreated) {
  EXPECT_EQ(resultPath(R"({"x":1})", "2", "$.a.b['c d']"), R"({"x":1,"a":{"b":{"c d":2}}})");
}

TEST(ResultPathTest, DeepMemberUnderExistingObjects) {
  EXPECT_EQ(resultPath(R"({"a":{"k":1}})", "2", "$.a.b"), R"({"a":{"k":1,"b":2}})");
}

TEST(ResultPathTest, ArrayItemIsReplaced) {
  EXPECT_EQ(resultPath(R"({"arr":[1,{"x":2}]})", "9", "$.arr[1].x"), R"({"arr":[1,{"x":9}]})");
  EXPECT_EQ(resultPath(R"({"arr":[1,2]})", "9", "$.arr[-1]"), R"({"arr":[1,9]})");
}

TEST(ResultPathTest, IndexPastTheEndCannotBePlaced) {
  EXPECT_EQ(resultPath(R"({"arr":[1]})", "9", "$.arr[1]"),
            "States.ResultPathMatchFailure: Unable to apply ResultPath '$.arr[1]' to input "
            "'{\"arr\":[1]}': cannot apply step [1] at $['arr']");
}

TEST(ResultPathTest, IndexIntoMissingMemberCannotBePlaced) {
  EXPECT_EQ(resultPath("{}", "9", "$.arr[0]"),
            "States.ResultPathMatchFailure: Unable to apply ResultPath '$.arr[0]' to input "
            "'{}': cannot apply step [0] at $['arr']");
}

TEST(ResultPathTest, MemberOfAScalarCannotBePlaced) {
  EXPECT_EQ(resultPath(R"({"a":5})", "9", "$.a.b"),
            "States.ResultPathMatchFailure: Unable to apply ResultPath '$.a.b' to input "
            "'{\"a\":5}': cannot apply step ['b'] at $['a']");
  EXPECT_EQ(resultPath("\"text\"", "9", "$.x"),
            "States.ResultPathMatchFailure: Unable to apply ResultPath '$.x' to input "
            "'\"text\"': cannot apply step ['x'] at $");
}

TEST(ResultPathTest, ContextRootCannotBeWritten) {
  EXPECT_EQ(resultPath("{}", "9", "$$.x"),
            "States.ResultPathMatchFailure: Unable to apply ResultPath '$$.x': a ResultPath "
            "must start at '$'");
}

TEST(ResultPathTest, OnlyTheSpineIsRebuilt) {
  Value input = json(R"({"big":{"payload":[1,2,3]},"list":[{"x":1},{"y":2}],
                         "a":{"keep":{"deep":true},"b":{"old":1}}})");
  std::string before = toJson(input);
  Path p = path("$.a.b.new", lang::PathSyntaxKind::ReferencePath);
  ExecResult<Value> out = applyResultPath(input, json("42"), fieldOf(p));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->find("big")->payloadIdentity(), input.find("big")->payloadIdentity());
  EXPECT_EQ(out->find("list")->payloadIdentity(), input.find("list")->payloadIdentity());
  EXPECT_EQ(out->find("a")->find("keep")->payloadIdentity(),
            input.find("a")->find("keep")->payloadIdentity());
  EXPECT_EQ(out->find("a")->find("b")->find("old")->asInteger(), 1);
  EXPECT_NE(out->find("a")->payloadIdentity(), input.find("a")->payloadIdentity());
  EXPECT_EQ(toJson(input), before); // the input itself is untouched
}

TEST(ResultPathTest, ResultIsPlacedWithoutCopying) {
  Value result = json(R"({"r":[1,2]})");
  Path p = path("$.x", lang::PathSyntaxKind::ReferencePath);
  ExecResult<Value> out = applyResultPath(json("{}"), result, fieldOf(p));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->find("x")->payloadIdentity(), result.payloadIdentity());
}

TEST(InputPathTest, AbsentKeepsTheInput) {
  Value input = json(R"({"a":1})");
  PathRoots roots;
  roots.input = &input;
  ExecResult<Value> out = applyInputPath(PathFieldRef{}, roots);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->payloadIdentity(), input.payloadIdentity());
  ExecResult<Value> none = applyInputPath(PathFieldRef{}, PathRoots{});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->isNull());
}

TEST(InputPathTest, NullGivesAnEmptyObject) {
  Value input = json(R"({"a":1})");
  PathRoots roots;
  roots.input = &input;
  ExecResult<Value> out = applyInputPath(PathFieldRef{PathFieldMode::Null}, roots);
  ASSERT_TRUE(out);
  EXPECT_EQ(toJson(*out), "{}");
}

TEST(InputPathTest, PathSelects) {
  Value input = json(R"({"a":{"b":[1,2]}})");
  PathRoots roots;
  roots.input = &input;
  Path p = path("$.a.b");
  ExecResult<Value> out = applyInputPath(fieldOf(p), roots);
  ASSERT_TRUE(out);
  EXPECT_EQ(toJson(*out), "[1,2]");
}

TEST(InputPathTest, IndefinitePathGivesAnArray) {
  Value input = json(R"({"a":[{"b":1},{"b":2}]})");
  PathRoots roots;
  roots.input = &input;
  Path p = path("$.a[*].b");
  ExecResult<Value> out = applyInputPath(fieldOf(p), roots);
  ASSERT_TRUE(out);
  EXPECT_EQ(toJson(*out), "[1,2]");
}

TEST(OutputPathTest, MissRaisesStatesRuntime) {
  Value output = json(R"({"a":1})");
  PathRoots roots;
  roots.input = &output;
  Path p = path("$.b");
  ExecResult<Value> out = applyOutputPath(fieldOf(p), roots);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().error, "States.Runtime");
  EXPECT_EQ(out.error().cause, "Invalid path '$.b' : No results for path: $['b']");
}

TEST(OutputPathTest, NullAndAbsent) {
  Value output = json("[1]");
  PathRoots roots;
  roots.input = &output;
  ExecResult<Value> absent = applyOutputPath(PathFieldRef{}, roots);
  ExecResult<Value> null = applyOutputPath(PathFieldRef{PathFieldMode::Null}, roots);
  ASSERT_TRUE(absent && null);
  EXPECT_EQ(toJson(*absent), "[1]");
  EXPECT_EQ(toJson(*null), "{}");
}

} // namespace
} // namespace asl::eval
