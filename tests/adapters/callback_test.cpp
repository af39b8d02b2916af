// `.waitForTaskToken`: the message goes out (here to an embedded queue) carrying the token; the
// task then waits for SendTaskSuccess or SendTaskFailure arriving over HTTP in the Step
// Functions JSON protocol, and ends with their output or error; SendTaskHeartbeat keeps it
// alive past HeartbeatSeconds; silence ends it with States.HeartbeatTimeout, and
// TimeoutSeconds with States.Timeout; late or unknown tokens are refused as AWS refuses them.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <thread>

#include "asl/adapter.h"
#include "asl/queue.h"
#include "runtime/adapters/adapter_task_handler.h"
#include "runtime/adapters/aws/http_client.h"
#include "runtime/adapters/callback/callback_server.h"
#include "runtime/adapters/callback/callback_task_handler.h"
#include "runtime/exec/clock.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

using SteadyClock = std::chrono::steady_clock;

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

// POSTs one Step Functions call to the server, as the AWS CLI does.
HttpResponse call(uint16_t port, std::string_view action, const std::string& body) {
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  request.headers = {{"Content-Type", "application/x-amz-json-1.0"},
                     {"X-Amz-Target", "AWSStepFunctions." + std::string(action)}};
  request.body = body;
  auto r = sendHttp(request, HttpTimeouts{});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : HttpResponse{};
}

class CallbackTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("asl-callback-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto registry = AdapterRegistry::fromConfig(
        json(R"({"sqs":{"database":"queues.db","queues":{"work":{}}}})"), AdapterEnvironment{},
        dir_.string());
    ASSERT_TRUE(registry.ok()) << registry.error().message;
    registry_ = std::move(registry).value();
    auto server = CallbackServer::start(tokens_, 0);
    ASSERT_TRUE(server.ok()) << server.error();
    server_ = std::move(server).value();
    queues_ = std::move(QueueStore::open((dir_ / "queues.db").string())).value();
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  struct Outcome {
    std::optional<eval::ExecResult<Value>> answer;
    exec::TaskTimer::Expiry expiry;
    std::chrono::milliseconds elapsed;
  };

  // Runs a callback Task as the executor would: sqs:sendMessage.waitForTaskToken whose body
  // carries the token.
  Outcome runTask(int64_t timeoutMillis, std::optional<int64_t> heartbeatSeconds) {
    AdapterTaskHandler plain(registry_);
    CallbackTaskHandler handler(plain, tokens_, true);
    exec::RealClock clock;
    exec::CancelScope cancel;
    exec::TaskTimer timer(clock, clock.now(), timeoutMillis,
                          heartbeatSeconds ? std::optional<int64_t>(*heartbeatSeconds * 1000)
                                           : std::nullopt);
    std::string token = "token-" + std::to_string(++tokenCount_);
    Value input = Value::object(
        {makeMember("QueueUrl", Value::string("work")),
         makeMember("MessageBody", Value::object({makeMember("token", Value::string(token))}))});
    exec::TaskRequest request{"Wait", "arn:aws:states:::sqs:sendMessage.waitForTaskToken", input};
    request.deadline = timer.deadline();
    request.heartbeatSeconds = heartbeatSeconds;
    request.timer = &timer;
    request.clock = &clock;
    request.cancel = &cancel;
    request.taskToken = token;
    auto started = SteadyClock::now();
    auto answer = handler.invoke(request);
    return Outcome{
        std::move(answer), timer.expired(),
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started)};
  }

  // A worker: receives the task's message from the queue and returns its token.
  std::string receiveToken() {
    for (int i = 0; i < 100; ++i) {
      auto got = queues_->receive("work", ReceiveOptions{.waitTimeSeconds = 1});
      if (got.ok() && !got->empty()) {
        EXPECT_TRUE(queues_->deleteMessage("work", (*got)[0].receiptHandle).ok());
        return std::string(json((*got)[0].body).find("token")->asString());
      }
    }
    ADD_FAILURE() << "no message reached the queue";
    return "";
  }

  std::filesystem::path dir_;
  AdapterRegistry registry_;
  TaskTokens tokens_;
  std::unique_ptr<CallbackServer> server_;
  std::shared_ptr<QueueStore> queues_;
  int tokenCount_ = 0;
};

TEST_F(CallbackTest, SendTaskSuccessEndsTheTaskWithItsOutput) {
  std::thread worker([&] {
    std::string token = receiveToken();
    HttpResponse r =
        call(server_->port(), "SendTaskSuccess",
             toJson(Value::object({makeMember("taskToken", Value::string(token)),
                                   makeMember("output", Value::string(R"({"paid":true})"))})));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "{}");
    // A second answer for the same task is too late.
    HttpResponse again = call(server_->port(), "SendTaskSuccess",
                              R"({"taskToken":")" + token + R"(","output":"{}"})");
    EXPECT_EQ(again.status, 400);
    EXPECT_NE(again.body.find("#TaskTimedOut"), std::string::npos) << again.body;
  });
  Outcome o = runTask(10000, std::nullopt);
  worker.join();
  ASSERT_TRUE(o.answer && o.answer->ok());
  EXPECT_EQ(toJson(o.answer->value()), R"({"paid":true})");
  EXPECT_EQ(o.expiry, exec::TaskTimer::Expiry::None);
}

