// The front end's entry point: bytes of a definition in, a checked tree and located
// diagnostics out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "asl/diagnostic.h"
#include "compiler/front/json_tree.h"
#include "compiler/front/validator.h"
#include "runtime/base/source_map.h"

namespace asl::front {

/// A definition after parsing and validation. Diagnostics carry file, line and column.
struct CheckedDefinition {
  std::shared_ptr<const std::string> source; ///< the bytes as given
  SourceMap map;                             ///< over *source
  std::shared_ptr<const JsonTree> tree;      ///< null when the JSON itself is malformed
  std::vector<Diagnostic> diagnostics;       ///< errors and warnings, in source order

  bool hasErrors() const;
  size_t errorCount() const;
  size_t warningCount() const;
};

/// Parses and validates one definition. Never fails: problems are diagnostics.
CheckedDefinition checkDefinition(std::string file, std::string text, const ValidateOptions& options);
/// The same for a definition already in memory (see makePaddedSource): no copy is made.
CheckedDefinition checkDefinition(std::string file, std::shared_ptr<const std::string> source,
                                  const ValidateOptions& options);

} // namespace asl::front
