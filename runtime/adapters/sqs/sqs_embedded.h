// arn:aws:states:::sqs:sendMessage served by the embedded queue (asl/queue.h): the message is
// committed to the local database before the task succeeds, with the result SQS would give.
#pragma once

#include <memory>

#include "asl/adapter.h"
#include "asl/queue.h"

namespace asl::adapters {

class SqsEmbeddedAdapter final : public Adapter {
public:
  explicit SqsEmbeddedAdapter(std::shared_ptr<QueueStore> store) : store_(std::move(store)) {}

  std::string_view name() const override { return "sqs (embedded)"; }
  bool serves(std::string_view resource) const override;
  /// MD5OfMessageAttributes (when attributes were sent), MD5OfMessageBody,
  /// MD5OfMessageSystemAttributes (when given), MessageId, SdkHttpMetadata,
  /// SdkResponseMetadata, SequenceNumber (FIFO queues). Errors as SQS's: a queue that does not
  /// exist is SQS.QueueDoesNotExistException.
  TaskResult invoke(const TaskCall& call) override;

private:
  std::shared_ptr<QueueStore> store_;
};

/// The queue's name from a QueueUrl (https://sqs.us-east-1.amazonaws.com/123456789012/orders,
/// or any URL whose last segment is the name), or the name itself.
std::string_view queueNameFromUrl(std::string_view queueUrl);

/// A queue failure as Step Functions names SQS's errors.
TaskError sqsQueueFailure(const QueueError& error);

} // namespace asl::adapters
