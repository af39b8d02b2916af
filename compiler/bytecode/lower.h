// Lowering the IR to the runtime's program form: per state, the instruction sequence of AWS's
// data flow; per machine, its states; templates pre-built into shared values.
#pragma once

#include "compiler/ir/ir.h"
#include "runtime/bytecode/program.h"

namespace asl::bytecode {

/// Lowers a validated module. Never fails: the IR is well-formed by construction.
bc::Program lowerToProgram(const ir::Module& module);

} // namespace asl::bytecode
