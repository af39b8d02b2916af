// arn:aws:states:::sns:publish over the SNS query protocol (Action=Publish, XML answers),
// against AWS or any server that speaks it.
#pragma once

#include "asl/adapter.h"
#include "runtime/adapters/aws/aws_client.h"

namespace asl::adapters {

class SnsAwsAdapter final : public Adapter {
public:
  explicit SnsAwsAdapter(aws::AwsClient client) : client_(std::move(client)) {}

  std::string_view name() const override { return "sns (aws)"; }
  bool serves(std::string_view resource) const override;
  /// The result as Step Functions gives it: MessageId, SdkHttpMetadata, SdkResponseMetadata,
  /// SequenceNumber (FIFO topics).
  TaskResult invoke(const TaskCall& call) override;

private:
  aws::AwsClient client_;
};

} // namespace asl::adapters
