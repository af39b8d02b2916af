// Task timers: the deadline is TimeoutSeconds after the start, a heartbeat silence longer than
// HeartbeatSeconds is a HeartbeatTimeout, and the earlier expiry wins.
#include "runtime/exec/task_timer.h"

#include <gtest/gtest.h>

namespace asl::exec {
namespace {

constexpr EpochMillis kStart = 1700000000000;

TEST(TaskTimerTest, DeadlineIsTimeoutAfterTheStart) {
  VirtualClock clock(kStart);
  TaskTimer timer(clock, kStart, 5000, std::nullopt);
  EXPECT_EQ(timer.deadline(), kStart + 5000);
  EXPECT_EQ(timer.heartbeatDue(), kStart + 5000);
  CancelScope never;
  clock.waitUntil(kStart + 4999, never);
  EXPECT_EQ(timer.expired(), TaskTimer::Expiry::None);
  clock.waitUntil(kStart + 5000, never);
  EXPECT_EQ(timer.expired(), TaskTimer::Expiry::Timeout);
}

TEST(TaskTimerTest, HeartbeatsKeepTheTaskAlive) {
  VirtualClock clock(kStart);
  CancelScope never;
  TaskTimer timer(clock, kStart, 10000, 2000);
  clock.waitUntil(kStart + 1500, never);
  timer.heartbeat();
  EXPECT_EQ(timer.heartbeatDue(), kStart + 3500);
  clock.waitUntil(kStart + 3000, never);
  timer.heartbeat();
  clock.waitUntil(kStart + 4000, never);
  EXPECT_EQ(timer.expired(), TaskTimer::Expiry::None);
  clock.waitUntil(kStart + 5001, never);
  EXPECT_EQ(timer.expired(), TaskTimer::Expiry::HeartbeatTimeout);
}

TEST(TaskTimerTest, ALateHeartbeatStillCountsAsMissed) {
  VirtualClock clock(kStart);
  CancelScope never;
  TaskTimer timer(clock, kStart, 10000, 1000);
  clock.waitUntil(kStart + 1500, never);
  timer.heartbeat(); // due at +1000: too late
  EXPECT_EQ(timer.expired(), TaskTimer::Expiry::HeartbeatTimeout);
}

TEST(TaskTimerTest, TheEarlierExpiryWins) {
  VirtualClock clock(kStart);
  CancelScope never;
  TaskTimer timer(clock, kStart, 3000, 1000);
  clock.waitUntil(kStart + 5000, never);
  EXPECT_EQ(timer.expired(), TaskTimer::Expiry::HeartbeatTimeout);
  TaskTimer noBeats(clock, kStart, 3000, std::nullopt);
  EXPECT_EQ(noBeats.expired(), TaskTimer::Expiry::Timeout);
}

} // namespace
} // namespace asl::exec
