#include "runtime/adapters/embedded_config.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "runtime/adapters/config_fields.h"
#include "runtime/adapters/sns/sns_embedded.h"

namespace asl::adapters {
namespace {

// A whole number of seconds (or a count) within [lo, hi].
Result<void> readWhole(const Value& object, std::string_view key, int64_t lo, int64_t hi,
                       const std::string& pointer, int64_t& out) {
  const Value* v = object.find(key);
  if (!v) return {};
  std::string where = appendPointer(pointer, key);
  if (!v->isInteger() || v->asInteger() < lo || v->asInteger() > hi)
    return invalidAdapters(where + " must be a whole number from " + std::to_string(lo) + " to " +
                               std::to_string(hi),
                           where);
  out = v->asInteger();
  return {};
}

Result<QueueAttributes> queueAttributes(std::string_view name, const Value& entry,
                                        const std::string& pointer) {
  if (!entry.isObject()) return invalidAdapters(pointer + " must be an object", pointer);
  if (auto r = onlyKeys(entry,
                        {"visibilityTimeoutSeconds", "delaySeconds", "messageRetentionSeconds",
                         "maxReceiveCount", "deadLetterQueue", "contentBasedDeduplication"},
                        pointer);
      !r.ok())
    return fail(std::move(r).error());
  QueueAttributes a;
  a.fifo = name.ends_with(".fifo"); // as on SQS, a FIFO queue's name says so
  for (auto r :
       {readWhole(entry, "visibilityTimeoutSeconds", 0, 43200, pointer, a.visibilityTimeoutSeconds),
        readWhole(entry, "delaySeconds", 0, 900, pointer, a.delaySeconds),
        readWhole(entry, "messageRetentionSeconds", 60, 1209600, pointer,
                  a.messageRetentionSeconds),
        readWhole(entry, "maxReceiveCount", 1, 1000, pointer, a.maxReceiveCount)})
    if (!r.ok()) return fail(std::move(r).error());
  if (const Value* dlq = entry.find("deadLetterQueue")) {
    if (!dlq->isString() || dlq->asString().empty())
      return invalidAdapters(pointer + "/deadLetterQueue must name a queue",
                             pointer + "/deadLetterQueue");
    a.deadLetterQueue = std::string(dlq->asString());
  }
  if ((a.maxReceiveCount > 0) != !a.deadLetterQueue.empty())
    return invalidAdapters(pointer + ": deadLetterQueue and maxReceiveCount go together", pointer);
  if (const Value* content = entry.find("contentBasedDeduplication")) {
    if (!content->isBool() || (content->asBool() && !a.fifo))
      return invalidAdapters(pointer +
                                 "/contentBasedDeduplication must be true or false, and true only "
                                 "for a FIFO queue (a name ending in \".fifo\")",
                             pointer + "/contentBasedDeduplication");
    a.contentBasedDeduplication = content->asBool();
  }
  return a;
}

Result<SnsSubscriber> subscriber(const Value& entry, const std::string& pointer,
                                 std::string_view directory) {
  if (!entry.isObject()) return invalidAdapters(pointer + " must be an object", pointer);
  if (auto r = onlyKeys(entry, {"queue", "command", "url", "raw", "timeoutSeconds"}, pointer);
      !r.ok())
    return fail(std::move(r).error());
  const Value* queue = entry.find("queue");
  const Value* command = entry.find("command");
  const Value* url = entry.find("url");
  if ((queue != nullptr) + (command != nullptr) + (url != nullptr) != 1)
    return invalidAdapters(pointer + " needs one of \"queue\", \"command\" and \"url\"", pointer);
  SnsSubscriber s;
  if (const Value* raw = entry.find("raw")) {
    if (!raw->isBool())
      return invalidAdapters(pointer + "/raw must be true or false", pointer + "/raw");
    s.raw = raw->asBool();
  }
  if (const Value* t = entry.find("timeoutSeconds")) {
    if (!t->isNumber() || !(t->asDouble() > 0) || t->asDouble() > 3600)
      return invalidAdapters(pointer +
                                 "/timeoutSeconds must be a number of seconds above 0 and at most "
                                 "3600",
                             pointer + "/timeoutSeconds");
    s.timeout = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(t->asDouble() * 1000)));
  }
  if (queue) {
    if (!queue->isString() || queue->asString().empty())
      return invalidAdapters(pointer + "/queue must name an embedded queue", pointer + "/queue");
    s.kind = SnsSubscriber::Kind::Queue;
    s.target = std::string(queue->asString());
    return s;
  }
  if (url) {
    std::string_view u = url->isString() ? url->asString() : std::string_view();
    if (!u.starts_with("http://") && !u.starts_with("https://"))
      return invalidAdapters(pointer + "/url must be an http:// or https:// URL", pointer + "/url");
    s.kind = SnsSubscriber::Kind::Webhook;
    s.target = std::string(u);
    return s;
  }
  CommandSpec spec;
  if (command->isArray())
    for (const Value& arg : command->items())
      if (arg.isString()) spec.argv.emplace_back(arg.asString());
  if (!command->isArray() || spec.argv.empty() || spec.argv.size() != command->size() ||
      spec.argv[0].empty())
    return invalidAdapters(pointer + "/command must be an array of strings, the program first",
                           pointer + "/command");
  spec.timeout = s.timeout;
  spec.workingDirectory = std::string(directory);
  s.kind = SnsSubscriber::Kind::Command;
  s.target = spec.argv[0];
  s.command = std::make_unique<LambdaCommandBackend>(s.target, std::move(spec));
  return s;
}

} // namespace

