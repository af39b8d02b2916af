// Prints the IR in the stable text form documented in docs/ir.md (`aslc compile --emit ir`).
#pragma once

#include <string>

#include "compiler/ir/ir.h"

namespace asl::ir {

std::string printModule(const Module& module);
std::string printTemplate(const Template& value);
std::string printExpression(const Expression& expression);

} // namespace asl::ir
