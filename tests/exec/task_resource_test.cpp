// The resourceType / resource pairs of TaskScheduled and the other task events.
#include "runtime/exec/task_resource.h"

#include <gtest/gtest.h>

namespace asl::exec {
namespace {

std::string split(std::string_view arn) {
  TaskResourceParts p = splitTaskResource(arn);
  return p.type + " | " + p.resource;
}

TEST(TaskResourceTest, IntegrationsSplitIntoServiceAndAction) {
  EXPECT_EQ(split("arn:aws:states:::lambda:invoke"), "lambda | invoke");
  EXPECT_EQ(split("arn:aws:states:::sqs:sendMessage"), "sqs | sendMessage");
  EXPECT_EQ(split("arn:aws:states:::sns:publish.waitForTaskToken"),
            "sns | publish.waitForTaskToken");
  EXPECT_EQ(split("arn:aws:states:::states:startExecution.sync:2"),
            "states | startExecution.sync:2");
  EXPECT_EQ(split("arn:aws:states:::aws-sdk:s3:listBuckets"), "aws-sdk:s3 | listBuckets");
}

TEST(TaskResourceTest, OtherResourcesKeepTheirArn) {
  EXPECT_EQ(split("arn:aws:states:us-east-1:123456789012:activity:review"),
            "states | arn:aws:states:us-east-1:123456789012:activity:review");
  EXPECT_EQ(split("arn:aws:ecs:us-east-1:1:task/x"), "ecs | arn:aws:ecs:us-east-1:1:task/x");
  EXPECT_EQ(split("not-an-arn"), "states | not-an-arn");
}

} // namespace
} // namespace asl::exec
