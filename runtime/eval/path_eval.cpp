// Selecting with JSONPath: a direct walk for definite paths, a collecting walk for the others.
#include "runtime/eval/path_eval.h"

#include <utility>
#include <vector>

#include "runtime/eval/path_eval_internal.h"
#include "runtime/value/json_writer.h"

namespace asl::eval {
namespace {

using detail::FilterScope;

const Value kNull;

// Where the path starts; nullptr for an unknown variable.
const Value* resolveRoot(const Path& path, const PathRoots& roots, const Value* current,
                         const Value* document) {
  switch (path.root) {
  case PathRootKind::Input:
    if (document) return document;
    return roots.input ? roots.input : &kNull;
  case PathRootKind::Context:
    if (roots.context) return roots.context;
    return roots.lazyContext ? &roots.lazyContext->contextValue() : &kNull;
  case PathRootKind::Variable:
    return roots.variables ? roots.variables->findVariable(path.variable) : nullptr;
  case PathRootKind::Current:
    return current ? current : &kNull;
  }
  return &kNull;
}

bool endsWithFunction(const Path& path) {
  return !path.segments.empty() && path.segments.back().kind == PathSegmentKind::Function;
}

// The number of segments that select nodes (a final function only transforms the result).
size_t selectingCount(const Path& path) {
  return path.segments.size() - (endsWithFunction(path) ? 1 : 0);
}

bool isNameUnion(const PathSegment& s) {
  if (s.kind != PathSegmentKind::Union) return false;
  for (const UnionEntry& e : s.entries)
    if (e.isIndex) return false;
  return true;
}

// Jayway merges the members a final name union selects into one object, skipping absent ones.
Value mergeMembers(const PathSegment& s, const Value& object) {
  std::vector<Member> merged;
  for (const UnionEntry& e : s.entries)
    if (const Value* v = object.find(e.name)) merged.push_back(Member{Value::string(e.name), *v});
  return Value::object(std::move(merged));
}

// Java's List index: negative counts from the end; nullptr when out of range.
const Value* itemAt(const Value& array, int64_t index) {
  int64_t size = static_cast<int64_t>(array.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return &array.items()[static_cast<size_t>(index)];
}

// Indexes Jayway's slice visits, in order. Jayway's quirks are kept: a negative start of a
// bounded slice is not clamped, so each index is then read counting from the end. A step, which
// Jayway does not have, strides through that range (backwards when negative).
std::vector<int64_t> sliceIndexes(const PathSegment& s, int64_t size) {
  std::vector<int64_t> out;
  if (size == 0) return out;
  int64_t from = 0, to = size;
  if (s.sliceStart && !s.sliceEnd) {
    from = *s.sliceStart < 0 ? std::max<int64_t>(0, size + *s.sliceStart) : *s.sliceStart;
  } else if (!s.sliceStart && s.sliceEnd) {
    to = std::min(size, *s.sliceEnd < 0 ? size + *s.sliceEnd : *s.sliceEnd);
  } else if (s.sliceStart && s.sliceEnd) {
    from = *s.sliceStart;
    to = std::min(size, *s.sliceEnd);
  }
  for (int64_t i = from; i < to; ++i)
    out.push_back(i);
  int64_t step = s.sliceStep.value_or(1);
  if (step == 1) return out;
  std::vector<int64_t> strided;
  int64_t n = static_cast<int64_t>(out.size());
  int64_t stride = step < 0 ? -step : step;
  for (int64_t k = 0; k < n; k += stride)
    strided.push_back(out[static_cast<size_t>(step < 0 ? n - 1 - k : k)]);
  return strided;
}

// ---- definite paths: one node or a miss -------------------------------------------------

struct DefiniteWalk {
  const Path& path;
  const FilterScope& scope; // for script expressions
  bool inFilter;            // `length` of an array reads its size
};

PathOutcome miss(PathMissKind kind, size_t failedSegments, Value at = Value()) {
  PathOutcome out;
  out.miss = kind;
  out.failedSegments = static_cast<uint32_t>(failedSegments);
  out.value = std::move(at);
  return out;
}

// A member step. Returns the child, or nullptr with `result` set to the miss.
const Value* memberStep(const DefiniteWalk& w, size_t i, std::string_view name, const Value& node,
                        PathOutcome& result) {
  if (node.isObject()) {
    if (const Value* child = node.find(name)) return child;
  } else if (w.inFilter && node.isArray() && name == "length") {
    return nullptr; // handled by the caller, which owns the computed value
  } else {
    result = miss(PathMissKind::NotAnObject, i, node);
    return nullptr;
  }
  bool leaf = i + 1 == w.path.segments.size();
  result = leaf ? miss(PathMissKind::NoResults, w.path.segments.size())
                : miss(PathMissKind::MissingProperty, i + 1);
  return nullptr;
}

const Value* indexStep(const DefiniteWalk& w, size_t i, int64_t index, const Value& node,
                       PathOutcome& result) {
  if (!node.isArray()) {
    result = miss(PathMissKind::NotAnArray, i, node);
    return nullptr;
  }
  if (const Value* child = itemAt(node, index)) return child;
  // Jayway ignores an index out of range wherever it is, so the whole path has no result.
  result = miss(PathMissKind::NoResults, w.path.segments.size());
  return nullptr;
}

PathOutcome selectDefinite(const DefiniteWalk& w, const Value& root) {
  const Value* node = &root;
  Value held; // keeps computed values (`@.length`, script keys) alive
  size_t count = selectingCount(w.path);
  for (size_t i = 0; i < count; ++i) {
    const PathSegment& s = w.path.segments[i];
    PathOutcome failure;
    const Value* next = nullptr;
    switch (s.kind) {
    case PathSegmentKind::Member:
      next = memberStep(w, i, s.name, *node, failure);
      if (!next && failure.found()) { // `length` of an array inside a filter
        Value size = Value::integer(static_cast<int64_t>(node->size()));
        held = std::move(size);
        next = &held;
      }
      break;
    case PathSegmentKind::Index:
      next = indexStep(w, i, s.index, *node, failure);
      break;
    case PathSegmentKind::Script: {
      std::optional<Value> key = detail::evaluateScript(*s.expr, *node, w.scope);
      if (key && key->isNumber())
        next = indexStep(w, i, key->asInteger(), *node, failure);
      else if (key && key->isString())
        next = memberStep(w, i, key->asString(), *node, failure);
      else
        failure = miss(PathMissKind::NoResults, w.path.segments.size());
      if (next) { // copied first: `next` may point into `held`
        Value child = *next;
        held = std::move(child);
        next = &held;
      }
      break;
    }
    case PathSegmentKind::Union: { // a final name union (selectsOneValue)
      if (!node->isObject()) return miss(PathMissKind::NotAnObject, i, *node);
      Value merged = mergeMembers(s, *node);
      held = std::move(merged);
      next = &held;
      break;
    }
    default:
      return miss(PathMissKind::NoResults, w.path.segments.size());
    }
    if (!next) return failure;
    node = next;
  }
  PathOutcome out;
  if (endsWithFunction(w.path)) {
    std::optional<Value> v = detail::applyPathFunction(w.path.segments.back().name, *node);
    if (!v) return miss(PathMissKind::FunctionFailed, w.path.segments.size());
    out.value = std::move(*v);
  } else {
    out.value = *node;
  }
  return out;
}

// ---- other paths: every match, in document order --------------------------------------------

struct CollectWalk {
  const Path& path;
  size_t count; // selecting segments
  FilterScope scope;
  bool inFilter;
  std::vector<Value>& out;
};

void collect(const CollectWalk& w, size_t i, const Value& node);

void applyStep(const CollectWalk& w, size_t i, const PathSegment& s, const Value& node) {
  switch (s.kind) {
  case PathSegmentKind::Member:
    if (const Value* child = node.find(s.name))
      collect(w, i + 1, *child);
    else if (w.inFilter && node.isArray() && s.name == "length" && !s.recursive)
      collect(w, i + 1, Value::integer(static_cast<int64_t>(node.size())));
    return;
  case PathSegmentKind::Index:
    if (node.isArray())
      if (const Value* child = itemAt(node, s.index)) collect(w, i + 1, *child);
    return;
  case PathSegmentKind::Wildcard:
    if (node.isObject())
      for (const Member& m : node.members())
        collect(w, i + 1, m.value);
    else
      for (const Value& item : node.items())
        collect(w, i + 1, item);
    return;
  case PathSegmentKind::Slice:
    if (node.isArray())
      for (int64_t index : sliceIndexes(s, static_cast<int64_t>(node.size())))
        if (const Value* child = itemAt(node, index)) collect(w, i + 1, *child);
    return;
  case PathSegmentKind::Union:
    if (isNameUnion(s) && i + 1 == w.count) {
      if (node.isObject()) collect(w, i + 1, mergeMembers(s, node));
      return;
    }
    for (const UnionEntry& e : s.entries) {
      const Value* child =
          e.isIndex ? (node.isArray() ? itemAt(node, e.index) : nullptr) : node.find(e.name);
      if (child) collect(w, i + 1, *child);
    }
    return;
  case PathSegmentKind::Filter:
    // Under `..` Jayway tests every object it visits; otherwise an array's items, or an object
    // itself.
    if (s.recursive || node.isObject()) {
      if (node.isObject() && detail::filterAccepts(*s.expr, node, w.scope)) collect(w, i + 1, node);
      return;
    }
    for (const Value& item : node.items())
      if (detail::filterAccepts(*s.expr, item, w.scope)) collect(w, i + 1, item);
    return;
  case PathSegmentKind::Script: {
    std::optional<Value> key = detail::evaluateScript(*s.expr, node, w.scope);
    const Value* child = nullptr;
    if (key && key->isNumber() && node.isArray()) child = itemAt(node, key->asInteger());
    if (key && key->isString()) child = node.find(key->asString());
    if (child) collect(w, i + 1, *child);
    return;
  }
  case PathSegmentKind::Function:
    return; // applied by selectPath to the collected array
  }
}

// Visits `node` and everything below it, parents before children, as Jayway's scan does.
void descend(const CollectWalk& w, size_t i, const PathSegment& s, const Value& node) {
  if (node.isObject() || node.isArray() || s.kind == PathSegmentKind::Filter)
    applyStep(w, i, s, node);
  if (node.isObject())
    for (const Member& m : node.members())
      descend(w, i, s, m.value);
  else
    for (const Value& item : node.items())
      descend(w, i, s, item);
}

void collect(const CollectWalk& w, size_t i, const Value& node) {
  if (i == w.count) {
    w.out.push_back(node);
    return;
  }
  const PathSegment& s = w.path.segments[i];
  if (s.recursive)
    descend(w, i, s, node);
  else
    applyStep(w, i, s, node);
}

PathOutcome selectFrom(const Path& path, const PathRoots& roots, const Value* current,
                       const Value* document) {
  const Value* root = resolveRoot(path, roots, current, document);
  if (!root) return miss(PathMissKind::UnknownVariable, 0);
  if (path.isFlat) {
    // The common case without the general walk; a miss goes on below, which words it.
    if (const Value* node = walkFlat(path.flat, root)) {
      PathOutcome out;
      out.value = *node;
      return out;
    }
  }
  bool inFilter = current != nullptr;
  FilterScope scope{roots, document ? *document : *root};
  if (selectsOneValue(path)) return selectDefinite(DefiniteWalk{path, scope, inFilter}, *root);
  std::vector<Value> matches;
  CollectWalk walk{path, selectingCount(path), scope, inFilter, matches};
  collect(walk, 0, *root);
  PathOutcome out;
  out.value = Value::array(std::move(matches));
  if (endsWithFunction(path)) {
    std::optional<Value> v = detail::applyPathFunction(path.segments.back().name, out.value);
    if (!v) return miss(PathMissKind::FunctionFailed, path.segments.size());
    out.value = std::move(*v);
  }
  return out;
}

} // namespace

const Value* walkFlat(std::span<const FlatStep> steps, const Value* node) {
  for (const FlatStep& step : steps) {
    if (!node) return nullptr;
    if (!step.name.isNull()) {
      node = node->find(step.name);
    } else {
      std::span<const Value> items = node->items();
      node = static_cast<uint64_t>(step.index) < items.size() ? &items[step.index] : nullptr;
    }
  }
  return node;
}

bool selectsOneValue(const Path& path) {
  size_t count = selectingCount(path);
  for (size_t i = 0; i < count; ++i) {
    const PathSegment& s = path.segments[i];
    if (s.recursive) return false;
    if (s.kind == PathSegmentKind::Member || s.kind == PathSegmentKind::Index ||
        s.kind == PathSegmentKind::Script)
      continue;
    if (isNameUnion(s) && i + 1 == count) continue;
    return false;
  }
  return true;
}

PathOutcome selectPath(const Path& path, const PathRoots& roots) {
  return selectFrom(path, roots, nullptr, nullptr);
}

namespace detail {
PathOutcome selectInFilter(const Path& path, const Value& current, const FilterScope& scope) {
  return selectFrom(path, scope.roots, &current, &scope.document);
}
} // namespace detail

std::string describePathMiss(const Path& path, const PathOutcome& outcome) {
  size_t at = outcome.failedSegments;
  switch (outcome.miss) {
  case PathMissKind::None:
    return std::string();
  case PathMissKind::NoResults:
    return "No results for path: " + path.toString();
  case PathMissKind::MissingProperty:
    return "Missing property in path " + path.prefixToString(at);
  case PathMissKind::NotAnObject: {
    // Jayway goes on to name Java classes ("... but found 'java.lang.Integer'. This is not a
    // json object according to the JsonProvider: '...'"); which ones AWS prints is not
    // recorded, so the JSON kind stands in for them.
    std::string prefix = path.prefixToString(at);
    std::string fragment = path.prefixToString(at + 1).substr(prefix.size());
    static constexpr const char* kKinds[] = {"null",   "boolean", "number",
                                             "string", "array",   "object"};
    return "Expected to find an object with property " + fragment + " in path " + prefix +
           " but found '" + kKinds[static_cast<int>(outcome.value.kind())] + "'";
  }
  case PathMissKind::NotAnArray: {
    std::string prefix = path.prefixToString(at);
    if (outcome.value.isNull()) return "The path " + prefix + " is null";
    std::string fragment = path.prefixToString(at + 1).substr(prefix.size());
    return "Filter: " + fragment +
           " can only be applied to arrays. Current context is: " + toJson(outcome.value);
  }
  case PathMissKind::UnknownVariable:
    return "No variable named '" + path.prefixToString(0) + "' is in scope";
  case PathMissKind::FunctionFailed:
    return "Aggregation function attempted to calculate value using empty array";
  }
  return std::string();
}

} // namespace asl::eval
