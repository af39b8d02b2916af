// End to end through aslc as a shell uses it: a Task whose server never answers ends at its
// TimeoutSeconds as States.Timeout; a workflow on the embedded SQS and SNS leaves its messages
// where `aslc queue` reads them; `aslc queue` sends, receives, deletes and purges; a
// `.waitForTaskToken` task is completed by `aslc task success` through `--callback-port`.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "asl/queue.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/adapters/loopback_server.h"
#include "tests/adapters/moto_server_env.h"

namespace asl {
namespace {

using adapters::testing::runProcess;
using SteadyClock = std::chrono::steady_clock;

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

class CliAdaptersTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("asl-cli-adapters-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::string db() const { return (dir_ / "queues.db").string(); }
  adapters::testing::ProcessResult aslc(std::vector<std::string> args, int seconds = 30) {
    args.insert(args.begin(), ASL_ASLC_PATH);
    return runProcess(args, {{"ASL_QUEUES_DB", db()}}, seconds);
  }

  std::filesystem::path dir_;
};

TEST_F(CliAdaptersTest, TaskTimeoutEndsACallToAServerThatNeverAnswers) {
  adapters::testing::LoopbackServer silent("", adapters::testing::LoopbackServer::Mode::Silent);
  std::string definition = write("slow.asl.json", R"({"StartAt":"Send","States":{"Send":{
    "Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","TimeoutSeconds":1,
    "Parameters":{"QueueUrl":"http://127.0.0.1/1/q","MessageBody":"m"},"End":true}}})");
  std::string adapters =
      write("adapters.json", R"({"aws":{"region":"us-east-1","endpoint":")" + silent.url() +
                                 R"(","timeoutSeconds":60},"sqs":{"backend":"aws"}})");
  auto started = SteadyClock::now();
  auto run = runProcess({ASL_ASLC_PATH, "run", definition, "--adapters", adapters},
                        {{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}, 30);
  auto elapsed = SteadyClock::now() - started;
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(run.out, "{\"status\":\"FAILED\",\"error\":\"States.Timeout\"}\n");
  EXPECT_GE(elapsed, std::chrono::milliseconds(1000));
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST_F(CliAdaptersTest, QueueCommandsSendReceiveDeleteAndPurge) {
  ASSERT_EQ(aslc({"queue", "create", "orders", "--visibility-timeout", "60"}).exitCode, 0);
  auto sent = aslc({"queue", "send", "orders", R"({"id":1})", "--attribute", "kind=new"});
  ASSERT_EQ(sent.exitCode, 0) << sent.err;
  Value sentJson = json(sent.out);
  std::string id(sentJson.find("MessageId")->asString());

  auto list = aslc({"queue", "list"});
  ASSERT_EQ(list.exitCode, 0) << list.err;
  EXPECT_EQ(
      toJson(*json(list.out).find("Queues")->items().begin()->find("ApproximateNumberOfMessages")),
      "1");

  auto received = aslc({"queue", "receive", "orders"});
  ASSERT_EQ(received.exitCode, 0) << received.err;
  Value receivedJson = json(received.out);
  const Value& message = *receivedJson.find("Messages")->items().begin();
  EXPECT_EQ(message.find("MessageId")->asString(), id);
  EXPECT_EQ(message.find("Body")->asString(), R"({"id":1})");
  EXPECT_EQ(message.find("MD5OfMessageAttributes")->asString(),
            sentJson.find("MD5OfMessageAttributes")->asString());
  EXPECT_EQ(toJson(*message.find("MessageAttributes")),
            R"({"kind":{"DataType":"String","StringValue":"new"}})");
  EXPECT_EQ(json(aslc({"queue", "receive", "orders"}).out).find("Messages")->size(), 0u);
  std::string handle(message.find("ReceiptHandle")->asString());
  EXPECT_EQ(aslc({"queue", "delete", "orders", handle}).exitCode, 0);
  auto again = aslc({"queue", "delete", "orders", handle});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_TRUE(again.err.starts_with("aslc queue: ReceiptHandleIsInvalid: ")) << again.err;

  ASSERT_EQ(aslc({"queue", "send", "orders", "x"}).exitCode, 0);
  EXPECT_EQ(aslc({"queue", "purge", "orders"}).out, "{\"Purged\":1}\n");
  auto missing = aslc({"queue", "send", "nowhere", "x"});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_EQ(missing.err, "aslc queue: QueueDoesNotExist: The specified queue does not exist.\n");
}

TEST_F(CliAdaptersTest, WorkflowOnEmbeddedSqsAndSnsLeavesMessagesForAslcQueue) {
  std::string definition = write("orders.asl.json", R"({"StartAt":"Enqueue","States":{
    "Enqueue":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
      "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                    "MessageBody.$":"$.order"},
      "ResultSelector":{"id.$":"$.MessageId"},"ResultPath":"$.sent","Next":"Announce"},
    "Announce":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
      "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:order-events",
                    "Message.$":"$.order"},
      "ResultPath":null,"End":true}}})");
  std::string adapters = write("adapters.json", R"({
    "sqs": {"queues": {"orders": {}, "inventory": {}}},
    "sns": {"topics": {"order-events": {"subscribers": [{"queue": "inventory", "raw": true}]}}}})");
  auto run =
      aslc({"run", definition, "--input", R"({"order":{"id":"o-1"}})", "--adapters", adapters});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  std::string sentId(json(run.out).find("output")->find("sent")->find("id")->asString());

  auto orders = aslc({"queue", "receive", "orders", "--delete"});
  Value ordersJson = json(orders.out);
  const Value& order = *ordersJson.find("Messages")->items().begin();
  EXPECT_EQ(order.find("MessageId")->asString(), sentId);
  EXPECT_EQ(order.find("Body")->asString(), R"({"id":"o-1"})");
  auto inventory = aslc({"queue", "receive", "inventory", "--delete"});
  EXPECT_EQ(json(inventory.out).find("Messages")->items().begin()->find("Body")->asString(),
            R"({"id":"o-1"})");
}

