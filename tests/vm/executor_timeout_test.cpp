// Task TimeoutSeconds / HeartbeatSeconds: handlers are told the deadline, a late answer is
// discarded with States.Timeout (no cause, as AWS), a missed heartbeat is
// States.HeartbeatTimeout, and the history records TaskTimedOut.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

using testing::json;
using testing::kStart;
using testing::outputOf;
using testing::run;

// A handler written as a lambda.
class FunctionHandler final : public exec::TaskHandler {
public:
  using Body = std::function<eval::ExecResult<Value>(const exec::TaskRequest&)>;
  explicit FunctionHandler(Body body) : body_(std::move(body)) {}
  std::optional<eval::ExecResult<Value>> invoke(const exec::TaskRequest& request) override {
    return body_(request);
  }

private:
  Body body_;
};

// Advances the execution's (virtual) clock as a slow task would, then answers.
FunctionHandler slowHandler(exec::EpochMillis millis, std::vector<exec::EpochMillis>* deadlines) {
  return FunctionHandler([=](const exec::TaskRequest& request) -> eval::ExecResult<Value> {
    if (deadlines) deadlines->push_back(request.deadline - request.timer->start());
    exec::CancelScope never;
    const_cast<exec::Clock*>(request.clock)->waitUntil(request.clock->now() + millis, never);
    return Value::string("late");
  });
}

const char* kTask = R"({"StartAt":"T","States":{"T":{"Type":"Task",
    "Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},%s"End":true}}})";

std::string task(const char* fields) {
  char text[1024];
  snprintf(text, sizeof text, kTask, fields);
  return text;
}

TEST(ExecutorTimeout, AnAnswerAfterTheDeadlineIsStatesTimeoutWithoutCause) {
  std::vector<exec::EpochMillis> deadlines;
  auto handler = slowHandler(5000, &deadlines);
  auto r = run(task(R"("TimeoutSeconds":3,)"), "{}", &handler);
  EXPECT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.Timeout");
  EXPECT_EQ(r.result.cause, "");
  EXPECT_EQ(deadlines, std::vector<exec::EpochMillis>{3000});
}

TEST(ExecutorTimeout, AnAnswerBeforeTheDeadlineIsKept) {
  auto handler = slowHandler(2000, nullptr);
  EXPECT_EQ(outputOf(run(task(R"("TimeoutSeconds":3,)"), "{}", &handler)), R"("late")");
}

TEST(ExecutorTimeout, TheDefaultDeadlineIsAwsNinetyNineMillionSeconds) {
  std::vector<exec::EpochMillis> deadlines;
  auto handler = slowHandler(0, &deadlines);
  run(task(""), "{}", &handler);
  EXPECT_EQ(deadlines, std::vector<exec::EpochMillis>{99999999LL * 1000});
}

TEST(ExecutorTimeout, TimeoutSecondsPathReadsTheStateInput) {
  std::vector<exec::EpochMillis> deadlines;
  auto handler = slowHandler(0, &deadlines);
  auto r = run(task(R"("TimeoutSecondsPath":"$.limit",)"), R"({"limit":7})", &handler);
  EXPECT_EQ(r.result.status, ExecutionStatus::Succeeded);
  EXPECT_EQ(deadlines, std::vector<exec::EpochMillis>{7000});
  auto bad = run(task(R"("TimeoutSecondsPath":"$.limit",)"), R"({"limit":"soon"})", &handler);
  EXPECT_EQ(bad.result.error, "States.Runtime");
  EXPECT_EQ(bad.result.cause,
            "An error occurred while executing the state 'T' (entered at the event id #2). The "
            "TimeoutSecondsPath field refers to value \"soon\" which is not a valid positive "
            "integer: $.limit");
}

TEST(ExecutorTimeout, RetryNamingStatesTimeoutRetriesButTaskFailedDoesNotCatch) {
  int calls = 0;
  FunctionHandler handler([&](const exec::TaskRequest& request) -> eval::ExecResult<Value> {
    if (++calls == 1) {
      exec::CancelScope never;
      const_cast<exec::Clock*>(request.clock)->waitUntil(request.deadline, never);
    }
    return Value::integer(calls);
  });
  auto retried = run(task(R"("TimeoutSeconds":1,"Retry":[{"ErrorEquals":["States.Timeout"]}],)"),
                     "{}", &handler);
  EXPECT_EQ(outputOf(retried), "2");
  calls = 0;
  auto uncaught = run(task(R"("TimeoutSeconds":1,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"T"}],)"),
                      "{}", &handler);
  EXPECT_EQ(uncaught.result.error, "States.Timeout");
}

