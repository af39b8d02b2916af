// One test per error cause AWS recorded for a JSONPath field, quoting the recorded text (the
// detail after "An error occurred while executing the state 'X' (entered at the event id #N). ").
#include <gtest/gtest.h>

#include <string>

#include "path_test_util.h"
#include "runtime/eval/path_fields.h"
#include "runtime/eval/result_path.h"

namespace asl::eval {
namespace {

using testing::json;
using testing::path;

template <class T> ExecError errorOf(const ExecResult<T>& r) {
  EXPECT_FALSE(r.ok());
  return r.ok() ? ExecError{} : r.error();
}

PathRoots rootsOf(const Value& input) {
  PathRoots roots;
  roots.input = &input;
  return roots;
}

// scenarios test_invalid_jsonpath ST.INVALID_JSONPATH_IN_INPUTPATH
TEST(AwsMessageTest, InputPathNoResults) {
  Value input = json(R"({"int-literal":0})");
  Path p = path("$.NoSuchInputPath");
  ExecError e = errorOf(applyInputPath(PathFieldRef{PathFieldMode::Path, &p}, rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause,
            "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
}

// scenarios test_invalid_jsonpath ST.INVALID_JSONPATH_IN_OUTPUTPATH
TEST(AwsMessageTest, OutputPathNoResults) {
  Value output = json(R"({"int-literal":0})");
  Path p = path("$.NoSuchOutputPath");
  ExecError e = errorOf(applyOutputPath(PathFieldRef{PathFieldMode::Path, &p}, rootsOf(output)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause,
            "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']");
}

// scenarios test_catch_states_runtime: a Task's OutputPath over its result {}
TEST(AwsMessageTest, OutputPathMissingProperty) {
  Value output = json("{}");
  Path p = path("$.no.such.result.path");
  ExecError e = errorOf(applyOutputPath(PathFieldRef{PathFieldMode::Path, &p}, rootsOf(output)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "Invalid path '$.no.such.result.path' : Missing property in path $['no']");
}

// scenarios test_invalid_jsonpath INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH
TEST(AwsMessageTest, PayloadFieldNotFound) {
  Value input = json(R"({"int-literal":0})");
  ExecError e = errorOf(selectForField("value.$", path("$.no_such_jsonpath"), rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could "
                     "not be found in the input '{\"int-literal\":0}'");
}

// scenarios test_invalid_jsonpath INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH
TEST(AwsMessageTest, PayloadFieldNotFoundInContext) {
  Value input = json(R"({"int-literal":0})");
  Value context = json(R"({"Execution":{"Input":{"int-literal":0}}})");
  PathRoots roots = rootsOf(input);
  roots.context = &context;
  ExecError e =
      errorOf(selectForField("value.$", path("$$.Execution.Input.no_such_jsonpath"), roots));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field "
                     "'value.$' could not be found in the input '{\"int-literal\":0}'");
}

// scenarios test_invalid_jsonpath INVALID_JSONPATH_IN_ERRORPATH: the Fail state's input is the
// previous Pass state's Parameters {"Error": "error-value"}
TEST(AwsMessageTest, ErrorPathNotFound) {
  Value input = json(R"({"Error":"error-value"})");
  ExecError e = errorOf(selectForField("ErrorPath", path("$.ErrorX"), rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be "
                     "found in the input '{\"Error\":\"error-value\"}'");
}

// scenarios test_invalid_jsonpath ST.INVALID_JSONPATH_IN_CAUSEPATH
TEST(AwsMessageTest, CausePathNotFound) {
  Value input = json(R"({"Error":"error-value"})");
  ExecError e = errorOf(selectForField("CausePath", path("$.NoSuchCausePath"), rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could "
                     "not be found in the input '{\"Error\":\"error-value\"}'");
}

TEST(AwsMessageTest, FieldFoundGivesTheSelection) {
  Value input = json(R"({"Error":"error-value"})");
  ExecResult<Value> v = selectForField("ErrorPath", path("$.Error"), rootsOf(input));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->asString(), "error-value");
}

} // namespace
} // namespace asl::eval
