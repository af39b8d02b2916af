// Numeric, aggregation and boolean functions: $number, $abs, $floor, $ceil, $round, $power,
// $sqrt, $random, $sum, $max, $min, $average, $boolean, $not, $exists.
#include <cmath>
#include <cstdlib>
#include <regex>

#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {
namespace {

bool isDecimalNumber(std::string_view s) {
  // ^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    size_t frac = ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i;
    if (i == frac) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i;
    if (i == exp) return false;
  }
  return i == s.size();
}

// 0x.., 0o.., 0b.. literals as JavaScript's Number() reads them; NaN when malformed.
std::optional<double> radixLiteral(std::string_view s) {
  if (s.size() < 3 || s[0] != '0') return std::nullopt;
  int base = 0;
  char tag = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
  if (tag == 'x') base = 16;
  if (tag == 'o') base = 8;
  if (tag == 'b') base = 2;
  if (base == 0) return std::nullopt;
  double value = 0;
  for (char ch : s.substr(2)) {
    int d = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0'
            : std::isalpha(static_cast<unsigned char>(ch))
                ? std::tolower(static_cast<unsigned char>(ch)) - 'a' + 10
                : 99;
    if (d >= base) return std::nullopt;
    value = value * base + d;
  }
  return value;
}

JValue fnNumber(Evaluator&, CallArgs& c) {
  const JValue& arg = c[0];
  if (arg.isUndefined()) return JValue();
  if (arg.isNumber()) return arg;
  if (arg.isBool()) return JValue::number(arg.asBool() ? 1 : 0);
  if (arg.isString()) {
    std::string text(arg.asString());
    if (isDecimalNumber(text)) {
      double d = std::strtod(text.c_str(), nullptr);
      if (std::isfinite(d)) return JValue::number(d);
    }
    if (auto r = radixLiteral(text)) return JValue::number(*r);
  }
  throwValueError("D3030", arg);
}

JValue fnAbs(Evaluator&, CallArgs& c) {
  return c[0].isUndefined() ? JValue() : JValue::number(std::fabs(c[0].asNumber()));
}
JValue fnFloor(Evaluator&, CallArgs& c) {
  return c[0].isUndefined() ? JValue() : JValue::number(std::floor(c[0].asNumber()));
}
JValue fnCeil(Evaluator&, CallArgs& c) {
  return c[0].isUndefined() ? JValue() : JValue::number(std::ceil(c[0].asNumber()));
}

// Shifts the decimal point through the number's text, as jsonata-js does, so that
// multiplying by a power of ten cannot introduce a representation error.
double shiftDecimal(double value, double places) {
  std::string text = formatJsNumber(value);
  size_t e = text.find('e');
  double exponent = places;
  std::string mantissa = text;
  if (e != std::string::npos) {
    mantissa = text.substr(0, e);
    exponent += std::strtod(text.c_str() + e + 1, nullptr);
  }
  std::string shifted = mantissa + "e" + formatJsNumber(exponent);
  return std::strtod(shifted.c_str(), nullptr);
}

JValue fnRound(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  double arg = c[0].asNumber();
  double precision = c[1].isNumber() ? c[1].asNumber() : 0;
  if (precision != 0) arg = shiftDecimal(arg, precision);
  double result = std::floor(arg + 0.5); // Math.round
  double diff = result - arg;
  if (std::fabs(diff) == 0.5 && std::fabs(std::fmod(result, 2)) == 1) result -= 1; // half to even
  if (precision != 0) result = shiftDecimal(result, -precision);
  if (result == 0) result = 0; // no -0
  return JValue::number(result);
}

JValue fnPower(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  double r = std::pow(c[0].asNumber(), c[1].asNumber());
  if (!std::isfinite(r)) {
    JsonataError e = makeError("D3061");
    e.value = formatJsNumber(c[0].asNumber());
    e.valueIsLiteral = true;
    e.token = formatJsNumber(c[1].asNumber());
    e.tokenIsLiteral = true;
    throwError(std::move(e));
  }
  return JValue::number(r);
}

JValue fnSqrt(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[0].asNumber() < 0) throwValueError("D3060", c[0]);
  return JValue::number(std::sqrt(c[0].asNumber()));
}

JValue fnRandom(Evaluator& ev, CallArgs&) {
  return JValue::number(std::uniform_real_distribution<double>(0.0, 1.0)(ev.random()));
}

JValue fnSum(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  double total = 0;
  for (size_t i = 0; i < c[0].length(); ++i)
    total += c[0].at(i).asNumber();
  return JValue::number(total);
}

JValue extreme(CallArgs& c, bool max) {
  if (c[0].isUndefined() || c[0].length() == 0) return JValue();
  double best = c[0].at(0).asNumber();
  for (size_t i = 1; i < c[0].length(); ++i) {
    double v = c[0].at(i).asNumber();
    if (max ? v > best : v < best) best = v;
  }
  return JValue::number(best);
}

JValue fnMax(Evaluator&, CallArgs& c) {
  return extreme(c, true);
}
JValue fnMin(Evaluator&, CallArgs& c) {
  return extreme(c, false);
}

JValue fnAverage(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined() || c[0].length() == 0) return JValue();
  double total = 0;
  for (size_t i = 0; i < c[0].length(); ++i)
    total += c[0].at(i).asNumber();
  return JValue::number(total / static_cast<double>(c[0].length()));
}

JValue fnBoolean(Evaluator&, CallArgs& c) {
  return toBoolean(c[0]);
}

JValue fnNot(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  return JValue::boolean(!isTruthy(c[0]));
}

JValue fnExists(Evaluator&, CallArgs& c) {
  return JValue::boolean(c[0].isDefined());
}

} // namespace

void registerNumericFunctions(FunctionRegistry& r) {
  r.addBuiltin("number", "<(nsb)-:n>", fnNumber);
  r.addBuiltin("abs", "<n-:n>", fnAbs);
  r.addBuiltin("floor", "<n-:n>", fnFloor);
  r.addBuiltin("ceil", "<n-:n>", fnCeil);
  r.addBuiltin("round", "<n-n?:n>", fnRound);
  r.addBuiltin("power", "<n-n:n>", fnPower);
  r.addBuiltin("sqrt", "<n-:n>", fnSqrt);
  r.addBuiltin("random", "<:n>", fnRandom);
  r.addBuiltin("sum", "<a<n>:n>", fnSum);
  r.addBuiltin("max", "<a<n>:n>", fnMax);
  r.addBuiltin("min", "<a<n>:n>", fnMin);
  r.addBuiltin("average", "<a<n>:n>", fnAverage);
  r.addBuiltin("boolean", "<x-:b>", fnBoolean);
  r.addBuiltin("not", "<x-:b>", fnNot);
  r.addBuiltin("exists", "<x:b>", fnExists);
}

} // namespace asl::eval::jsonata
