// The Task state's deadline bounds adapter calls: a server that never answers, or a local
// command that never ends, stops at TimeoutSeconds (not at the adapters file's longer timeout)
// and the state fails with States.Timeout, on a real clock and on a virtual one.
#include <gtest/gtest.h>

#include <chrono>

#include "asl/adapter.h"
#include "runtime/adapters/adapter_task_handler.h"
#include "runtime/exec/clock.h"
#include "runtime/exec/task_timer.h"
#include "runtime/value/json_reader.h"
#include "tests/adapters/loopback_server.h"

namespace asl::adapters {
namespace {

using SteadyClock = std::chrono::steady_clock;

AdapterRegistry registryFrom(const std::string& text) {
  auto config = parseJsonValue(text);
  EXPECT_TRUE(config.ok());
  AdapterEnvironment env{{{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}};
  auto registry = AdapterRegistry::fromConfig(*config, env);
  EXPECT_TRUE(registry.ok()) << registry.error().message;
  return std::move(registry).value();
}

struct TimedCall {
  exec::TaskTimer::Expiry expiry;
  std::chrono::milliseconds elapsed;
  std::optional<eval::ExecResult<Value>> answer;
};

// Runs one call through the handler the executor uses, with a 1-second TimeoutSeconds.
TimedCall callWithOneSecond(const AdapterRegistry& registry, exec::Clock& clock,
                            std::string_view resource, const Value& input) {
  AdapterTaskHandler handler(registry);
  exec::CancelScope cancel;
  exec::TaskTimer timer(clock, clock.now(), 1000, std::nullopt);
  exec::TaskRequest request{"Slow", resource, input};
  request.deadline = timer.deadline();
  request.timer = &timer;
  request.clock = &clock;
  request.cancel = &cancel;
  auto started = SteadyClock::now();
  auto answer = handler.invoke(request);
  auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started);
  return TimedCall{timer.expired(), elapsed, std::move(answer)};
}

TEST(TaskDeadlineTest, SilentServerEndsAtTheStateTimeoutNotTheAdapterTimeout) {
  testing::LoopbackServer silent("", testing::LoopbackServer::Mode::Silent);
  AdapterRegistry registry =
      registryFrom(R"({"aws":{"region":"us-east-1","endpoint":")" + silent.url() +
                   R"(","timeoutSeconds":60},"sqs":{"backend":"aws"}})");
  Value input = parseJsonValue(R"({"QueueUrl":"http://127.0.0.1/1/q","MessageBody":"m"})").value();
  exec::RealClock clock;
  TimedCall call = callWithOneSecond(registry, clock, "arn:aws:states:::sqs:sendMessage", input);
  ASSERT_TRUE(call.answer);
  EXPECT_EQ(call.expiry, exec::TaskTimer::Expiry::Timeout);
  EXPECT_GE(call.elapsed, std::chrono::milliseconds(990));
  EXPECT_LT(call.elapsed, std::chrono::milliseconds(2500));
}

TEST(TaskDeadlineTest, VirtualClockReachesTheDeadlineWhenTheCallRunsOutOfTime) {
  testing::LoopbackServer silent("", testing::LoopbackServer::Mode::Silent);
  AdapterRegistry registry =
      registryFrom(R"({"aws":{"region":"us-east-1","endpoint":")" + silent.url() +
                   R"(","timeoutSeconds":60},"lambda":{"backend":"aws"}})");
  Value input = parseJsonValue(R"({"n":1})").value();
  exec::VirtualClock clock(1'700'000'000'000);
  TimedCall call = callWithOneSecond(registry, clock,
                                     "arn:aws:lambda:us-east-1:123456789012:function:slow", input);
  EXPECT_EQ(call.expiry, exec::TaskTimer::Expiry::Timeout);
  EXPECT_EQ(clock.now(), 1'700'000'001'000);
  EXPECT_LT(call.elapsed, std::chrono::milliseconds(2500));
}

TEST(TaskDeadlineTest, LocalCommandIsKilledAtTheStateTimeout) {
  AdapterRegistry registry = registryFrom(
      R"({"lambda":{"functions":{"slow":{"backend":"command","command":["sleep","30"],)"
      R"("timeoutSeconds":60}}}})");
  Value input = parseJsonValue(R"({"FunctionName":"slow","Payload":{}})").value();
  exec::RealClock clock;
  TimedCall call = callWithOneSecond(registry, clock, "arn:aws:states:::lambda:invoke", input);
  EXPECT_EQ(call.expiry, exec::TaskTimer::Expiry::Timeout);
  EXPECT_GE(call.elapsed, std::chrono::milliseconds(990));
  EXPECT_LT(call.elapsed, std::chrono::milliseconds(2500));
}

TEST(TaskDeadlineTest, QuickFailureBeforeTheDeadlineKeepsItsOwnError) {
  std::string endpoint = "http://127.0.0.1:" + std::to_string(testing::closedLoopbackPort());
  AdapterRegistry registry = registryFrom(R"({"aws":{"region":"us-east-1","endpoint":")" +
                                          endpoint + R"("},"sqs":{"backend":"aws"}})");
  Value input = parseJsonValue(R"({"QueueUrl":"http://127.0.0.1/1/q","MessageBody":"m"})").value();
  exec::RealClock clock;
  TimedCall call = callWithOneSecond(registry, clock, "arn:aws:states:::sqs:sendMessage", input);
  ASSERT_TRUE(call.answer && !call.answer->ok());
  EXPECT_EQ(call.answer->error().error, "SQS.SdkClientException");
  EXPECT_EQ(call.expiry, exec::TaskTimer::Expiry::None);
}

} // namespace
} // namespace asl::adapters
