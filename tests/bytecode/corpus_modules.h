// The conformance corpus compiled to programs: what the bytecode round-trip tests and the
// loader fuzzer's seed maker start from.
#pragma once

#include <string>
#include <vector>

#include "asl/result.h"
#include "runtime/bytecode/program.h"

namespace asl::testing {

struct CorpusDefinition {
  std::string name; ///< the corpus file's stem
  std::string text; ///< the definition as JSON text
};

/// Every definition of `corpus`/validate whose expectation is "valid" and every definition of
/// `corpus`/execute, sorted by file name.
std::vector<CorpusDefinition> corpusDefinitions(const std::string& corpus);

/// Validates, builds the IR and lowers; the first error when the definition does not compile.
Result<bc::Program> compileDefinition(const CorpusDefinition& definition);

} // namespace asl::testing
