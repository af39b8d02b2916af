// aslc compile: lower a definition and write the requested stage (--emit ir | bytecode).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "compiler/bytecode/lower.h"
#include "compiler/bytecode/writer.h"
#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "compiler/ir/ir_printer.h"
#include "runtime/bytecode/loader.h"
#include "tools/aslc/commands.h"
#include "tools/aslc/diagnostic_printer.h"
#include "tools/common/file_io.h"
#include "tools/aslc/limit_options.h"

namespace asl::tools {
namespace {

struct CompileArgs {
  std::string file;
  std::string emit = "ir";
  std::string output = "-";
  front::ValidateOptions options;
};

int runCompile(CompileArgs& args) {
  args.options.warnings = false;
  auto text = readDefinitionFile(args.file, args.options.limits.maxDefinitionBytes);
  if (!text.ok()) {
    std::cerr << "aslc: error: " << text.error().message << "\n";
    return kExitUsage;
  }
  front::CheckedDefinition checked =
      front::checkDefinition(args.file, std::move(text).value(), args.options);
  if (checked.hasErrors()) {
    std::cerr << formatHuman(checked, false);
    return kExitInvalid;
  }
  auto module = front::buildModule(checked, args.options.limits);
  if (!module.ok()) {
    std::cerr << "aslc: error: " << module.error().message << "\n";
    return kExitInvalid;
  }
  std::string printed;
  if (args.emit == "bytecode") {
    // Binary on a terminal garbles it and helps no one; a pipe or a file is what was meant.
    if (args.output == "-" && isatty(fileno(stdout))) {
      std::cerr
          << "aslc: error: refusing to write binary bytecode to a terminal; use -o FILE.aslb\n";
      return kExitUsage;
    }
    printed = bytecode::writeProgram(bytecode::lowerToProgram(*module), "aslc " ASL_VERSION);
    // Loading what was written costs little and proves the runtime will accept the module
    // (trees deeper than the loader's bound, for one, are refused here rather than later).
    auto loaded = bc::loadProgram(printed);
    if (!loaded.ok()) {
      std::cerr << "aslc: error: the module does not verify: " << loaded.error().message << "\n";
      return kExitInvalid;
    }
  } else {
    printed = ir::printModule(*module);
  }
  if (args.output == "-") {
    std::cout << printed;
  } else {
    std::ofstream out(args.output, std::ios::binary);
    out << printed;
    if (!out) {
      std::cerr << "aslc: error: cannot write " << args.output << "\n";
      return kExitUsage;
    }
  }
  return kExitOk;
}

} // namespace

CommandAction addCompileCommand(CLI::App& app) {
  auto args = std::make_shared<CompileArgs>();
  CLI::App* cmd =
      app.add_subcommand("compile", "Compile a definition and emit a stage of the pipeline");
  cmd->add_option("file", args->file, "Definition file (- for standard input)")->required();
  cmd->add_option("--emit", args->emit, "What to write: ir (text), bytecode (an .aslb module)")
      ->check(CLI::IsMember({"ir", "bytecode"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Output file (- for standard output)")
      ->capture_default_str();
  addLimitOptions(*cmd, args->options.limits);
  return [args] { return runCompile(*args); };
}

} // namespace asl::tools
