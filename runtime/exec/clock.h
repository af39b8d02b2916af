// Time as executions see it: real time, or a virtual clock that makes waits instant while
// keeping every timestamp consistent (a 10 s Wait moves the virtual time by 10 s).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace asl::exec {

/// Milliseconds since the Unix epoch, the resolution AWS's timestamps carry.
using EpochMillis = int64_t;

/// Cancellation as a chain: a Parallel branch or Map iteration runs in a scope whose parent is
/// the execution's (or the enclosing branch's), so cancelling a scope reaches everything
/// running under it. Waits poll it, so a cancelled branch stops within a short slice.
class CancelScope {
public:
  explicit CancelScope(const CancelScope* parent = nullptr) : parent_(parent) {}
  void cancel() { cancelled_.store(true, std::memory_order_release); }
  bool cancelled() const {
    for (const CancelScope* s = this; s; s = s->parent_)
      if (s->cancelled_.load(std::memory_order_acquire)) return true;
    return false;
  }
  /// The raw flag, for WorkerPool::forEach's stop argument.
  const std::atomic<bool>& flag() const { return cancelled_; }

private:
  const CancelScope* parent_;
  std::atomic<bool> cancelled_{false};
};

class Clock {
public:
  virtual ~Clock() = default;
  virtual EpochMillis now() const = 0;
  /// Waits until `when`; returns false if `cancel` was set first.
  virtual bool waitUntil(EpochMillis when, const CancelScope& cancel) = 0;
  /// Whether waitUntil sleeps (a Map or Parallel then starts another lane meanwhile).
  virtual bool waitsBlock() const { return true; }
};

/// The system clock; waits sleep.
class RealClock final : public Clock {
public:
  EpochMillis now() const override;
  bool waitUntil(EpochMillis when, const CancelScope& cancel) override;
};

/// Starts at a given time and moves only when something waits: waitUntil(t) returns at once
/// and the clock then reads at least t. Concurrent branches that wait until different times
/// leave the clock at the latest of them, as they would in real time.
class VirtualClock final : public Clock {
public:
  explicit VirtualClock(EpochMillis start) : now_(start) {}
  EpochMillis now() const override { return now_.load(std::memory_order_acquire); }
  bool waitUntil(EpochMillis when, const CancelScope& cancel) override;
  bool waitsBlock() const override { return false; }

private:
  std::atomic<EpochMillis> now_;
};

/// Formats an instant as AWS prints timestamps in the context object and history:
/// `2024-05-01T12:00:00.123Z`.
std::string formatTimestamp(EpochMillis millis);

} // namespace asl::exec
