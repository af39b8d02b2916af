// Helpers for the evaluator's unit tests: parse and evaluate an expression, and describe the
// outcome as one string ("[1,2]", "undefined" or "T2001@5": an error's code and position).
#pragma once

#include <optional>
#include <string>

#include "compiler/lang/jsonata/parser.h"
#include "runtime/eval/jsonata/evaluator.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::eval::jsonata::testing {

inline std::string run(const std::string& expr,
                       const std::optional<std::string>& input = std::nullopt,
                       const Bindings& bindings = {}, EvalOptions options = {}) {
  Limits limits;
  auto tree = lang::jsonata::parseJsonata(expr, limits);
  if (!tree.ok()) return tree.error().code + "@" + std::to_string(tree.error().position);
  std::optional<Value> in;
  if (input) in = parseJsonValue(*input).value();
  options.parser = [limits](std::string_view text) {
    return lang::jsonata::parseJsonata(text, limits);
  };
  auto result = evaluate(**tree, in, bindings, options);
  if (!result.ok()) return result.error().code + "@" + std::to_string(result.error().position);
  if (!result->has_value()) return "undefined";
  return toJson(**result);
}

inline std::string errorMessage(const std::string& expr,
                                const std::optional<std::string>& input = std::nullopt) {
  Limits limits;
  auto tree = lang::jsonata::parseJsonata(expr, limits);
  std::optional<Value> in;
  if (input) in = parseJsonValue(*input).value();
  auto result = evaluate(**tree, in);
  return result.ok() ? "" : result.error().message();
}

} // namespace asl::eval::jsonata::testing
