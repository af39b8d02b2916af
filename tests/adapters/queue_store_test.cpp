// The embedded queue (asl/queue.h) keeps SQS's semantics: a received message is hidden for its
// visibility timeout and comes back if not deleted; delays; dead letters after
// maxReceiveCount; FIFO groups handed out in order, one batch in flight per group;
// deduplication within five minutes; messages survive reopening; concurrent senders lose
// nothing. Time is a test clock, so nothing here sleeps.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "asl/queue.h"
#include "runtime/adapters/aws/crypto.h"

namespace asl {
namespace {

class QueueStoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("asl-queue-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = open();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::shared_ptr<QueueStore> open() {
    auto store = QueueStore::open((dir_ / "q.db").string(), [this] { return now_.load(); });
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    return store.ok() ? std::move(store).value() : nullptr;
  }
  void create(const std::string& name, QueueAttributes a = {}) {
    a.fifo = name.ends_with(".fifo");
    auto r = store_->createQueue(name, a);
    ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  }
  SentMessage send(const std::string& queue, const std::string& body, const std::string& group = "",
                   const std::string& dedup = "") {
    OutgoingMessage m;
    m.body = body;
    m.groupId = group;
    m.deduplicationId = dedup;
    auto sent = store_->send(queue, m);
    EXPECT_TRUE(sent.ok()) << (sent.ok() ? "" : sent.error().code + ": " + sent.error().message);
    return sent.ok() ? *sent : SentMessage{};
  }
  std::vector<ReceivedMessage> receive(const std::string& queue, size_t max = 10) {
    ReceiveOptions options;
    options.maxMessages = max;
    auto got = store_->receive(queue, options);
    EXPECT_TRUE(got.ok()) << (got.ok() ? "" : got.error().message);
    return got.ok() ? *got : std::vector<ReceivedMessage>{};
  }
  static std::vector<std::string> bodies(const std::vector<ReceivedMessage>& messages) {
    std::vector<std::string> out;
    for (const auto& m : messages)
      out.push_back(m.body);
    return out;
  }
  void advanceSeconds(int64_t s) { now_ += s * 1000; }

  std::filesystem::path dir_;
  std::atomic<int64_t> now_{1'700'000'000'000};
  std::shared_ptr<QueueStore> store_;
};

TEST_F(QueueStoreTest, ReceivedMessageIsHiddenUntilDeleted) {
  create("orders");
  SentMessage sent = send("orders", R"({"id":1})");
  EXPECT_EQ(sent.md5OfBody, adapters::aws::toHex(adapters::aws::md5(R"({"id":1})")));
  EXPECT_EQ(sent.messageId.size(), 36u);
  EXPECT_TRUE(sent.sequenceNumber.empty());

  auto got = receive("orders");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].messageId, sent.messageId);
  EXPECT_EQ(got[0].body, R"({"id":1})");
  EXPECT_EQ(got[0].md5OfBody, sent.md5OfBody);
  EXPECT_EQ(got[0].receiveCount, 1);
  EXPECT_EQ(got[0].sentTimestamp, now_.load());
  EXPECT_TRUE(receive("orders").empty()); // in flight

  auto info = store_->queueInfo("orders");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->visible, 0);
  EXPECT_EQ(info->inFlight, 1);
  ASSERT_TRUE(store_->deleteMessage("orders", got[0].receiptHandle).ok());
  advanceSeconds(60);
  EXPECT_TRUE(receive("orders").empty()); // deleted for good
  auto again = store_->deleteMessage("orders", got[0].receiptHandle);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "ReceiptHandleIsInvalid");
}

TEST_F(QueueStoreTest, UndeletedMessageComesBackAfterTheVisibilityTimeout) {
  create("orders", QueueAttributes{.visibilityTimeoutSeconds = 30});
  send("orders", "a");
  auto first = receive("orders");
  ASSERT_EQ(first.size(), 1u);
  advanceSeconds(29);
  EXPECT_TRUE(receive("orders").empty());
  advanceSeconds(1);
  auto second = receive("orders");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].receiveCount, 2);
  EXPECT_EQ(second[0].firstReceiveTimestamp, first[0].firstReceiveTimestamp);
  EXPECT_NE(second[0].receiptHandle, first[0].receiptHandle);
  // The old receipt handle no longer names the message.
  EXPECT_EQ(store_->deleteMessage("orders", first[0].receiptHandle).error().code,
            "ReceiptHandleIsInvalid");
  ASSERT_TRUE(store_->changeVisibility("orders", second[0].receiptHandle, 0).ok());
  EXPECT_EQ(receive("orders").size(), 1u); // visible again at once
}