TEST_F(CallbackTest, SendTaskFailureEndsTheTaskWithItsError) {
  std::thread worker([&] {
    std::string token = receiveToken();
    HttpResponse r = call(server_->port(), "SendTaskFailure",
                          R"({"taskToken":")" + token +
                              R"(","error":"Payment.Declined","cause":"card expired"})");
    EXPECT_EQ(r.status, 200);
  });
  Outcome o = runTask(10000, std::nullopt);
  worker.join();
  ASSERT_TRUE(o.answer && !o.answer->ok());
  EXPECT_EQ(o.answer->error().error, "Payment.Declined");
  EXPECT_EQ(o.answer->error().cause, "card expired");
}

TEST_F(CallbackTest, HeartbeatsKeepTheTaskAlivePastHeartbeatSeconds) {
  std::thread worker([&] {
    std::string token = receiveToken();
    for (int i = 0; i < 4; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      EXPECT_EQ(
          call(server_->port(), "SendTaskHeartbeat", R"({"taskToken":")" + token + R"("})").status,
          200);
    }
    EXPECT_EQ(call(server_->port(), "SendTaskSuccess",
                   R"({"taskToken":")" + token + R"(","output":"\"done\""})")
                  .status,
              200);
  });
  Outcome o = runTask(10000, 1);
  worker.join();
  ASSERT_TRUE(o.answer && o.answer->ok()) << o.answer->error().error;
  EXPECT_EQ(toJson(o.answer->value()), R"("done")");
  EXPECT_EQ(o.expiry, exec::TaskTimer::Expiry::None);
  EXPECT_GE(o.elapsed, std::chrono::milliseconds(1500)); // longer than HeartbeatSeconds
}

TEST_F(CallbackTest, SilenceEndsTheTaskAtHeartbeatSeconds) {
  Outcome o = runTask(10000, 1);
  EXPECT_EQ(o.expiry, exec::TaskTimer::Expiry::HeartbeatTimeout);
  EXPECT_GE(o.elapsed, std::chrono::milliseconds(1000));
  EXPECT_LT(o.elapsed, std::chrono::milliseconds(2500));
}

TEST_F(CallbackTest, NoAnswerEndsTheTaskAtTimeoutSeconds) {
  Outcome o = runTask(1000, std::nullopt);
  EXPECT_EQ(o.expiry, exec::TaskTimer::Expiry::Timeout);
  EXPECT_GE(o.elapsed, std::chrono::milliseconds(990));
  EXPECT_LT(o.elapsed, std::chrono::milliseconds(2500));
  // The token is closed: a late answer is told so.
  HttpResponse late =
      call(server_->port(), "SendTaskSuccess", R"({"taskToken":"token-1","output":"{}"})");
  EXPECT_EQ(late.status, 400);
  EXPECT_NE(late.body.find("#TaskTimedOut"), std::string::npos) << late.body;
}

TEST_F(CallbackTest, MalformedCallsAreRefusedAsStepFunctionsRefusesThem) {
  auto codeOf = [&](std::string_view action, const std::string& body) {
    HttpResponse r = call(server_->port(), action, body);
    EXPECT_EQ(r.status, 400) << r.body;
    auto parsed = parseJsonValue(r.body);
    if (!parsed.ok() || !parsed->find("__type")) return r.body;
    std::string_view type = parsed->find("__type")->asString();
    return std::string(type.substr(type.rfind('#') + 1));
  };
  EXPECT_EQ(codeOf("SendTaskSuccess", R"({"taskToken":"nobody","output":"{}"})"), "InvalidToken");
  tokens_.open("open-token", nullptr);
  EXPECT_EQ(codeOf("SendTaskSuccess", R"({"taskToken":"open-token","output":"{not json"})"),
            "InvalidOutput");
  EXPECT_EQ(codeOf("SendTaskSuccess", R"({"taskToken":"open-token"})"), "ValidationException");
  EXPECT_EQ(codeOf("SendTaskHeartbeat", R"({})"), "ValidationException");
  EXPECT_EQ(codeOf("StartExecution", R"({"taskToken":"open-token"})"), "UnknownOperationException");
  EXPECT_EQ(codeOf("SendTaskSuccess", "not json"), "SerializationException");
}

TEST_F(CallbackTest, WithoutACallbackPortTheTaskFailsAtOnceAndUnservedCallbacksAreDeclined) {
  AdapterTaskHandler plain(registry_);
  CallbackTaskHandler handler(plain, tokens_, false);
  Value input = json(R"({"QueueUrl":"work","MessageBody":"m"})");
  exec::TaskRequest request{"Wait", "arn:aws:states:::sqs:sendMessage.waitForTaskToken", input};
  request.taskToken = "t";
  auto answer = handler.invoke(request);
  ASSERT_TRUE(answer && !answer->ok());
  EXPECT_EQ(answer->error().error, "States.Runtime");
  // Plain resources are not its business, nor callbacks whose service nothing serves: the
  // executor's "no handler serves the resource" error stands for those.
  exec::TaskRequest plainRequest{"Send", "arn:aws:states:::sqs:sendMessage", input};
  EXPECT_FALSE(handler.invoke(plainRequest));
  exec::TaskRequest unserved{"Publish", "arn:aws:states:::sns:publish.waitForTaskToken", input};
  unserved.taskToken = "t";
  EXPECT_FALSE(handler.invoke(unserved));
}

} // namespace
} // namespace asl::adapters
