#include "runtime/eval/path_eval.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace asl::eval {
namespace {

const Value* memberOf(const Value& node, std::string_view name) {
  return node.isObject() ? node.find(name) : nullptr;
}

const Value* itemOf(const Value& node, int64_t index) {
  if (!node.isArray()) return nullptr;
  auto size = static_cast<int64_t>(node.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return &node.items()[static_cast<size_t>(index)];
}

const Value* rootOf(const Path& path, const PathRoots& roots, const Value* current) {
  switch (path.root) {
  case PathRootKind::Input:
    return roots.input();
  case PathRootKind::Context:
    return roots.context();
  case PathRootKind::Variable:
    return roots.variable(path.variable);
  case PathRootKind::Current:
    return current;
  }
  return nullptr;
}

// --- path functions (Jayway's no-argument functions) -------------------------------------

std::vector<double> numbersIn(const Value& v) {
  std::vector<double> out;
  for (const Value& item : v.items())
    if (item.isNumber()) out.push_back(item.asDouble());
  return out;
}

std::optional<Value> applyFunction(std::string_view name, const Value& v) {
  if (name == "length" || name == "size") {
    if (v.isArray() || v.isObject())
      return Value::integer(static_cast<int64_t>(v.isArray() ? v.size() : v.members().size()));
    if (v.isString()) return Value::integer(static_cast<int64_t>(v.asString().size()));
    return std::nullopt;
  }
  if (name == "keys") {
    if (!v.isObject()) return std::nullopt;
    std::vector<Value> keys;
    for (const Member& m : v.members())
      keys.push_back(m.key);
    return Value::array(std::move(keys));
  }
  if (name == "first" || name == "last") {
    if (!v.isArray() || v.size() == 0) return std::nullopt;
    return name == "first" ? v.items().front() : v.items().back();
  }
  if (!v.isArray()) return std::nullopt;
  std::vector<double> numbers = numbersIn(v);
  if (numbers.empty()) return std::nullopt;
  double sum = 0;
  for (double d : numbers)
    sum += d;
  if (name == "sum") return Value::number(sum);
  if (name == "avg") return Value::number(sum / static_cast<double>(numbers.size()));
  if (name == "min") return Value::number(*std::min_element(numbers.begin(), numbers.end()));
  if (name == "max") return Value::number(*std::max_element(numbers.begin(), numbers.end()));
  if (name == "stddev") {
    double mean = sum / static_cast<double>(numbers.size()), squares = 0;
    for (double d : numbers)
      squares += (d - mean) * (d - mean);
    return Value::number(std::sqrt(squares / static_cast<double>(numbers.size())));
  }
  return std::nullopt;
}

// --- filters -------------------------------------------------------------------------------

struct Operand {
  bool exists = false;
  Value value;
};

class FilterEvaluator {
public:
  explicit FilterEvaluator(const PathRoots& roots) : roots_(roots) {}

  bool holds(const FilterExpr& e, const Value& current) {
    switch (e.kind) {
    case FilterExprKind::Not:
      return !holds(e.operands[0], current);
    case FilterExprKind::And:
      return holds(e.operands[0], current) && holds(e.operands[1], current);
    case FilterExprKind::Or:
      return holds(e.operands[0], current) || holds(e.operands[1], current);
    case FilterExprKind::Compare:
      return compare(e, current);
    case FilterExprKind::Path:
      return operand(e, current).exists;
    case FilterExprKind::Boolean:
      return e.boolValue;
    default: {
      Operand o = operand(e, current);
      return o.exists && !(o.value.isBool() && !o.value.asBool()) && !o.value.isNull();
    }
    }
  }

  Operand operand(const FilterExpr& e, const Value& current) {
    switch (e.kind) {
    case FilterExprKind::Path: {
      PathSelection s = selectPath(*e.path, current);
      if (!s.found) return lengthProperty(*e.path, current);
      return Operand{true, std::move(s.value)};
    }
    case FilterExprKind::String:
      return Operand{true, Value::string(e.text)};
    case FilterExprKind::Integer:
      return Operand{true, Value::integer(e.intValue)};
    case FilterExprKind::Double:
      return Operand{true, Value::number(e.doubleValue)};
    case FilterExprKind::Boolean:
      return Operand{true, Value::boolean(e.boolValue)};
    case FilterExprKind::Null:
      return Operand{true, Value::null()};
    case FilterExprKind::Regex:
      return Operand{true, Value::string(e.text)};
    case FilterExprKind::Arith:
      return arithmetic(e, current);
    default:
      return Operand{true, Value::boolean(holds(e, current))};
    }
  }

  PathSelection selectPath(const Path& path, const Value& current);

private:
  // In filters and scripts Jayway reads `.length` of an array as its size (`[(@.length-1)]`).
  Operand lengthProperty(const Path& path, const Value& current) {
    if (path.segments.empty() || path.segments.back().kind != PathSegmentKind::Member ||
        path.segments.back().name != "length" || !path.isDefinite())
      return Operand{};
    Path prefix = path;
    prefix.segments.pop_back();
    PathSelection s = selectPath(prefix, current);
    if (!s.found || !s.value.isArray()) return Operand{};
    return Operand{true, Value::integer(static_cast<int64_t>(s.value.size()))};
  }

  Operand arithmetic(const FilterExpr& e, const Value& current) {
    Operand a = operand(e.operands[0], current), b = operand(e.operands[1], current);
    if (!a.exists || !b.exists || !a.value.isNumber() || !b.value.isNumber()) return Operand{};
    bool integral = a.value.isInteger() && b.value.isInteger();
    if (integral) {
      int64_t x = a.value.asInteger(), y = b.value.asInteger();
      switch (e.arithOp) {
      case ArithOpKind::Add:
        return Operand{true, Value::integer(x + y)};
      case ArithOpKind::Sub:
        return Operand{true, Value::integer(x - y)};
      case ArithOpKind::Mul:
        return Operand{true, Value::integer(x * y)};
      case ArithOpKind::Div:
        if (y == 0) return Operand{};
        return Operand{true, Value::integer(x / y)};
      case ArithOpKind::Mod:
        if (y == 0) return Operand{};
        return Operand{true, Value::integer(x % y)};
      }
    }
    double x = a.value.asDouble(), y = b.value.asDouble();
    switch (e.arithOp) {
    case ArithOpKind::Add:
      return Operand{true, Value::number(x + y)};
    case ArithOpKind::Sub:
      return Operand{true, Value::number(x - y)};
    case ArithOpKind::Mul:
      return Operand{true, Value::number(x * y)};
    case ArithOpKind::Div:
      return Operand{true, Value::number(x / y)};
    case ArithOpKind::Mod:
      return Operand{true, Value::number(std::fmod(x, y))};
    }
    return Operand{};
  }

  static bool regexMatches(std::string_view subject, const FilterExpr& regex) {
    uint32_t options = PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    if (regex.flags.find('i') != std::string::npos) options |= PCRE2_CASELESS;
    if (regex.flags.find('m') != std::string::npos) options |= PCRE2_MULTILINE;
    if (regex.flags.find('s') != std::string::npos) options |= PCRE2_DOTALL;
    int error = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(regex.text.data()),
                                     regex.text.size(), options, &error, &errorOffset, nullptr);
    if (!code) return false;
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(code, nullptr);
    int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                         data, nullptr);
    pcre2_match_data_free(data);
    pcre2_code_free(code);
    return rc >= 0;
  }

