// Network faults end as task errors named as Step Functions names them, within the configured
// timeouts, with no retry behind the state's back: a refused connection at once, a server
// that never answers at the total timeout.
#include <gtest/gtest.h>

#include <chrono>

#include "asl/adapter.h"
#include "runtime/value/json_reader.h"
#include "tests/adapters/loopback_server.h"

namespace asl::adapters {
namespace {

using Clock = std::chrono::steady_clock;

AdapterRegistry adaptersAt(const std::string& endpoint, std::string_view timeoutSeconds) {
  auto config = parseJsonValue(R"({"aws":{"region":"us-east-1","endpoint":")" + endpoint +
                               R"(","connectTimeoutSeconds":1,"timeoutSeconds":)" +
                               std::string(timeoutSeconds) +
                               R"(},"sqs":{"backend":"aws"},"sns":{"backend":"aws"},)"
                               R"("lambda":{"backend":"aws"}})");
  EXPECT_TRUE(config.ok());
  AdapterEnvironment env{{{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}};
  auto registry = AdapterRegistry::fromConfig(*config, env);
  EXPECT_TRUE(registry.ok()) << registry.error().message;
  return std::move(registry).value();
}

Value sqsInput() {
  return Value::object({makeMember("QueueUrl", Value::string("http://127.0.0.1/1/q")),
                        makeMember("MessageBody", Value::string("m"))});
}

TEST(AdapterFaultsTest, RefusedConnectionIsSdkClientExceptionAtOnce) {
  std::string endpoint = "http://127.0.0.1:" + std::to_string(testing::closedLoopbackPort());
  AdapterRegistry adapters = adaptersAt(endpoint, "5");
  Value input = sqsInput();
  auto started = Clock::now();
  auto r = adapters.invoke(TaskCall{"Send", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "SQS.SdkClientException");
  EXPECT_TRUE(r->error().cause.starts_with("Unable to execute HTTP request: ")) << r->error().cause;
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(1));

  Value publish = Value::object({makeMember("TopicArn", Value::string("arn:aws:sns:us-east-1:1:t")),
                                 makeMember("Message", Value::string("m"))});
  auto sns = adapters.invoke(TaskCall{"Publish", "arn:aws:states:::sns:publish", publish, 0});
  ASSERT_TRUE(sns && !sns->ok());
  EXPECT_EQ(sns->error().error, "SNS.SdkClientException");
}

TEST(AdapterFaultsTest, SilentServerIsClientExecutionTimeoutAtTheTimeout) {
  testing::LoopbackServer silent("", testing::LoopbackServer::Mode::Silent);
  AdapterRegistry adapters = adaptersAt(silent.url(), "0.3");
  Value input = parseJsonValue(R"({"n":1})").value();
  auto started = Clock::now();
  auto r = adapters.invoke(
      TaskCall{"Invoke", "arn:aws:lambda:us-east-1:123456789012:function:f", input, 0});
  auto elapsed = Clock::now() - started;
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "Lambda.ClientExecutionTimeoutException");
  EXPECT_TRUE(r->error().cause.starts_with(
      "Client execution did not complete before the specified timeout configuration: 300 millis"))
      << r->error().cause;
  EXPECT_GE(elapsed, std::chrono::milliseconds(290));
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  // The request reached the server once: nothing was retried.
  EXPECT_NE(silent.lastRequest().find("POST /2015-03-31/functions/"), std::string::npos);
}

TEST(AdapterFaultsTest, AnswerThatIsNotTheServiceProtocolIsAnSdkError) {
  testing::LoopbackServer html("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n"
                               "Connection: close\r\n\r\n<html>");
  AdapterRegistry adapters = adaptersAt(html.url(), "5");
  Value input = sqsInput();
  auto r = adapters.invoke(TaskCall{"Send", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "SQS.SdkClientException");
  EXPECT_EQ(r->error().cause, "Unable to unmarshall response: <html>");
}

TEST(AdapterFaultsTest, RequestsAreSignedWithTheConfiguredCredentials) {
  testing::LoopbackServer server("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                                 "Connection: close\r\n\r\n");
  AdapterRegistry adapters = adaptersAt(server.url(), "5");
  Value input = sqsInput();
  auto r = adapters.invoke(TaskCall{"Send", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "SQS.AmazonSQSException");
  std::string request = server.lastRequest();
  EXPECT_NE(request.find("\r\nAuthorization: AWS4-HMAC-SHA256 Credential=test/"), std::string::npos)
      << request;
  EXPECT_NE(request.find("/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;"
                         "x-amz-date;x-amz-target, Signature="),
            std::string::npos)
      << request;
  EXPECT_NE(request.find("\r\nX-Amz-Target: AmazonSQS.SendMessage\r\n"), std::string::npos);
}

} // namespace
} // namespace asl::adapters
