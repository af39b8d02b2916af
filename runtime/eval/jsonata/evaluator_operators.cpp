// Binary operators: arithmetic, comparison, equality, `and`/`or`, `&`, `..` and `in`, with
// jsonata-js's type rules (undefined operands give undefined or false; T2001-T2010 errors).
#include <cmath>

#include "runtime/eval/jsonata/evaluator_core.h"
#include "runtime/eval/utf16_order.h"

namespace asl::eval::jsonata {
namespace {

// JSONata's isNumeric: a finite number; an infinite one is an error (D1001).
bool isNumeric(const JValue& v) {
  if (!v.isNumber()) return false;
  if (std::isnan(v.asNumber())) return false;
  if (!std::isfinite(v.asNumber())) throwValueError("D1001", v);
  return true;
}

JValue arithmetic(BinaryOp op, const JValue& lhs, const JValue& rhs) {
  if (lhs.isDefined() && !isNumeric(lhs)) throwValueError("T2001", lhs);
  if (rhs.isDefined() && !isNumeric(rhs)) throwValueError("T2002", rhs);
  if (lhs.isUndefined() || rhs.isUndefined()) return JValue();
  double a = lhs.asNumber(), b = rhs.asNumber();
  switch (op) {
  case BinaryOp::Add:
    return JValue::number(a + b);
  case BinaryOp::Subtract:
    return JValue::number(a - b);
  case BinaryOp::Multiply:
    return JValue::number(a * b);
  case BinaryOp::Divide:
    return JValue::number(a / b);
  default:
    return JValue::number(std::fmod(a, b));
  }
}

JValue comparison(BinaryOp op, const JValue& lhs, const JValue& rhs) {
  bool lok = lhs.isUndefined() || lhs.isString() || lhs.isNumber();
  bool rok = rhs.isUndefined() || rhs.isString() || rhs.isNumber();
  if (!lok || !rok) throwValueError("T2010", !(lhs.isString() || lhs.isNumber()) ? lhs : rhs);
  if (lhs.isUndefined() || rhs.isUndefined()) return JValue();
  if (lhs.kind() != rhs.kind()) throwValueError("T2009", lhs);
  int c;
  if (lhs.isNumber()) {
    double a = lhs.asNumber(), b = rhs.asNumber();
    if (std::isnan(a) || std::isnan(b)) return JValue::boolean(false);
    c = a < b ? -1 : a > b ? 1 : 0;
  } else {
    auto o = compareUtf16(lhs.asString(), rhs.asString());
    c = o < 0 ? -1 : o > 0 ? 1 : 0;
  }
  switch (op) {
  case BinaryOp::Less:
    return JValue::boolean(c < 0);
  case BinaryOp::LessEqual:
    return JValue::boolean(c <= 0);
  case BinaryOp::Greater:
    return JValue::boolean(c > 0);
  default:
    return JValue::boolean(c >= 0);
  }
}

JValue range(const JValue& lhs, const JValue& rhs) {
  auto isInteger = [](const JValue& v) {
    return v.isNumber() && std::isfinite(v.asNumber()) && std::floor(v.asNumber()) == v.asNumber();
  };
  if (lhs.isDefined() && !isInteger(lhs)) throwValueError("T2003", lhs);
  if (rhs.isDefined() && !isInteger(rhs)) throwValueError("T2004", rhs);
  if (lhs.isUndefined() || rhs.isUndefined()) return JValue();
  double from = lhs.asNumber(), to = rhs.asNumber();
  if (from > to) return JValue();
  double size = to - from + 1;
  // jsonata-js's limit: ten million items.
  if (size > 1e7) throwValueError("D2014", JValue::number(size));
  JValue out = JValue::newArray(true);
  auto& items = out.ownedArray()->items;
  items.reserve(static_cast<size_t>(size));
  for (double v = from; v <= to; v += 1)
    items.push_back(JValue::number(v));
  return out;
}

// $string of a non-string operand of `&`: functions are "", the rest JSON.
std::string stringOf(const JValue& v) {
  if (v.isFunction()) return "";
  if (v.isNumber() && !std::isfinite(v.asNumber())) throwValueError("D3001", v);
  return stringify(v.isOuterWrapper() ? v.at(0) : v, false);
}

bool strictEqual(const JValue& a, const JValue& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
  case JKind::Null:
    return true;
  case JKind::Bool:
    return a.asBool() == b.asBool();
  case JKind::Number:
    return a.asNumber() == b.asNumber();
  case JKind::String:
    return a.asString() == b.asString();
  case JKind::Undefined:
    return true;
  default:
    return a.identity() == b.identity();
  }
}

} // namespace

JValue Evaluator::evaluateBinary(const Node& expr, const JValue& input, Frame* env) {
  JValue lhs = evaluate(*expr.lhs, input, env);
  try {
    if (expr.op == BinaryOp::And || expr.op == BinaryOp::Or) {
      bool l = isTruthy(lhs);
      if (expr.op == BinaryOp::And && !l) return JValue::boolean(false);
      if (expr.op == BinaryOp::Or && l) return JValue::boolean(true);
      return JValue::boolean(isTruthy(evaluate(*expr.rhs, input, env)));
    }
    JValue rhs = evaluate(*expr.rhs, input, env);
    switch (expr.op) {
    case BinaryOp::Add:
    case BinaryOp::Subtract:
    case BinaryOp::Multiply:
    case BinaryOp::Divide:
    case BinaryOp::Modulo:
      return arithmetic(expr.op, lhs, rhs);
    case BinaryOp::Equal:
    case BinaryOp::NotEqual: {
      if (lhs.isUndefined() || rhs.isUndefined()) return JValue::boolean(false);
      bool eq = deepEqual(lhs, rhs);
      return JValue::boolean(expr.op == BinaryOp::Equal ? eq : !eq);
    }
    case BinaryOp::Less:
    case BinaryOp::LessEqual:
    case BinaryOp::Greater:
    case BinaryOp::GreaterEqual:
      return comparison(expr.op, lhs, rhs);
    case BinaryOp::Concat: {
      std::string out;
      if (lhs.isDefined()) out += lhs.isString() ? std::string(lhs.asString()) : stringOf(lhs);
      if (rhs.isDefined()) out += rhs.isString() ? std::string(rhs.asString()) : stringOf(rhs);
      return JValue::string(out);
    }
    case BinaryOp::Range:
      return range(lhs, rhs);
    case BinaryOp::In: {
      if (lhs.isUndefined() || rhs.isUndefined()) return JValue::boolean(false);
      if (!rhs.isArray()) return JValue::boolean(strictEqual(lhs, rhs));
      for (size_t i = 0; i < rhs.length(); ++i)
        if (strictEqual(lhs, rhs.at(i))) return JValue::boolean(true);
      return JValue::boolean(false);
    }
    default:
      return JValue();
    }
  } catch (JsonataThrow& t) {
    if (t.error.position == 0) t.error.position = expr.position;
    if (t.error.token.empty()) t.error.token = binaryOpName(expr.op);
    throw;
  }
}

} // namespace asl::eval::jsonata
