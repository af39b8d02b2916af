// Date/time functions: $now, $millis, $fromMillis, $toMillis. Pictures (XPath F&O 3.1
// format-dateTime) are handled by datetime_format.cpp.
#include <cmath>

#include "runtime/eval/jsonata/datetime_format.h"
#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {
namespace {

JValue fnMillis(Evaluator& ev, CallArgs&) {
  return JValue::number(static_cast<double>(ev.nowMillis()));
}

JValue fnNow(Evaluator& ev, CallArgs& c) {
  auto text = formatDateTime(static_cast<double>(ev.nowMillis()), c[0], c[1]);
  return JValue::string(text);
}

JValue fnFromMillis(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  return JValue::string(formatDateTime(c[0].asNumber(), c[1], c[2]));
}

JValue fnToMillis(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::optional<double> millis = parseDateTime(c[0].asString(), c[1]);
  return millis ? JValue::number(*millis) : JValue();
}

} // namespace

void registerDateTimeFunctions(FunctionRegistry& r) {
  r.addBuiltin("now", "<s?s?:s>", fnNow);
  r.addBuiltin("millis", "<:n>", fnMillis);
  r.addBuiltin("fromMillis", "<n-s?s?:s>", fnFromMillis);
  r.addBuiltin("toMillis", "<s-s?:n>", fnToMillis);
}

} // namespace asl::eval::jsonata
