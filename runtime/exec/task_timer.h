// A Task state's time limits while its handler runs: TimeoutSeconds as an absolute deadline on
// the execution's clock, and HeartbeatSeconds as the longest silence between heartbeats. The
// handler is told both (TaskRequest) and may honour them; the executor checks them when the
// handler returns and discards a late result, failing the state as AWS does.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>

#include "runtime/exec/clock.h"

namespace asl::exec {

/// AWS's TimeoutSeconds when a Task state gives none: 99999999 seconds.
constexpr int64_t kDefaultTaskTimeoutSeconds = 99999999;

class TaskTimer {
public:
  /// `heartbeatMillis`: HeartbeatSeconds in milliseconds, when the state gives it.
  TaskTimer(const Clock& clock, EpochMillis start, int64_t timeoutMillis,
            std::optional<int64_t> heartbeatMillis);

  EpochMillis start() const { return start_; }
  /// When the task must have finished.
  EpochMillis deadline() const { return deadline_; }
  /// When the next heartbeat is due (the deadline when there is no heartbeat limit).
  EpochMillis heartbeatDue() const;

  /// SendTaskHeartbeat: the task is still working. Safe to call from any thread.
  void heartbeat();

  enum class Expiry : uint8_t { None, Timeout, HeartbeatTimeout };
  /// What has expired by now; when both have, the one that expired first.
  Expiry expired() const;

private:
  const Clock& clock_;
  EpochMillis start_;
  EpochMillis deadline_;
  std::optional<int64_t> heartbeatMillis_;
  std::atomic<EpochMillis> lastBeat_;
  /// When a heartbeat came too late, the moment it was due; max(): never.
  std::atomic<EpochMillis> missedAt_{std::numeric_limits<EpochMillis>::max()};
};

} // namespace asl::exec
