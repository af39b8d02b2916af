// The embedded message queue: SQS's semantics in a local SQLite database, durable across
// crashes (every send is a committed, fsync'd transaction). What `sqs:sendMessage` writes to
// when the adapters file gives SQS the embedded back end, and what consumers read from: in
// C++ through this header, or from a shell with `aslc queue` (docs/queues.md).
//
//   auto store = asl::QueueStore::open("/var/lib/app/queues.db");
//   (*store)->createQueue("orders", {});
//   auto batch = (*store)->receive("orders", {.maxMessages = 10, .waitTimeSeconds = 5});
//   for (const asl::ReceivedMessage& m : *batch) {
//     handle(m.body);
//     (*store)->deleteMessage("orders", m.receiptHandle);
//   }
//
// Links asl_adapters (SQLite). Safe to use from several threads and several processes at once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asl/result.h"

namespace asl {

/// A queue's settings, as SQS's queue attributes name them.
struct QueueAttributes {
  bool fifo = false;                        ///< FifoQueue; the name must end in ".fifo"
  bool contentBasedDeduplication = false;   ///< FIFO: the body's SHA-256 is the deduplication id
  int64_t visibilityTimeoutSeconds = 30;    ///< VisibilityTimeout, 0..43200
  int64_t delaySeconds = 0;                 ///< DelaySeconds, 0..900
  int64_t messageRetentionSeconds = 345600; ///< MessageRetentionPeriod, 60..1209600
  /// RedrivePolicy: after this many receives a message moves to `deadLetterQueue`; 0: never.
  int64_t maxReceiveCount = 0;
  std::string deadLetterQueue = {}; ///< the dead-letter queue's name
};

/// A message attribute: DataType "String", "Number" or "Binary" (with an optional ".label").
struct MessageAttribute {
  std::string dataType = {};
  std::string value = {}; ///< StringValue, or BinaryValue's raw bytes (not base64)
  bool isBinary() const { return dataType.rfind("Binary", 0) == 0; }
};
using MessageAttributes = std::map<std::string, MessageAttribute>;

struct OutgoingMessage {
  std::string body = {};
  MessageAttributes attributes = {};
  MessageAttributes systemAttributes = {};  ///< MessageSystemAttributes (AWSTraceHeader)
  std::optional<int64_t> delaySeconds = {}; ///< standard queues only; default the queue's
  std::string groupId = {};                 ///< FIFO: required
  std::string deduplicationId = {};         ///< FIFO: required unless content-based
};

/// What SendMessage answers.
struct SentMessage {
  std::string messageId;
  std::string md5OfBody;
  std::string md5OfAttributes;       ///< "" without attributes
  std::string md5OfSystemAttributes; ///< "" without system attributes
  std::string sequenceNumber;        ///< FIFO queues only
};

struct ReceivedMessage {
  std::string messageId;
  std::string receiptHandle; ///< for deleteMessage and changeVisibility; new at each receive
  std::string body;
  std::string md5OfBody;
  std::string md5OfAttributes;
  MessageAttributes attributes;
  int64_t receiveCount = 0;          ///< ApproximateReceiveCount, this receive included
  int64_t sentTimestamp = 0;         ///< milliseconds since the epoch
  int64_t firstReceiveTimestamp = 0; ///< ApproximateFirstReceiveTimestamp
  std::string groupId, deduplicationId, sequenceNumber; ///< FIFO queues
};

struct ReceiveOptions {
  size_t maxMessages = 1; ///< 1..10
  /// How long the messages stay hidden from other receives; default the queue's.
  std::optional<int64_t> visibilityTimeoutSeconds = {};
  int64_t waitTimeSeconds = 0; ///< long polling, 0..20: wait this long for a first message
};

struct QueueInfo {
  std::string name;
  QueueAttributes attributes;
  int64_t visible = 0;  ///< ApproximateNumberOfMessages
  int64_t inFlight = 0; ///< ApproximateNumberOfMessagesNotVisible (received, not deleted)
  int64_t delayed = 0;  ///< ApproximateNumberOfMessagesDelayed
};

/// A failure, with the error code SQS gives it ("QueueDoesNotExist", "ReceiptHandleIsInvalid",
/// "InvalidParameterValue", "MissingParameter", ...) or "StorageError" when the database
/// cannot be read or written.
struct QueueError {
  std::string code;
  std::string message;
};

template <class T> using QueueResult = Result<T, QueueError>;

class QueueStore {
public:
  /// Opens (creating when needed, with its folders) the database at `path`. `now` gives the
  /// time in milliseconds since the epoch (default: the system clock); tests pass their own.
  static QueueResult<std::shared_ptr<QueueStore>> open(const std::string& path,
                                                       std::function<int64_t()> now = nullptr);
  /// Where the database is when nothing names one: $ASL_QUEUES_DB, else
  /// $XDG_STATE_HOME/aslc/queues.db, else $HOME/.local/state/aslc/queues.db.
  static std::string defaultPath();

  ~QueueStore();
  QueueStore(const QueueStore&) = delete;
  QueueStore& operator=(const QueueStore&) = delete;

  const std::string& path() const;

  /// Creates the queue, or sets the attributes of the one that exists (a queue cannot change
  /// between FIFO and standard: InvalidAttributeValue).
  QueueResult<void> createQueue(std::string_view name, const QueueAttributes& attributes);
  QueueResult<std::vector<QueueInfo>> listQueues();
  QueueResult<QueueInfo> queueInfo(std::string_view name);
  /// Removes the queue and its messages.
  QueueResult<void> deleteQueue(std::string_view name);

  /// Committed to disk before it returns. On a FIFO queue, a message whose deduplication id
  /// was sent in the last five minutes is not enqueued again: the first one's answer comes back.
  QueueResult<SentMessage> send(std::string_view queue, const OutgoingMessage& message);
  /// Up to maxMessages visible messages, oldest first, each hidden for the visibility timeout.
  /// A message already received maxReceiveCount times moves to the dead-letter queue instead.
  /// On a FIFO queue, a group with a message in flight gives nothing until that one is
  /// deleted or visible again, so each group is handled in order.
  QueueResult<std::vector<ReceivedMessage>> receive(std::string_view queue,
                                                    const ReceiveOptions& options);
  QueueResult<void> deleteMessage(std::string_view queue, std::string_view receiptHandle);
  /// Visible again in `seconds` (0: at once) instead of at the end of its visibility timeout.
  QueueResult<void> changeVisibility(std::string_view queue, std::string_view receiptHandle,
                                     int64_t seconds);
  /// Deletes every message of the queue; how many there were.
  QueueResult<int64_t> purge(std::string_view queue);

private:
  struct Impl;
  explicit QueueStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// MD5 of message attributes as SQS computes MD5OfMessageAttributes (names sorted; each name,
/// data type and value length-prefixed, with a transport byte), lower-case hexadecimal; ""
/// for none.
std::string md5OfMessageAttributes(const MessageAttributes& attributes);

} // namespace asl
