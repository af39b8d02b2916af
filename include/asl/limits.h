// Limits enforced on definitions, documented in docs/limits.md.
#pragma once

#include <cstddef>
#include <cstdint>

namespace asl {

/// Bounds that keep hostile or accidental input from exhausting memory or time.
/// Every limit names itself in the diagnostic it produces.
struct Limits {
  /// AWS's maximum definition size (1 MiB for CreateStateMachine's definition field).
  size_t maxDefinitionBytes = 1024 * 1024;
  /// JSON nesting depth (objects and arrays) of a definition.
  uint32_t maxNestingDepth = 128;
  /// Map/Parallel nesting depth (machines within machines).
  uint32_t maxMachineDepth = 32;
  /// Diagnostics reported per file before reporting stops.
  uint32_t maxDiagnostics = 200;
  /// Characters in a JSONPath, intrinsic or JSONata expression.
  size_t maxExpressionBytes = 64 * 1024;
  /// Nesting of calls/brackets inside one expression.
  uint32_t maxExpressionDepth = 64;
};

} // namespace asl
