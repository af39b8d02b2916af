// arn:aws:states:::sns:publish served without a server: topics from the adapters file fan each
// message out to their subscribers before the task ends — embedded queues, local commands and
// HTTP webhooks — either raw or in the JSON envelope SNS sends (docs/adapters.md).
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "asl/adapter.h"
#include "asl/queue.h"
#include "runtime/adapters/lambda/lambda_command.h"

namespace asl::adapters {

struct SnsSubscriber {
  enum class Kind : uint8_t { Queue, Command, Webhook };
  Kind kind = Kind::Queue;
  std::string target;                            ///< the queue's name, or the webhook's URL
  std::unique_ptr<LambdaCommandBackend> command; ///< Kind::Command
  std::chrono::milliseconds timeout{60000};      ///< commands and webhooks
  bool raw = false;                              ///< RawMessageDelivery
  std::string describe() const;                  ///< for causes: "queue inventory", ...
};

struct SnsTopic {
  std::string name; ///< "orders", "orders.fifo"
  bool contentBasedDeduplication = false;
  std::vector<SnsSubscriber> subscribers;
};

class SnsEmbeddedAdapter final : public Adapter {
public:
  /// `region` and `account` make the topics' ARNs (arn:aws:sns:REGION:ACCOUNT:NAME) seen in
  /// envelopes; publishing matches a TopicArn or TargetArn by the name at its end.
  SnsEmbeddedAdapter(std::map<std::string, SnsTopic, std::less<>> topics,
                     std::shared_ptr<QueueStore> queues, std::string region, std::string account);

  std::string_view name() const override { return "sns (embedded)"; }
  bool serves(std::string_view resource) const override;
  /// MessageId, SdkHttpMetadata, SdkResponseMetadata, SequenceNumber (FIFO topics), once every
  /// subscriber has the message. A topic that is not configured: SNS.NotFoundException. A
  /// delivery that fails fails the task (SNS.AmazonSNSException naming the subscriber); the
  /// deliveries before it stay delivered.
  TaskResult invoke(const TaskCall& call) override;

private:
  std::map<std::string, SnsTopic, std::less<>> topics_;
  std::shared_ptr<QueueStore> queues_;
  std::string region_, account_;
  std::atomic<uint64_t> sequence_;
};

} // namespace asl::adapters
