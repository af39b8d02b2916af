#include "runtime/exec/history.h"

#include <algorithm>

#include "runtime/value/json_writer.h"

namespace asl::exec {

EventId History::add(EventId previous, std::string_view type, std::string_view detailsKey,
                     Value details) {
  if (!keepEvents_) return lastId_.fetch_add(1, std::memory_order_relaxed) + 1;
  std::lock_guard lock(mutex_);
  // Under the lock, so that ids and the order of events agree.
  EventId id = lastId_.fetch_add(1, std::memory_order_relaxed) + 1;
  events_.push_back(HistoryEvent{id, previous, clock_.now(), std::string(type),
                                 std::string(detailsKey), std::move(details)});
  return id;
}

std::vector<HistoryEvent> History::events() const {
  std::lock_guard lock(mutex_);
  return events_;
}

Value History::toValue() const {
  std::vector<Value> items;
  for (const HistoryEvent& e : events()) {
    std::vector<Member> members;
    members.push_back(makeMember("timestamp", Value::string(formatTimestamp(e.timestamp))));
    members.push_back(makeMember("type", Value::string(e.type)));
    members.push_back(makeMember("id", Value::integer(e.id)));
    members.push_back(makeMember("previousEventId", Value::integer(e.previousEventId)));
    if (!e.detailsKey.empty()) members.push_back(makeMember(e.detailsKey, e.details));
    items.push_back(Value::object(std::move(members)));
  }
  return Value::object({makeMember("events", Value::array(std::move(items)))});
}

Value details(std::initializer_list<std::pair<std::string_view, Value>> fields) {
  std::vector<Member> members;
  members.reserve(fields.size());
  for (const auto& [name, value] : fields)
    if (!value.isNull()) members.push_back(makeMember(name, value));
  return Value::object(std::move(members));
}

Value notTruncated() {
  return Value::object({makeMember("truncated", Value::boolean(false))});
}

Value assignedVariables(const Value& assigned) {
  if (!assigned.isObject() || assigned.size() == 0) return Value();
  std::vector<Member> members;
  members.reserve(assigned.size());
  for (const Member& m : assigned.members())
    members.push_back(makeMember(m.key.asString(), Value::string(toJson(m.value))));
  return Value::object(std::move(members));
}

} // namespace asl::exec
