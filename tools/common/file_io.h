// Reading definition files for the command-line tools ("-" is standard input).
#pragma once

#include <string>

#include "asl/result.h"

namespace asl::tools {

/// Reads a whole file. Files larger than `maxBytes` are still read up to maxBytes + 1 bytes,
/// so the front end can report the size limit with its own diagnostic.
Result<std::string> readDefinitionFile(const std::string& path, size_t maxBytes);

} // namespace asl::tools
