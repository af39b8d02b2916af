// Lambda invocations over the Invoke REST API (POST /2015-03-31/functions/{name}/invocations),
// to AWS or any server that speaks it.
#pragma once

#include "runtime/adapters/aws/aws_client.h"
#include "runtime/adapters/lambda/lambda_backend.h"

namespace asl::adapters {

class LambdaAwsBackend final : public LambdaBackend {
public:
  explicit LambdaAwsBackend(aws::AwsClient client) : client_(std::move(client)) {}
  /// Service errors become Lambda.<Exception> (Lambda.ResourceNotFoundException, ...),
  /// transport faults Lambda.SdkClientException or Lambda.ClientExecutionTimeoutException.
  Result<LambdaResponse, TaskError> invoke(const LambdaRequest& request) override;

private:
  aws::AwsClient client_;
};

} // namespace asl::adapters