  bool compare(const FilterExpr& e, const Value& current) {
    Operand a = operand(e.operands[0], current);
    const FilterExpr& right = e.operands[1];
    if (e.compareOp == CompareOpKind::Match)
      return a.exists && a.value.isString() && right.kind == FilterExprKind::Regex &&
             regexMatches(a.value.asString(), right);
    Operand b = operand(right, current);
    if (!a.exists || !b.exists) return e.compareOp == CompareOpKind::Ne && a.exists != b.exists;
    const Value &x = a.value, &y = b.value;
    switch (e.compareOp) {
    case CompareOpKind::Eq:
      return x == y;
    case CompareOpKind::Ne:
      return !(x == y);
    default:
      break;
    }
    int order = 0;
    if (x.isNumber() && y.isNumber()) {
      double p = x.asDouble(), q = y.asDouble();
      order = p < q ? -1 : p > q ? 1 : 0;
    } else if (x.isString() && y.isString()) {
      int c = x.asString().compare(y.asString());
      order = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else {
      return false;
    }
    switch (e.compareOp) {
    case CompareOpKind::Lt:
      return order < 0;
    case CompareOpKind::Le:
      return order <= 0;
    case CompareOpKind::Gt:
      return order > 0;
    case CompareOpKind::Ge:
      return order >= 0;
    default:
      return false;
    }
  }

  const PathRoots& roots_;
  friend PathSelection selectFrom(const Path&, const Value*, const PathRoots&);
};

// --- selecting ------------------------------------------------------------------------------

void descendants(const Value& node, std::vector<const Value*>& out) {
  out.push_back(&node);
  if (node.isArray())
    for (const Value& item : node.items())
      descendants(item, out);
  else if (node.isObject())
    for (const Member& m : node.members())
      descendants(m.value, out);
}

void sliceOf(const Value& node, const PathSegment& s, std::vector<const Value*>& out) {
  if (!node.isArray()) return;
  auto size = static_cast<int64_t>(node.size());
  int64_t step = s.sliceStep.value_or(1);
  if (step == 0) return;
  auto clamp = [&](std::optional<int64_t> bound, int64_t fallback) {
    if (!bound) return fallback;
    int64_t b = *bound < 0 ? *bound + size : *bound;
    return std::clamp<int64_t>(b, step > 0 ? 0 : -1, step > 0 ? size : size - 1);
  };
  int64_t start = clamp(s.sliceStart, step > 0 ? 0 : size - 1);
  int64_t end = clamp(s.sliceEnd, step > 0 ? size : -1);
  for (int64_t i = start; step > 0 ? i < end : i > end; i += step)
    out.push_back(&node.items()[static_cast<size_t>(i)]);
}

// Applies one (non-function) segment to one node, appending the matches.
void applySegment(const PathSegment& s, const Value& node, FilterEvaluator& filters,
                  std::vector<const Value*>& out) {
  switch (s.kind) {
  case PathSegmentKind::Member:
    if (const Value* v = memberOf(node, s.name)) out.push_back(v);
    break;
  case PathSegmentKind::Index:
    if (const Value* v = itemOf(node, s.index)) out.push_back(v);
    break;
  case PathSegmentKind::Wildcard:
    if (node.isArray())
      for (const Value& item : node.items())
        out.push_back(&item);
    else if (node.isObject())
      for (const Member& m : node.members())
        out.push_back(&m.value);
    break;
  case PathSegmentKind::Slice:
    sliceOf(node, s, out);
    break;
  case PathSegmentKind::Union:
    for (const UnionEntry& entry : s.entries)
      if (const Value* v = entry.isIndex ? itemOf(node, entry.index) : memberOf(node, entry.name))
        out.push_back(v);
    break;
  case PathSegmentKind::Filter:
    // On an array the filter keeps the items it holds for; on an object, the object itself.
    if (node.isArray()) {
      for (const Value& item : node.items())
        if (filters.holds(*s.expr, item)) out.push_back(&item);
    } else if (node.isObject() && filters.holds(*s.expr, node)) {
      out.push_back(&node);
    }
    break;
  case PathSegmentKind::Script: {
    Operand key = filters.operand(*s.expr, node);
    if (!key.exists) break;
    const Value* v = nullptr;
    if (key.value.isNumber())
      v = itemOf(node, key.value.asInteger());
    else if (key.value.isString())
      v = memberOf(node, key.value.asString());
    if (v) out.push_back(v);
    break;
  }
  case PathSegmentKind::Function:
    break;
  }
}

PathSelection selectFrom(const Path& path, const Value* current, const PathRoots& roots) {
  PathSelection result;
  const Value* root = rootOf(path, roots, current);
  if (!root) return result;
  const auto& segments = path.segments;
  bool function = !segments.empty() && segments.back().kind == PathSegmentKind::Function;
  size_t steps = segments.size() - (function ? 1 : 0);

  if (path.isDefinite()) {
    const Value* node = root;
    for (size_t i = 0; i < steps; ++i) {
      const PathSegment& s = segments[i];
      const Value* next =
          s.kind == PathSegmentKind::Member ? memberOf(*node, s.name) : itemOf(*node, s.index);
      if (!next) {
        result.matchedSegments = i;
        return result;
      }
      node = next;
    }
    if (function) {
      auto applied = applyFunction(segments.back().name, *node);
      if (!applied) {
        result.matchedSegments = steps;
        return result;
      }
      result.value = std::move(*applied);
    } else {
      result.value = *node;
    }
    result.found = true;
    return result;
  }

  FilterEvaluator filters(roots);
  std::vector<const Value*> nodes{root}, next;
  for (size_t i = 0; i < steps; ++i) {
    const PathSegment& s = segments[i];
    next.clear();
    for (const Value* node : nodes) {
      if (s.recursive) {
        std::vector<const Value*> below;
        descendants(*node, below);
        for (const Value* d : below)
          applySegment(s, *d, filters, next);
      } else {
        applySegment(s, *node, filters, next);
      }
    }
    nodes.swap(next);
  }
  std::vector<Value> items;
  items.reserve(nodes.size());
  for (const Value* node : nodes)
    items.push_back(*node);
  Value list = Value::array(std::move(items));
  result.found = true;
  if (function) {
    auto applied = applyFunction(segments.back().name, list);
    if (!applied) {
      result.found = false;
      result.matchedSegments = steps;
      return result;
    }
    result.value = std::move(*applied);
  } else {
    result.value = std::move(list);
  }
  return result;
}

PathSelection FilterEvaluator::selectPath(const Path& path, const Value& current) {
  return selectFrom(path, &current, roots_);
}

bool placeAt(const Value& node, const std::vector<PathSegment>& segments, size_t i,
             const Value& result, Value& out) {
  if (i == segments.size()) {
    out = result;
    return true;
  }
  const PathSegment& s = segments[i];
  if (s.kind == PathSegmentKind::Member) {
    if (!node.isObject()) return false;
    std::vector<Member> members(node.members().begin(), node.members().end());
    for (Member& m : members)
      if (m.key.asString() == s.name) {
        // An existing member that is not an object can only be replaced by the last step.
        const Value& child = m.value;
        if (i + 1 < segments.size() && segments[i + 1].kind == PathSegmentKind::Member &&
            !child.isObject())
          return false;
        Value placed;
        if (!placeAt(child, segments, i + 1, result, placed)) return false;
        m.value = std::move(placed);
        out = Value::object(std::move(members));
        return true;
      }
    Value placed;
    if (!placeAt(Value::object({}), segments, i + 1, result, placed)) return false;
    members.push_back(makeMember(s.name, std::move(placed)));
    out = Value::object(std::move(members));
    return true;
  }
  if (s.kind == PathSegmentKind::Index) {
    if (!node.isArray()) return false;
    auto size = static_cast<int64_t>(node.size());
    int64_t index = s.index < 0 ? s.index + size : s.index;
    if (index < 0 || index >= size) return false;
    std::vector<Value> items(node.items().begin(), node.items().end());
    Value placed;
    if (!placeAt(items[static_cast<size_t>(index)], segments, i + 1, result, placed)) return false;
    items[static_cast<size_t>(index)] = std::move(placed);
    out = Value::array(std::move(items));
    return true;
  }
  return false;
}

} // namespace

PathSelection selectPath(const Path& path, const PathRoots& roots) {
  return selectFrom(path, nullptr, roots);
}

std::string describeMiss(const Path& path, const PathSelection& miss) {
  if (miss.matchedSegments + 1 >= path.segments.size())
    return "No results for path: " + path.toString();
  return "Missing property in path " + path.prefixToString(miss.matchedSegments + 1);
}

bool placeAtPath(const Value& input, const Path& path, const Value& result, Value& out) {
  return placeAt(input, path.segments, 0, result, out);
}

} // namespace asl::eval
