// arn:aws:states:::sqs:sendMessage over the SQS JSON 1.0 protocol (AmazonSQS.SendMessage),
// against AWS or any server that speaks it.
#pragma once

#include "asl/adapter.h"
#include "runtime/adapters/aws/aws_client.h"

namespace asl::adapters {

class SqsAwsAdapter final : public Adapter {
public:
  explicit SqsAwsAdapter(aws::AwsClient client) : client_(std::move(client)) {}

  std::string_view name() const override { return "sqs (aws)"; }
  bool serves(std::string_view resource) const override;
  /// The result as Step Functions gives it: MD5OfMessageAttributes (when attributes were
  /// sent), MD5OfMessageBody, MessageId, SdkHttpMetadata, SdkResponseMetadata, SequenceNumber
  /// (FIFO queues).
  TaskResult invoke(const TaskCall& call) override;

private:
  aws::AwsClient client_;
};

} // namespace asl::adapters
