#include "runtime/exec/clock.h"

#include <algorithm>
#include <ctime>
#include <string>
#include <thread>

namespace asl::exec {

EpochMillis RealClock::now() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool RealClock::waitUntil(EpochMillis when, const CancelScope& cancel) {
  // Sleep in slices so that cancellation anywhere up the scope chain is seen promptly.
  constexpr EpochMillis kSlice = 50;
  for (;;) {
    if (cancel.cancelled()) return false;
    EpochMillis remaining = when - now();
    if (remaining <= 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(remaining, kSlice)));
  }
}

bool VirtualClock::waitUntil(EpochMillis when, const CancelScope& cancel) {
  EpochMillis current = now_.load(std::memory_order_acquire);
  while (current < when && !now_.compare_exchange_weak(current, when, std::memory_order_acq_rel)) {
  }
  return !cancel.cancelled();
}

std::string formatTimestamp(EpochMillis millis) {
  time_t seconds = static_cast<time_t>(millis / 1000);
  int fraction = static_cast<int>(millis % 1000);
  if (fraction < 0) {
    fraction += 1000;
    --seconds;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
           utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, fraction);
  return text;
}

} // namespace asl::exec
