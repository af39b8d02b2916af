// Retry and Catch: ErrorEquals, where States.ALL may appear, retrier ranges, catcher fields per
// query language, and the unbounded-retry and catch-all warnings.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::lines;
using test::Lines;

// A Task "T" (line 4) whose Retry/Catch entries start on line 5; with Catch, "H" handles errors.
std::string task(const std::string& field, const std::string& entries,
                 const std::string& language = "JSONPath") {
  return "{\n\"StartAt\": \"T\",\n\"States\": {\n\"T\": {\"Type\": \"Task\", \"QueryLanguage\": "
         "\"" +
         language + "\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, \"" +
         field + "\": [\n" + entries + "\n]}" +
         (field == "Catch" ? ",\n\"H\": {\"Type\": \"Succeed\"}" : "") + "\n}\n}";
}
std::string retry(const std::string& entries) {
  return task("Retry", entries);
}
std::string catchers(const std::string& entries, const std::string& language = "JSONPath") {
  return task("Catch", entries, language);
}

TEST(RetryRulesTest, CorrectRetriersPass) {
  EXPECT_EQ(
      diagnose(retry(
          R"({"ErrorEquals": ["States.Timeout", "Lambda.ServiceException"], "IntervalSeconds": 2,
 "MaxAttempts": 0, "BackoffRate": 1.0, "MaxDelaySeconds": 31622400, "JitterStrategy": "FULL", "Comment": "c"},
{"ErrorEquals": ["States.ALL"], "JitterStrategy": "NONE"})")),
      lines());
}

TEST(RetryRulesTest, ErrorEqualsIsRequired) {
  EXPECT_EQ(diagnose(retry(R"({"MaxAttempts": 2})")),
            lines("5:1 error MISSING_FIELD /States/T/Retry/0: a retrier needs 'ErrorEquals'"));
}

TEST(RetryRulesTest, ErrorEqualsMustBeANonEmptyArrayOfStrings) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": "States.ALL"})")),
            lines("5:17 error FIELD_TYPE /States/T/Retry/0/ErrorEquals: ErrorEquals must be an "
                  "array of error names"));
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": []})")),
            lines("5:17 error INVALID_ERROR_EQUALS /States/T/Retry/0/ErrorEquals: ErrorEquals must "
                  "name at least one error"));
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E", 5]})")),
            lines("5:23 error FIELD_TYPE /States/T/Retry/0/ErrorEquals/1: error names in "
                  "ErrorEquals must be strings"));
}

TEST(RetryRulesTest, StatesAllMustBeAlone) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["States.ALL", "States.Timeout"]})")),
            lines("5:17 error INVALID_ERROR_EQUALS /States/T/Retry/0/ErrorEquals: States.ALL must "
                  "appear alone in ErrorEquals"));
}

TEST(RetryRulesTest, StatesAllMustBeLast) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["States.ALL"]},
{"ErrorEquals": ["States.Timeout"]})")),
            lines("5:1 error INVALID_ERROR_EQUALS /States/T/Retry/0: a retrier matching States.ALL "
                  "must be the last one"));
}

TEST(RetryRulesTest, IntervalSecondsRange) {
  for (std::string bad : {"0", "1.5", "100000000"})
    EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "IntervalSeconds": )" + bad + "}")),
              lines("5:43 error FIELD_VALUE /States/T/Retry/0/IntervalSeconds: IntervalSeconds "
                    "must be an integer "
                    "from 1 to 99999999"))
        << bad;
  EXPECT_EQ(diagnose(retry(
                R"({"ErrorEquals": ["E"], "IntervalSeconds": 99999999, "MaxDelaySeconds": 10})")),
            lines());
}

TEST(RetryRulesTest, MaxAttemptsRange) {
  for (std::string bad : {"-1", "2.5", "100000000"})
    EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "MaxAttempts": )" + bad + "}")),
              lines("5:39 error FIELD_VALUE /States/T/Retry/0/MaxAttempts: MaxAttempts must be an "
                    "integer from 0 to 99999999"))
        << bad;
}

