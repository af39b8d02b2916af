// Loading an .aslb module (docs/bytecode.md) into the program the VM runs, verifying it on the
// way: a module that loads can be run without further bounds checks.
#pragma once

#include <string_view>

#include "asl/result.h"
#include "runtime/bytecode/program.h"

namespace asl::bc {

/// Reads and verifies a module: header (magic, major version, flags, length, CRC-32), every
/// count against the bytes left, every index against its pool or machine, every state's code
/// range and final transition, and tree depth. Untrusted bytes are safe to pass: nothing is
/// read out of bounds and nothing is allocated beyond what the input holds. On failure the
/// diagnostic (INVALID_BYTECODE) names the byte offset (also in location.offset) and the
/// problem.
Result<Program> loadProgram(std::string_view bytes);

} // namespace asl::bc
