// Queries and canonical printing of parsed JSONPath trees.
#include "runtime/eval/path.h"

#include <charconv>
#include <cmath>

namespace asl::eval {
namespace {

void appendQuoted(std::string& out, const std::string& text) {
  out.push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

void appendSegment(std::string& out, const PathSegment& segment) {
  if (segment.recursive) out += "..";
  switch (segment.kind) {
  case PathSegmentKind::Member:
    out.push_back('[');
    appendQuoted(out, segment.name);
    out.push_back(']');
    return;
  case PathSegmentKind::Index:
    out += "[" + std::to_string(segment.index) + "]";
    return;
  case PathSegmentKind::Wildcard:
    out += "[*]";
    return;
  case PathSegmentKind::Slice:
    out.push_back('[');
    if (segment.sliceStart) out += std::to_string(*segment.sliceStart);
    out.push_back(':');
    if (segment.sliceEnd) out += std::to_string(*segment.sliceEnd);
    if (segment.sliceStep) out += ":" + std::to_string(*segment.sliceStep);
    out.push_back(']');
    return;
  case PathSegmentKind::Union:
    out.push_back('[');
    for (size_t i = 0; i < segment.entries.size(); ++i) {
      if (i > 0) out.push_back(',');
      const UnionEntry& entry = segment.entries[i];
      if (entry.isIndex)
        out += std::to_string(entry.index);
      else
        appendQuoted(out, entry.name);
    }
    out.push_back(']');
    return;
  case PathSegmentKind::Filter:
    out += "[?(" + (segment.expr ? segment.expr->toString() : std::string()) + ")]";
    return;
  case PathSegmentKind::Script:
    out += "[(" + (segment.expr ? segment.expr->toString() : std::string()) + ")]";
    return;
  case PathSegmentKind::Function:
    out += "." + segment.name + "()";
    return;
  }
}

// Binding strength for printing; higher binds tighter.
int precedence(const FilterExpr& e) {
  switch (e.kind) {
  case FilterExprKind::Or:
    return 1;
  case FilterExprKind::And:
    return 2;
  case FilterExprKind::Not:
    return 3; // as in Jayway, `!` negates a whole comparison
  case FilterExprKind::Compare:
    return 4;
  case FilterExprKind::Arith:
    return e.arithOp == ArithOpKind::Add || e.arithOp == ArithOpKind::Sub ? 5 : 6;
  default:
    return 7;
  }
}

std::string operandToString(const FilterExpr& operand, int parentPrecedence, bool right) {
  // Operators are left-associative, so an equal-precedence right operand needs parentheses.
  int p = precedence(operand);
  bool wrap = p < parentPrecedence || (right && p == parentPrecedence);
  std::string text = operand.toString();
  return wrap ? "(" + text + ")" : text;
}

} // namespace

void flatten(Path& path) {
  path.flat.clear();
  path.isFlat = false;
  if (path.root == PathRootKind::Current) return; // filters' `@` walks the full evaluator
  std::vector<FlatStep> steps;
  steps.reserve(path.segments.size());
  for (const PathSegment& s : path.segments) {
    if (s.recursive) return;
    if (s.kind == PathSegmentKind::Member)
      steps.push_back(FlatStep{Value::interned(s.name), 0});
    else if (s.kind == PathSegmentKind::Index && s.index >= 0)
      steps.push_back(FlatStep{Value(), s.index});
    else
      return;
  }
  path.flat = std::move(steps);
  path.isFlat = true;
}

bool Path::isDefinite() const {
  for (size_t i = 0; i < segments.size(); ++i) {
    const PathSegment& s = segments[i];
    if (s.recursive) return false;
    if (s.kind == PathSegmentKind::Function && i + 1 == segments.size()) continue;
    if (s.kind != PathSegmentKind::Member && s.kind != PathSegmentKind::Index) return false;
  }
  return true;
}

bool Path::isReferencePath() const {
  for (const PathSegment& s : segments) {
    if (s.recursive) return false;
    if (s.kind != PathSegmentKind::Member && s.kind != PathSegmentKind::Index) return false;
  }
  return true;
}

std::string Path::prefixToString(size_t count) const {
  std::string out;
  switch (root) {
  case PathRootKind::Input:
    out = "$";
    break;
  case PathRootKind::Context:
    out = "$$";
    break;
  case PathRootKind::Variable:
    out = "$" + variable;
    break;
  case PathRootKind::Current:
    out = "@";
    break;
  }
  for (size_t i = 0; i < count && i < segments.size(); ++i)
    appendSegment(out, segments[i]);
  return out;
}

const char* compareOpSpelling(CompareOpKind op) {
  switch (op) {
  case CompareOpKind::Eq:
    return "==";
  case CompareOpKind::Ne:
    return "!=";
  case CompareOpKind::Lt:
    return "<";
  case CompareOpKind::Le:
    return "<=";
  case CompareOpKind::Gt:
    return ">";
  case CompareOpKind::Ge:
    return ">=";
  case CompareOpKind::Match:
    return "=~";
  }
  return "==";
}

const char* arithOpSpelling(ArithOpKind op) {
  switch (op) {
  case ArithOpKind::Add:
    return "+";
  case ArithOpKind::Sub:
    return "-";
  case ArithOpKind::Mul:
    return "*";
  case ArithOpKind::Div:
    return "/";
  case ArithOpKind::Mod:
    return "%";
  }
  return "+";
}

std::string formatDouble(double value) {
  if (!std::isfinite(value)) return value != value ? "NaN" : (value < 0 ? "-Infinity" : "Infinity");
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "0";
  return std::string(buffer, end);
}

std::string FilterExpr::toString() const {
  switch (kind) {
  case FilterExprKind::Path:
    return path ? path->toString() : std::string("@");
  case FilterExprKind::String: {
    std::string out;
    appendQuoted(out, text);
    return out;
  }
  case FilterExprKind::Integer:
    return std::to_string(intValue);
  case FilterExprKind::Double:
    return formatDouble(doubleValue);
  case FilterExprKind::Boolean:
    return boolValue ? "true" : "false";
  case FilterExprKind::Null:
    return "null";
  case FilterExprKind::Regex:
    return "/" + text + "/" + flags;
  case FilterExprKind::Not:
    return operands.empty() ? std::string("!")
                            : "!" + operandToString(operands[0], precedence(*this), false);
  case FilterExprKind::And:
  case FilterExprKind::Or:
  case FilterExprKind::Compare:
  case FilterExprKind::Arith: {
    if (operands.size() != 2) return std::string();
    const char* op = kind == FilterExprKind::And       ? "&&"
                     : kind == FilterExprKind::Or      ? "||"
                     : kind == FilterExprKind::Compare ? compareOpSpelling(compareOp)
                                                       : arithOpSpelling(arithOp);
    int p = precedence(*this);
    return operandToString(operands[0], p, false) + " " + op + " " +
           operandToString(operands[1], p, true);
  }
  }
  return std::string();
}

} // namespace asl::eval
