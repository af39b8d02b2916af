// aslc run: compile a definition in memory and run it on the VM, with mocked or handled tasks.
#include <iostream>

#include "compiler/bytecode/lower.h"
#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "runtime/bytecode/prepare.h"
#include "tools/aslc/commands.h"
#include "tools/aslc/diagnostic_printer.h"
#include "tools/aslc/heap_warmup.h"
#include "tools/aslc/limit_options.h"
#include "tools/common/file_io.h"
#include "tools/common/run_cli.h"

namespace asl::tools {
namespace {

struct RunCommandArgs {
  RunArgs run;
  front::ValidateOptions options;
};

int runRun(RunCommandArgs& command) {
  const RunArgs& args = command.run;
  command.options.warnings = false;
  warmHeapFor({args.file}, 48); // the IR and the program take about 45 bytes per definition byte
  auto text = readDefinitionFile(args.file, command.options.limits.maxDefinitionBytes);
  if (!text.ok()) {
    std::cerr << "aslc: error: " << text.error().message << "\n";
    return kExitUsage;
  }
  front::CheckedDefinition checked =
      front::checkDefinition(args.file, std::move(text).value(), command.options);
  if (checked.hasErrors()) {
    std::cerr << formatHuman(checked, false);
    return kExitUsage;
  }
  auto module = front::buildModule(checked, command.options.limits);
  if (!module.ok()) {
    std::cerr << "aslc: error: " << module.error().message << "\n";
    return kExitUsage;
  }
  bc::Program program = bytecode::lowerToProgram(*module);
  if (auto prepared = bc::prepareProgram(program); !prepared.ok()) {
    std::cerr << "aslc: error: " << prepared.error().message << "\n";
    return kExitUsage;
  }

  return runProgram(program, args, "aslc");
}

} // namespace

CommandAction addRunCommand(CLI::App& app) {
  auto args = std::make_shared<RunCommandArgs>();
  CLI::App* cmd =
      app.add_subcommand("run", "Run a state machine locally and print its result as JSON");
  cmd->add_option("file", args->run.file, "Definition file (- for standard input)")->required();
  addRunOptions(*cmd, args->run);
  addLimitOptions(*cmd, args->options.limits);
  return [args] { return runRun(*args); };
}

} // namespace asl::tools
