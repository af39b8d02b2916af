// Task states: the Resource ARN forms accepted and rejected, what Express machines forbid,
// Credentials, and TimeoutSeconds/HeartbeatSeconds.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::expressOptions;
using test::lines;
using test::Lines;

// A Task "T" on line 4 whose Resource value starts at column 31.
std::string taskWithResource(const std::string& resource) {
  return "{\n\"StartAt\": \"T\",\n\"States\": {\n\"T\": {\"Type\": \"Task\", \"Resource\": \"" +
         resource + "\", \"End\": true}\n}\n}";
}

// A Task "T" on line 4 with `fields` after its Resource.
std::string task(const std::string& fields, const std::string& language = "JSONPath") {
  return "{\n\"StartAt\": \"T\",\n\"States\": {\n\"T\": {\"Type\": \"Task\", \"Resource\": "
         "\"arn:aws:states:::lambda:invoke\", \"End\": true,\n" +
         fields + ", \"QueryLanguage\": \"" + language + "\"}\n}\n}";
}

TEST(TaskRulesTest, AcceptedResourceForms) {
  for (std::string arn : {
           "arn:aws:lambda:us-east-1:123456789012:function:my-function",
           "arn:aws:lambda:us-east-1:123456789012:function:my_function:1",
           "arn:aws:lambda:us-east-1:123456789012:function:f:prod",
           "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST",
           "arn:aws-cn:lambda:cn-north-1:123456789012:function:f",
           "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
           "arn:aws:states:us-east-1:123456789012:activity:my-activity",
           "arn:aws:states:::lambda:invoke",
           "arn:aws:states:::lambda:invoke.waitForTaskToken",
           "arn:aws:states:::ecs:runTask.sync",
           "arn:aws:states:::states:startExecution.sync:2",
           "arn:aws:states:::aws-sdk:s3:listBuckets",
           "arn:aws:states:::aws-sdk:dynamodb:getItem",
           "arn:aws:states:::http:invoke",
       }) {
    EXPECT_EQ(diagnose(taskWithResource(arn)), lines()) << arn;
  }
}

TEST(TaskRulesTest, RejectedResourceFormsSayWhy) {
  struct Case {
    const char* arn;
    const char* problem;
  };
  const Case cases[] = {
      {"my-function", "is not an ARN (arn:partition:service:region:account:resource)"},
      {"arn:aws:lambda", "is not an ARN (arn:partition:service:region:account:resource)"},
      {"arn:gcp:lambda:us-east-1:123456789012:function:f", "has an unknown partition 'gcp'"},
      {"arn:aws:lambda:us-east-1::function:f", "needs a region and a numeric account ID"},
      {"arn:aws:lambda:us-east-1:12345678901x:function:f",
       "needs a region and a numeric account ID"},
      {"arn:aws:lambda:us-east-1:123456789012:function:my.function",
       "has an invalid Lambda function name 'my.function'"},
      {"arn:aws:lambda:us-east-1:123456789012:function:f:v#1",
       "has an invalid Lambda version or alias 'v#1' (a number, $LATEST or an alias name)"},
      {"arn:aws:states:::Lambda:invoke",
       "is not a service integration ARN such as 'arn:aws:states:::lambda:invoke'"},
      {"arn:aws:states:::lambda",
       "is not a service integration ARN such as 'arn:aws:states:::lambda:invoke'"},
      {"arn:aws:sqs:us-east-1:123456789012:queue",
       "is not a resource a Task can run: expected a Lambda function, an activity or an "
       "'arn:aws:states:::' service "
       "integration"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(diagnose(taskWithResource(c.arn)),
              lines("4:35 error INVALID_RESOURCE /States/T/Resource: Resource '" +
                    std::string(c.arn) + "' " + c.problem))
        << c.arn;
  }
}

TEST(TaskRulesTest, UnsubstitutedPlaceholderIsExplained) {
  EXPECT_EQ(diagnose(taskWithResource("${MyFunctionArn}")),
            lines("4:35 error INVALID_RESOURCE /States/T/Resource: Resource '${MyFunctionArn}' is "
                  "not an ARN "
                  "(arn:partition:service:region:account:resource); substitute "
                  "DefinitionSubstitutions placeholders "
                  "before validating"));
}

TEST(TaskRulesTest, ResourceMustBeAString) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "T",
"States": {
"T": {"Type": "Task", "Resource": {"arn": "x"}, "End": true}
}
})"),
            lines("4:35 error FIELD_TYPE /States/T/Resource: Resource must be a string (an ARN), "
                  "not object"));
}