bool snsNeedsQueues(const Value& sns) {
  const Value* topics = sns.find("topics");
  if (!topics || !topics->isObject()) return false;
  for (const Member& t : topics->members()) {
    const Value* subscribers = t.value.isObject() ? t.value.find("subscribers") : nullptr;
    if (!subscribers || !subscribers->isArray()) continue;
    for (const Value& s : subscribers->items())
      if (s.isObject() && s.find("queue")) return true;
  }
  return false;
}

Result<std::unique_ptr<Adapter>> embeddedSnsAdapter(const Value& sns,
                                                    std::shared_ptr<QueueStore> queues,
                                                    const AdapterEnvironment& env,
                                                    std::string_view directory) {
  std::map<std::string, SnsTopic, std::less<>> topics;
  if (const Value* list = sns.find("topics")) {
    if (!list->isObject())
      return invalidAdapters("/sns/topics must be an object keyed by topic name", "/sns/topics");
    for (const Member& t : list->members()) {
      std::string name(t.key.asString());
      std::string pointer = appendPointer("/sns/topics", name);
      std::string_view stem =
          std::string_view(name).substr(0, name.ends_with(".fifo") ? name.size() - 5 : name.size());
      if (stem.empty() || name.size() > 256 || !std::all_of(stem.begin(), stem.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
          }))
        return invalidAdapters(pointer + ": a topic name has 1 to 256 letters, digits, hyphens and "
                                         "underscores (and \".fifo\" at the end of a FIFO topic's)",
                               pointer);
      if (!t.value.isObject()) return invalidAdapters(pointer + " must be an object", pointer);
      if (auto r = onlyKeys(t.value, {"subscribers", "contentBasedDeduplication"}, pointer);
          !r.ok())
        return fail(std::move(r).error());
      SnsTopic topic;
      topic.name = name;
      if (const Value* content = t.value.find("contentBasedDeduplication")) {
        if (!content->isBool())
          return invalidAdapters(pointer + "/contentBasedDeduplication must be true or false",
                                 pointer + "/contentBasedDeduplication");
        topic.contentBasedDeduplication = content->asBool();
      }
      const Value* subscribers = t.value.find("subscribers");
      if (subscribers && !subscribers->isArray())
        return invalidAdapters(pointer + "/subscribers must be an array", pointer + "/subscribers");
      if (subscribers) {
        size_t index = 0;
        for (const Value& entry : subscribers->items()) {
          auto s =
              subscriber(entry, pointer + "/subscribers/" + std::to_string(index++), directory);
          if (!s.ok()) return fail(std::move(s).error());
          topic.subscribers.push_back(std::move(s).value());
        }
      }
      topics.emplace(std::move(name), std::move(topic));
    }
  }
  std::string region =
      env.get("AWS_REGION").value_or(env.get("AWS_DEFAULT_REGION").value_or("us-east-1"));
  return std::unique_ptr<Adapter>(std::make_unique<SnsEmbeddedAdapter>(
      std::move(topics), std::move(queues), std::move(region), "123456789012"));
}

std::string defaultQueueDatabase(const AdapterEnvironment& env) {
  if (auto path = env.get("ASL_QUEUES_DB")) return *path;
  if (auto state = env.get("XDG_STATE_HOME")) return *state + "/aslc/queues.db";
  return env.get("HOME").value_or(".") + "/.local/state/aslc/queues.db";
}

Result<std::shared_ptr<QueueStore>>
openConfiguredQueues(const Value* sqs, const AdapterEnvironment& env, std::string_view directory) {
  std::string path = defaultQueueDatabase(env);
  if (sqs) {
    if (const Value* database = sqs->find("database")) {
      if (!database->isString() || database->asString().empty())
        return invalidAdapters("/sqs/database must be the path of the queue database",
                               "/sqs/database");
      std::filesystem::path p(std::string(database->asString()));
      path = p.is_absolute() || directory.empty() ? p.string()
                                                  : (std::filesystem::path(directory) / p).string();
    }
  }
  auto store = QueueStore::open(path);
  if (!store.ok())
    return invalidAdapters("the queue database cannot be used: " + store.error().message,
                           sqs ? "/sqs/database" : "");
  const Value* queues = sqs ? sqs->find("queues") : nullptr;
  if (!queues) return std::move(store).value();
  if (!queues->isObject())
    return invalidAdapters("/sqs/queues must be an object keyed by queue name", "/sqs/queues");
  for (const Member& m : queues->members()) {
    std::string pointer = appendPointer("/sqs/queues", m.key.asString());
    auto attributes = queueAttributes(m.key.asString(), m.value, pointer);
    if (!attributes.ok()) return fail(std::move(attributes).error());
    if (auto r = (*store)->createQueue(m.key.asString(), *attributes); !r.ok())
      return invalidAdapters(pointer + ": " + r.error().message, pointer);
  }
  return std::move(store).value();
}

} // namespace asl::adapters
