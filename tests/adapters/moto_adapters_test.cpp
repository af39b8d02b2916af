// The aws back ends against a real moto_server on 127.0.0.1: SQS sendMessage (the message is
// then received from the queue), SNS publish fanning out to a subscribed queue, Lambda invoke
// in both resource forms, and the errors each service answers, named as Step Functions names
// them.
#include <gtest/gtest.h>

#include "asl/adapter.h"
#include "asl/queue.h"
#include "runtime/adapters/aws/crypto.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/adapters/moto_server_env.h"

namespace asl::adapters {
namespace {

using testing::MotoAws;
using testing::MotoEnvironment;

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

std::string keysOf(const Value& object) {
  std::string keys;
  for (const Member& m : object.members())
    keys += std::string(keys.empty() ? "" : ",") + std::string(m.key.asString());
  return keys;
}

std::string str(const Value* v) {
  return v && v->isString() ? std::string(v->asString())
                            : "(not a string: " + (v ? toJson(*v) : "absent") + ")";
}

class MotoAdaptersTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(MotoEnvironment::endpoint().empty()) << "moto_server is not running";
    moto_.reset();
    Value config = Value::object(
        {makeMember("aws", Value::object({makeMember("region", Value::string("us-east-1")),
                                          makeMember("endpoint", Value::string(endpoint_)),
                                          makeMember("timeoutSeconds", Value::integer(20))})),
         makeMember("lambda", json(R"({"backend":"aws"})")),
         makeMember("sqs", json(R"({"backend":"aws"})")),
         makeMember("sns", json(R"({"backend":"aws"})"))});
    AdapterEnvironment env{{{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}};
    auto registry = AdapterRegistry::fromConfig(config, env);
    ASSERT_TRUE(registry.ok()) << registry.error().message;
    registry_ = std::move(registry).value();
  }

  TaskResult call(std::string_view resource, const Value& input) {
    auto answer = registry_.invoke(TaskCall{"State", resource, input, 0});
    if (!answer) return fail(TaskError{"test", "no adapter serves " + std::string(resource)});
    return std::move(*answer);
  }

  std::string endpoint_ = MotoEnvironment::endpoint();
  MotoAws moto_{endpoint_};
  AdapterRegistry registry_;
};

TEST_F(MotoAdaptersTest, SqsSendMessageArrivesInTheQueue) {
  std::string url = moto_.createQueue("orders");
  ASSERT_FALSE(url.empty());
  Value input =
      Value::object({makeMember("QueueUrl", Value::string(url)),
                     makeMember("MessageBody", json(R"({"order":7,"items":["a","b"]})")),
                     makeMember("MessageAttributes",
                                json(R"({"kind":{"DataType":"String","StringValue":"new"}})"))});
  auto r = call("arn:aws:states:::sqs:sendMessage", input);
  ASSERT_TRUE(r.ok()) << r.error().error << ": " << r.error().cause;
  // A JSON body travels as its compact text, whose MD5 SQS returns.
  const std::string body = R"({"order":7,"items":["a","b"]})";
  EXPECT_EQ(keysOf(*r), "MD5OfMessageAttributes,MD5OfMessageBody,MessageId,SdkHttpMetadata,"
                        "SdkResponseMetadata");
  EXPECT_EQ(str(r->find("MD5OfMessageBody")), aws::toHex(aws::md5(body)));
  EXPECT_EQ(toJson(*r->find("SdkHttpMetadata")->find("HttpStatusCode")), "200");
  EXPECT_FALSE(str(r->find("SdkResponseMetadata")->find("RequestId")).empty());

  std::vector<Value> received = moto_.receive(url);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(str(received[0].find("Body")), body);
  EXPECT_EQ(str(received[0].find("MessageId")), str(r->find("MessageId")));
  EXPECT_EQ(str(received[0].find("MD5OfMessageAttributes")),
            str(r->find("MD5OfMessageAttributes")));
  EXPECT_EQ(toJson(*received[0].find("MessageAttributes")->find("kind")),
            R"({"StringValue":"new","DataType":"String"})");
}

// The embedded queue computes MD5OfMessageAttributes as SQS does: moto, which implements
// SQS's algorithm, gives the same digest for string, number and binary attributes.
TEST_F(MotoAdaptersTest, EmbeddedQueueMd5OfAttributesMatchesSqs) {
  std::string url = moto_.createQueue("digests");
  Value attributes = json(R"({"kind":{"DataType":"String","StringValue":"new"},
                              "count":{"DataType":"Number","StringValue":"42"},
                              "blob":{"DataType":"Binary","BinaryValue":"AAH/"},
                              "z.label":{"DataType":"String.custom","StringValue":"x"}})");
  auto r = call("arn:aws:states:::sqs:sendMessage",
                Value::object({makeMember("QueueUrl", Value::string(url)),
                               makeMember("MessageBody", Value::string("m")),
                               makeMember("MessageAttributes", attributes)}));
  ASSERT_TRUE(r.ok()) << r.error().error << ": " << r.error().cause;
  MessageAttributes local{{"kind", {"String", "new"}},
                          {"count", {"Number", "42"}},
                          {"blob", {"Binary", std::string("\x00\x01\xff", 3)}},
                          {"z.label", {"String.custom", "x"}}};
  EXPECT_EQ(md5OfMessageAttributes(local), str(r->find("MD5OfMessageAttributes")));
}

