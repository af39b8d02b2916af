// How AWS names a Task state's resource in the execution history: an integration
// (`arn:aws:states:::lambda:invoke`) as its service and API action ("lambda", "invoke"), the
// action keeping its integration pattern (`startExecution.sync:2`); any other ARN whole, with
// the ARN's service as its type.
#pragma once

#include <string>
#include <string_view>

namespace asl::exec {

struct TaskResourceParts {
  std::string type;     ///< resourceType: "lambda", "sqs", "aws-sdk:s3", "states"...
  std::string resource; ///< resource: "invoke", "sendMessage.waitForTaskToken", or the ARN
};

TaskResourceParts splitTaskResource(std::string_view arn);

} // namespace asl::exec
