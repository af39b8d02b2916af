// Writing a program as an .aslb module, the bytes the runtime's loader reads back
// (runtime/bytecode/loader.h). docs/bytecode.md specifies the layout.
#pragma once

#include <string>
#include <string_view>

#include "runtime/bytecode/program.h"

namespace asl::bytecode {

/// The module's bytes: header, then every pool and machine. Deterministic: the same program
/// (and producer) always gives the same bytes. `producer` names the tool that wrote the module
/// (e.g. "aslc 0.1.0"); loaders quote it when they refuse the module.
std::string writeProgram(const bc::Program& program, std::string_view producer = "aslc");

} // namespace asl::bytecode
