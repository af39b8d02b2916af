// Parallel branches and Map iterations run at the same time, within MaxConcurrency, and a
// failing branch stops the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "runtime/exec/worker_pool.h"
#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

using testing::outputOf;
using testing::run;

// A task handler that holds each call until `expected` calls are in flight at once, which only
// happens if they run concurrently; it also records the most calls it saw in flight.
class Rendezvous final : public exec::TaskHandler {
public:
  explicit Rendezvous(int expected) : expected_(expected) {}
  std::optional<eval::ExecResult<Value>> invoke(const exec::TaskRequest& request) override {
    std::unique_lock lock(mutex_);
    ++inFlight_;
    most_ = std::max(most_, inFlight_);
    if (inFlight_ >= expected_) met_ = true;
    wake_.notify_all();
    wake_.wait(lock, [&] { return met_; });
    --inFlight_;
    return eval::ExecResult<Value>(request.input);
  }
  int most() const { return most_; }

private:
  std::mutex mutex_;
  std::condition_variable wake_;
  int expected_, inFlight_ = 0, most_ = 0;
  bool met_ = false;
};

constexpr const char* kTask =
    R"({"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true})";

TEST(ExecutorConcurrency, ParallelBranchesRunAtTheSameTime) {
  Rendezvous tasks(3);
  // State names are unique across a whole definition.
  auto branch = [](const char* name) {
    return std::string(R"({"StartAt":")") + name + R"(","States":{")" + name + "\":" + kTask + "}}";
  };
  auto r = run(R"({"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[)" +
                   branch("T1") + "," + branch("T2") + "," + branch("T3") + "]}}}",
               R"({"x":1})", &tasks);
  EXPECT_EQ(outputOf(r), R"([{"x":1},{"x":1},{"x":1}])");
  EXPECT_EQ(tasks.most(), 3);
}

TEST(ExecutorConcurrency, MapKeepsToMaxConcurrency) {
  // Only 2 may run at once: the rendezvous of 2 is met, and never more than 2 are in flight.
  Rendezvous tasks(2);
  auto r =
      run(std::string(R"({"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"End":true,
    "ItemProcessor":{"StartAt":"T","States":{"T":)") +
              kTask + "}}}}}",
          "[1,2,3,4,5,6]", &tasks);
  EXPECT_EQ(outputOf(r), "[1,2,3,4,5,6]");
  EXPECT_EQ(tasks.most(), 2);
}

TEST(ExecutorConcurrency, MapSelectsItemsWithTheMapContext) {
  auto r = run(R"({"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs","End":true,
    "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
    "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}})",
               R"({"xs":["a","b"],"k":0})");
  EXPECT_EQ(outputOf(r), R"([{"i":0,"v":"a","k":0},{"i":1,"v":"b","k":0}])");
}

TEST(ExecutorConcurrency, AFailingBranchCancelsAWaitingOne) {
  // The second branch waits an hour on the real clock; the execution must end as soon as the
  // first branch fails, not an hour later.
  bc::Program program =
      testing::compile(R"({"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
    {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Broken","Cause":"on purpose"}}},
    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}]}}})");
  exec::RealClock clock;
  ExecutionOptions options;
  options.clock = &clock;
  ExecutionResult result = execute(program, options);
  EXPECT_EQ(result.status, ExecutionStatus::Failed);
  EXPECT_EQ(result.error, "Broken");
  EXPECT_EQ(result.cause, "on purpose");
}

TEST(ExecutorConcurrency, MapIterationsSeeOuterVariablesButKeepTheirOwn) {
  auto r = run(R"({"StartAt":"A","States":{
    "A":{"Type":"Pass","Assign":{"outer":"o"},"Next":"M"},
    "M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"S","States":{
      "S":{"Type":"Pass","Assign":{"inner.$":"$"},"Next":"R"},
      "R":{"Type":"Pass","Parameters":{"o.$":"$outer","i.$":"$inner"},"End":true}}}}}})",
               "[1,2]");
  EXPECT_EQ(outputOf(r), R"([{"o":"o","i":1},{"o":"o","i":2}])");
}

TEST(WorkerPool, NestedBatchesFinishOnASingleThread) {
  exec::WorkerPool pool(1);
  std::atomic<bool> stop{false};
  std::atomic<int> leaves{0};
  pool.forEach(
      4, 0,
      [&](size_t) {
        pool.forEach(
            4, 0, [&](size_t) { ++leaves; }, stop);
      },
      stop);
  EXPECT_EQ(leaves.load(), 16);
}

TEST(WorkerPool, StopEndsTheBatchEarly) {
  exec::WorkerPool pool(2);
  std::atomic<bool> stop{false};
  std::atomic<int> ran{0};
  pool.forEach(
      1000, 1,
      [&](size_t i) {
        ++ran;
        if (i == 3) stop = true;
      },
      stop);
  EXPECT_EQ(ran.load(), 4);
}

// Items that compute never need more threads than there are cores.
TEST(WorkerPool, ComputingItemsUseNoMoreLanesThanCores) {
  exec::WorkerPool pool(16);
  std::atomic<bool> stop{false};
  std::atomic<int> inFlight{0}, most{0};
  pool.forEach(
      64, 0,
      [&](size_t) {
        int now = ++inFlight;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200)); // stays in flight
        --inFlight;
      },
      stop);
  size_t cores = std::max<unsigned>(std::thread::hardware_concurrency(), 1);
  EXPECT_LE(static_cast<size_t>(most.load()), cores);
}

// Items that say they are about to block get lanes of their own, up to MaxConcurrency: eight
// items that each wait for all eight to arrive finish only if eight run at once.
TEST(WorkerPool, ItemsAboutToBlockGrowTheBatchToItsConcurrency) {
  exec::WorkerPool pool(16);
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable arrived;
  int waiting = 0;
  pool.forEach(
      8, 8,
      [&](size_t) {
        exec::WorkerPool::aboutToBlock();
        std::unique_lock lock(mutex);
        ++waiting;
        arrived.notify_all();
        arrived.wait(lock, [&] { return waiting == 8; });
      },
      stop);
  EXPECT_EQ(waiting, 8);
}

} // namespace
} // namespace asl::vm