TEST_F(MotoAdaptersTest, SqsStringBodyIsSentAsIs) {
  std::string url = moto_.createQueue("plain");
  auto r = call("arn:aws:states:::sqs:sendMessage",
                Value::object({makeMember("QueueUrl", Value::string(url)),
                               makeMember("MessageBody", Value::string("hello \"sqs\"")),
                               makeMember("DelaySeconds", Value::integer(0))}));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(keysOf(*r), "MD5OfMessageBody,MessageId,SdkHttpMetadata,SdkResponseMetadata");
  std::vector<Value> received = moto_.receive(url);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(str(received[0].find("Body")), "hello \"sqs\"");
}

TEST_F(MotoAdaptersTest, SqsFifoQueueGivesASequenceNumber) {
  std::string url = moto_.createQueue("jobs.fifo", true);
  auto r = call("arn:aws:states:::sqs:sendMessage",
                Value::object({makeMember("QueueUrl", Value::string(url)),
                               makeMember("MessageBody", Value::string("job-1")),
                               makeMember("MessageGroupId", Value::string("g1")),
                               makeMember("MessageDeduplicationId", Value::string("d1"))}));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  ASSERT_NE(r->find("SequenceNumber"), nullptr) << toJson(*r);
  EXPECT_FALSE(str(r->find("SequenceNumber")).empty());
  std::vector<Value> received = moto_.receive(url);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(str(received[0].find("Attributes")->find("MessageGroupId")), "g1");
}

