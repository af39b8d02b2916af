// QueueStore (asl/queue.h): SQS's queue semantics over one SQLite database. Every operation is
// one transaction, so a crash leaves each message either fully sent or not sent at all, and a
// receive either hands a message out (hidden for its visibility timeout) or leaves it visible.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "asl/queue.h"
#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/store/sqlite_db.h"

namespace asl {
namespace {

using adapters::store::Database;
using adapters::store::Statement;

// Bumped when the tables change; a newer database is refused rather than misread.
constexpr int64_t kSchemaVersion = 1;
constexpr int kBusyMillis = 10000;
constexpr int64_t kDeduplicationWindowMillis = 5 * 60 * 1000;
constexpr size_t kMaxBodyBytes = 262144;
constexpr size_t kMaxAttributes = 10;
// Rounds of moving dead letters out of the way within one receive; each round moves at least
// one message, and a receive asks for at most 10.
constexpr int kMaxReceiveRounds = 64;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS queues (
  name TEXT PRIMARY KEY,
  fifo INTEGER NOT NULL,
  content_based_dedup INTEGER NOT NULL,
  visibility_timeout INTEGER NOT NULL,
  delay INTEGER NOT NULL,
  retention INTEGER NOT NULL,
  max_receive_count INTEGER NOT NULL,
  dead_letter_queue TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  queue TEXT NOT NULL,
  message_id TEXT NOT NULL,
  body BLOB NOT NULL,
  md5_body TEXT NOT NULL,
  attributes BLOB NOT NULL,
  md5_attributes TEXT NOT NULL,
  group_id TEXT NOT NULL,
  dedup_id TEXT NOT NULL,
  sequence_number TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  visible_at INTEGER NOT NULL,
  receive_count INTEGER NOT NULL DEFAULT 0,
  first_receive_at INTEGER NOT NULL DEFAULT 0,
  receipt_handle TEXT
);
CREATE INDEX IF NOT EXISTS messages_by_visibility ON messages (queue, visible_at, seq);
CREATE INDEX IF NOT EXISTS messages_by_group ON messages (queue, group_id, visible_at);
CREATE UNIQUE INDEX IF NOT EXISTS messages_by_receipt ON messages (receipt_handle);
CREATE TABLE IF NOT EXISTS deduplication (
  queue TEXT NOT NULL,
  dedup_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  sequence_number TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (queue, dedup_id)
);
)sql";

Unexpected<QueueError> error(std::string code, std::string message) {
  return fail(QueueError{std::move(code), std::move(message)});
}

Unexpected<QueueError> invalidValue(std::string message) {
  return error("InvalidParameterValue", std::move(message));
}

int64_t systemNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool validQueueName(std::string_view name, bool fifo) {
  std::string_view stem = name;
  if (fifo) {
    if (!stem.ends_with(".fifo")) return false;
    stem.remove_suffix(5);
  }
  if (stem.empty() || name.size() > 80) return false;
  return std::all_of(stem.begin(), stem.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// Attributes are stored as length-prefixed fields (name, type, value) so that binary values
// survive unchanged; the same framing SQS hashes, without the transport byte.
void appendField(std::string& out, std::string_view field) {
  uint32_t n = static_cast<uint32_t>(field.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(field);
}

bool readField(std::string_view& in, std::string& out) {
  if (in.size() < 4) return false;
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i)
    n = (n << 8) | static_cast<unsigned char>(in[static_cast<size_t>(i)]);
  in.remove_prefix(4);
  if (in.size() < n) return false;
  out.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

std::string encodeAttributes(const MessageAttributes& attributes) {
  std::string out;
  for (const auto& [name, attribute] : attributes) {
    appendField(out, name);
    appendField(out, attribute.dataType);
    appendField(out, attribute.value);
  }
  return out;
}

MessageAttributes decodeAttributes(std::string_view in) {
  MessageAttributes out;
  std::string name, type, value;
  while (!in.empty() && readField(in, name) && readField(in, type) && readField(in, value))
    out[name] = MessageAttribute{type, value};
  return out;
}

std::optional<QueueError> checkAttributes(const MessageAttributes& attributes) {
  if (attributes.size() > kMaxAttributes)
    return QueueError{"InvalidParameterValue", "Number of message attributes [" +
                                                   std::to_string(attributes.size()) +
                                                   "] exceeds the allowed maximum [10]."};
  for (const auto& [name, attribute] : attributes) {
    if (name.empty() || name.size() > 256)
      return QueueError{"InvalidParameterValue",
                        "Message attribute name '" + name + "' must be 1 to 256 characters long."};
    std::string_view type = attribute.dataType;
    std::string_view base = type.substr(0, type.find('.'));
    if (base != "String" && base != "Number" && base != "Binary")
      return QueueError{"InvalidParameterValue",
                        "The type of message (user) attribute '" + name +
                            "' is invalid. You must use only the following supported type "
                            "prefixes: Binary, Number, String."};
    if (attribute.value.empty())
      return QueueError{"InvalidParameterValue", "Message (user) attribute '" + name +
                                                     "' must contain a non-empty value "
                                                     "of message attribute type '" +
                                                     std::string(type) + "'."};
  }
  return std::nullopt;
}

std::string sequenceNumber(int64_t seq) {
  std::string digits = std::to_string(seq);
  return std::string(digits.size() < 20 ? 20 - digits.size() : 0, '0') + digits;
}

} // namespace

std::string md5OfMessageAttributes(const MessageAttributes& attributes) {
  if (attributes.empty()) return "";
  // std::map orders names by bytes, the order SQS sorts them in.
  std::string data;
  for (const auto& [name, attribute] : attributes) {
    appendField(data, name);
    appendField(data, attribute.dataType);
    data.push_back(attribute.isBinary() ? 2 : 1);
    appendField(data, attribute.value);
  }
  return adapters::aws::toHex(adapters::aws::md5(data));
}

struct QueueStore::Impl {
  Impl(Database database, std::string file, std::function<int64_t()> clock)
      : db(std::move(database)), path(std::move(file)), now(std::move(clock)) {}

  Database db;
  std::string path;
  std::function<int64_t()> now;
  std::mutex mutex; // one connection: one operation at a time in this process

  Unexpected<QueueError> storageError(std::string_view what) {
    return error("StorageError", std::string(what) + " in " + path + ": " + db.lastError());
  }

  // BEGIN IMMEDIATE takes the write lock up front, so that two processes receiving at once
  // cannot both hand out the same message.
  struct Transaction {
    Impl& impl;
    bool open = false;
    ~Transaction() {
      if (open) (void)impl.db.exec("ROLLBACK");
    }
  };
  QueueResult<void> begin(Transaction& t) {
    if (!db.exec("BEGIN IMMEDIATE").ok()) return storageError("cannot start a transaction");
    t.open = true;
    return {};
  }
  QueueResult<void> commit(Transaction& t) {
    if (!db.exec("COMMIT").ok()) return storageError("cannot commit");
    t.open = false;
    return {};
  }

  std::optional<QueueAttributes> attributesOf(std::string_view name) {
    Statement s(db.handle(),
                "SELECT fifo, content_based_dedup, visibility_timeout, delay, retention, "
                "max_receive_count, dead_letter_queue FROM queues WHERE name = ?1");
    s.bind(1, name);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    QueueAttributes a;
    a.fifo = s.integer(0) != 0;
    a.contentBasedDeduplication = s.integer(1) != 0;
    a.visibilityTimeoutSeconds = s.integer(2);
    a.delaySeconds = s.integer(3);
    a.messageRetentionSeconds = s.integer(4);
    a.maxReceiveCount = s.integer(5);
    a.deadLetterQueue = s.text(6);
    return a;
  }

  QueueResult<QueueAttributes> existing(std::string_view name) {
    if (auto a = attributesOf(name)) return *a;
    return error("QueueDoesNotExist", "The specified queue does not exist.");
  }

  QueueResult<QueueInfo> info(std::string_view name) {
    auto attributes = existing(name);
    if (!attributes.ok()) return fail(std::move(attributes).error());
    QueueInfo out{std::string(name), *attributes, 0, 0, 0};
    Statement s(db.handle(), "SELECT "
                             "SUM(visible_at <= ?2), "
                             "SUM(visible_at > ?2 AND receive_count > 0), "
                             "SUM(visible_at > ?2 AND receive_count = 0) "
                             "FROM messages WHERE queue = ?1");
    s.bind(1, name).bind(2, now());
    if (s.step() != SQLITE_ROW) return storageError("cannot count messages");
    out.visible = s.integer(0);
    out.inFlight = s.integer(1);
    out.delayed = s.integer(2);
    return out;
  }

  // Messages older than the queue's retention period are gone, as on SQS.
  QueueResult<void> expire(std::string_view queue, const QueueAttributes& a, int64_t at) {
    Statement s(db.handle(), "DELETE FROM messages WHERE queue = ?1 AND sent_at < ?2");
    s.bind(1, queue).bind(2, at - a.messageRetentionSeconds * 1000);
    if (s.step() != SQLITE_DONE) return storageError("cannot expire messages");
    return {};
  }

  QueueResult<SentMessage> send(std::string_view queue, const OutgoingMessage& m) {
    auto found = existing(queue);
    if (!found.ok()) return fail(std::move(found).error());
    const QueueAttributes& a = *found;
    if (m.body.empty())
      return error("MissingParameter", "The request must contain the parameter MessageBody.");
    if (m.body.size() > kMaxBodyBytes)
      return invalidValue("One or more parameters are invalid. Reason: Message must be shorter "
                          "than 262144 bytes.");
    if (auto bad = checkAttributes(m.attributes)) return fail(std::move(*bad));
    if (auto bad = checkAttributes(m.systemAttributes)) return fail(std::move(*bad));
    if (m.delaySeconds && (*m.delaySeconds < 0 || *m.delaySeconds > 900))
      return invalidValue("Value " + std::to_string(*m.delaySeconds) +
                          " for parameter DelaySeconds is invalid. Reason: DelaySeconds must be "
                          ">= 0 and <= 900.");
    std::string dedupId = m.deduplicationId;
    if (a.fifo) {
      if (m.groupId.empty())
        return error("MissingParameter", "The request must contain the parameter MessageGroupId.");
      if (m.delaySeconds)
        return invalidValue("Value " + std::to_string(*m.delaySeconds) +
                            " for parameter DelaySeconds is invalid. Reason: The request include "
                            "parameter that is not valid for this queue type.");
      if (dedupId.empty() && a.contentBasedDeduplication)
        dedupId = adapters::aws::toHex(adapters::aws::sha256(m.body));
      if (dedupId.empty())
        return invalidValue("The queue should either have ContentBasedDeduplication enabled or "
                            "MessageDeduplicationId provided explicitly");
    }

    SentMessage sent;
    sent.md5OfBody = adapters::aws::toHex(adapters::aws::md5(m.body));
    sent.md5OfAttributes = md5OfMessageAttributes(m.attributes);
    sent.md5OfSystemAttributes = md5OfMessageAttributes(m.systemAttributes);
    int64_t at = now();

    Transaction t{*this};
    if (auto r = begin(t); !r.ok()) return fail(std::move(r).error());
    if (a.fifo) {
      Statement purgeOld(db.handle(),
                         "DELETE FROM deduplication WHERE queue = ?1 AND expires_at <= ?2");
      purgeOld.bind(1, queue).bind(2, at);
      if (purgeOld.step() != SQLITE_DONE) return storageError("cannot expire deduplication ids");
      Statement seen(db.handle(), "SELECT message_id, sequence_number FROM deduplication "
                                  "WHERE queue = ?1 AND dedup_id = ?2");
      seen.bind(1, queue).bind(2, dedupId);
      if (seen.step() == SQLITE_ROW) {
        // A duplicate within the window: accepted, not enqueued, answered as the first was.
        sent.messageId = seen.text(0);
        sent.sequenceNumber = seen.text(1);
        return sent;
      }
    }
    sent.messageId = adapters::aws::randomUuid();
    int64_t delay = m.delaySeconds.value_or(a.delaySeconds);
    Statement insert(db.handle(),
                     "INSERT INTO messages (queue, message_id, body, md5_body, attributes, "
                     "md5_attributes, group_id, dedup_id, sequence_number, sent_at, visible_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?9, ?10)");
    insert.bind(1, queue)
        .bind(2, sent.messageId)
        .bindBlob(3, m.body)
        .bind(4, sent.md5OfBody)
        .bindBlob(5, encodeAttributes(m.attributes))
        .bind(6, sent.md5OfAttributes)
        .bind(7, m.groupId)
        .bind(8, dedupId)
        .bind(9, at)
        .bind(10, at + delay * 1000);
    if (insert.step() != SQLITE_DONE) return storageError("cannot store the message");
    if (a.fifo) {
      sent.sequenceNumber = sequenceNumber(sqlite3_last_insert_rowid(db.handle()));
      Statement number(db.handle(), "UPDATE messages SET sequence_number = ?1 WHERE seq = ?2");
      number.bind(1, sent.sequenceNumber).bind(2, sqlite3_last_insert_rowid(db.handle()));
      if (number.step() != SQLITE_DONE) return storageError("cannot number the message");
      Statement remember(db.handle(), "INSERT INTO deduplication VALUES (?1, ?2, ?3, ?4, ?5)");
      remember.bind(1, queue)
          .bind(2, dedupId)
          .bind(3, sent.messageId)
          .bind(4, sent.sequenceNumber)
          .bind(5, at + kDeduplicationWindowMillis);
      if (remember.step() != SQLITE_DONE) return storageError("cannot store the deduplication id");
    }
    if (auto r = commit(t); !r.ok()) return fail(std::move(r).error());
    return sent;
  }

  // One pass of receive: hands out up to `want` messages, moving dead letters aside first.
  QueueResult<std::vector<ReceivedMessage>>
  receiveOnce(std::string_view queue, const QueueAttributes& a, size_t want, int64_t visibility) {
    std::vector<ReceivedMessage> out;
    int64_t at = now();
    Transaction t{*this};
    if (auto r = begin(t); !r.ok()) return fail(std::move(r).error());
    if (auto r = expire(queue, a, at); !r.ok()) return fail(std::move(r).error());
    bool deadLetters = a.maxReceiveCount > 0 && !a.deadLetterQueue.empty() &&
                       a.deadLetterQueue != queue && attributesOf(a.deadLetterQueue);
    // FIFO: a group with a message in flight, or an earlier message not yet visible, waits.
    std::string select =
        "SELECT seq, receive_count FROM messages m WHERE queue = ?1 AND visible_at <= ?2";
    if (a.fifo)
      select += " AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.queue = ?1 AND "
                "o.group_id = m.group_id AND o.visible_at > ?2 AND "
                "(o.receive_count > 0 OR o.seq < m.seq))";
    select += " ORDER BY seq LIMIT ?3";
    for (int round = 0; round < kMaxReceiveRounds && out.size() < want; ++round) {
      std::vector<std::pair<int64_t, int64_t>> candidates;
      {
        Statement s(db.handle(), select);
        s.bind(1, queue).bind(2, at).bind(3, static_cast<int64_t>(want - out.size()));
        int rc;
        while ((rc = s.step()) == SQLITE_ROW)
          candidates.emplace_back(s.integer(0), s.integer(1));
        if (rc != SQLITE_DONE) return storageError("cannot read messages");
      }
      if (candidates.empty()) break;
      bool moved = false;
      for (const auto& [seq, count] : candidates) {
        if (deadLetters && count >= a.maxReceiveCount) {
          Statement move(db.handle(), "UPDATE messages SET queue = ?1, receive_count = 0, "
                                      "visible_at = ?2, receipt_handle = NULL WHERE seq = ?3");
          move.bind(1, a.deadLetterQueue).bind(2, at).bind(3, seq);
          if (move.step() != SQLITE_DONE) return storageError("cannot move a dead letter");
          moved = true;
          continue;
        }
        std::string handle = adapters::aws::toHex(adapters::aws::randomBytes(24));
        Statement take(db.handle(),
                       "UPDATE messages SET receive_count = receive_count + 1, visible_at = ?1, "
                       "receipt_handle = ?2, first_receive_at = CASE first_receive_at WHEN 0 "
                       "THEN ?3 ELSE first_receive_at END WHERE seq = ?4 RETURNING message_id, "
                       "body, md5_body, attributes, md5_attributes, receive_count, sent_at, "
                       "first_receive_at, group_id, dedup_id, sequence_number");
        take.bind(1, at + visibility * 1000).bind(2, handle).bind(3, at).bind(4, seq);
        if (take.step() != SQLITE_ROW) return storageError("cannot receive a message");
        ReceivedMessage r;
        r.messageId = take.text(0);
        r.receiptHandle = handle;
        r.body = take.text(1);
        r.md5OfBody = take.text(2);
        r.attributes = decodeAttributes(take.text(3));
        r.md5OfAttributes = take.text(4);
        r.receiveCount = take.integer(5);
        r.sentTimestamp = take.integer(6);
        r.firstReceiveTimestamp = take.integer(7);
        if (a.fifo) {
          r.groupId = take.text(8);
          r.deduplicationId = take.text(9);
          r.sequenceNumber = take.text(10);
        }
        out.push_back(std::move(r));
      }
      // Without dead letters moved, what the query gave is all there is.
      if (!moved) break;
    }
    if (auto r = commit(t); !r.ok()) return fail(std::move(r).error());
    return out;
  }
};

QueueStore::QueueStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QueueStore::~QueueStore() = default;

const std::string& QueueStore::path() const {
  return impl_->path;
}

std::string QueueStore::defaultPath() {
  if (const char* explicitPath = std::getenv("ASL_QUEUES_DB"); explicitPath && *explicitPath)
    return explicitPath;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return std::string(state) + "/aslc/queues.db";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/state/aslc/queues.db";
}

QueueResult<std::shared_ptr<QueueStore>> QueueStore::open(const std::string& path,
                                                          std::function<int64_t()> now) {
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = Database::open(path, kBusyMillis);
  if (!db.ok()) return error("StorageError", std::move(db).error().message);
  auto impl = std::make_unique<Impl>(std::move(db).value(), path,
                                     now ? std::move(now) : std::function<int64_t()>(systemNow));
  {
    Statement version(impl->db.handle(), "PRAGMA user_version");
    int64_t found = version.step() == SQLITE_ROW ? version.integer(0) : -1;
    if (found < 0) return impl->storageError("cannot read the format version");
    if (found > kSchemaVersion)
      return error("StorageError", path + " holds queues in format version " +
                                       std::to_string(found) + "; this version reads format " +
                                       std::to_string(kSchemaVersion));
  }
  if (!impl->db
           .exec(std::string("BEGIN IMMEDIATE;") + kSchema +
                 "PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";COMMIT;")
           .ok())
    return impl->storageError("cannot create the tables");
  return std::shared_ptr<QueueStore>(new QueueStore(std::move(impl)));
}

QueueResult<void> QueueStore::createQueue(std::string_view name, const QueueAttributes& a) {
  if (!validQueueName(name, a.fifo))
    return invalidValue(
        "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length" +
        std::string(a.fifo ? "; the name of a FIFO queue ends in \".fifo\"" : ""));
  if (!a.fifo && name.ends_with(".fifo"))
    return invalidValue("The name of a standard queue cannot end in \".fifo\"");
  auto range = [](int64_t v, int64_t lo, int64_t hi) { return v >= lo && v <= hi; };
  if (!range(a.visibilityTimeoutSeconds, 0, 43200))
    return error("InvalidAttributeValue", "VisibilityTimeout must be 0 to 43200 seconds");
  if (!range(a.delaySeconds, 0, 900))
    return error("InvalidAttributeValue", "DelaySeconds must be 0 to 900 seconds");
  if (!range(a.messageRetentionSeconds, 60, 1209600))
    return error("InvalidAttributeValue", "MessageRetentionPeriod must be 60 to 1209600 seconds");
  if (!range(a.maxReceiveCount, 0, 1000))
    return error("InvalidAttributeValue", "maxReceiveCount must be 1 to 1000");
  if ((a.maxReceiveCount > 0) != !a.deadLetterQueue.empty())
    return error("InvalidAttributeValue",
                 "a redrive policy needs both deadLetterTargetArn and maxReceiveCount");
  if (a.contentBasedDeduplication && !a.fifo)
    return error("InvalidAttributeValue", "ContentBasedDeduplication is for FIFO queues only");
  std::lock_guard lock(impl_->mutex);
  if (auto found = impl_->attributesOf(name); found && found->fifo != a.fifo)
    return error("InvalidAttributeValue", "a queue cannot change between FIFO and standard");
  Statement s(impl_->db.handle(),
              "INSERT INTO queues VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(name) DO "
              "UPDATE SET content_based_dedup = ?3, visibility_timeout = ?4, delay = ?5, "
              "retention = ?6, max_receive_count = ?7, dead_letter_queue = ?8");
  s.bind(1, name)
      .bind(2, int64_t{a.fifo})
      .bind(3, int64_t{a.contentBasedDeduplication})
      .bind(4, a.visibilityTimeoutSeconds)
      .bind(5, a.delaySeconds)
      .bind(6, a.messageRetentionSeconds)
      .bind(7, a.maxReceiveCount)
      .bind(8, a.deadLetterQueue)
      .bind(9, impl_->now());
  if (s.step() != SQLITE_DONE) return impl_->storageError("cannot create the queue");
  return {};
}

QueueResult<std::vector<QueueInfo>> QueueStore::listQueues() {
  std::lock_guard lock(impl_->mutex);
  std::vector<std::string> names;
  {
    Statement s(impl_->db.handle(), "SELECT name FROM queues ORDER BY name");
    while (s.step() == SQLITE_ROW)
      names.push_back(s.text(0));
  }
  std::vector<QueueInfo> out;
  for (const std::string& name : names) {
    auto info = impl_->info(name);
    if (!info.ok()) return fail(std::move(info).error());
    out.push_back(std::move(info).value());
  }
  return out;
}

QueueResult<QueueInfo> QueueStore::queueInfo(std::string_view name) {
  std::lock_guard lock(impl_->mutex);
  return impl_->info(name);
}

QueueResult<void> QueueStore::deleteQueue(std::string_view name) {
  std::lock_guard lock(impl_->mutex);
  if (auto found = impl_->existing(name); !found.ok()) return fail(std::move(found).error());
  Impl::Transaction t{*impl_};
  if (auto r = impl_->begin(t); !r.ok()) return r;
  for (const char* sql :
       {"DELETE FROM messages WHERE queue = ?1", "DELETE FROM deduplication WHERE queue = ?1",
        "DELETE FROM queues WHERE name = ?1"}) {
    Statement s(impl_->db.handle(), sql);
    s.bind(1, name);
    if (s.step() != SQLITE_DONE) return impl_->storageError("cannot delete the queue");
  }
  return impl_->commit(t);
}

QueueResult<SentMessage> QueueStore::send(std::string_view queue, const OutgoingMessage& message) {
  std::lock_guard lock(impl_->mutex);
  return impl_->send(queue, message);
}

QueueResult<std::vector<ReceivedMessage>> QueueStore::receive(std::string_view queue,
                                                              const ReceiveOptions& options) {
  if (options.maxMessages < 1 || options.maxMessages > 10)
    return invalidValue("Value " + std::to_string(options.maxMessages) +
                        " for parameter MaxNumberOfMessages is invalid. Reason: Must be between "
                        "1 and 10, if provided.");
  if (options.waitTimeSeconds < 0 || options.waitTimeSeconds > 20)
    return invalidValue("Value " + std::to_string(options.waitTimeSeconds) +
                        " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and "
                        "<= 20, if provided.");
  if (options.visibilityTimeoutSeconds &&
      (*options.visibilityTimeoutSeconds < 0 || *options.visibilityTimeoutSeconds > 43200))
    return invalidValue("Value " + std::to_string(*options.visibilityTimeoutSeconds) +
                        " for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and "
                        "<= 43200, if provided.");
  // Long polling: look again every 50 ms until a message comes or the wait is over. The
  // database is shared with other processes, so there is nothing to be woken by.
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(options.waitTimeSeconds);
  for (;;) {
    {
      std::lock_guard lock(impl_->mutex);
      auto a = impl_->existing(queue);
      if (!a.ok()) return fail(std::move(a).error());
      auto got = impl_->receiveOnce(
          queue, *a, options.maxMessages,
          options.visibilityTimeoutSeconds.value_or(a->visibilityTimeoutSeconds));
      if (!got.ok() || !got->empty() || std::chrono::steady_clock::now() >= until) return got;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

QueueResult<void> QueueStore::deleteMessage(std::string_view queue,
                                            std::string_view receiptHandle) {
  std::lock_guard lock(impl_->mutex);
  if (auto found = impl_->existing(queue); !found.ok()) return fail(std::move(found).error());
  Statement s(impl_->db.handle(), "DELETE FROM messages WHERE queue = ?1 AND receipt_handle = ?2");
  s.bind(1, queue).bind(2, receiptHandle);
  if (s.step() != SQLITE_DONE) return impl_->storageError("cannot delete the message");
  if (impl_->db.changes() == 0)
    return error("ReceiptHandleIsInvalid", "The input receipt handle \"" +
                                               std::string(receiptHandle) +
                                               "\" is not a valid receipt handle.");
  return {};
}

QueueResult<void> QueueStore::changeVisibility(std::string_view queue,
                                               std::string_view receiptHandle, int64_t seconds) {
  if (seconds < 0 || seconds > 43200)
    return invalidValue("Value " + std::to_string(seconds) +
                        " for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and "
                        "<= 43200.");
  std::lock_guard lock(impl_->mutex);
  if (auto found = impl_->existing(queue); !found.ok()) return fail(std::move(found).error());
  int64_t at = impl_->now();
  Statement s(impl_->db.handle(), "UPDATE messages SET visible_at = ?1 WHERE queue = ?2 AND "
                                  "receipt_handle = ?3 AND visible_at > ?4");
  s.bind(1, at + seconds * 1000).bind(2, queue).bind(3, receiptHandle).bind(4, at);
  if (s.step() != SQLITE_DONE) return impl_->storageError("cannot change the visibility");
  if (impl_->db.changes() == 0)
    return error("MessageNotInflight", "The message referred to by the receipt handle \"" +
                                           std::string(receiptHandle) + "\" is not in flight.");
  return {};
}

QueueResult<int64_t> QueueStore::purge(std::string_view queue) {
  std::lock_guard lock(impl_->mutex);
  if (auto found = impl_->existing(queue); !found.ok()) return fail(std::move(found).error());
  Statement s(impl_->db.handle(), "DELETE FROM messages WHERE queue = ?1");
  s.bind(1, queue);
  if (s.step() != SQLITE_DONE) return impl_->storageError("cannot purge the queue");
  return impl_->db.changes();
}

} // namespace asl