TEST_F(QueueStoreTest, DelayedMessagesWaitTheirDelay) {
  create("slow", QueueAttributes{.delaySeconds = 10});
  send("slow", "queue delay");
  OutgoingMessage own{.body = "own delay", .delaySeconds = 3};
  ASSERT_TRUE(store_->send("slow", own).ok());
  EXPECT_TRUE(receive("slow").empty());
  EXPECT_EQ(store_->queueInfo("slow")->delayed, 2);
  advanceSeconds(3);
  EXPECT_EQ(bodies(receive("slow")), std::vector<std::string>{"own delay"});
  advanceSeconds(7);
  EXPECT_EQ(bodies(receive("slow")), std::vector<std::string>{"queue delay"});
  OutgoingMessage tooLong{.body = "x", .delaySeconds = 901};
  EXPECT_EQ(store_->send("slow", tooLong).error().code, "InvalidParameterValue");
}

TEST_F(QueueStoreTest, MessageMovesToTheDeadLetterQueueAfterMaxReceiveCount) {
  create("orders-dlq");
  create("orders", QueueAttributes{.visibilityTimeoutSeconds = 5,
                                   .maxReceiveCount = 2,
                                   .deadLetterQueue = "orders-dlq"});
  SentMessage sent = send("orders", "poison");
  for (int i = 1; i <= 2; ++i) {
    auto got = receive("orders");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].receiveCount, i);
    advanceSeconds(5);
  }
  EXPECT_TRUE(receive("orders").empty()); // the third receive moves it instead
  auto dead = receive("orders-dlq");
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].messageId, sent.messageId);
  EXPECT_EQ(dead[0].body, "poison");
}

TEST_F(QueueStoreTest, FifoGroupsAreHandedOutInOrderOneInFlightBatchPerGroup) {
  create("orders.fifo", QueueAttributes{.contentBasedDeduplication = true});
  SentMessage a1 = send("orders.fifo", "a1", "A");
  SentMessage a2 = send("orders.fifo", "a2", "A");
  send("orders.fifo", "b1", "B");
  EXPECT_EQ(a1.sequenceNumber.size(), 20u);
  EXPECT_LT(a1.sequenceNumber, a2.sequenceNumber);

  auto first = receive("orders.fifo", 1);
  ASSERT_EQ(bodies(first), std::vector<std::string>{"a1"});
  EXPECT_EQ(first[0].groupId, "A");
  EXPECT_EQ(first[0].sequenceNumber, a1.sequenceNumber);
  // Group A is locked while a1 is in flight; B is free.
  EXPECT_EQ(bodies(receive("orders.fifo")), std::vector<std::string>{"b1"});
  EXPECT_TRUE(receive("orders.fifo").empty());
  ASSERT_TRUE(store_->deleteMessage("orders.fifo", first[0].receiptHandle).ok());
  EXPECT_EQ(bodies(receive("orders.fifo")), std::vector<std::string>{"a2"});
}

TEST_F(QueueStoreTest, FifoDeduplicatesWithinFiveMinutes) {
  create("pay.fifo");
  SentMessage first = send("pay.fifo", "charge 10", "c-1", "order-7");
  SentMessage duplicate = send("pay.fifo", "charge 10 again", "c-1", "order-7");
  EXPECT_EQ(duplicate.messageId, first.messageId);
  EXPECT_EQ(duplicate.sequenceNumber, first.sequenceNumber);
  EXPECT_EQ(store_->queueInfo("pay.fifo")->visible, 1);
  advanceSeconds(5 * 60);
  SentMessage later = send("pay.fifo", "charge 10", "c-1", "order-7");
  EXPECT_NE(later.messageId, first.messageId);
  EXPECT_EQ(store_->queueInfo("pay.fifo")->visible, 2);

  OutgoingMessage noGroup{.body = "x", .deduplicationId = "d"};
  EXPECT_EQ(store_->send("pay.fifo", noGroup).error().code, "MissingParameter");
  OutgoingMessage noDedup{.body = "x", .groupId = "g"};
  auto refused = store_->send("pay.fifo", noDedup);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "The queue should either have ContentBasedDeduplication "
                                     "enabled or MessageDeduplicationId provided explicitly");
}

