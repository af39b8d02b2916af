// aslc validate: check definitions and report every problem, for people or programs.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "compiler/front/frontend.h"
#include "tools/aslc/commands.h"
#include "tools/aslc/diagnostic_printer.h"
#include "tools/common/file_io.h"
#include "tools/aslc/heap_warmup.h"
#include "tools/aslc/limit_options.h"

namespace asl::tools {
namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  std::string format = "human";
  std::string color = "auto";
  std::string type = "STANDARD";
  bool noWarnings = false;
  bool quiet = false;
  front::ValidateOptions options;
};

int runValidate(ValidateArgs& args) {
  args.options.warnings = !args.noWarnings;
  args.options.machineType =
      args.type == "EXPRESS" ? ir::MachineTypeKind::Express : ir::MachineTypeKind::Standard;
  bool color = args.color == "always" || (args.color == "auto" && isatty(STDERR_FILENO));
  std::vector<std::unique_ptr<front::CheckedDefinition>> results;
  bool ioFailed = false;
  bool invalid = false;
  warmHeapFor(args.files, 8); // about six bytes of heap per definition byte, and headroom
  for (const std::string& file : args.files) {
    auto text = readDefinitionFile(file, args.options.limits.maxDefinitionBytes);
    if (!text.ok()) {
      std::cerr << "aslc: error: " << text.error().message << "\n";
      ioFailed = true;
      continue;
    }
    auto checked = std::make_unique<front::CheckedDefinition>(front::checkDefinition(
        file == "-" ? "<stdin>" : file, std::move(text).value(), args.options));
    invalid = invalid || checked->hasErrors();
    if (args.format == "human") {
      std::cerr << formatHuman(*checked, color);
      if (!args.quiet) {
        size_t errors = checked->errorCount(), warnings = checked->warningCount();
        std::cerr << checked->map.file() << ": " << (errors ? "invalid" : "valid");
        if (errors || warnings)
          std::cerr << " (" << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
                    << " warning" << (warnings == 1 ? "" : "s") << ")";
        std::cerr << "\n";
      }
    }
    results.push_back(std::move(checked));
  }
  if (args.format == "json") {
    std::vector<const front::CheckedDefinition*> all;
    for (const auto& r : results)
      all.push_back(r.get());
    std::cout << formatJson(all);
  }
  if (ioFailed) return kExitUsage;
  return invalid ? kExitInvalid : kExitOk;
}

} // namespace

CommandAction addValidateCommand(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd =
      app.add_subcommand("validate", "Check state machine definitions and report every problem");
  cmd->add_option("files", args->files, "Definition files (- for standard input)")->required();
  cmd->add_option("--format", args->format, "Output format: human (on stderr) or json (on stdout)")
      ->check(CLI::IsMember({"human", "json"}))
      ->capture_default_str();
  cmd->add_option("--type", args->type, "State machine type, as for CreateStateMachine")
      ->check(CLI::IsMember({"STANDARD", "EXPRESS"}))
      ->capture_default_str();
  cmd->add_flag("--no-warnings", args->noWarnings,
                "Report only what AWS rejects, not the extra warnings");
  cmd->add_option("--color", args->color, "Colour human output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Print diagnostics only, no per-file summary line");
  addLimitOptions(*cmd, args->options.limits);
  cmd->footer(
      "Exit status: 0 when every file is valid, 1 when any is invalid, 2 on usage or I/O errors.");
  return [args] { return runValidate(*args); };
}

} // namespace asl::tools
