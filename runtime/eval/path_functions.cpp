// The no-argument functions Jayway JsonPath allows at the end of a path.
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/eval/path_eval_internal.h"

namespace asl::eval::detail {
namespace {

// Jayway's aggregations read only the numbers of an array and return doubles, so `sum()` of
// [1,2] is 3.0; with no numbers to read they raise an error.
struct NumberStats {
  size_t count = 0;
  double sum = 0, sumOfSquares = 0, min = 0, max = 0;
};

NumberStats collectNumbers(const Value& input) {
  NumberStats stats;
  for (const Value& item : input.items()) {
    if (!item.isNumber()) continue;
    double d = item.asDouble();
    if (stats.count == 0 || d < stats.min) stats.min = d;
    if (stats.count == 0 || d > stats.max) stats.max = d;
    stats.sum += d;
    stats.sumOfSquares += d * d;
    ++stats.count;
  }
  return stats;
}

std::optional<Value> aggregate(std::string_view name, const Value& input) {
  if (!input.isArray()) return std::nullopt;
  NumberStats s = collectNumbers(input);
  if (s.count == 0) return std::nullopt;
  double n = static_cast<double>(s.count);
  if (name == "sum") return Value::number(s.sum);
  if (name == "min") return Value::number(s.min);
  if (name == "max") return Value::number(s.max);
  double mean = s.sum / n;
  if (name == "avg") return Value::number(mean);
  if (name != "stddev") return std::nullopt;
  // Population standard deviation, as Jayway computes it.
  double variance = s.sumOfSquares / n - mean * mean;
  return Value::number(std::sqrt(variance > 0 ? variance : 0));
}

} // namespace

std::optional<Value> applyPathFunction(std::string_view name, const Value& input) {
  // `size` is not a Jayway function, but the parser accepts it; it reads as `length`.
  if (name == "length" || name == "size") {
    if (input.isArray() || input.isObject())
      return Value::integer(static_cast<int64_t>(input.size()));
    return Value::null(); // Jayway's length() of anything else is null
  }
  if (name == "first" || name == "last") {
    std::span<const Value> items = input.items();
    if (!input.isArray() || items.empty()) return Value::null();
    return name == "first" ? items.front() : items.back();
  }
  if (name == "keys") {
    if (!input.isObject()) return Value::null();
    std::vector<Value> keys;
    keys.reserve(input.size());
    for (const Member& m : input.members())
      keys.push_back(m.key);
    return Value::array(std::move(keys));
  }
  return aggregate(name, input);
}

} // namespace asl::eval::detail
