#include "tools/common/run_cli.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "asl/adapter.h"
#include "runtime/adapters/adapter_task_handler.h"
#include "runtime/adapters/callback/callback_server.h"
#include "runtime/adapters/callback/callback_task_handler.h"
#include "runtime/exec/mock_tasks.h"
#include "runtime/exec/task_chain.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "runtime/vm/executor.h"
#include "tools/common/file_io.h"
#include "tools/common/run_output.h"

namespace asl::tools {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

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

} // namespace

int runProgram(const bc::Program& program, const RunArgs& args, const char* tool) {
  auto input = readJsonArgument(args.input, "--input");
  if (!input.ok()) {
    std::cerr << tool << ": error: " << input.error().message << "\n";
    return kExitUsage;
  }
  if (size_t size = jsonSize(*input); size > args.maxPayloadBytes) {
    std::cerr << tool << ": error: the input is " << size
              << " bytes of JSON, above the payload limit of " << args.maxPayloadBytes
              << " bytes (--max-payload-bytes)\n";
    return kExitUsage;
  }
  exec::MockTasks mocks;
  if (!args.mocks.empty() && !args.mockConfig.empty()) {
    std::cerr << tool << ": error: give --mocks or --mock-config, not both\n";
    return kExitUsage;
  }
  if (!args.mocks.empty()) {
    auto script = readJsonFile(args.mocks, "--mocks");
    auto loaded = script.ok() ? exec::MockTasks::fromScript(*script)
                              : Result<exec::MockTasks>(fail(script.error()));
    if (!loaded.ok()) {
      std::cerr << tool << ": error: " << args.mocks << ": " << loaded.error().message << "\n";
      return kExitUsage;
    }
    mocks = std::move(loaded).value();
  }
  if (!args.mockConfig.empty()) {
    if (args.testCase.empty()) {
      std::cerr << tool << ": error: --mock-config needs --test-case\n";
      return kExitUsage;
    }
    auto config = readJsonFile(args.mockConfig, "--mock-config");
    auto loaded = config.ok()
                      ? exec::MockTasks::fromMockConfig(*config, args.stateMachine, args.testCase)
                      : Result<exec::MockTasks>(fail(config.error()));
    if (!loaded.ok()) {
      std::cerr << tool << ": error: " << args.mockConfig << ": " << loaded.error().message << "\n";
      return kExitUsage;
    }
    mocks = std::move(loaded).value();
  }
  AdapterRegistry adapters;
  if (!args.adapters.empty()) {
    auto config = readJsonFile(args.adapters, "--adapters");
    auto loaded = config.ok() ? AdapterRegistry::fromConfig(
                                    *config, AdapterEnvironment::fromProcess(),
                                    // local commands run in the file's folder
                                    std::filesystem::absolute(args.adapters).parent_path().string())
                              : Result<AdapterRegistry>(fail(config.error()));
    if (!loaded.ok()) {
      std::cerr << tool << ": error: " << args.adapters << ": " << loaded.error().message << "\n";
      return kExitUsage;
    }
    adapters = std::move(loaded).value();
  }
  // The mocks answer first, so that a test can script one state of a workflow whose other
  // tasks reach real services; then the adapters.
  // `.waitForTaskToken` tasks wait for SendTaskSuccess/Failure on the callback port; the
  // plain calls they make go to the adapters.
  adapters::TaskTokens tokens;
  std::unique_ptr<adapters::CallbackServer> callbacks;
  if (args.callbackPort >= 0) {
    auto started =
        adapters::CallbackServer::start(tokens, static_cast<uint16_t>(args.callbackPort));
    if (!started.ok()) {
      std::cerr << tool << ": error: --callback-port: " << started.error() << "\n";
      return kExitUsage;
    }
    callbacks = std::move(started).value();
    std::cerr << tool << ": callbacks on http://127.0.0.1:" << callbacks->port() << std::endl;
  }
  adapters::AdapterTaskHandler adapterTasks(adapters);
  adapters::CallbackTaskHandler callbackTasks(adapterTasks, tokens, callbacks != nullptr);
  exec::TaskChain tasks;
  tasks.add(&mocks);
  tasks.add(&callbackTasks);
  tasks.add(&adapterTasks);

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
  options.tasks = &tasks;
  options.recordHistory = !args.history.empty();
  options.maxPayloadBytes = args.maxPayloadBytes;
  options.maxThreads = args.threads;
  options.randomSeed = args.seed;
  options.s3Root = args.s3Root;

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
        std::cerr << tool << ": error: cannot write " << args.history << "\n";
        return kExitUsage;
      }
    }
  }
  return result.status == vm::ExecutionStatus::Succeeded ? kExitOk : kExitFailed;
}

void addRunOptions(CLI::App& cmd, RunArgs& args) {
  cmd.add_option("--input", args.input, "Execution input: JSON text, or @FILE")
      ->capture_default_str();
  cmd.add_option("--mocks", args.mocks, "Task responses per state name (see docs/running.md)");
  cmd.add_option("--mock-config", args.mockConfig,
                 "A Step Functions Local mock configuration file");
  cmd.add_option("--test-case", args.testCase, "The test case of --mock-config to use");
  cmd.add_option("--adapters", args.adapters,
                 "Task adapters configuration: which services serve Task resources, and how "
                 "(see docs/adapters.md)");
  cmd.add_option("--callback-port", args.callbackPort,
                 "Accept SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat for "
                 ".waitForTaskToken tasks on this port of 127.0.0.1 (0: a free one, printed on "
                 "stderr)")
      ->check(CLI::Range(0, 65535));
  cmd.add_option(
      "--state-machine", args.stateMachine,
      "State machine name (for --mock-config and the context object; default: the file's name)");
  cmd.add_option("--name", args.executionName, "Execution name (default: a random UUID)");
  cmd.add_flag("--virtual-clock", args.virtualClock,
               "Make Wait states and retry delays instant, keeping timestamps consistent");
  cmd.add_option("--history", args.history,
                 "Write the execution history (GetExecutionHistory format) to FILE, - for stderr");
  cmd.add_option("--max-payload-bytes", args.maxPayloadBytes,
                 "Largest state input/output (States.DataLimitExceeded)")
      ->capture_default_str();
  cmd.add_option("--threads", args.threads, "Most threads for Map iterations and Parallel branches")
      ->check(CLI::Range(size_t{1}, size_t{4096}))
      ->capture_default_str();
  cmd.add_option("--repeat", args.repeat,
                 "Run the execution N times from the same input; print the last result")
      ->check(CLI::Range(size_t{1}, size_t{100000000}))
      ->capture_default_str();
  cmd.add_flag(
      "--stats", args.stats,
      "Print executions, transitions and their run time (without start-up) as JSON on stderr");
  cmd.add_option("--s3-root", args.s3Root,
                 "Folder standing for Amazon S3 in distributed Maps' ItemReader and ResultWriter: "
                 "object Key of bucket B is DIR/B/Key")
      ->check(CLI::ExistingDirectory);
  cmd.add_option("--seed", args.seed,
                 "Seed for States.UUID, States.MathRandom and retry jitter (0: random)");
}

} // namespace asl::tools
