// Builds the IR from a validated definition: resolves transitions, parses every expression
// once, and flattens nested Map/Parallel machines into the module's machine list.
#pragma once

#include "asl/result.h"
#include "compiler/front/frontend.h"
#include "compiler/ir/ir.h"

namespace asl::front {

/// `checked` must have no errors. Fails only if an expression the validator accepted cannot
/// be parsed, which would be a bug; the diagnostic says where.
Result<ir::Module> buildModule(const CheckedDefinition& checked, const Limits& limits);

} // namespace asl::front
