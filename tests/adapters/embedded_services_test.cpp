// The embedded back ends, configured by an adapters file: sqs:sendMessage commits to the local
// queue with the result SQS gives; sns:publish fans out to embedded queues (in SNS's envelope
// or raw), local commands and an HTTP webhook on loopback; unknown queues and topics fail as
// AWS names those failures.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "asl/adapter.h"
#include "asl/queue.h"
#include "runtime/adapters/aws/crypto.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/adapters/loopback_server.h"

namespace asl {
namespace {

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

class EmbeddedServicesTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("asl-embedded-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  AdapterRegistry load(const std::string& text) {
    auto registry = AdapterRegistry::fromConfig(json(text), AdapterEnvironment{}, dir_.string());
    EXPECT_TRUE(registry.ok()) << registry.error().message;
    return registry.ok() ? std::move(registry).value() : AdapterRegistry();
  }
  std::shared_ptr<QueueStore> store() {
    auto s = QueueStore::open((dir_ / "queues.db").string());
    EXPECT_TRUE(s.ok());
    return std::move(s).value();
  }
  std::vector<ReceivedMessage> drain(const std::string& queue) {
    auto got = store()->receive(queue, ReceiveOptions{.maxMessages = 10});
    EXPECT_TRUE(got.ok()) << (got.ok() ? "" : got.error().message);
    return got.ok() ? *got : std::vector<ReceivedMessage>{};
  }
  std::string read(const std::string& name) {
    std::ifstream in(dir_ / name);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  std::filesystem::path dir_;
};

TEST_F(EmbeddedServicesTest, SendMessageCommitsToTheLocalQueueWithSqsResult) {
  AdapterRegistry registry =
      load(R"({"sqs":{"database":"queues.db","queues":{"orders":{},"orders.fifo":{}}}})");
  Value input = json(R"({"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                         "MessageBody":{"order":{"id":"o-1"}},
                         "MessageAttributes":{"kind":{"DataType":"String","StringValue":"new"}}})");
  auto r = registry.invoke(TaskCall{"Enqueue", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && r->ok()) << (r ? r->error().error + ": " + r->error().cause : "not served");
  const Value& result = **r;
  const std::string body = R"({"order":{"id":"o-1"}})";
  EXPECT_EQ(result.find("MD5OfMessageBody")->asString(),
            adapters::aws::toHex(adapters::aws::md5(body)));
  EXPECT_EQ(result.find("SdkHttpMetadata")->find("HttpStatusCode")->asInteger(), 200);
  EXPECT_TRUE(result.find("SdkResponseMetadata")->find("RequestId")->isString());
  EXPECT_EQ(result.find("SequenceNumber"), nullptr);
  std::vector<std::string> keys;
  for (const Member& m : result.members())
    keys.emplace_back(m.key.asString());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"MD5OfMessageAttributes", "MD5OfMessageBody", "MessageId",
                                      "SdkHttpMetadata", "SdkResponseMetadata"}));

  auto got = drain("orders");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].body, body);
  EXPECT_EQ(got[0].messageId, result.find("MessageId")->asString());
  EXPECT_EQ(got[0].attributes.at("kind").value, "new");
  EXPECT_EQ(got[0].md5OfAttributes, result.find("MD5OfMessageAttributes")->asString());

  Value fifo = json(R"({"QueueUrl":"orders.fifo","MessageBody":"m","MessageGroupId":"g",
                        "MessageDeduplicationId":"d"})");
  auto f = registry.invoke(TaskCall{"Enqueue", "arn:aws:states:::sqs:sendMessage", fifo, 0});
  ASSERT_TRUE(f && f->ok());
  EXPECT_EQ((*f)->find("SequenceNumber")->asString().size(), 20u);
}

