// Early-return helpers for Result<T, JsonataError>, which this folder's recursive code
// threads through every call. Private to this folder.
#pragma once

#include <utility>

// Evaluates a Result<void, E>; returns its error from the enclosing function on failure.
#define ASL_JSONATA_CHECK(expr)                                                                \
  do {                                                                                         \
    auto aslCheckResult = (expr);                                                              \
    if (!aslCheckResult) return ::asl::fail(std::move(aslCheckResult).error());                \
  } while (0)

// Declares `var` from a Result<T, E>; returns its error from the enclosing function on failure.
#define ASL_JSONATA_ASSIGN(var, expr)                                                          \
  auto var##Result = (expr);                                                                   \
  if (!var##Result) return ::asl::fail(std::move(var##Result).error());                        \
  auto var = std::move(var##Result).value()
