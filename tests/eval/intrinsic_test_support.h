// Helpers for the intrinsic evaluator's tests: parse a call with the compiler's parser, resolve
// definite paths (`$.a[0].b`, `$$.x`, `$var.y`) over test documents, and evaluate.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>

#include "compiler/lang/intrinsic_parser.h"
#include "runtime/eval/intrinsic_eval.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::eval::testing {

inline Value json(std::string_view text) {
  Result<Value> v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

/// The documents a path can start from.
struct PathScope {
  Value input;
  Value context;
  std::map<std::string, Value, std::less<>> variables;
};

/// Walks Member and Index segments; anything else, or a missing node, is a States.Runtime error
/// (the real JSONPath evaluator's business, stood in for here).
inline ExecResult<Value> resolveDefinitePath(const Path& path, const PathScope& scope) {
  const Value* node = nullptr;
  switch (path.root) {
  case PathRootKind::Input:
    node = &scope.input;
    break;
  case PathRootKind::Context:
    node = &scope.context;
    break;
  case PathRootKind::Variable: {
    auto it = scope.variables.find(path.variable);
    if (it == scope.variables.end()) {
      return raise(StateErrorId::Runtime, "no variable " + path.variable);
    }
    node = &it->second;
    break;
  }
  case PathRootKind::Current:
    return raise(StateErrorId::Runtime, "@ outside a filter");
  }
  for (const PathSegment& segment : path.segments) {
    if (segment.kind == PathSegmentKind::Member && node->isObject()) {
      node = node->find(segment.name);
    } else if (segment.kind == PathSegmentKind::Index && node->isArray() && segment.index >= 0 &&
               static_cast<size_t>(segment.index) < node->size()) {
      node = &node->items()[static_cast<size_t>(segment.index)];
    } else {
      node = nullptr;
    }
    if (node == nullptr) return raise(StateErrorId::Runtime, "no node at " + path.source);
  }
  return *node;
}

inline IntrinsicCall parseCall(std::string_view text) {
  Result<IntrinsicCall> call = lang::parseIntrinsic(text);
  EXPECT_TRUE(call.ok()) << text << ": " << (call.ok() ? "" : call.error().message);
  return call.ok() ? *call : IntrinsicCall{};
}

/// Evaluates `text` with `$` bound to `input`; randomness from a fixed seed unless given.
inline ExecResult<Value> evalWith(std::string_view text, const Value& input,
                                  RandomSource* random = nullptr) {
  PathScope scope{input, Value(), {}};
  SeededRandomSource fallback(42);
  IntrinsicEnv env{[&](const Path& p) { return resolveDefinitePath(p, scope); },
                   random ? random : &fallback};
  return evaluateIntrinsic(parseCall(text), env);
}

inline ExecResult<Value> eval(std::string_view text, std::string_view inputJson = "{}") {
  return evalWith(text, json(inputJson));
}

/// The compact JSON of a successful result, or "ERROR <name>: <cause>".
inline std::string show(const ExecResult<Value>& r) {
  if (r.ok()) return toJson(*r);
  return "ERROR " + r.error().error + ": " + r.error().cause;
}

} // namespace asl::eval::testing