TEST_F(EmbeddedServicesTest, UnknownQueueIsQueueDoesNotExistException) {
  AdapterRegistry registry = load(R"({"sqs":{"database":"queues.db"}})");
  Value input = json(R"({"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/nowhere",
                         "MessageBody":"m"})");
  auto r = registry.invoke(TaskCall{"Enqueue", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "SQS.QueueDoesNotExistException");
  EXPECT_TRUE(r->error().cause.starts_with(
      "The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; Error Code: "
      "AWS.SimpleQueueService.NonExistentQueue; Request ID: "))
      << r->error().cause;
  Value fifo = json(R"({"QueueUrl":"nowhere","MessageBody":"m","DelaySeconds":"5"})");
  auto bad = registry.invoke(TaskCall{"Enqueue", "arn:aws:states:::sqs:sendMessage", fifo, 0});
  ASSERT_TRUE(bad && !bad->ok());
  EXPECT_EQ(bad->error().error, "States.Runtime");
}

TEST_F(EmbeddedServicesTest, PublishFansOutToQueuesCommandsAndWebhooks) {
  adapters::testing::LoopbackServer webhook(
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  AdapterRegistry registry = load(R"({
    "sqs": {"database": "queues.db", "queues": {"inventory": {}, "shipping": {}}},
    "sns": {"topics": {"order-events": {"subscribers": [
      {"queue": "inventory"},
      {"queue": "shipping", "raw": true},
      {"command": ["sh", "-c", "cat > delivered.json"]},
      {"url": ")" + webhook.url() +
                                  R"(/hook", "raw": true}
    ]}}}
  })");
  Value input = json(R"({"TopicArn":"arn:aws:sns:us-east-1:123456789012:order-events",
                         "Message":{"order":"o-1"},"Subject":"created",
                         "MessageAttributes":{"kind":{"DataType":"String","StringValue":"new"}}})");
  auto r = registry.invoke(TaskCall{"Notify", "arn:aws:states:::sns:publish", input, 0});
  ASSERT_TRUE(r && r->ok()) << (r ? r->error().error + ": " + r->error().cause : "not served");
  std::string messageId(r->value().find("MessageId")->asString());
  EXPECT_EQ(r->value().find("SdkHttpMetadata")->find("HttpStatusCode")->asInteger(), 200);

  auto inventory = drain("inventory");
  ASSERT_EQ(inventory.size(), 1u);
  Value envelope = json(inventory[0].body);
  EXPECT_EQ(envelope.find("Type")->asString(), "Notification");
  EXPECT_EQ(envelope.find("MessageId")->asString(), messageId);
  EXPECT_EQ(envelope.find("TopicArn")->asString(),
            "arn:aws:sns:us-east-1:123456789012:order-events");
  EXPECT_EQ(envelope.find("Subject")->asString(), "created");
  EXPECT_EQ(envelope.find("Message")->asString(), R"({"order":"o-1"})");
  EXPECT_EQ(toJson(*envelope.find("MessageAttributes")),
            R"({"kind":{"Type":"String","Value":"new"}})");
  EXPECT_TRUE(envelope.find("Timestamp")->asString().ends_with("Z"));

  auto shipping = drain("shipping");
  ASSERT_EQ(shipping.size(), 1u);
  EXPECT_EQ(shipping[0].body, R"({"order":"o-1"})"); // raw: the message itself
  EXPECT_EQ(shipping[0].attributes.at("kind").value, "new");

  EXPECT_EQ(json(read("delivered.json")).find("MessageId")->asString(), messageId);

  std::string request = webhook.lastRequest();
  EXPECT_TRUE(request.starts_with("POST /hook HTTP/1.1\r\n")) << request;
  EXPECT_NE(request.find("\r\nx-amz-sns-message-type: Notification\r\n"), std::string::npos);
  EXPECT_NE(request.find("\r\nx-amz-sns-message-id: " + messageId + "\r\n"), std::string::npos);
  EXPECT_NE(request.find("\r\nx-amz-sns-rawdelivery: true\r\n"), std::string::npos);
  EXPECT_TRUE(request.ends_with("\r\n\r\n{\"order\":\"o-1\"}")) << request;
}