TEST(RetryRulesTest, BackoffRateIsAtLeastOne) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "BackoffRate": 0.5})")),
            lines("5:39 error FIELD_VALUE /States/T/Retry/0/BackoffRate: BackoffRate must be a "
                  "number of at least 1.0"));
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "BackoffRate": 1.5})")), lines());
}

TEST(RetryRulesTest, MaxDelaySecondsRange) {
  for (std::string bad : {"0", "31622401", "1.5"})
    EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "MaxDelaySeconds": )" + bad + "}")),
              lines("5:43 error FIELD_VALUE /States/T/Retry/0/MaxDelaySeconds: MaxDelaySeconds "
                    "must be an integer from 1 "
                    "to 31622400"))
        << bad;
}

TEST(RetryRulesTest, JitterStrategyIsFullOrNone) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "JitterStrategy": "PARTIAL"})")),
            lines("5:42 error FIELD_VALUE /States/T/Retry/0/JitterStrategy: JitterStrategy must be "
                  "'FULL' or 'NONE'"));
}

TEST(RetryRulesTest, UnknownFieldInARetrier) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "Next": "H"})")),
            lines("5:24 error UNKNOWN_FIELD /States/T/Retry/0/Next: field 'Next' is not allowed in "
                  "a retrier"));
}

TEST(RetryRulesTest, RetrierMustBeAnObject) {
  EXPECT_EQ(diagnose(retry(R"("States.ALL")")),
            lines("5:1 error FIELD_TYPE /States/T/Retry/0: a retrier must be an object"));
}

// IntervalSeconds "5" has the wrong JSON type; elsewhere (TimeoutSeconds, Seconds) that is
// FIELD_TYPE.
TEST(RetryRulesTest, IntervalSecondsOfTheWrongTypeIsFieldType) {
  Lines found = diagnose(retry(R"({"ErrorEquals": ["E"], "IntervalSeconds": "5"})"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, found[0].find(':', 5)),
            "5:43 error FIELD_TYPE /States/T/Retry/0/IntervalSeconds");
}

TEST(RetryRulesTest, LongUncappedBackoffWarnsUnboundedRetry) {
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "MaxAttempts": 20, "BackoffRate": 2})")),
            lines("5:1 warning UNBOUNDED_RETRY /States/T/Retry/0: this retrier can wait more than "
                  "a day in total "
                  "(BackoffRate 2.00, MaxAttempts 20); set MaxDelaySeconds to cap each wait"));
  EXPECT_EQ(
      diagnose(retry(
          R"({"ErrorEquals": ["E"], "MaxAttempts": 20, "BackoffRate": 2, "MaxDelaySeconds": 60})")),
      lines());
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "MaxAttempts": 20, "BackoffRate": 1})")),
            lines());
  EXPECT_EQ(diagnose(retry(R"({"ErrorEquals": ["E"], "MaxAttempts": 10, "BackoffRate": 2})")),
            lines());
}