// Starts `aslc run` in the background with its standard error on a pipe, so that the test can
// read the callback port it prints while it runs.
struct Background {
  pid_t pid = -1;
  int err = -1;
  std::string outPath;
};

Background startAslc(const std::vector<std::string>& args, const std::string& outPath,
                     const std::string& db) {
  int pipeFds[2];
  EXPECT_EQ(::pipe(pipeFds), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(pipeFds[1], 2);
    ::close(pipeFds[0]);
    ::setenv("ASL_QUEUES_DB", db.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(ASL_ASLC_PATH)};
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(ASL_ASLC_PATH, argv.data());
    ::_exit(127);
  }
  ::close(pipeFds[1]);
  return Background{pid, pipeFds[0], outPath};
}

// The port from "aslc: callbacks on http://127.0.0.1:PORT", within `seconds`.
int readCallbackPort(int fd, int seconds) {
  std::string text;
  auto deadline = SteadyClock::now() + std::chrono::seconds(seconds);
  while (SteadyClock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buffer[512];
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<size_t>(n));
    size_t at = text.find("callbacks on http://127.0.0.1:");
    if (at != std::string::npos && text.find('\n', at) != std::string::npos)
      return std::atoi(text.c_str() + at + 30);
  }
  ADD_FAILURE() << "no callback port in: " << text;
  return -1;
}

TEST_F(CliAdaptersTest, AslcTaskSuccessCompletesAWaitingExecution) {
  std::string definition = write("approve.asl.json", R"({"StartAt":"Ask","States":{
    "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "TimeoutSeconds":30,
      "Parameters":{"QueueUrl":"approvals","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},
      "ResultPath":"$.approval","End":true}}})");
  std::string adapters = write("adapters.json", R"({"sqs":{"queues":{"approvals":{}}}})");
  Background run = startAslc({"run", definition, "--input", R"({"order":"o-1"})", "--adapters",
                              adapters, "--callback-port", "0"},
                             (dir_ / "run.out").string(), db());
  int port = readCallbackPort(run.err, 20);
  ASSERT_GT(port, 0);

  // The worker: takes the request off the queue, then answers with the token it carries.
  auto received = aslc({"queue", "receive", "approvals", "--wait", "10", "--delete"});
  ASSERT_EQ(received.exitCode, 0) << received.err;
  Value body = json(json(received.out).find("Messages")->items().begin()->find("Body")->asString());
  std::string token(body.find("token")->asString());
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(body.find("order")->asString(), "o-1");
  auto unknown = aslc({"task", "success", "--callback-port", std::to_string(port), "--task-token",
                       "not-a-token", "--task-output", "{}"});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_EQ(unknown.err, "aslc task: InvalidToken: Invalid Token: 'Invalid token'\n");
  auto answered = aslc({"task", "success", "--callback-port", std::to_string(port), "--task-token",
                        token, "--task-output", R"({"approved":true})"});
  EXPECT_EQ(answered.exitCode, 0) << answered.err;

  int status = 0;
  auto deadline = SteadyClock::now() + std::chrono::seconds(20);
  while (::waitpid(run.pid, &status, WNOHANG) != run.pid) {
    if (SteadyClock::now() > deadline) {
      ::kill(run.pid, SIGKILL);
      ::waitpid(run.pid, &status, 0);
      FAIL() << "the execution did not end";
    }
    ::usleep(20 * 1000);
  }
  ::close(run.err);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::ifstream out(run.outPath);
  std::string output((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  EXPECT_EQ(output,
            R"({"status":"SUCCEEDED","output":{"order":"o-1","approval":{"approved":true}}})"
            "\n");
}

TEST_F(CliAdaptersTest, CallbackTaskWithoutACallbackPortFailsAtOnce) {
  std::string definition = write("approve.asl.json", R"({"StartAt":"Ask","States":{
    "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters":{"QueueUrl":"approvals","MessageBody.$":"$$.Task.Token"},"End":true}}})");
  std::string adapters = write("adapters.json", R"({"sqs":{"queues":{"approvals":{}}}})");
  auto run = aslc({"run", definition, "--adapters", adapters});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.out.find(R"("error":"States.Runtime")"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("--callback-port"), std::string::npos) << run.out;
}

} // namespace
} // namespace asl
