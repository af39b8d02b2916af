// aslrun: runs a compiled .aslb module (aslc compile FILE --emit bytecode -o m.aslb). Links only
// the runtime: no parser, no validator, no compiler. Takes the options of `aslc run`.
#include <CLI/CLI.hpp>

#include <iostream>

#include "asl/runtime.h"
#include "tools/common/file_io.h"
#include "tools/common/run_cli.h"

#ifndef ASL_VERSION
#define ASL_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  asl::tools::RunArgs args;
  CLI::App app{"aslrun: run a compiled state machine (.aslb) and print its result as JSON"};
  app.set_version_flag("--version", std::string("aslrun ") + ASL_VERSION);
  app.add_option("module", args.file,
                 "Module written by `aslc compile FILE --emit bytecode -o M.aslb`")
      ->required();
  asl::tools::addRunOptions(app, args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  // A module is at most a few times its definition's size; 64 MiB leaves room for large ones.
  auto bytes = asl::tools::readDefinitionFile(args.file, 64 * 1024 * 1024);
  if (!bytes.ok()) {
    std::cerr << "aslrun: error: " << bytes.error().message << "\n";
    return 2;
  }
  auto workflow = asl::Workflow::fromBytecode(*bytes);
  if (!workflow.ok()) {
    std::cerr << "aslrun: error: " << args.file << ": " << workflow.error().message << "\n";
    return 2;
  }
  if (args.stateMachine.empty()) {
    std::string stem = args.file.substr(args.file.find_last_of('/') + 1);
    args.stateMachine = stem.substr(0, stem.find('.'));
  }
  return asl::tools::runProgram(workflow->program(), args, "aslrun");
}