TEST_F(QueueStoreTest, ContentBasedDeduplicationUsesTheBody) {
  create("events.fifo", QueueAttributes{.contentBasedDeduplication = true});
  SentMessage a = send("events.fifo", "same", "g");
  SentMessage b = send("events.fifo", "same", "g");
  SentMessage c = send("events.fifo", "different", "g");
  EXPECT_EQ(a.messageId, b.messageId);
  EXPECT_NE(a.messageId, c.messageId);
  auto got = receive("events.fifo");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].deduplicationId, adapters::aws::toHex(adapters::aws::sha256("same")));
}

TEST_F(QueueStoreTest, AttributesTravelWithTheMessage) {
  create("orders");
  OutgoingMessage m{.body = "b"};
  m.attributes["kind"] = MessageAttribute{"String", "check"};
  m.attributes["blob"] = MessageAttribute{"Binary", std::string("\x00\x01\xff", 3)};
  auto sent = store_->send("orders", m);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->md5OfAttributes, md5OfMessageAttributes(m.attributes));
  EXPECT_EQ(sent->md5OfAttributes.size(), 32u);
  auto got = receive("orders");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].attributes.at("kind").value, "check");
  EXPECT_EQ(got[0].attributes.at("blob").value, std::string("\x00\x01\xff", 3));
  EXPECT_EQ(got[0].md5OfAttributes, sent->md5OfAttributes);
}

TEST_F(QueueStoreTest, MistakesAreNamedAsSqsNamesThem) {
  EXPECT_EQ(store_->send("nowhere", OutgoingMessage{.body = "x"}).error().code,
            "QueueDoesNotExist");
  EXPECT_EQ(store_->receive("nowhere", {}).error().code, "QueueDoesNotExist");
  create("orders");
  EXPECT_EQ(store_->send("orders", OutgoingMessage{}).error().code, "MissingParameter");
  EXPECT_EQ(store_->send("orders", OutgoingMessage{.body = std::string(262145, 'x')}).error().code,
            "InvalidParameterValue");
  EXPECT_EQ(store_->receive("orders", ReceiveOptions{.maxMessages = 11}).error().code,
            "InvalidParameterValue");
  EXPECT_EQ(store_->createQueue("bad name", {}).error().code, "InvalidParameterValue");
  EXPECT_EQ(store_->createQueue("orders.fifo", {}).error().code, "InvalidParameterValue");
  EXPECT_EQ(store_->createQueue("orders", QueueAttributes{.fifo = true}).error().code,
            "InvalidParameterValue");
  EXPECT_EQ(store_->deleteMessage("orders", "not-a-handle").error().code, "ReceiptHandleIsInvalid");
}

TEST_F(QueueStoreTest, MessagesSurviveReopeningAndPurgeEmptiesTheQueue) {
  create("orders");
  send("orders", "kept");
  store_.reset();
  store_ = open();
  auto queues = store_->listQueues();
  ASSERT_TRUE(queues.ok());
  ASSERT_EQ(queues->size(), 1u);
  EXPECT_EQ((*queues)[0].name, "orders");
  EXPECT_EQ((*queues)[0].visible, 1);
  EXPECT_EQ(*store_->purge("orders"), 1);
  EXPECT_TRUE(receive("orders").empty());
}

TEST_F(QueueStoreTest, ConcurrentSendersAndReceiversLoseAndDuplicateNothing) {
  create("orders");
  constexpr int kThreads = 4, kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i)
        ASSERT_TRUE(
            store_->send("orders", OutgoingMessage{.body = std::to_string(t * kEach + i)}).ok());
    });
  for (auto& th : threads)
    th.join();
  // A second connection, as another process would have, receives alongside the first.
  std::shared_ptr<QueueStore> other = open();
  std::mutex mutex;
  std::multiset<std::string> seen;
  threads.clear();
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      QueueStore& s = t % 2 ? *other : *store_;
      for (int round = 0; round < 200; ++round) {
        auto got = s.receive("orders", ReceiveOptions{.maxMessages = 10});
        ASSERT_TRUE(got.ok());
        if (got->empty()) break;
        for (const auto& m : *got) {
          ASSERT_TRUE(s.deleteMessage("orders", m.receiptHandle).ok());
          std::lock_guard lock(mutex);
          seen.insert(m.body);
        }
      }
    });
  for (auto& th : threads)
    th.join();
  ASSERT_EQ(seen.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
}

} // namespace
} // namespace asl
