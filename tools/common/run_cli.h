// What `aslc run` and `aslrun` share: the run options, loading the mocks and the input,
// running a program and printing its result (docs/running.md).
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/bytecode/program.h"

namespace asl::tools {

struct RunArgs {
  std::string file;
  std::string input = "{}";
  std::string mocks;
  std::string mockConfig;
  std::string adapters;
  std::string testCase;
  std::string stateMachine;
  std::string executionName;
  std::string history;
  std::string s3Root;
  bool virtualClock = false;
  int callbackPort = -1; ///< -1: no callback listener; 0: a free port
  size_t maxPayloadBytes = 256 * 1024;
  size_t threads = 64;
  uint64_t seed = 0;
  size_t repeat = 1;
  bool stats = false;
};

/// Registers every option but the file on `cmd`.
void addRunOptions(CLI::App& cmd, RunArgs& args);

/// Runs a prepared program as the options say, prints the result on stdout and returns the
/// exit code (0 SUCCEEDED, 1 FAILED or TIMED_OUT, 2 usage). `tool` prefixes error messages.
int runProgram(const bc::Program& program, const RunArgs& args, const char* tool);

} // namespace asl::tools
