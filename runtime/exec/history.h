// Execution history in the shape of AWS GetExecutionHistory: numbered events, each naming the
// event that led to it, with a timestamp and the details object AWS gives that event type.
// Event ids are always assigned (error causes quote "entered at the event id #N"); the events
// themselves are kept only when the caller asks for the history.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "asl/value.h"
#include "runtime/exec/clock.h"

namespace asl::exec {

using EventId = int64_t;

struct HistoryEvent {
  EventId id = 0;
  EventId previousEventId = 0;
  EpochMillis timestamp = 0;
  std::string type;       ///< "PassStateEntered", "TaskSucceeded", ...
  std::string detailsKey; ///< "stateEnteredEventDetails", ...; empty when the event has none
  Value details;
};

class History {
public:
  History(const Clock& clock, bool keepEvents) : clock_(clock), keepEvents_(keepEvents) {}

  /// Appends an event and returns its id. `previous` is the event that led to it (0: none).
  EventId add(EventId previous, std::string_view type, std::string_view detailsKey = {},
              Value details = {});

  bool keepsEvents() const { return keepEvents_; }
  /// The events so far, in id order. Call once the execution has ended.
  std::vector<HistoryEvent> events() const;
  /// `{"events": [...]}` as GetExecutionHistory returns it, timestamps as ISO-8601 strings.
  Value toValue() const;

private:
  const Clock& clock_;
  bool keepEvents_;
  std::atomic<EventId> lastId_{0};
  mutable std::mutex mutex_;
  std::vector<HistoryEvent> events_;
};

/// Builds a details object from name/value pairs, skipping null values (AWS omits absent
/// fields rather than printing null).
Value details(std::initializer_list<std::pair<std::string_view, Value>> fields);
/// `{"truncated": false}`, the payload-details object AWS attaches to inputs and outputs.
Value notTruncated();
/// StateExited's `assignedVariables`: each variable a state's Assign wrote, with its value as
/// JSON text, as AWS lists them. Null (so `details` leaves it out) when nothing was assigned.
Value assignedVariables(const Value& assigned);

} // namespace asl::exec
