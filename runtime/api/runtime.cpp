// The embedding API (include/asl/runtime.h) over the interpreter.
#include "asl/runtime.h"

#include <map>
#include <mutex>
#include <thread>

#include "runtime/bytecode/loader.h"
#include "runtime/bytecode/prepare.h"
#include "runtime/bytecode/program.h"
#include "runtime/exec/clock.h"
#include "runtime/exec/task_handler.h"
#include "runtime/vm/executor.h"

namespace asl {

// The registered functions, as the interpreter's TaskHandler: by state name first, then by
// resource. Registration happens before runs; lookups only read.
struct Runtime::Handlers final : exec::TaskHandler {
  std::map<std::string, TaskFunction, std::less<>> byState, byResource;

  std::optional<eval::ExecResult<Value>> invoke(const exec::TaskRequest& request) override {
    const TaskFunction* function = nullptr;
    if (auto it = byState.find(request.stateName); it != byState.end())
      function = &it->second;
    else if (auto it2 = byResource.find(request.resource); it2 != byResource.end())
      function = &it2->second;
    if (!function) return std::nullopt;
    TaskResult result =
        (*function)(TaskCall{request.stateName, request.resource, request.input, request.retryCount,
                             request.deadline, exec::remainingMillis(request)});
    if (result.ok()) return eval::ExecResult<Value>(std::move(result).value());
    TaskError e = std::move(result).error();
    return eval::ExecResult<Value>(fail(eval::ExecError{std::move(e.error), std::move(e.cause)}));
  }
};

Result<Workflow> Workflow::fromBytecode(std::string_view bytes) {
  auto program = bc::loadProgram(bytes);
  if (!program.ok()) return fail(std::move(program).error());
  auto shared = std::make_shared<bc::Program>(std::move(program).value());
  if (auto prepared = bc::prepareProgram(*shared); !prepared.ok()) return fail(prepared.error());
  return Workflow(std::move(shared));
}

Runtime::Runtime() : handlers_(std::make_shared<Handlers>()) {}
Runtime::~Runtime() = default;

void Runtime::onResource(std::string resource, TaskFunction function) {
  handlers_->byResource[std::move(resource)] = std::move(function);
}

void Runtime::onState(std::string stateName, TaskFunction function) {
  handlers_->byState[std::move(stateName)] = std::move(function);
}

namespace {

ExecutionResult runWith(exec::TaskHandler& handlers, const Workflow& workflow,
                        const RunOptions& options) {
  exec::RealClock realClock;
  exec::VirtualClock virtualClock(realClock.now());
  vm::ExecutionOptions o;
  o.input = options.input;
  o.executionName = options.executionName;
  o.stateMachineName = options.stateMachineName;
  o.clock = options.virtualClock ? static_cast<exec::Clock*>(&virtualClock) : &realClock;
  o.tasks = &handlers;
  o.recordHistory = options.recordHistory;
  o.maxPayloadBytes = options.maxPayloadBytes;
  o.maxThreads = options.maxThreads;
  o.randomSeed = options.seed;
  o.s3Root = options.s3Root;
  return vm::execute(workflow.program(), o);
}

} // namespace

ExecutionResult Runtime::run(const Workflow& workflow, const RunOptions& options) const {
  return runWith(*handlers_, workflow, options);
}

std::future<ExecutionResult> Runtime::start(Workflow workflow, RunOptions options) const {
  // The run holds the handlers and the workflow itself, so it may outlive this Runtime.
  return std::async(std::launch::async, [handlers = handlers_, workflow = std::move(workflow),
                                         options = std::move(options)] {
    return runWith(*handlers, workflow, options);
  });
}

} // namespace asl
