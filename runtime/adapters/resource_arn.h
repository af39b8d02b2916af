// The Task resources adapters serve, read from their ARNs: service integrations
// (arn:aws:states:::sqs:sendMessage[.waitForTaskToken]) and Lambda function ARNs
// (arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]).
#pragma once

#include <optional>
#include <string_view>

namespace asl::adapters {

/// arn:<partition>:states:::<service>:<action>[.<pattern>]
struct IntegrationArn {
  std::string_view partition;
  std::string_view service; ///< "sqs", "sns", "lambda", ...
  std::string_view action;  ///< "sendMessage", "publish", "invoke"
  std::string_view pattern; ///< "", "sync", "waitForTaskToken"
};

std::optional<IntegrationArn> parseIntegrationArn(std::string_view resource);

/// arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]
struct LambdaFunctionArn {
  std::string_view partition;
  std::string_view region;
  std::string_view account;
  std::string_view name;
  std::string_view qualifier; ///< "" when absent
};

std::optional<LambdaFunctionArn> parseLambdaFunctionArn(std::string_view resource);

} // namespace asl::adapters
