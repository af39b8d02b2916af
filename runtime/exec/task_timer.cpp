#include "runtime/exec/task_timer.h"

#include <algorithm>

namespace asl::exec {

TaskTimer::TaskTimer(const Clock& clock, EpochMillis start, int64_t timeoutMillis,
                     std::optional<int64_t> heartbeatMillis)
    : clock_(clock), start_(start), deadline_(start + timeoutMillis),
      heartbeatMillis_(heartbeatMillis), lastBeat_(start) {}

EpochMillis TaskTimer::heartbeatDue() const {
  if (!heartbeatMillis_) return deadline_;
  return std::min(deadline_, lastBeat_.load(std::memory_order_acquire) + *heartbeatMillis_);
}

void TaskTimer::heartbeat() {
  EpochMillis now = clock_.now();
  EpochMillis due = heartbeatDue();
  if (heartbeatMillis_ && now > due) {
    // The silence was already too long: remember when the heartbeat was due, the first time.
    EpochMillis expected = std::numeric_limits<EpochMillis>::max();
    missedAt_.compare_exchange_strong(expected, due, std::memory_order_acq_rel);
  }
  EpochMillis last = lastBeat_.load(std::memory_order_acquire);
  while (last < now && !lastBeat_.compare_exchange_weak(last, now, std::memory_order_acq_rel)) {
  }
}

TaskTimer::Expiry TaskTimer::expired() const {
  EpochMillis now = clock_.now();
  EpochMillis heartbeatAt = missedAt_.load(std::memory_order_acquire);
  if (heartbeatMillis_ && heartbeatAt == std::numeric_limits<EpochMillis>::max()) {
    EpochMillis due = lastBeat_.load(std::memory_order_acquire) + *heartbeatMillis_;
    if (now > due) heartbeatAt = due;
  }
  bool timedOut = now >= deadline_; // a task still running at its deadline has timed out
  bool heartbeatMissed = heartbeatAt != std::numeric_limits<EpochMillis>::max();
  if (heartbeatMissed && (!timedOut || heartbeatAt < deadline_)) return Expiry::HeartbeatTimeout;
  if (timedOut) return Expiry::Timeout;
  return Expiry::None;
}

} // namespace asl::exec
