// Running a compiled state machine: the interpreter over a bc::Program. One call runs one
// execution to its end (SUCCEEDED, FAILED, TIMED_OUT) on the calling thread, with Map
// iterations and Parallel branches on a worker pool.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "asl/execution.h"
#include "asl/value.h"
#include "runtime/bytecode/program.h"
#include "runtime/exec/clock.h"
#include "runtime/exec/task_handler.h"
#include "runtime/exec/worker_pool.h"

namespace asl::vm {

using asl::ExecutionResult;
using asl::ExecutionStatus;
using asl::executionStatusName;

struct ExecutionOptions {
  Value input = Value::object({});
  std::string executionName; ///< default: a random UUID
  std::string stateMachineName = "StateMachine";
  std::string region = "us-east-1";
  std::string account = "123456789012";
  exec::Clock* clock = nullptr;       ///< required
  exec::TaskHandler* tasks = nullptr; ///< nullptr: every Task state fails, naming its resource
  bool recordHistory = false;
  /// AWS's limit on a state's input or output, a task's result and the execution's input.
  size_t maxPayloadBytes = 256 * 1024;
  /// Threads Map iterations and Parallel branches may use at once.
  size_t maxThreads = 64;
  /// The threads to use; nullptr: a pool of maxThreads threads shared by every execution in
  /// the process that asks for the same size, so that threads outlive a single run.
  exec::WorkerPool* pool = nullptr;
  /// The folder standing for Amazon S3 for distributed Maps' ItemReader and ResultWriter
  /// (object Key of bucket B is <s3Root>/B/Key); empty: such Maps fail, naming the object.
  std::string s3Root;
  /// Seeds States.UUID / States.MathRandom without a seed / Retry jitter; 0: random.
  uint64_t randomSeed = 0;
};

ExecutionResult execute(const bc::Program& program, const ExecutionOptions& options);

} // namespace asl::vm
