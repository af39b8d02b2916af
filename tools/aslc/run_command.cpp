// aslc run: compile a definition in memory and run it on the VM, with mocked or handled tasks.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "compiler/bytecode/lower.h"
#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "runtime/bytecode/prepare.h"
#include "runtime/exec/mock_tasks.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "runtime/vm/executor.h"
#include "tools/aslc/commands.h"
#include "tools/aslc/diagnostic_printer.h"
#include "tools/aslc/file_io.h"
#include "tools/aslc/heap_warmup.h"
#include "tools/aslc/limit_options.h"
#include "tools/aslc/run_output.h"

namespace asl::tools {
namespace {

struct RunArgs {
  std::string file;
  std::string input = "{}";
  std::string mocks;
  std::string mockConfig;
  std::string testCase;
  std::string stateMachine;
  std::string executionName;
  std::string history;
  bool virtualClock = false;
  size_t maxPayloadBytes = 256 * 1024;
  size_t threads = 64;
  uint64_t seed = 0;
  size_t repeat = 1;
  bool stats = false;
  front::ValidateOptions options;
};

Result<Value> readJsonArgument(const std::string& argument, const char* what) {
  std::string text = argument;
  if (!argument.empty() && argument[0] == '@') {
    auto read = readDefinitionFile(argument.substr(1), 64 * 1024 * 1024);
    if (!read.ok()) return fail(std::move(read).error());
    text = std::move(read).value();
  }
  auto parsed = parseJsonValue(text);
  if (!parsed.ok()) {
    Diagnostic d = std::move(parsed).error();
    d.message = std::string(what) + " is not valid JSON: " + d.message;
    return fail(std::move(d));
  }
  return parsed;
}

Result<Value> readJsonFile(const std::string& path, const char* what) {
  return readJsonArgument("@" + path, what);
}

int runRun(RunArgs& args) {
  args.options.warnings = false;
  warmHeapFor({args.file}, 48); // the IR and the program take about 45 bytes per definition byte
  auto text = readDefinitionFile(args.file, args.options.limits.maxDefinitionBytes);
  if (!text.ok()) {
    std::cerr << "aslc: error: " << text.error().message << "\n";
    return kExitUsage;
  }
  front::CheckedDefinition checked =
      front::checkDefinition(args.file, std::move(text).value(), args.options);
  if (checked.hasErrors()) {
    std::cerr << formatHuman(checked, false);
    return kExitUsage;
  }
  auto module = front::buildModule(checked, args.options.limits);
  if (!module.ok()) {
    std::cerr << "aslc: error: " << module.error().message << "\n";
    return kExitUsage;
  }
  bc::Program program = bytecode::lowerToProgram(*module);
  if (auto prepared = bc::prepareProgram(program); !prepared.ok()) {
    std::cerr << "aslc: error: " << prepared.error().message << "\n";
    return kExitUsage;
  }

  auto input = readJsonArgument(args.input, "--input");
  if (!input.ok()) {
    std::cerr << "aslc: error: " << input.error().message << "\n";
    return kExitUsage;
  }
  if (size_t size = jsonSize(*input); size > args.maxPayloadBytes) {
    std::cerr << "aslc: error: the input is " << size
              << " bytes of JSON, above the payload limit of " << args.maxPayloadBytes
              << " bytes (--max-payload-bytes)\n";
    return kExitUsage;
  }
  exec::MockTasks mocks;
  if (!args.mocks.empty() && !args.mockConfig.empty()) {
    std::cerr << "aslc: error: give --mocks or --mock-config, not both\n";
    return kExitUsage;
  }
  if (!args.mocks.empty()) {
    auto script = readJsonFile(args.mocks, "--mocks");
    auto loaded = script.ok() ? exec::MockTasks::fromScript(*script)
                              : Result<exec::MockTasks>(fail(script.error()));
    if (!loaded.ok()) {
      std::cerr << "aslc: error: " << args.mocks << ": " << loaded.error().message << "\n";
      return kExitUsage;
    }
    mocks = std::move(loaded).value();
  }
  if (!args.mockConfig.empty()) {
    if (args.testCase.empty()) {
      std::cerr << "aslc: error: --mock-config needs --test-case\n";
      return kExitUsage;
    }
    auto config = readJsonFile(args.mockConfig, "--mock-config");
    auto loaded = config.ok()
                      ? exec::MockTasks::fromMockConfig(*config, args.stateMachine, args.testCase)
                      : Result<exec::MockTasks>(fail(config.error()));
    if (!loaded.ok()) {
      std::cerr << "aslc: error: " << args.mockConfig << ": " << loaded.error().message << "\n";
      return kExitUsage;
    }
    mocks = std::move(loaded).value();
  }

  exec::RealClock realClock;
  exec::VirtualClock virtualClock(realClock.now());
  vm::ExecutionOptions options;
  options.input = std::move(input).value();
  options.executionName = args.executionName;
  std::string stem =
      args.file == "-" ? "StateMachine" : std::filesystem::path(args.file).filename().string();
  if (auto dot = stem.find('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  options.stateMachineName = args.stateMachine.empty() ? stem : args.stateMachine;
  options.clock = args.virtualClock ? static_cast<exec::Clock*>(&virtualClock) : &realClock;
  options.tasks = &mocks;
  options.recordHistory = !args.history.empty();
  options.maxPayloadBytes = args.maxPayloadBytes;
  options.maxThreads = args.threads;
  options.randomSeed = args.seed;

  // --repeat runs the execution again from the same input (benchmarks, soak tests); the last
  // result is printed. --stats reports the executions' own time, without process start-up and
  // compilation.
  vm::ExecutionResult result;
  uint64_t transitions = 0;
  auto started = std::chrono::steady_clock::now();
  for (size_t i = 0; i < args.repeat; ++i) {
    result = vm::execute(program, options);
    transitions += result.transitions;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (args.stats)
    std::cerr << "{\"executions\":" << args.repeat << ",\"transitions\":" << transitions
              << ",\"seconds\":" << seconds << ",\"transitionsPerSecond\":"
              << (seconds > 0 ? static_cast<double>(transitions) / seconds : 0.0) << "}\n";
  std::cout << formatRunResult(result) << "\n";
  if (!args.history.empty()) {
    std::string history = toPrettyJson(result.history) + "\n";
    if (args.history == "-") {
      std::cerr << history;
    } else {
      std::ofstream out(args.history, std::ios::binary);
      out << history;
      if (!out) {
        std::cerr << "aslc: error: cannot write " << args.history << "\n";
        return kExitUsage;
      }
    }
  }
  return result.status == vm::ExecutionStatus::Succeeded ? kExitOk : kExitInvalid;
}

} // namespace

CommandAction addRunCommand(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd =
      app.add_subcommand("run", "Run a state machine locally and print its result as JSON");
  cmd->add_option("file", args->file, "Definition file (- for standard input)")->required();
  cmd->add_option("--input", args->input, "Execution input: JSON text, or @FILE")
      ->capture_default_str();
  cmd->add_option("--mocks", args->mocks, "Task responses per state name (see docs/running.md)");
  cmd->add_option("--mock-config", args->mockConfig,
                  "A Step Functions Local mock configuration file");
  cmd->add_option("--test-case", args->testCase, "The test case of --mock-config to use");
  cmd->add_option(
      "--state-machine", args->stateMachine,
      "State machine name (for --mock-config and the context object; default: the file's name)");
  cmd->add_option("--name", args->executionName, "Execution name (default: a random UUID)");
  cmd->add_flag("--virtual-clock", args->virtualClock,
                "Make Wait states and retry delays instant, keeping timestamps consistent");
  cmd->add_option("--history", args->history,
                  "Write the execution history (GetExecutionHistory format) to FILE, - for stderr");
  cmd->add_option("--max-payload-bytes", args->maxPayloadBytes,
                  "Largest state input/output (States.DataLimitExceeded)")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads,
                  "Most threads for Map iterations and Parallel branches")
      ->check(CLI::Range(size_t{1}, size_t{4096}))
      ->capture_default_str();
  cmd->add_option("--repeat", args->repeat,
                  "Run the execution N times from the same input; print the last result")
      ->check(CLI::Range(size_t{1}, size_t{100000000}))
      ->capture_default_str();
  cmd->add_flag(
      "--stats", args->stats,
      "Print executions, transitions and their run time (without start-up) as JSON on stderr");
  cmd->add_option("--seed", args->seed,
                  "Seed for States.UUID, States.MathRandom and retry jitter (0: random)");
  addLimitOptions(*cmd, args->options.limits);
  return [args] { return runRun(*args); };
}

} // namespace asl::tools
