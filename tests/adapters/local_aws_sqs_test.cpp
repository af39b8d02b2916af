// The SQS back end against a second, independent SQS server: local-aws-sqs (npm), started by
// this program on a free port of 127.0.0.1 and stopped at the end. sqs:sendMessage reaches it
// with attributes and a JSON body; the message comes back with the MD5s the adapter and the
// embedded queue compute. It fails, never skips, when node or the package is missing (tools/dev.sh
// test installs it into build/npm-servers; ASL_NPM_SERVERS_DIR points elsewhere).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "asl/adapter.h"
#include "asl/queue.h"
#include "runtime/adapters/aws/crypto.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/adapters/loopback_server.h"
#include "tests/adapters/moto_server_env.h"

namespace asl::adapters::testing {
namespace {

std::string& endpoint() {
  static std::string url;
  return url;
}

class LocalAwsSqsEnvironment final : public ::testing::Environment {
public:
  void SetUp() override {
    const char* fromEnv = std::getenv("ASL_NPM_SERVERS_DIR");
    std::string dir = fromEnv && *fromEnv ? fromEnv : ASL_NPM_SERVERS_DIR;
    ASSERT_TRUE(std::filesystem::exists(dir + "/node_modules/local-aws-sqs"))
        << "local-aws-sqs is not installed in " << dir
        << ": run tools/dev.sh test, or npm install --prefix " << dir << " local-aws-sqs@2.0.2";
    log_ = (std::filesystem::temp_directory_path() /
            ("asl-local-aws-sqs-" + std::to_string(::getpid()) + ".log"))
               .string();
    uint16_t port = closedLoopbackPort();
    pid_ = startServerProcess({"node", ASL_SOURCE_DIR "/tests/adapters/npm/start-local-aws-sqs.cjs",
                               dir, std::to_string(port)},
                              log_);
    ASSERT_GT(pid_, 0) << "cannot start node";
    std::string url = "http://127.0.0.1:" + std::to_string(port);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (readTextFile(log_).find("listening") == std::string::npos) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL() << "local-aws-sqs exited before it was ready:\n" << readTextFile(log_);
      }
      if (std::chrono::steady_clock::now() > deadline)
        FAIL() << "local-aws-sqs did not start within 30 s:\n" << readTextFile(log_);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    endpoint() = url;
  }
  void TearDown() override {
    if (pid_ > 0) stopServerProcess(pid_);
    if (!log_.empty()) std::filesystem::remove(log_);
  }

private:
  pid_t pid_ = -1;
  std::string log_;
};

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

TEST(LocalAwsSqsTest, SendMessageArrivesWithTheMd5sSqsComputes) {
  ASSERT_FALSE(endpoint().empty()) << "local-aws-sqs is not running";
  MotoAws server(endpoint()); // the AWS API calls, to this server
  std::string url = server.createQueue("orders");
  ASSERT_FALSE(url.empty());
  auto registry = AdapterRegistry::fromConfig(
      json(R"({"aws":{"region":"us-east-1","endpoint":")" + endpoint() +
           R"(","timeoutSeconds":20},"sqs":{"backend":"aws"}})"),
      AdapterEnvironment{{{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}});
  ASSERT_TRUE(registry.ok()) << registry.error().message;
  Value input = Value::object(
      {makeMember("QueueUrl", Value::string(url)),
       makeMember("MessageBody", json(R"({"order":7})")),
       makeMember("MessageAttributes", json(R"({"kind":{"DataType":"String","StringValue":"new"},
                           "n":{"DataType":"Number","StringValue":"3"}})"))});
  auto r = registry->invoke(TaskCall{"Send", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && r->ok()) << (r ? r->error().error + ": " + r->error().cause : "not served");
  EXPECT_EQ((*r)->find("MD5OfMessageBody")->asString(), aws::toHex(aws::md5(R"({"order":7})")));
  MessageAttributes local{{"kind", {"String", "new"}}, {"n", {"Number", "3"}}};
  EXPECT_EQ((*r)->find("MD5OfMessageAttributes")->asString(), md5OfMessageAttributes(local));

  std::vector<Value> received = server.receive(url);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].find("Body")->asString(), R"({"order":7})");
  EXPECT_EQ(received[0].find("MessageId")->asString(), (*r)->find("MessageId")->asString());
}

TEST(LocalAwsSqsTest, MissingQueueIsQueueDoesNotExistException) {
  ASSERT_FALSE(endpoint().empty()) << "local-aws-sqs is not running";
  auto registry = AdapterRegistry::fromConfig(
      json(R"({"aws":{"region":"us-east-1","endpoint":")" + endpoint() +
           R"("},"sqs":{"backend":"aws"}})"),
      AdapterEnvironment{{{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}});
  ASSERT_TRUE(registry.ok());
  Value input =
      json(R"({"QueueUrl":")" + endpoint() + R"(/123456789012/nowhere","MessageBody":"m"})");
  auto r = registry->invoke(TaskCall{"Send", "arn:aws:states:::sqs:sendMessage", input, 0});
  ASSERT_TRUE(r && !r->ok());
  EXPECT_EQ(r->error().error, "SQS.QueueDoesNotExistException") << r->error().cause;
}

} // namespace
} // namespace asl::adapters::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new asl::adapters::testing::LocalAwsSqsEnvironment);
  return RUN_ALL_TESTS();
}