TEST(ExecutorTimeout, MissedHeartbeatIsHeartbeatTimeout) {
  auto silent = slowHandler(3000, nullptr);
  auto r = run(task(R"("TimeoutSeconds":10,"HeartbeatSeconds":2,)"), "{}", &silent);
  EXPECT_EQ(r.result.error, "States.HeartbeatTimeout");

  FunctionHandler beating([](const exec::TaskRequest& request) -> eval::ExecResult<Value> {
    EXPECT_EQ(request.heartbeatSeconds, std::optional<int64_t>(2));
    exec::CancelScope never;
    auto* clock = const_cast<exec::Clock*>(request.clock);
    for (int i = 0; i < 4; ++i) {
      clock->waitUntil(clock->now() + 1500, never);
      request.timer->heartbeat();
    }
    return Value::string("done");
  });
  EXPECT_EQ(outputOf(run(task(R"("TimeoutSeconds":10,"HeartbeatSeconds":2,)"), "{}", &beating)),
            R"("done")");
}

TEST(ExecutorTimeout, HistoryRecordsTheLimitsAndTaskTimedOut) {
  auto handler = slowHandler(5000, nullptr);
  auto r = run(task(R"("TimeoutSeconds":3,"HeartbeatSeconds":2,)"), "{}", &handler, true);
  const Value& events = *r.result.history.find("events");
  std::string scheduled, timedOut, failed;
  for (const Value& e : events.items()) {
    std::string_view type = e.find("type")->asString();
    if (type == "TaskScheduled") scheduled = toJson(*e.find("taskScheduledEventDetails"));
    if (type == "TaskTimedOut") timedOut = toJson(*e.find("taskTimedOutEventDetails"));
    if (type == "ExecutionFailed") failed = toJson(*e.find("executionFailedEventDetails"));
  }
  EXPECT_EQ(scheduled,
            R"({"resourceType":"lambda","resource":"invoke","region":"us-east-1",)"
            R"("parameters":"{\"FunctionName\":\"f\"}","timeoutInSeconds":3,"heartbeatInSeconds":2})");
  EXPECT_EQ(timedOut,
            R"({"resourceType":"lambda","resource":"invoke","error":"States.HeartbeatTimeout"})");
  EXPECT_EQ(failed, R"({"error":"States.HeartbeatTimeout"})");
}

// The real clock: the handler blocks on a condition variable nobody signals, with the deadline
// it was given as the wake-up time; the executor then fails the state. Bounded by the 1 s limit.
TEST(ExecutorTimeout, RealClockHandlerWokenByItsDeadlineTimesOut) {
  bc::Program program = testing::compile(task(R"("TimeoutSeconds":1,)"));
  exec::RealClock clock;
  exec::EpochMillis told = 0;
  FunctionHandler handler([&](const exec::TaskRequest& request) -> eval::ExecResult<Value> {
    told = request.deadline;
    std::mutex mutex;
    std::condition_variable never;
    std::unique_lock lock(mutex);
    auto wake = std::chrono::system_clock::time_point(std::chrono::milliseconds(request.deadline));
    never.wait_until(lock, wake, [] { return false; });
    return Value::string("too late");
  });
  ExecutionOptions options;
  options.clock = &clock;
  options.tasks = &handler;
  exec::EpochMillis started = clock.now();
  ExecutionResult result = execute(program, options);
  exec::EpochMillis took = clock.now() - started;
  EXPECT_EQ(result.status, ExecutionStatus::Failed);
  EXPECT_EQ(result.error, "States.Timeout");
  EXPECT_GE(told - started, 1000);
  EXPECT_LE(told - started, 1100);
  EXPECT_GE(took, 1000);
  EXPECT_LT(took, 5000);
}

} // namespace
} // namespace asl::vm
