// Command-line options for asl::Limits, shared by the subcommands that read definitions.
#pragma once

#include <CLI/CLI.hpp>

#include "asl/limits.h"

namespace asl::tools {

inline void addLimitOptions(CLI::App& command, Limits& limits) {
  command
      .add_option("--max-definition-bytes", limits.maxDefinitionBytes,
                  "Largest definition accepted, in bytes")
      ->capture_default_str()
      ->group("Limits");
  command
      .add_option("--max-nesting-depth", limits.maxNestingDepth, "Deepest JSON nesting accepted")
      ->capture_default_str()
      ->group("Limits");
  command
      .add_option("--max-diagnostics", limits.maxDiagnostics,
                  "Errors reported per file before stopping")
      ->capture_default_str()
      ->group("Limits");
}

} // namespace asl::tools
