// Helpers for the path evaluation tests: build paths with the compiler's parser and values
// from JSON text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "asl/value.h"
#include "compiler/lang/jsonpath_parser.h"
#include "runtime/eval/path.h"
#include "runtime/eval/path_eval.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::eval::testing {

inline Path path(std::string_view text, lang::PathSyntaxKind syntax = lang::PathSyntaxKind::Path) {
  Result<Path> parsed = lang::parsePath(text, syntax);
  EXPECT_TRUE(parsed.ok()) << "cannot parse " << text << ": " << parsed.error().message;
  return parsed.ok() ? std::move(parsed).value() : Path{};
}

inline Value json(std::string_view text) {
  Result<Value> parsed = parseJsonValue(text);
  EXPECT_TRUE(parsed.ok()) << "bad JSON in test: " << text;
  return parsed.ok() ? std::move(parsed).value() : Value();
}

/// The compact JSON of what `pathText` selects from `input`, or "MISS: <Jayway message>".
inline std::string select(std::string_view pathText, const Value& input) {
  Path p = path(pathText);
  PathRoots roots;
  roots.input = &input;
  PathOutcome out = selectPath(p, roots);
  if (!out.found()) return "MISS: " + describePathMiss(p, out);
  return toJson(out.value);
}

} // namespace asl::eval::testing
