// Prints diagnostics: the compiler convention for people, an AWS-shaped JSON for programs.
#pragma once

#include <string>
#include <vector>

#include "compiler/front/frontend.h"

namespace asl::tools {

/// `file:line:col: error[CODE]: message`, the source line, a caret, and the JSON pointer.
std::string formatHuman(const front::CheckedDefinition& checked, bool color);

/// The ValidateStateMachineDefinition response shape, for one or more files:
/// {"result": "OK"|"FAIL", "diagnostics": [{"severity","code","message","location",...}]}
std::string formatJson(const std::vector<const front::CheckedDefinition*>& checked);

} // namespace asl::tools
