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

// base test_wait test_base_wait_seconds_path_{1.5,-1.5,-1}
TEST(AwsMessageTest, SecondsPathNotALong) {
  Value input = json(R"({"input":{"waitSeconds":1.5}})");
  ExecError e = errorOf(readSecondsPath(path("$.input.waitSeconds"), rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(
      e.cause,
      "The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5");
  input = json(R"({"input":{"waitSeconds":-1.5}})");
  EXPECT_EQ(errorOf(readSecondsPath(path("$.input.waitSeconds"), rootsOf(input))).cause,
            "The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == "
            "-1.5");
}

TEST(AwsMessageTest, SecondsPathNegative) {
  Value input = json(R"({"input":{"waitSeconds":-1}})");
  ExecError e = errorOf(readSecondsPath(path("$.input.waitSeconds"), rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause,
            "The SecondsPath parameter references a negative value: $.input.waitSeconds == -1");
}

TEST(AwsMessageTest, SecondsPathValidAndMissing) {
  Value input = json(R"({"s":0})");
  ExecResult<int64_t> ok = readSecondsPath(path("$.s"), rootsOf(input));
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 0);
  // Not recorded: a missing SecondsPath is worded like the other path fields.
  EXPECT_EQ(errorOf(readSecondsPath(path("$.t"), rootsOf(input))).cause,
            "The JSONPath '$.t' specified for the field 'SecondsPath' could not be found in the "
            "input '{\"s\":0}'");
}

// scenarios test_wait_timestamp_path_{INVALID_DATE,INVALID_TIME,NO_T}
TEST(AwsMessageTest, TimestampPathInvalid) {
  const char* values[] = {"2016-13-05T21:29:29Z", "2016-12-05T25:29:29Z", "2016-12-05 21:29:29Z"};
  for (const char* v : values) {
    ExecError e = timestampPathInvalid(path("$.TimestampValue"), Value::string(v));
    EXPECT_EQ(e.error, "States.Runtime");
    EXPECT_EQ(e.cause, std::string("The TimestampPath parameter does not reference a valid "
                                   "ISO-8601 extended offset date-time format string: "
                                   "$.TimestampValue == ") +
                           v);
  }
}

// scenarios test_max_concurrency_path_{NoNumber,max_concurrency_value0}
TEST(AwsMessageTest, MaxConcurrencyPathNotAnInteger) {
  Value input = json(R"({"MaxConcurrencyValue":"NoNumber","Values":["HelloWorld"]})");
  ExecError e = errorOf(readMaxConcurrencyPath(path("$.MaxConcurrencyValue"), rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a "
                     "valid integer: $.MaxConcurrencyValue");
  input = json(R"({"MaxConcurrencyValue":{},"Values":["HelloWorld"]})");
  EXPECT_EQ(errorOf(readMaxConcurrencyPath(path("$.MaxConcurrencyValue"), rootsOf(input))).cause,
            "The MaxConcurrencyPath field refers to value \"{}\" which is not a valid integer: "
            "$.MaxConcurrencyValue");
}

// scenarios test_max_concurrency_path_0 succeeds
TEST(AwsMessageTest, MaxConcurrencyPathZero) {
  Value input = json(R"({"MaxConcurrencyValue":0})");
  ExecResult<int64_t> v = readMaxConcurrencyPath(path("$.MaxConcurrencyValue"), rootsOf(input));
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, 0);
}

// scenarios test_map_state_tolerated_failure_count_path_{NoNumber,value0,-1,0,1}
TEST(AwsMessageTest, ToleratedFailureCountPath) {
  Path p = path("$.ToleratedFailureCount");
  Value input = json(R"({"ToleratedFailureCount":"NoNumber"})");
  ExecError e = errorOf(readToleratedFailureCountPath(p, rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The ToleratedFailureCountPath field refers to value \"NoNumber\" which is "
                     "not a valid integer: $.ToleratedFailureCount");
  input = json(R"({"ToleratedFailureCount":{}})");
  EXPECT_EQ(errorOf(readToleratedFailureCountPath(p, rootsOf(input))).cause,
            "The ToleratedFailureCountPath field refers to value \"{}\" which is not a valid "
            "integer: $.ToleratedFailureCount");
  input = json(R"({"ToleratedFailureCount":-1})");
  EXPECT_EQ(errorOf(readToleratedFailureCountPath(p, rootsOf(input))).cause,
            "ToleratedFailureCount cannot be negative.");
  input = json(R"({"ToleratedFailureCount":1})");
  ExecResult<int64_t> one = readToleratedFailureCountPath(p, rootsOf(input));
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, 1);
}

// scenarios test_map_state_tolerated_failure_percentage_path_{value0,-1,100.1,0,1.1}
TEST(AwsMessageTest, ToleratedFailurePercentagePath) {
  Path p = path("$.ToleratedFailurePercentage");
  Value input = json(R"({"ToleratedFailurePercentage":{}})");
  ExecError e = errorOf(readToleratedFailurePercentagePath(p, rootsOf(input)));
  EXPECT_EQ(e.error, "States.Runtime");
  EXPECT_EQ(e.cause, "The ToleratedFailurePercentagePath field refers to value \"{}\" which is "
                     "not a valid float: $.ToleratedFailurePercentage");
  for (const char* bad :
       {R"({"ToleratedFailurePercentage":-1})", R"({"ToleratedFailurePercentage":100.1})"}) {
    input = json(bad);
    EXPECT_EQ(errorOf(readToleratedFailurePercentagePath(p, rootsOf(input))).cause,
              "ToleratedFailurePercentage must be between 0 and 100.");
  }
  input = json(R"({"ToleratedFailurePercentage":1.1})");
  ExecResult<double> ok = readToleratedFailurePercentagePath(p, rootsOf(input));
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 1.1);
}

TEST(AwsMessageTest, NumericFieldMissesAreWordedAsPathFields) {
  Value input = json("{}");
  EXPECT_EQ(errorOf(readMaxConcurrencyPath(path("$.m"), rootsOf(input))).cause,
            "The JSONPath '$.m' specified for the field 'MaxConcurrencyPath' could not be found "
            "in the input '{}'");
  EXPECT_FALSE(readToleratedFailureCountPath(path("$.m"), rootsOf(input)));
  EXPECT_FALSE(readToleratedFailurePercentagePath(path("$.m"), rootsOf(input)));
}

} // namespace
} // namespace asl::eval
