// The ASL validator: every rule AWS enforces on a definition, plus optional warnings, reported
// all at once (up to a limit) with JSON pointers and byte offsets.
#pragma once

#include <vector>

#include "asl/diagnostic.h"
#include "asl/limits.h"
#include "compiler/front/json_tree.h"
#include "compiler/ir/kinds.h"

namespace asl::front {

struct ValidateOptions {
  Limits limits;
  /// Report the warnings beyond AWS (NO_DOLLAR, CHOICE_WITHOUT_DEFAULT, ...).
  bool warnings = true;
  ir::MachineTypeKind machineType = ir::MachineTypeKind::Standard;
};

/// Checks a parsed definition. Diagnostics carry a pointer and a byte offset; the caller adds
/// line:column. An empty list of errors means AWS would accept the definition.
std::vector<Diagnostic> validateDefinition(const JsonTree& tree, const ValidateOptions& options);

} // namespace asl::front
