// Readying a program to run: what the file form keeps raw is prepared once here, whether the
// program came from the lowering or from an .aslb file. Choice comparisons get their operands
// parsed (timestamps) and compiled (StringMatches patterns).
#pragma once

#include "asl/result.h"
#include "runtime/bytecode/program.h"

namespace asl::bc {

/// Fills Choice::prepared. Fails, naming the state's rule, when an operand does not fit its
/// operator: something the validator rejects, so only a hand-made or damaged file can do that.
Result<void> prepareProgram(Program& program);

} // namespace asl::bc