TEST(CatchRulesTest, CorrectCatchersPass) {
  EXPECT_EQ(
      diagnose(catchers(
          R"({"ErrorEquals": ["States.Timeout"], "Next": "H", "ResultPath": "$.error", "Comment": "c"},
{"ErrorEquals": ["States.ALL"], "Next": "H", "ResultPath": null, "Assign": {"failed": true}})")),
      lines());
}

TEST(CatchRulesTest, CatcherNeedsNext) {
  EXPECT_EQ(diagnose(catchers(R"({"ErrorEquals": ["E"]},
{"ErrorEquals": ["F"], "Next": "H"})")),
            lines("5:1 error MISSING_FIELD /States/T/Catch/0: a catcher needs 'Next'"));
}

TEST(CatchRulesTest, CatcherNextMustBeAString) {
  EXPECT_EQ(
      diagnose(catchers(R"({"ErrorEquals": ["E"], "Next": ["H"]})")),
      lines("5:32 error FIELD_TYPE /States/T/Catch/0/Next: Next must be a string naming a state",
            "7:1 error UNREACHABLE_STATE /States/H: state 'H' is not reachable from StartAt"));
}

TEST(CatchRulesTest, StatesAllMustBeAloneAndLast) {
  EXPECT_EQ(diagnose(catchers(R"({"ErrorEquals": ["States.ALL"], "Next": "H"},
{"ErrorEquals": ["E", "States.ALL"], "Next": "H"})")),
            lines("5:1 error INVALID_ERROR_EQUALS /States/T/Catch/0: a catcher matching States.ALL "
                  "must be the last one",
                  "6:17 error INVALID_ERROR_EQUALS /States/T/Catch/1/ErrorEquals: States.ALL must "
                  "appear alone in ErrorEquals"));
}

TEST(CatchRulesTest, ErrorEqualsIsRequired) {
  EXPECT_EQ(diagnose(catchers(R"({"Next": "H"})")),
            lines("5:1 error MISSING_FIELD /States/T/Catch/0: a catcher needs 'ErrorEquals'"));
}

TEST(CatchRulesTest, ResultPathMustBeAReferencePath) {
  EXPECT_EQ(diagnose(catchers(R"({"ErrorEquals": ["E"], "Next": "H", "ResultPath": 1})")),
            lines("5:51 error FIELD_TYPE /States/T/Catch/0/ResultPath: ResultPath must be a "
                  "Reference Path string or null"));
}

TEST(CatchRulesTest, OutputIsAJsonataCatcherField) {
  EXPECT_EQ(diagnose(catchers(R"({"ErrorEquals": ["E"], "Next": "H", "Output": {}})")),
            lines("5:37 error QUERY_LANGUAGE_FIELD /States/T/Catch/0/Output: 'Output' in a catcher "
                  "belongs to JSONata "
                  "states; this state uses JSONPath"));
}

TEST(CatchRulesTest, ResultPathIsAJsonPathCatcherField) {
  EXPECT_EQ(
      diagnose(catchers(R"({"ErrorEquals": ["E"], "Next": "H", "ResultPath": "$.e"})", "JSONata")),
      lines("5:37 error QUERY_LANGUAGE_FIELD /States/T/Catch/0/ResultPath: 'ResultPath' in a "
            "catcher belongs to "
            "JSONPath states; this state uses JSONata"));
}

TEST(CatchRulesTest, JsonataCatcherTakesOutputAndAssign) {
  EXPECT_EQ(
      diagnose(catchers(
          R"({"ErrorEquals": ["E"], "Next": "H", "Output": "{% $states.errorOutput %}", "Assign": {"e": "{% $states.errorOutput.Error %}"}})",
          "JSONata")),
      lines());
}

TEST(CatchRulesTest, UnknownFieldInACatcher) {
  EXPECT_EQ(diagnose(catchers(R"({"ErrorEquals": ["E"], "Next": "H", "MaxAttempts": 1})")),
            lines("5:37 error UNKNOWN_FIELD /States/T/Catch/0/MaxAttempts: field 'MaxAttempts' is "
                  "not allowed in a catcher"));
}

TEST(CatchRulesTest, LoneCatchAllWarnsThatRuntimeErrorsEscape) {
  EXPECT_EQ(diagnose(catchers(R"({"ErrorEquals": ["States.ALL"], "Next": "H"})")),
            lines("5:1 warning CATCH_ALL_HIDES_RUNTIME /States/T/Catch/0: this States.ALL catcher "
                  "does not catch "
                  "States.Runtime errors (such as a path that matches nothing) or "
                  "States.DataLimitExceeded: those "
                  "still fail the execution"));
}

TEST(CatchRulesTest, RetryAndCatchAreNotAllowedInPass) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "End": true, "Retry": []}
}
})"),
            lines("4:36 error UNKNOWN_FIELD /States/A/Retry: field 'Retry' is not allowed in a "
                  "Pass state (only in "
                  "Task, Parallel, Map)"));
}

} // namespace
} // namespace asl::front