TEST_F(MotoAdaptersTest, SqsMissingQueueIsQueueDoesNotExistException) {
  auto r =
      call("arn:aws:states:::sqs:sendMessage",
           Value::object({makeMember("QueueUrl", Value::string(endpoint_ + "/123456789012/none")),
                          makeMember("MessageBody", Value::string("x"))}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "SQS.QueueDoesNotExistException");
  EXPECT_TRUE(r.error().cause.starts_with(
      "The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; Error Code: "
      "AWS.SimpleQueueService.NonExistentQueue; Request ID: "))
      << r.error().cause;
  EXPECT_TRUE(r.error().cause.ends_with("; Proxy: null)")) << r.error().cause;
}

TEST_F(MotoAdaptersTest, SqsUnknownParameterIsADefinitionError) {
  auto r = call("arn:aws:states:::sqs:sendMessage",
                Value::object({makeMember("QueueUrl", Value::string("q")),
                               makeMember("MessageBody", Value::string("x")),
                               makeMember("Body", Value::string("y"))}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "States.Runtime");
  EXPECT_EQ(r.error().cause, "The field 'Body' is not supported by Step Functions for the "
                             "resource 'arn:aws:states:::sqs:sendMessage'");
}

TEST_F(MotoAdaptersTest, SnsPublishReachesASubscribedQueue) {
  std::string topic = moto_.createTopic("order-events");
  std::string queue = moto_.createQueue("inventory");
  ASSERT_FALSE(topic.empty());
  moto_.subscribeQueue(topic, queue);
  auto r =
      call("arn:aws:states:::sns:publish",
           Value::object(
               {makeMember("TopicArn", Value::string(topic)),
                makeMember("Message", json(R"({"sku":"A1","qty":2})")),
                makeMember("Subject", Value::string("restock")),
                makeMember("MessageAttributes",
                           json(R"({"kind":{"DataType":"String","StringValue":"restock"}})"))}));
  ASSERT_TRUE(r.ok()) << r.error().error << ": " << r.error().cause;
  EXPECT_EQ(keysOf(*r), "MessageId,SdkHttpMetadata,SdkResponseMetadata");
  EXPECT_FALSE(str(r->find("MessageId")).empty());
  EXPECT_FALSE(str(r->find("SdkResponseMetadata")->find("RequestId")).empty());

  std::vector<Value> received = moto_.receive(queue);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(str(received[0].find("Body")), R"({"sku":"A1","qty":2})");
  ASSERT_NE(received[0].find("MessageAttributes"), nullptr) << toJson(received[0]);
  EXPECT_EQ(str(received[0].find("MessageAttributes")->find("kind")->find("StringValue")),
            "restock");
}

TEST_F(MotoAdaptersTest, SnsFifoTopicReceivesGroupAndDeduplicationIds) {
  // A FIFO topic refuses a message without both ids; moto gives no SequenceNumber back.
  std::string topic = moto_.createTopic("orders.fifo", true);
  auto r = call("arn:aws:states:::sns:publish",
                Value::object({makeMember("TopicArn", Value::string(topic)),
                               makeMember("Message", Value::string("m")),
                               makeMember("MessageGroupId", Value::string("g")),
                               makeMember("MessageDeduplicationId", Value::string("d"))}));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_FALSE(str(r->find("MessageId")).empty());

  auto missing = call("arn:aws:states:::sns:publish",
                      Value::object({makeMember("TopicArn", Value::string(topic)),
                                     makeMember("Message", Value::string("m"))}));
  ASSERT_FALSE(missing.ok());
  // An error code SNS's model does not declare is named after the service's base exception.
  EXPECT_EQ(missing.error().error, "SNS.AmazonSNSException");
  EXPECT_NE(missing.error().cause.find("(Service: AmazonSNS; Status Code: 400; Error Code: "
                                       "MissingParameter; Request ID: "),
            std::string::npos)
      << missing.error().cause;
}

TEST_F(MotoAdaptersTest, SnsMissingTopicIsNotFoundException) {
  auto r = call("arn:aws:states:::sns:publish",
                Value::object({makeMember("TopicArn",
                                          Value::string("arn:aws:sns:us-east-1:123456789012:none")),
                               makeMember("Message", Value::string("m"))}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "SNS.NotFoundException");
  EXPECT_TRUE(r.error().cause.ends_with("(Service: AmazonSNS; Status Code: 404; Error Code: "
                                        "NotFound; Request ID: " +
                                        r.error().cause.substr(r.error().cause.rfind("ID: ") + 4)))
      << r.error().cause;
  EXPECT_EQ(r.error().cause.find("Request ID: null"), std::string::npos);
}

TEST_F(MotoAdaptersTest, LambdaInvokeReturnsTheEnvelope) {
  moto_.createEchoFunction("echo");
  auto r = call("arn:aws:states:::lambda:invoke",
                Value::object({makeMember("FunctionName", Value::string("echo")),
                               makeMember("Payload", json(R"({"hello":"lambda","n":42})"))}));
  ASSERT_TRUE(r.ok()) << r.error().error << ": " << r.error().cause;
  EXPECT_EQ(keysOf(*r), "Payload,SdkHttpMetadata,SdkResponseMetadata,StatusCode");
  EXPECT_EQ(toJson(*r->find("Payload")), R"({"hello":"lambda","n":42})");
  EXPECT_EQ(toJson(*r->find("StatusCode")), "200");
}

TEST_F(MotoAdaptersTest, LambdaStringPayloadIsSentAsIs) {
  // As in AWS's recorded execution test_invoke_json_values[HelloWorld]: a string Payload is the
  // request body itself, so JSON text in a string reaches the function as that JSON.
  moto_.createEchoFunction("echo");
  auto r = call("arn:aws:states:::lambda:invoke",
                Value::object({makeMember("FunctionName", Value::string("echo")),
                               makeMember("Payload", Value::string(R"({"as":"text"})"))}));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(toJson(*r->find("Payload")), R"({"as":"text"})");
}

TEST_F(MotoAdaptersTest, LambdaEventInvocationIsAccepted) {
  moto_.createEchoFunction("echo");
  auto r = call("arn:aws:states:::lambda:invoke",
                Value::object({makeMember("FunctionName", Value::string("echo")),
                               makeMember("InvocationType", Value::string("Event")),
                               makeMember("Payload", json("{}"))}));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(toJson(*r->find("StatusCode")), "202");
}

TEST_F(MotoAdaptersTest, LambdaFunctionArnReturnsTheRawPayload) {
  moto_.createEchoFunction("echo");
  auto r = call("arn:aws:lambda:us-east-1:123456789012:function:echo", json(R"({"n":1,"s":"x"})"));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(toJson(*r), R"({"n":1,"s":"x"})");
}

TEST_F(MotoAdaptersTest, LambdaFunctionErrorIsNamedByItsErrorType) {
  // moto answers a response above Lambda's 6 MB limit as Lambda does: a function error whose
  // payload names Function.ResponseSizeTooLarge.
  moto_.createEchoFunction("echo");
  auto r = call("arn:aws:states:::lambda:invoke",
                Value::object({makeMember("FunctionName", Value::string("echo")),
                               makeMember("Payload", Value::string(std::string(6'000'100, 'x')))}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "Function.ResponseSizeTooLarge");
  auto cause = parseJsonValue(r.error().cause);
  ASSERT_TRUE(cause.ok()) << r.error().cause;
  EXPECT_EQ(str(cause->find("errorType")), "Function.ResponseSizeTooLarge");
}

} // namespace
} // namespace asl::adapters
