// Compiling a definition from its JSON text into a Workflow the Runtime runs (asl/runtime.h).
// Links the compiler (asl_compiler); programs that only run .aslb modules do not need it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "asl/diagnostic.h"
#include "asl/result.h"
#include "asl/runtime.h"

namespace asl {

/// Validates and compiles `definition`. On failure, every error found (as `aslc validate`
/// reports them, with line and column in `fileName`).
Result<Workflow, std::vector<Diagnostic>>
compileWorkflow(std::string_view definition, std::string fileName = "definition.asl.json");

} // namespace asl
