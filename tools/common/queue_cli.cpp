#include "tools/common/queue_cli.h"

#include <iostream>
#include <memory>

#include "asl/queue.h"
#include "runtime/adapters/aws/crypto.h"
#include "runtime/value/json_writer.h"
#include "tools/common/file_io.h"

namespace asl::tools {
namespace {

constexpr int kOk = 0;
constexpr int kRefused = 1;
constexpr int kUsage = 2;

struct QueueArgs {
  std::string db;
  std::string queue;
  // create
  int64_t visibilityTimeout = 30, delay = 0, retention = 345600, maxReceiveCount = 0;
  std::string deadLetterQueue;
  bool contentBasedDeduplication = false;
  // send
  std::string body;
  std::string groupId, deduplicationId;
  std::optional<int64_t> messageDelay;
  std::vector<std::string> attributes;
  // receive
  size_t max = 1;
  int64_t wait = 0;
  std::optional<int64_t> receiveVisibility;
  bool deleteAfter = false;
  // delete, change-visibility
  std::string receiptHandle;
  int64_t seconds = 0;
};

int refused(const QueueError& e) {
  std::cerr << "aslc queue: " << e.code << ": " << e.message << "\n";
  return e.code == "StorageError" ? kUsage : kRefused;
}

std::shared_ptr<QueueStore> openStore(const QueueArgs& args) {
  std::string path = args.db.empty() ? QueueStore::defaultPath() : args.db;
  auto store = QueueStore::open(path);
  if (!store.ok()) {
    std::cerr << "aslc queue: error: " << store.error().message << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

Value attributesJson(const MessageAttributes& attributes) {
  std::vector<Member> members;
  for (const auto& [name, a] : attributes)
    members.push_back(makeMember(
        name, Value::object({makeMember("DataType", Value::string(a.dataType)),
                             a.isBinary()
                                 ? makeMember("BinaryValue",
                                              Value::string(adapters::aws::base64Encode(a.value)))
                                 : makeMember("StringValue", Value::string(a.value))})));
  return Value::object(std::move(members));
}

Value messageJson(const ReceivedMessage& m) {
  std::vector<Member> attributes{
      makeMember("ApproximateFirstReceiveTimestamp",
                 Value::string(std::to_string(m.firstReceiveTimestamp))),
      makeMember("ApproximateReceiveCount", Value::string(std::to_string(m.receiveCount)))};
  if (!m.groupId.empty()) {
    attributes.push_back(makeMember("MessageDeduplicationId", Value::string(m.deduplicationId)));
    attributes.push_back(makeMember("MessageGroupId", Value::string(m.groupId)));
  }
  attributes.push_back(makeMember("SentTimestamp", Value::string(std::to_string(m.sentTimestamp))));
  if (!m.sequenceNumber.empty())
    attributes.push_back(makeMember("SequenceNumber", Value::string(m.sequenceNumber)));
  std::vector<Member> members{makeMember("MessageId", Value::string(m.messageId)),
                              makeMember("ReceiptHandle", Value::string(m.receiptHandle)),
                              makeMember("MD5OfBody", Value::string(m.md5OfBody)),
                              makeMember("Body", Value::string(m.body)),
                              makeMember("Attributes", Value::object(std::move(attributes)))};
  if (!m.attributes.empty()) {
    members.push_back(makeMember("MD5OfMessageAttributes", Value::string(m.md5OfAttributes)));
    members.push_back(makeMember("MessageAttributes", attributesJson(m.attributes)));
  }
  return Value::object(std::move(members));
}

int list(const QueueArgs& args) {
  auto store = openStore(args);
  if (!store) return kUsage;
  auto queues = store->listQueues();
  if (!queues.ok()) return refused(queues.error());
  std::vector<Value> out;
  for (const QueueInfo& q : *queues) {
    std::vector<Member> m{
        makeMember("Name", Value::string(q.name)),
        makeMember("FifoQueue", Value::boolean(q.attributes.fifo)),
        makeMember("ApproximateNumberOfMessages", Value::integer(q.visible)),
        makeMember("ApproximateNumberOfMessagesNotVisible", Value::integer(q.inFlight)),
        makeMember("ApproximateNumberOfMessagesDelayed", Value::integer(q.delayed)),
        makeMember("VisibilityTimeout", Value::integer(q.attributes.visibilityTimeoutSeconds)),
        makeMember("DelaySeconds", Value::integer(q.attributes.delaySeconds))};
    if (q.attributes.maxReceiveCount > 0)
      m.push_back(makeMember(
          "RedrivePolicy",
          Value::object(
              {makeMember("deadLetterQueue", Value::string(q.attributes.deadLetterQueue)),
               makeMember("maxReceiveCount", Value::integer(q.attributes.maxReceiveCount))})));
    out.push_back(Value::object(std::move(m)));
  }
  std::cout << toJson(Value::object({makeMember("Queues", Value::array(std::move(out)))})) << "\n";
  return kOk;
}

int create(const QueueArgs& args) {
  auto store = openStore(args);
  if (!store) return kUsage;
  QueueAttributes a;
  a.fifo = args.queue.ends_with(".fifo");
  a.visibilityTimeoutSeconds = args.visibilityTimeout;
  a.delaySeconds = args.delay;
  a.messageRetentionSeconds = args.retention;
  a.maxReceiveCount = args.maxReceiveCount;
  a.deadLetterQueue = args.deadLetterQueue;
  a.contentBasedDeduplication = args.contentBasedDeduplication;
  if (auto r = store->createQueue(args.queue, a); !r.ok()) return refused(r.error());
  std::cout << toJson(Value::object({makeMember("QueueName", Value::string(args.queue))})) << "\n";
  return kOk;
}

int send(const QueueArgs& args) {
  OutgoingMessage m;
  m.body = args.body;
  if (!m.body.empty() && m.body[0] == '@') {
    auto text = readDefinitionFile(m.body.substr(1), 1024 * 1024);
    if (!text.ok()) {
      std::cerr << "aslc queue: error: " << text.error().message << "\n";
      return kUsage;
    }
    m.body = std::move(text).value();
  }
  m.groupId = args.groupId;
  m.deduplicationId = args.deduplicationId;
  m.delaySeconds = args.messageDelay;
  for (const std::string& a : args.attributes) {
    size_t eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "aslc queue: error: --attribute takes NAME=VALUE (a String attribute); found "
                << a << "\n";
      return kUsage;
    }
    m.attributes[a.substr(0, eq)] = MessageAttribute{"String", a.substr(eq + 1)};
  }
  auto store = openStore(args);
  if (!store) return kUsage;
  auto sent = store->send(args.queue, m);
  if (!sent.ok()) return refused(sent.error());
  std::vector<Member> out;
  if (!sent->md5OfAttributes.empty())
    out.push_back(makeMember("MD5OfMessageAttributes", Value::string(sent->md5OfAttributes)));
  out.push_back(makeMember("MD5OfMessageBody", Value::string(sent->md5OfBody)));
  out.push_back(makeMember("MessageId", Value::string(sent->messageId)));
  if (!sent->sequenceNumber.empty())
    out.push_back(makeMember("SequenceNumber", Value::string(sent->sequenceNumber)));
  std::cout << toJson(Value::object(std::move(out))) << "\n";
  return kOk;
}

int receive(const QueueArgs& args) {
  auto store = openStore(args);
  if (!store) return kUsage;
  ReceiveOptions options;
  options.maxMessages = args.max;
  options.waitTimeSeconds = args.wait;
  options.visibilityTimeoutSeconds = args.receiveVisibility;
  auto got = store->receive(args.queue, options);
  if (!got.ok()) return refused(got.error());
  std::vector<Value> messages;
  for (const ReceivedMessage& m : *got) {
    messages.push_back(messageJson(m));
    // --delete: received and acknowledged at once, for scripts that only read.
    if (args.deleteAfter)
      if (auto r = store->deleteMessage(args.queue, m.receiptHandle); !r.ok())
        return refused(r.error());
  }
  std::cout << toJson(Value::object({makeMember("Messages", Value::array(std::move(messages)))}))
            << "\n";
  return kOk;
}

int deleteMessage(const QueueArgs& args) {
  auto store = openStore(args);
  if (!store) return kUsage;
  if (auto r = store->deleteMessage(args.queue, args.receiptHandle); !r.ok())
    return refused(r.error());
  return kOk;
}

int changeVisibility(const QueueArgs& args) {
  auto store = openStore(args);
  if (!store) return kUsage;
  if (auto r = store->changeVisibility(args.queue, args.receiptHandle, args.seconds); !r.ok())
    return refused(r.error());
  return kOk;
}

int purge(const QueueArgs& args) {
  auto store = openStore(args);
  if (!store) return kUsage;
  auto n = store->purge(args.queue);
  if (!n.ok()) return refused(n.error());
  std::cout << toJson(Value::object({makeMember("Purged", Value::integer(*n))})) << "\n";
  return kOk;
}

} // namespace

std::function<int()> addQueueCommand(CLI::App& app) {
  auto args = std::make_shared<QueueArgs>();
  CLI::App* queue = app.add_subcommand(
      "queue", "Work with the embedded queues: list, create, send, receive, delete, purge");
  queue->require_subcommand(1);
  auto withDb = [&](CLI::App* cmd) {
    cmd->add_option("--db", args->db,
                    "The queue database (default: $ASL_QUEUES_DB, else "
                    "$XDG_STATE_HOME/aslc/queues.db, else ~/.local/state/aslc/queues.db)");
    return cmd;
  };
  auto named = [&](CLI::App* cmd) {
    withDb(cmd)->add_option("queue", args->queue, "The queue's name")->required();
    return cmd;
  };
  using Action = int (*)(const QueueArgs&);
  std::vector<std::pair<CLI::App*, Action>> actions;

  actions.emplace_back(withDb(queue->add_subcommand("list", "List the queues and their counts")),
                       list);
  CLI::App* c = named(queue->add_subcommand(
      "create",
      "Create a queue, or change its settings (a name ending in .fifo makes a FIFO queue)"));
  c->add_option("--visibility-timeout", args->visibilityTimeout,
                "Seconds a received message stays hidden")
      ->capture_default_str();
  c->add_option("--delay", args->delay, "Seconds before a new message can be received")
      ->capture_default_str();
  c->add_option("--retention", args->retention, "Seconds a message is kept")->capture_default_str();
  c->add_option("--dead-letter-queue", args->deadLetterQueue,
                "Where a message goes after --max-receive-count receives");
  c->add_option("--max-receive-count", args->maxReceiveCount,
                "Receives before a message is a dead letter");
  c->add_flag("--content-based-deduplication", args->contentBasedDeduplication,
              "FIFO: the body's SHA-256 is the deduplication id");
  actions.emplace_back(c, create);

  CLI::App* s = named(queue->add_subcommand("send", "Send a message; prints its MessageId"));
  s->add_option("body", args->body, "The message body, or @FILE")->required();
  s->add_option("--group-id", args->groupId, "MessageGroupId (FIFO queues)");
  s->add_option("--deduplication-id", args->deduplicationId,
                "MessageDeduplicationId (FIFO queues)");
  s->add_option("--delay", args->messageDelay, "DelaySeconds for this message (standard queues)");
  s->add_option("--attribute", args->attributes,
                "A String message attribute NAME=VALUE (repeatable)");
  actions.emplace_back(s, send);

  CLI::App* r = named(queue->add_subcommand(
      "receive", "Receive messages (hidden for the visibility timeout until deleted)"));
  r->add_option("--max", args->max, "At most this many messages (1-10)")->capture_default_str();
  r->add_option("--wait", args->wait, "Seconds to wait for a first message (0-20)")
      ->capture_default_str();
  r->add_option("--visibility-timeout", args->receiveVisibility,
                "Seconds the messages stay hidden (default: the queue's)");
  r->add_flag("--delete", args->deleteAfter, "Delete the messages once printed");
  actions.emplace_back(r, receive);

  CLI::App* d = named(queue->add_subcommand("delete", "Delete a received message"));
  d->add_option("receipt-handle", args->receiptHandle, "The ReceiptHandle receive printed")
      ->required();
  actions.emplace_back(d, deleteMessage);

  CLI::App* v = named(queue->add_subcommand("change-visibility",
                                            "Make a received message visible again after SECONDS"));
  v->add_option("receipt-handle", args->receiptHandle, "The ReceiptHandle receive printed")
      ->required();
  v->add_option("seconds", args->seconds, "Seconds from now (0: at once)")->required();
  actions.emplace_back(v, changeVisibility);

  actions.emplace_back(named(queue->add_subcommand("purge", "Delete every message of a queue")),
                       purge);

  return [args, actions]() {
    for (const auto& [cmd, action] : actions)
      if (cmd->parsed()) return action(*args);
    return kUsage;
  };
}

} // namespace asl::tools
