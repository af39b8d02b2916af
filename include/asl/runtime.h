// Embedding aslc: run compiled state machines inside a C++ program, with your own code serving
// the Task states. Links only asl_runtime; to compile a definition from its JSON text, see
// asl/compiler.h.
//
//   asl::Runtime runtime;
//   runtime.onResource("arn:aws:lambda:us-east-1:123456789012:function:Pay",
//                      [](const asl::TaskCall& call) -> asl::TaskResult { return call.input; });
//   asl::RunOptions options;
//   options.input = order;
//   asl::ExecutionResult r = runtime.run(workflow, options);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>

#include "asl/execution.h"
#include "asl/result.h"
#include "asl/value.h"

namespace asl {

namespace bc {
struct Program;
}

/// A compiled state machine: immutable, cheap to copy, safe to run from many threads at once.
class Workflow {
public:
  /// Loads an .aslb module (`aslc compile FILE --emit bytecode -o m.aslb`). The bytes are
  /// verified, never trusted: a damaged module gives an INVALID_BYTECODE diagnostic.
  static Result<Workflow> fromBytecode(std::string_view bytes);
  /// Wraps a program that prepareProgram has readied (asl/compiler.h does this for you).
  explicit Workflow(std::shared_ptr<const bc::Program> program) : program_(std::move(program)) {}

  const bc::Program& program() const { return *program_; }

private:
  std::shared_ptr<const bc::Program> program_;
};

/// One call of a Task state.
struct TaskCall {
  std::string_view stateName;
  std::string_view resource; ///< the state's Resource
  const Value& input;        ///< the effective input (after InputPath and Parameters)
  uint32_t retryCount = 0;   ///< 0 on the first attempt
  /// When the call must have returned, in milliseconds since the Unix epoch on the run's clock
  /// (TimeoutSeconds after it started): a later result is discarded and the state fails with
  /// States.Timeout.
  int64_t deadlineMillis = INT64_MAX;
  /// The time left before deadlineMillis when the call was made, in milliseconds: task adapters
  /// bound their requests and processes by it, so that TimeoutSeconds ends a slow call.
  int64_t remainingMillis = INT64_MAX;
};

/// A task's failure: the error name Retry and Catch match, and its cause.
struct TaskError {
  std::string error;
  std::string cause;
};

using TaskResult = Result<Value, TaskError>;
using TaskFunction = std::function<TaskResult(const TaskCall&)>;

struct RunOptions {
  Value input = Value::object({});
  std::string executionName; ///< default: a random UUID
  std::string stateMachineName = "StateMachine";
  bool virtualClock = false;  ///< waits and retry delays take no time
  bool recordHistory = false; ///< fill ExecutionResult::history
  uint64_t seed = 0;          ///< States.UUID, States.MathRandom, jitter; 0: random
  size_t maxPayloadBytes = 256 * 1024;
  size_t maxThreads = 64; ///< for Map iterations and Parallel branches
  /// The folder standing for Amazon S3 for distributed Maps' ItemReader and ResultWriter:
  /// object Key of bucket B is the file <s3Root>/B/Key. Empty: those Maps fail.
  std::string s3Root;
};

/// Runs workflows. Register task functions first; run() and start() may then be called from
/// any thread, any number of times. Task functions are called concurrently when Map
/// iterations or Parallel branches call them.
class Runtime {
public:
  Runtime();
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// Serves every Task state whose Resource is `resource`.
  void onResource(std::string resource, TaskFunction function);
  /// Serves the Task state named `stateName`; takes precedence over onResource.
  void onState(std::string stateName, TaskFunction function);

  /// Runs to the end on the calling thread.
  ExecutionResult run(const Workflow& workflow, const RunOptions& options = {}) const;
  /// Runs on a thread of its own; the future holds the result.
  std::future<ExecutionResult> start(Workflow workflow, RunOptions options = {}) const;

private:
  struct Handlers;
  std::shared_ptr<Handlers> handlers_;
};

} // namespace asl