TEST(TaskRulesTest, ExpressRejectsActivities) {
  EXPECT_EQ(diagnose(taskWithResource("arn:aws:states:us-east-1:123456789012:activity:a"),
                     expressOptions()),
            lines("4:35 error EXPRESS_UNSUPPORTED /States/T/Resource: Express state machines do "
                  "not support activities"));
}

TEST(TaskRulesTest, ExpressRejectsSyncAndCallbackPatterns) {
  EXPECT_EQ(diagnose(taskWithResource("arn:aws:states:::ecs:runTask.sync"), expressOptions()),
            lines("4:35 error EXPRESS_UNSUPPORTED /States/T/Resource: Express state machines do "
                  "not support the "
                  "'.sync' integration pattern"));
  EXPECT_EQ(
      diagnose(taskWithResource("arn:aws:states:::states:startExecution.sync:2"), expressOptions()),
      lines("4:35 error EXPRESS_UNSUPPORTED /States/T/Resource: Express state machines do not "
            "support the "
            "'.sync' integration pattern"));
  EXPECT_EQ(diagnose(taskWithResource("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
                     expressOptions()),
            lines("4:35 error EXPRESS_UNSUPPORTED /States/T/Resource: Express state machines do "
                  "not support the "
                  "'.waitForTaskToken' integration pattern"));
}

TEST(TaskRulesTest, ExpressAcceptsRequestResponse) {
  EXPECT_EQ(diagnose(taskWithResource("arn:aws:states:::lambda:invoke"), expressOptions()),
            lines());
  EXPECT_EQ(diagnose(taskWithResource("arn:aws:lambda:us-east-1:123456789012:function:f"),
                     expressOptions()),
            lines());
}

TEST(TaskRulesTest, StandardAcceptsWhatExpressRejects) {
  EXPECT_EQ(diagnose(taskWithResource("arn:aws:states:::sqs:sendMessage.waitForTaskToken")),
            lines());
}

TEST(TaskRulesTest, CredentialsTakeRoleArn) {
  EXPECT_EQ(diagnose(task(R"("Credentials": {"RoleArn": "arn:aws:iam::123456789012:role/r"})")),
            lines());
  EXPECT_EQ(diagnose(task(R"("Credentials": {"RoleArn.$": "$.role"})")), lines());
  EXPECT_EQ(diagnose(task(R"("Credentials": {"RoleArn": "{% $states.input.role %}"})", "JSONata")),
            lines());
}

TEST(TaskRulesTest, CredentialsNeedRoleArn) {
  EXPECT_EQ(diagnose(task(R"("Credentials": {})")),
            lines("5:16 error MISSING_FIELD /States/T/Credentials: Credentials needs 'RoleArn'"));
}

TEST(TaskRulesTest, CredentialsAllowOnlyRoleArn) {
  EXPECT_EQ(diagnose(task(R"("Credentials": {"RoleArn": "r", "ExternalId": "x"})")),
            lines("5:33 error UNKNOWN_FIELD /States/T/Credentials/ExternalId: field 'ExternalId' "
                  "is not allowed in "
                  "Credentials (only 'RoleArn' or 'RoleArn.$')"));
  EXPECT_EQ(diagnose(task(R"("Credentials": {"RoleArn.$": "$.role"})", "JSONata")),
            lines("5:16 error MISSING_FIELD /States/T/Credentials: Credentials needs 'RoleArn'",
                  "5:17 error UNKNOWN_FIELD /States/T/Credentials/RoleArn.$: field 'RoleArn.$' is "
                  "not allowed in "
                  "Credentials (only 'RoleArn')"));
}

TEST(TaskRulesTest, CredentialsRoleArnMustBeAString) {
  EXPECT_EQ(diagnose(task(R"("Credentials": {"RoleArn": 1})")),
            lines("5:28 error FIELD_TYPE /States/T/Credentials/RoleArn: RoleArn must be a string"));
}

TEST(TaskRulesTest, CredentialsMustBeAnObject) {
  EXPECT_EQ(diagnose(task(R"("Credentials": "arn:aws:iam::123456789012:role/r")")),
            lines("5:16 error FIELD_TYPE /States/T/Credentials: Credentials must be an object, not "
                  "string"));
}

TEST(TaskRulesTest, TimeoutAndHeartbeatArePositiveIntegers) {
  EXPECT_EQ(diagnose(task(R"("TimeoutSeconds": 0)")),
            lines("5:19 error FIELD_VALUE /States/T/TimeoutSeconds: TimeoutSeconds must be an "
                  "integer from 1 to "
                  "99999999, not 0"));
  EXPECT_EQ(diagnose(task(R"("HeartbeatSeconds": 100000000)")),
            lines("5:21 error FIELD_VALUE /States/T/HeartbeatSeconds: HeartbeatSeconds must be an "
                  "integer from 1 to "
                  "99999999, not 100000000"));
  EXPECT_EQ(diagnose(task(R"("TimeoutSeconds": "60")")),
            lines("5:19 error FIELD_TYPE /States/T/TimeoutSeconds: TimeoutSeconds must be an "
                  "integer from 1 to 99999999"));
}

TEST(TaskRulesTest, JsonataTimeoutMayBeAnExpression) {
  EXPECT_EQ(diagnose(task(R"("TimeoutSeconds": "{% $states.input.t %}", "HeartbeatSeconds": 5)",
                          "JSONata")),
            lines());
  EXPECT_EQ(diagnose(task(R"("TimeoutSeconds": "60")", "JSONata")),
            lines("5:19 error FIELD_TYPE /States/T/TimeoutSeconds: TimeoutSeconds must be a number "
                  "or a {% %} JSONata "
                  "expression"));
}

// The conflict is reported at the "...Path" field, wherever it appears.
TEST(TaskRulesTest, TimeoutAndTimeoutPathExcludeEachOther) {
  EXPECT_EQ(
      diagnose(task(R"("TimeoutSeconds": 5, "TimeoutSecondsPath": "$.t")")),
      lines("5:22 error EXCLUSIVE_FIELDS /States/T/TimeoutSecondsPath: fields 'TimeoutSeconds' and "
            "'TimeoutSecondsPath' cannot both be set"));
  EXPECT_EQ(diagnose(task(R"("HeartbeatSecondsPath": "$.h", "HeartbeatSeconds": 5)")),
            lines("5:1 error EXCLUSIVE_FIELDS /States/T/HeartbeatSecondsPath: fields "
                  "'HeartbeatSeconds' and "
                  "'HeartbeatSecondsPath' cannot both be set"));
}

TEST(TaskRulesTest, HeartbeatMustBeBelowTimeout) {
  EXPECT_EQ(diagnose(task(R"("TimeoutSeconds": 10, "HeartbeatSeconds": 10)")),
            lines("5:43 error FIELD_VALUE /States/T/HeartbeatSeconds: HeartbeatSeconds (10) must "
                  "be smaller than "
                  "TimeoutSeconds (10)"));
  EXPECT_EQ(diagnose(task(R"("TimeoutSeconds": 10, "HeartbeatSeconds": 9)")), lines());
}

} // namespace
} // namespace asl::front
