// asl/compiler.h: the front end, the IR and the lowering behind one call.
#include "asl/compiler.h"

#include "compiler/bytecode/lower.h"
#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "runtime/bytecode/prepare.h"

namespace asl {

Result<Workflow, std::vector<Diagnostic>> compileWorkflow(std::string_view definition,
                                                          std::string fileName) {
  front::ValidateOptions options;
  options.warnings = false;
  front::CheckedDefinition checked =
      front::checkDefinition(std::move(fileName), std::string(definition), options);
  if (checked.hasErrors()) return fail(std::move(checked.diagnostics));
  auto module = front::buildModule(checked, options.limits);
  if (!module.ok()) return fail(std::vector<Diagnostic>{std::move(module).error()});
  auto program = std::make_shared<bc::Program>(bytecode::lowerToProgram(*module));
  if (auto prepared = bc::prepareProgram(*program); !prepared.ok())
    return fail(std::vector<Diagnostic>{prepared.error()});
  return Workflow(std::move(program));
}

} // namespace asl
