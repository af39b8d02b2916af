// Filter (`[?(...)]`) and script (`[(...)]`) expressions, with Jayway JsonPath's rules for
// missing values, mixed types and regular expressions.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "runtime/eval/path_eval_internal.h"
#include "runtime/value/json_writer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace asl::eval::detail {
namespace {

// nullopt is Jayway's "undefined": a path that selects nothing.
using Operand = std::optional<Value>;

Operand evaluateOperand(const FilterExpr& e, const Value& current, const FilterScope& scope);

bool parseNumber(std::string_view text, double& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Jayway compares a number with a string by reading the string as a number.
bool looselyEqual(const Value& l, const Value& r) {
  if (l.isNumber() && r.isNumber()) {
    if (l.isInteger() && r.isInteger()) return l.asInteger() == r.asInteger();
    return l.asDouble() == r.asDouble();
  }
  if (l.isNumber() != r.isNumber() && (l.isString() || r.isString())) {
    const Value& number = l.isNumber() ? l : r;
    const Value& text = l.isNumber() ? r : l;
    double parsed = 0;
    return parseNumber(text.asString(), parsed) && parsed == number.asDouble();
  }
  return l.kind() == r.kind() && l == r;
}

// -1, 0, 1, or nullopt when the two cannot be ordered (only numbers and strings can).
std::optional<int> order(const Value& l, const Value& r) {
  if (l.isNumber() && r.isNumber()) {
    if (l.isInteger() && r.isInteger())
      return l.asInteger() < r.asInteger() ? -1 : (l.asInteger() > r.asInteger() ? 1 : 0);
    double a = l.asDouble(), b = r.asDouble();
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  if (l.isString() && r.isString()) {
    int c = l.asString().compare(r.asString());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return std::nullopt;
}

// What `=~` matches against: strings as is, numbers and booleans as printed, else "".
std::string regexInput(const Operand& v) {
  if (!v) return std::string();
  if (v->isString()) return std::string(v->asString());
  if (v->isNumber() || v->isBool()) return toJson(*v);
  return std::string();
}

bool compare(const FilterExpr& e, const Value& current, const FilterScope& scope) {
  const FilterExpr& left = e.operands[0];
  const FilterExpr& right = e.operands[1];
  if (e.compareOp == CompareOpKind::Match) {
    bool leftIsRegex = left.kind == FilterExprKind::Regex;
    if (leftIsRegex == (right.kind == FilterExprKind::Regex)) return false;
    const FilterExpr& regex = leftIsRegex ? left : right;
    Operand subject = evaluateOperand(leftIsRegex ? right : left, current, scope);
    return regexMatches(regex.text, regex.flags, regexInput(subject));
  }
  Operand l = evaluateOperand(left, current, scope);
  Operand r = evaluateOperand(right, current, scope);
  bool equal = l && r && looselyEqual(*l, *r);
  switch (e.compareOp) {
  case CompareOpKind::Eq:
    return equal;
  case CompareOpKind::Ne:
    return !equal; // Jayway's != is the negation of ==, so it holds for a missing value
  default:
    break;
  }
  if (!l || !r) return false;
  std::optional<int> c = order(*l, *r);
  if (!c) return false;
  switch (e.compareOp) {
  case CompareOpKind::Lt:
    return *c < 0;
  case CompareOpKind::Le:
    return *c <= 0;
  case CompareOpKind::Gt:
    return *c > 0;
  case CompareOpKind::Ge:
    return *c >= 0;
  default:
    return false;
  }
}

Operand arithmetic(ArithOpKind op, const Value& l, const Value& r) {
  if (!l.isNumber() || !r.isNumber()) return std::nullopt;
  if (l.isInteger() && r.isInteger()) {
    int64_t a = l.asInteger(), b = r.asInteger(), out = 0;
    switch (op) {
    case ArithOpKind::Add:
      if (!__builtin_add_overflow(a, b, &out)) return Value::integer(out);
      break;
    case ArithOpKind::Sub:
      if (!__builtin_sub_overflow(a, b, &out)) return Value::integer(out);
      break;
    case ArithOpKind::Mul:
      if (!__builtin_mul_overflow(a, b, &out)) return Value::integer(out);
      break;
    case ArithOpKind::Div:
      if (b == 0) return std::nullopt;
      if (a % b == 0 && !(a == std::numeric_limits<int64_t>::min() && b == -1))
        return Value::integer(a / b);
      break;
    case ArithOpKind::Mod:
      if (b == 0) return std::nullopt;
      return Value::integer(b == -1 ? 0 : a % b);
    }
  }
  double a = l.asDouble(), b = r.asDouble();
  switch (op) {
  case ArithOpKind::Add:
    return Value::number(a + b);
  case ArithOpKind::Sub:
    return Value::number(a - b);
  case ArithOpKind::Mul:
    return Value::number(a * b);
  case ArithOpKind::Div:
    return b == 0 ? Operand() : Value::number(a / b);
  case ArithOpKind::Mod:
    return b == 0 ? Operand() : Value::number(std::fmod(a, b));
  }
  return std::nullopt;
}

Operand evaluateOperand(const FilterExpr& e, const Value& current, const FilterScope& scope) {
  switch (e.kind) {
  case FilterExprKind::Path: {
    if (!e.path) return current;
    PathOutcome out = selectInFilter(*e.path, current, scope);
    if (!out.found()) return std::nullopt;
    return std::move(out.value);
  }
  case FilterExprKind::String:
  case FilterExprKind::Regex:
    return Value::string(e.text);
  case FilterExprKind::Integer:
    return Value::integer(e.intValue);
  case FilterExprKind::Double:
    return Value::number(e.doubleValue);
  case FilterExprKind::Boolean:
    return Value::boolean(e.boolValue);
  case FilterExprKind::Null:
    return Value::null();
  case FilterExprKind::Arith: {
    Operand l = evaluateOperand(e.operands[0], current, scope);
    Operand r = evaluateOperand(e.operands[1], current, scope);
    if (!l || !r) return std::nullopt;
    return arithmetic(e.arithOp, *l, *r);
  }
  case FilterExprKind::Not:
  case FilterExprKind::And:
  case FilterExprKind::Or:
  case FilterExprKind::Compare:
    return Value::boolean(filterAccepts(e, current, scope));
  }
  return std::nullopt;
}

// A lone path in a filter asks whether it selects anything (Jayway's exists check), so
// `[?(@.flag)]` keeps items whose flag is false.
bool pathExists(const Path& path, const Value& current, const FilterScope& scope) {
  PathOutcome out = selectInFilter(path, current, scope);
  if (!out.found()) return false;
  return selectsOneValue(path) || out.value.size() > 0;
}

uint32_t compileOptions(std::string_view flags) {
  uint32_t options = PCRE2_UTF;
  for (char f : flags) {
    switch (f) {
    case 'i':
      options |= PCRE2_CASELESS;
      break;
    case 'm':
      options |= PCRE2_MULTILINE;
      break;
    case 's':
      options |= PCRE2_DOTALL;
      break;
    case 'x':
      options |= PCRE2_EXTENDED;
      break;
    case 'U':
      options |= PCRE2_UCP;
      break;
    default:
      break; // 'u' (Unicode case folding) is implied by UTF mode; 'd' has no PCRE2 equivalent
    }
  }
  return options;
}

} // namespace

bool regexMatches(std::string_view pattern, std::string_view flags, std::string_view subject) {
  int errorCode = 0;
  PCRE2_SIZE errorOffset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   compileOptions(flags), &errorCode, &errorOffset, nullptr);
  if (!code) return false;
  pcre2_match_data* match = pcre2_match_data_create_from_pattern(code, nullptr);
  bool matched = false;
  if (match) {
    // Java's Matcher.matches(): the whole subject must match.
    int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0,
                         PCRE2_ANCHORED | PCRE2_ENDANCHORED, match, nullptr);
    matched = rc >= 0;
    pcre2_match_data_free(match);
  }
  pcre2_code_free(code);
  return matched;
}

bool filterAccepts(const FilterExpr& expr, const Value& current, const FilterScope& scope) {
  switch (expr.kind) {
  case FilterExprKind::Path:
    return expr.path ? pathExists(*expr.path, current, scope) : true;
  case FilterExprKind::Boolean:
    return expr.boolValue;
  case FilterExprKind::Not:
    return !filterAccepts(expr.operands[0], current, scope);
  case FilterExprKind::And:
    return filterAccepts(expr.operands[0], current, scope) &&
           filterAccepts(expr.operands[1], current, scope);
  case FilterExprKind::Or:
    return filterAccepts(expr.operands[0], current, scope) ||
           filterAccepts(expr.operands[1], current, scope);
  case FilterExprKind::Compare:
    return compare(expr, current, scope);
  default:
    return false; // a bare literal or arithmetic is not a condition
  }
}

std::optional<Value> evaluateScript(const FilterExpr& expr, const Value& current,
                                    const FilterScope& scope) {
  return evaluateOperand(expr, current, scope);
}

} // namespace asl::eval::detail
