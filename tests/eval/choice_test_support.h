// Test helpers for Choice-rule evaluation: definite paths built without the parser, and a
// resolver that selects them from a JSON document.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/choice_eval.h"
#include "runtime/eval/path.h"
#include "runtime/value/json_reader.h"

namespace asl::eval::choice_test {

/// `$.a.b` or `$$.a.b` (member names only), with `source` set as the parser sets it.
inline std::shared_ptr<const Path> memberPath(std::string_view text) {
  auto path = std::make_shared<Path>();
  path->source = std::string(text);
  size_t at = 1;
  if (text.starts_with("$$")) {
    path->root = PathRootKind::Context;
    at = 2;
  }
  while (at < text.size()) {
    size_t end = text.find('.', at + 1);
    if (end == std::string_view::npos) end = text.size();
    PathSegment segment;
    segment.kind = PathSegmentKind::Member;
    segment.name = std::string(text.substr(at + 1, end - at - 1));
    path->segments.push_back(std::move(segment));
    at = end;
  }
  return path;
}

/// What a definite path (Member and Index segments only) selects from `root`.
inline std::optional<Value> selectDefinite(const Value& root, const Path& path) {
  const Value* node = &root;
  for (const PathSegment& segment : path.segments) {
    if (segment.kind == PathSegmentKind::Member) {
      node = node->isObject() ? node->find(segment.name) : nullptr;
    } else if (segment.kind == PathSegmentKind::Index && node->isArray()) {
      int64_t size = static_cast<int64_t>(node->items().size());
      int64_t index = segment.index < 0 ? size + segment.index : segment.index;
      node = index >= 0 && index < size ? &node->items()[static_cast<size_t>(index)] : nullptr;
    } else {
      ADD_FAILURE() << "the test resolver reads only definite paths: " << path.source;
      node = nullptr;
    }
    if (!node) return std::nullopt;
  }
  return *node;
}

/// Resolves `$` paths against `input` and `$$` paths against `context`.
inline ChoicePathResolver documentResolver(Value input, Value context = Value()) {
  return [input = std::move(input),
          context = std::move(context)](const Path& path) -> ExecResult<std::optional<Value>> {
    return selectDefinite(path.root == PathRootKind::Context ? context : input, path);
  };
}

/// Parses JSON the test wrote, failing the test when it is not JSON.
inline Value json(std::string_view text) {
  auto parsed = parseJsonValue(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed.ok() ? *parsed : Value();
}

} // namespace asl::eval::choice_test