TEST_F(EmbeddedServicesTest, FailedDeliveryFailsThePublishNamingTheSubscriber) {
  AdapterRegistry registry = load(R"({"sqs":{"database":"queues.db","queues":{"a":{}}},
    "sns":{"topics":{"t":{"subscribers":[{"queue":"a"},{"command":["sh","-c","exit 3"]}]}}}})");
  Value input = json(R"({"TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"m"})");
  auto r = registry.invoke(TaskCall{"Notify", "arn:aws:states:::sns:publish", input, 0});
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "SNS.AmazonSNSException");
  EXPECT_NE(r->error().cause.find("to subscriber 2 (command sh) failed: "), std::string::npos)
      << r->error().cause;
  EXPECT_EQ(drain("a").size(), 1u); // the first delivery stays delivered

  Value unknown = json(R"({"TopicArn":"arn:aws:sns:us-east-1:123456789012:nope","Message":"m"})");
  auto n = registry.invoke(TaskCall{"Notify", "arn:aws:states:::sns:publish", unknown, 0});
  ASSERT_TRUE(n && !n->ok());
  EXPECT_EQ(n->error().error, "SNS.NotFoundException");
}

TEST_F(EmbeddedServicesTest, FifoTopicNeedsAGroupAndGivesSequenceNumbers) {
  AdapterRegistry registry = load(R"({"sqs":{"database":"queues.db","queues":{"q.fifo":{}}},
    "sns":{"topics":{"t.fifo":{"contentBasedDeduplication":true,
                              "subscribers":[{"queue":"q.fifo","raw":true}]}}}})");
  Value noGroup = json(R"({"TopicArn":"arn:aws:sns:us-east-1:1:t.fifo","Message":"m"})");
  auto refused = registry.invoke(TaskCall{"P", "arn:aws:states:::sns:publish", noGroup, 0});
  ASSERT_TRUE(refused && !refused->ok());
  EXPECT_EQ(refused->error().error, "SNS.InvalidParameterException");
  Value input =
      json(R"({"TopicArn":"arn:aws:sns:us-east-1:1:t.fifo","Message":"m","MessageGroupId":"g"})");
  auto r = registry.invoke(TaskCall{"P", "arn:aws:states:::sns:publish", input, 0});
  ASSERT_TRUE(r && r->ok()) << r->error().cause;
  EXPECT_EQ((*r)->find("SequenceNumber")->asString().size(), 20u);
  auto got = drain("q.fifo");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].groupId, "g");
}

TEST_F(EmbeddedServicesTest, EmbeddedSectionMistakesNameTheirField) {
  auto errorOf = [&](const std::string& text) {
    auto r = AdapterRegistry::fromConfig(json(text), AdapterEnvironment{}, dir_.string());
    return r.ok() ? std::string("(loaded)") : r.error().message;
  };
  EXPECT_EQ(
      errorOf(R"({"sqs":{"database":"q.db","queues":{"a":{"visibilityTimeoutSeconds":-1}}}})"),
      "/sqs/queues/a/visibilityTimeoutSeconds must be a whole number from 0 to 43200");
  EXPECT_EQ(errorOf(R"({"sqs":{"database":"q.db","queues":{"a":{"maxReceiveCount":3}}}})"),
            "/sqs/queues/a: deadLetterQueue and maxReceiveCount go together");
  EXPECT_EQ(errorOf(R"({"sqs":{"database":"q.db","queues":{"bad name":{}}}})"),
            "/sqs/queues/bad name: Can only include alphanumeric characters, hyphens, or "
            "underscores. 1 to 80 in length");
  EXPECT_EQ(errorOf(R"({"sqs":{"database":"q.db"},"sns":{"topics":{"t":{"subscribers":[{}]}}}})"),
            "/sns/topics/t/subscribers/0 needs one of \"queue\", \"command\" and \"url\"");
  EXPECT_EQ(errorOf(R"({"sqs":{"database":"q.db"},"sns":{"topics":{"t":{"subscribers":[
              {"url":"ftp://x"}]}}}})"),
            "/sns/topics/t/subscribers/0/url must be an http:// or https:// URL");
}

} // namespace
} // namespace asl
