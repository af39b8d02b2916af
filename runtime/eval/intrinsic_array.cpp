// States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique.
#include <cstring>
#include <functional>
#include <unordered_map>
#include <vector>

#include "runtime/eval/intrinsic_args.h"
#include "runtime/eval/intrinsic_functions.h"

namespace asl::eval::intrinsics {

namespace {

/// AWS's documented cap on what States.ArrayRange may produce.
constexpr int64_t kMaxRangeItems = 1000;

size_t mixHash(size_t seed, size_t h) {
  return seed ^ (h + 0x9E3779B97F4A7C15ull + (seed << 6) + (seed >> 2));
}

/// A hash consistent with Value::operator==: equal numbers hash alike whatever their storage
/// (3 and 3.0), and object members in any order hash alike.
size_t valueHash(const Value& v) {
  switch (v.kind()) {
  case ValueKind::Null:
    return 0x1;
  case ValueKind::Bool:
    return v.asBool() ? 0x3 : 0x2;
  case ValueKind::Number: {
    double d = v.isInteger() ? static_cast<double>(v.asInteger()) : v.asDouble();
    if (d == 0) d = 0; // -0.0 == 0.0
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return std::hash<uint64_t>{}(bits);
  }
  case ValueKind::String:
    return std::hash<std::string_view>{}(v.asString());
  case ValueKind::Array: {
    size_t h = 0x5;
    for (const Value& item : v.items())
      h = mixHash(h, valueHash(item));
    return h;
  }
  case ValueKind::Object: {
    size_t h = 0x7;
    // A sum does not depend on member order.
    for (const Member& m : v.members())
      h += mixHash(valueHash(m.key), valueHash(m.value));
    return h;
  }
  }
  return 0;
}

} // namespace

ExecResult<Value> array(Args args) {
  return Value::array(std::vector<Value>(args.begin(), args.end()));
}

ExecResult<Value> arrayPartition(Args args) {
  constexpr IntrinsicId id = IntrinsicId::ArrayPartition;
  auto source = arrayArg(id, args, 0);
  if (!source) return Unexpected<ExecError>{std::move(source).error()};
  auto chunk = integerArg(id, args, 1);
  if (!chunk) return Unexpected<ExecError>{std::move(chunk).error()};
  if (*chunk <= 0) {
    return intrinsicFailure(id, "the chunk size must be a positive integer, got " +
                                    std::to_string(*chunk));
  }
  const auto items = (*source)->items();
  const auto size = static_cast<size_t>(*chunk);
  std::vector<Value> chunks;
  chunks.reserve((items.size() + size - 1) / size);
  for (size_t start = 0; start < items.size(); start += size) {
    const size_t end = std::min(items.size(), start + size);
    chunks.push_back(Value::array(std::vector<Value>(items.begin() + start, items.begin() + end)));
  }
  return Value::array(std::move(chunks));
}

ExecResult<Value> arrayContains(Args args) {
  auto source = arrayArg(IntrinsicId::ArrayContains, args, 0);
  if (!source) return Unexpected<ExecError>{std::move(source).error()};
  for (const Value& item : (*source)->items()) {
    if (item == args[1]) return Value::boolean(true);
  }
  return Value::boolean(false);
}

ExecResult<Value> arrayRange(Args args) {
  constexpr IntrinsicId id = IntrinsicId::ArrayRange;
  int64_t bounds[3];
  for (size_t i = 0; i < 3; ++i) {
    auto n = integerArg(id, args, i);
    if (!n) return Unexpected<ExecError>{std::move(n).error()};
    bounds[i] = *n;
  }
  const int64_t first = bounds[0], last = bounds[1], step = bounds[2];
  if (step == 0) return intrinsicFailure(id, "the step (argument 3) must not be 0");
  // The range includes `last` when a whole number of steps reaches it; a step that points away
  // from `last` gives nothing. Distances between int64 values fit uint64.
  const bool empty = step > 0 ? first > last : first < last;
  const uint64_t distance = step > 0 ? static_cast<uint64_t>(last) - static_cast<uint64_t>(first)
                                     : static_cast<uint64_t>(first) - static_cast<uint64_t>(last);
  const uint64_t stride = step > 0 ? static_cast<uint64_t>(step) : 0 - static_cast<uint64_t>(step);
  // Compare steps before adding the first item: distance / stride + 1 wraps to 0 when the
  // distance is 2^64 - 1 and the stride 1.
  const uint64_t steps = distance / stride;
  if (!empty && steps >= static_cast<uint64_t>(kMaxRangeItems)) {
    return intrinsicFailure(id, "the range would hold more than " + std::to_string(kMaxRangeItems) +
                                    " items");
  }
  const uint64_t count = empty ? 0 : steps + 1;
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(count));
  for (uint64_t i = 0; i < count; ++i) {
    // Modular uint64 arithmetic: the true value lies between first and last, so it converts
    // back exactly, while i * step alone could overflow int64.
    const uint64_t offset = i * static_cast<uint64_t>(step);
    items.push_back(Value::integer(static_cast<int64_t>(static_cast<uint64_t>(first) + offset)));
  }
  return Value::array(std::move(items));
}

ExecResult<Value> arrayGetItem(Args args) {
  constexpr IntrinsicId id = IntrinsicId::ArrayGetItem;
  auto source = arrayArg(id, args, 0);
  if (!source) return Unexpected<ExecError>{std::move(source).error()};
  auto index = integerArg(id, args, 1);
  if (!index) return Unexpected<ExecError>{std::move(index).error()};
  const auto items = (*source)->items();
  if (*index < 0 || static_cast<uint64_t>(*index) >= items.size()) {
    return intrinsicFailure(id, "the index " + std::to_string(*index) +
                                    " is out of bounds for an array of " +
                                    std::to_string(items.size()) + " items");
  }
  return items[static_cast<size_t>(*index)];
}

ExecResult<Value> arrayLength(Args args) {
  auto source = arrayArg(IntrinsicId::ArrayLength, args, 0);
  if (!source) return Unexpected<ExecError>{std::move(source).error()};
  return Value::integer(static_cast<int64_t>((*source)->size()));
}

ExecResult<Value> arrayUnique(Args args) {
  auto source = arrayArg(IntrinsicId::ArrayUnique, args, 0);
  if (!source) return Unexpected<ExecError>{std::move(source).error()};
  // First occurrences, in order. Buckets by hash keep this linear on large arrays; equality
  // within a bucket is the deep comparison ArrayContains uses.
  std::unordered_multimap<size_t, size_t> seen; // hash -> position in `kept`
  std::vector<Value> kept;
  for (const Value& item : (*source)->items()) {
    const size_t h = valueHash(item);
    bool duplicate = false;
    for (auto [it, end] = seen.equal_range(h); it != end && !duplicate; ++it) {
      duplicate = kept[it->second] == item;
    }
    if (duplicate) continue;
    seen.emplace(h, kept.size());
    kept.push_back(item);
  }
  return Value::array(std::move(kept));
}

} // namespace asl::eval::intrinsics
