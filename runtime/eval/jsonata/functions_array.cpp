// Array functions: $count, $append, $sort, $reverse, $shuffle, $distinct, $zip.
#include <algorithm>
#include <functional>

#include "runtime/eval/jsonata/evaluator_core.h"
#include "runtime/eval/utf16_order.h"

namespace asl::eval::jsonata {
namespace {

JValue fnCount(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue::number(0);
  return JValue::number(static_cast<double>(c[0].isArray() ? c[0].length() : 1));
}

JValue fnAppend(Evaluator&, CallArgs& c) {
  return appendValues(c[0], c[1]);
}

bool allOf(const JValue& arr, JKind kind) {
  for (size_t i = 0; i < arr.length(); ++i)
    if (arr.at(i).kind() != kind) return false;
  return true;
}

JValue fnSort(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[0].length() <= 1) return c[0];
  std::vector<JValue> items = itemsOf(c[0]);
  std::function<bool(const JValue&, const JValue&)> comesAfter;
  if (c[1].isUndefined()) {
    bool numbers = allOf(c[0], JKind::Number);
    bool strings = allOf(c[0], JKind::String);
    if (!numbers && !strings) throwError("D3070");
    comesAfter = [numbers](const JValue& a, const JValue& b) {
      if (numbers) return a.asNumber() > b.asNumber();
      return compareUtf16(a.asString(), b.asString()) > 0;
    };
  } else {
    JValue fn = c[1];
    Frame* env = c.env;
    comesAfter = [&ev, fn, env](const JValue& a, const JValue& b) {
      JValue r = ev.apply(fn, {a, b}, JValue(), env);
      // JavaScript truthiness of the comparator's result.
      switch (r.kind()) {
      case JKind::Undefined:
      case JKind::Null:
        return false;
      case JKind::Bool:
        return r.asBool();
      case JKind::Number:
        return r.asNumber() != 0 && !std::isnan(r.asNumber());
      case JKind::String:
        return !r.asString().empty();
      default:
        return true;
      }
    };
  }
  // Stable merge sort, whatever the comparator does.
  std::vector<JValue> buffer(items.size());
  std::function<void(size_t, size_t)> msort = [&](size_t lo, size_t hi) {
    if (hi - lo <= 1) return;
    size_t mid = lo + (hi - lo) / 2;
    msort(lo, mid);
    msort(mid, hi);
    size_t l = lo, r = mid, o = lo;
    while (l < mid && r < hi)
      buffer[o++] = comesAfter(items[l], items[r]) ? items[r++] : items[l++];
    while (l < mid)
      buffer[o++] = items[l++];
    while (r < hi)
      buffer[o++] = items[r++];
    for (size_t k = lo; k < hi; ++k)
      items[k] = std::move(buffer[k]);
  };
  msort(0, items.size());
  return makeArray(std::move(items), false);
}

JValue fnReverse(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[0].length() <= 1) return c[0];
  std::vector<JValue> items = itemsOf(c[0]);
  std::reverse(items.begin(), items.end());
  return makeArray(std::move(items), false);
}

JValue fnShuffle(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[0].length() <= 1) return c[0];
  std::vector<JValue> items = itemsOf(c[0]);
  std::shuffle(items.begin(), items.end(), ev.random());
  return makeArray(std::move(items), false);
}

JValue fnDistinct(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (!c[0].isArray() || c[0].length() <= 1) return c[0];
  std::vector<JValue> out;
  for (size_t i = 0; i < c[0].length(); ++i) {
    JValue v = c[0].at(i);
    bool seen = false;
    for (const JValue& o : out)
      if (deepEqual(v, o)) {
        seen = true;
        break;
      }
    if (!seen) out.push_back(std::move(v));
  }
  return makeArray(std::move(out), c[0].isSequence());
}

JValue fnZip(Evaluator&, CallArgs& c) {
  size_t length = c.size() == 0 ? 0 : SIZE_MAX;
  for (size_t a = 0; a < c.size(); ++a)
    length = std::min(length, c[a].isArray() ? c[a].length() : 0);
  std::vector<JValue> out;
  for (size_t i = 0; i < length; ++i) {
    std::vector<JValue> tuple;
    for (size_t a = 0; a < c.size(); ++a)
      tuple.push_back(c[a].at(i));
    out.push_back(makeArray(std::move(tuple), false));
  }
  return makeArray(std::move(out), false);
}

} // namespace

void registerArrayFunctions(FunctionRegistry& r) {
  r.addBuiltin("count", "<a:n>", fnCount);
  r.addBuiltin("append", "<xx:a>", fnAppend);
  r.addBuiltin("sort", "<af?:a>", fnSort);
  r.addBuiltin("reverse", "<a:a>", fnReverse);
  r.addBuiltin("shuffle", "<a:a>", fnShuffle);
  r.addBuiltin("distinct", "<x:x>", fnDistinct);
  r.addBuiltin("zip", "<a+>", fnZip, 0);
}

} // namespace asl::eval::jsonata
