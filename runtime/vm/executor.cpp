#include "runtime/vm/executor.h"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <variant>

#include "runtime/eval/intrinsic_functions.h"
#include "runtime/eval/random_source.h"
#include "runtime/eval/timestamp.h"
#include "runtime/exec/history.h"
#include "runtime/exec/worker_pool.h"
#include "runtime/value/json_writer.h"
#include "runtime/vm/data_flow.h"

namespace asl::vm {
namespace {

using eval::ExecError;
using eval::ExecResult;
using eval::StateErrorId;
using exec::EventId;

// --- what a run shares --------------------------------------------------------------------

// The execution's randomness (States.UUID, States.MathRandom without a seed, retry jitter):
// one seeded generator behind a lock, since Map iterations and Parallel branches draw from it
// concurrently.
class SharedRandom final : public eval::RandomSource {
public:
  explicit SharedRandom(uint64_t seed) : source_(seed) {}
  uint64_t nextBits() override {
    std::lock_guard lock(mutex_);
    return source_.nextBits();
  }

private:
  std::mutex mutex_;
  eval::SeededRandomSource source_;
};

uint64_t seedFrom(uint64_t requested) {
  if (requested) return requested;
  std::random_device device;
  return (uint64_t(device()) << 32) ^ device();
}

// Threads are expensive to start; executions share pools, one per requested size.
exec::WorkerPool& sharedPool(size_t maxThreads) {
  static std::mutex mutex;
  static std::map<size_t, std::unique_ptr<exec::WorkerPool>> pools;
  std::lock_guard lock(mutex);
  auto& pool = pools[maxThreads];
  if (!pool) pool = std::make_unique<exec::WorkerPool>(maxThreads);
  return *pool;
}

struct Execution {
  Execution(const bc::Program& p, const ExecutionOptions& o)
      : program(p), options(o), clock(*o.clock), history(*o.clock, o.recordHistory),
        pool(o.pool ? *o.pool : sharedPool(o.maxThreads)), random(seedFrom(o.randomSeed)) {}

  const bc::Program& program;
  const ExecutionOptions& options;
  exec::Clock& clock;
  exec::History history;
  exec::WorkerPool& pool;
  exec::CancelScope root;
  Value executionObject, stateMachineObject;
  std::optional<exec::EpochMillis> deadline;
  std::atomic<bool> timedOut{false};
  std::atomic<uint64_t> transitions{0};
  SharedRandom random;

  /// Uniform in [0, 1), for retry jitter.
  double uniform01() { return static_cast<double>(random.nextBits() >> 11) * 0x1.0p-53; }
};

/// How a machine run ended.
struct MachineOutcome {
  enum class Kind : uint8_t { Succeeded, Failed, Cancelled } kind = Kind::Succeeded;
  Value output;
  ExecError error;
};

/// An error a state raised. Errors the engine raises while evaluating the state's own fields
/// get AWS's "An error occurred while executing the state ..." prefix; errors a task, a branch
/// or a Fail state raised travel as they are.
struct Failure {
  ExecError error;
  bool fromEngine = false;
};
struct Cancelled {};
struct Transition {
  bc::Index next = bc::kNone; ///< kNone: the machine ends
  Value output;
};
using StepResult = std::variant<Transition, Failure, Cancelled>;

Failure engineError(ExecError e) {
  return Failure{std::move(e), true};
}

// --- one machine run ----------------------------------------------------------------------

class MachineRun {
public:
  MachineRun(Execution& ex, const bc::Machine& machine, const Variables* parentVariables,
             const exec::CancelScope& cancel, EventId lastEvent, const Value* mapItem = nullptr)
      : ex_(ex), machine_(machine), variables_(parentVariables), cancel_(cancel),
        lastEvent_(lastEvent) {
    (void)mapItem;
  }

  MachineOutcome run(Value input);
  EventId lastEvent() const { return lastEvent_; }

private:
  struct Registers {
    Value input, effective, result, output;
    /// Assign's values, evaluated where the state's data flow puts Assign but written to the
    /// variables only once the state's output is known: OutputPath still reads the old ones.
    Value assigned;
  };
  struct StateRun {
    const bc::State& state;
    EventId enteredEvent;
    exec::EpochMillis enteredTime;
    uint32_t retryCount;
  };

  StepResult runState(const StateRun& s, const Value& input);
  std::optional<Failure> step(const StateRun& s, const bc::Instruction& in, Registers& r,
                              const ContextObject& context, std::optional<StepResult>& end);
  Scope scope(const StateRun& s, const ContextObject& context, const Value* input,
              bool jsonata) const;
  ExecResult<Value> assignment(const eval::PayloadTemplate& tpl, const Scope& scope) const;
  void commit(const Value& assigned);

  std::variant<Value, Failure, Cancelled> invokeTask(const StateRun& s, const bc::Task& task,
                                                     const Value& input);
  std::variant<Value, Failure, Cancelled>
  runParallel(const StateRun& s, const bc::Parallel& parallel, const Value& input);
  std::variant<Value, Failure, Cancelled> runMap(const StateRun& s, const bc::Map& map,
                                                 const Value& input, const Scope& scope);
  std::optional<std::variant<Failure, Cancelled>> wait(const StateRun& s, const bc::Wait& wait,
                                                       const Scope& scope);
  Failure failState(const bc::Fail& fail, const Scope& scope);
  std::variant<Transition, Failure> choose(const StateRun& s, const bc::Choice& choice,
                                           Registers& r, const Scope& scope);

  ExecError withStatePrefix(const StateRun& s, ExecError e) const {
    e.cause = "An error occurred while executing the state '" + s.state.name +
              "' (entered at the event id #" + std::to_string(s.enteredEvent) + "). " + e.cause;
    return e;
  }
  EventId record(std::string_view type, std::string_view detailsKey = {}, Value details = {}) {
    lastEvent_ = ex_.history.add(lastEvent_, type, detailsKey, std::move(details));
    return lastEvent_;
  }
  Value jsonText(const Value& v) const {
    return ex_.history.keepsEvents() ? Value::string(toJson(v)) : Value();
  }

  Execution& ex_;
  const bc::Machine& machine_;
  Variables variables_;
  const exec::CancelScope& cancel_;
  EventId lastEvent_;
};

bool matchesError(const std::vector<std::string>& names, const std::string& error) {
  // States.Runtime always ends the execution: no retrier or catcher takes it, not even one
  // that names it.
  if (error == eval::stateErrorName(StateErrorId::Runtime)) return false;
  for (const std::string& name : names) {
    if (name == error) return true;
    if (name == eval::stateErrorName(StateErrorId::All)) return true;
    // States.TaskFailed stands for any error a task raises, except a timeout.
    if (name == eval::stateErrorName(StateErrorId::TaskFailed) &&
        error != eval::stateErrorName(StateErrorId::Timeout))
      return true;
  }
  return false;
}

// How AWS quotes a value it could not use: strings as they are, anything else as JSON.
std::string plainText(const Value& v) {
  return v.isString() ? std::string(v.asString()) : toJson(v);
}

// AWS's States.DataLimitExceeded, naming the state, or for a task the service it called.
Failure dataLimitExceeded(std::string_view name) {
  return Failure{
      ExecError::of(StateErrorId::DataLimitExceeded,
                    "The state/task '" + std::string(name) +
                        "' returned a result with a size exceeding the maximum number of bytes "
                        "service limit."),
      false};
}

// How AWS names a task in limit errors: the service of an integration ("lambda" for
// arn:aws:states:::lambda:invoke), or the resource itself (a Lambda function ARN).
std::string taskDisplayName(std::string_view resource) {
  constexpr std::string_view kIntegration = "arn:aws:states:::";
  if (resource.starts_with(kIntegration)) {
    std::string_view rest = resource.substr(kIntegration.size());
    return std::string(rest.substr(0, rest.find(':')));
  }
  return std::string(resource);
}

// JSONata's names for JSON types, as AWS's QueryEvaluationError causes use them.
std::string jsonTypeName(const Value& v) {
  switch (v.kind()) {
  case ValueKind::Null:
    return "null";
  case ValueKind::Bool:
    return "boolean";
  case ValueKind::Number:
    return "number";
  case ValueKind::String:
    return "string";
  case ValueKind::Array:
    return "array";
  case ValueKind::Object:
    return "object";
  }
  return "null";
}

bool canRecover(bc::StateType type) {
  return type == bc::StateType::Task || type == bc::StateType::Parallel ||
         type == bc::StateType::Map;
}

// "PassStateEntered" and the like, spelled once: a transition must not build strings.
std::string_view enteredEvent(bc::StateType type) {
  static constexpr std::string_view kNames[] = {
      "PassStateEntered",    "TaskStateEntered", "ChoiceStateEntered",   "WaitStateEntered",
      "SucceedStateEntered", "FailStateEntered", "ParallelStateEntered", "MapStateEntered"};
  return kNames[static_cast<size_t>(type)];
}
std::string_view exitedEvent(bc::StateType type) {
  static constexpr std::string_view kNames[] = {
      "PassStateExited",    "TaskStateExited", "ChoiceStateExited",   "WaitStateExited",
      "SucceedStateExited", "FailStateExited", "ParallelStateExited", "MapStateExited"};
  return kNames[static_cast<size_t>(type)];
}

Value errorOutput(const ExecError& e) {
  return Value::object(
      {makeMember("Error", Value::string(e.error)), makeMember("Cause", Value::string(e.cause))});
}

MachineOutcome MachineRun::run(Value input) {
  bc::Index current = machine_.startAt;
  for (;;) {
    if (cancel_.cancelled()) return MachineOutcome{MachineOutcome::Kind::Cancelled, {}, {}};
    if (ex_.deadline && ex_.clock.now() >= *ex_.deadline) {
      ex_.timedOut.store(true);
      ex_.root.cancel();
      return MachineOutcome{MachineOutcome::Kind::Cancelled, {}, {}};
    }
    const bc::State& state = machine_.states[current];
    ex_.transitions.fetch_add(1, std::memory_order_relaxed);
    EventId entered =
        record(enteredEvent(state.type), "stateEnteredEventDetails",
               ex_.history.keepsEvents() ? exec::details({{"name", Value::string(state.name)},
                                                          {"input", jsonText(input)},
                                                          {"inputDetails", exec::notTruncated()}})
                                         : Value());
    StateRun s{state, entered, ex_.clock.now(), 0};
    std::vector<uint32_t> attempts(state.retry.size(), 0);
    for (;;) {
      StepResult outcome = runState(s, input);
      if (std::holds_alternative<Cancelled>(outcome))
        return MachineOutcome{MachineOutcome::Kind::Cancelled, {}, {}};
      if (auto* t = std::get_if<Transition>(&outcome)) {
        record(exitedEvent(state.type), "stateExitedEventDetails",
               ex_.history.keepsEvents() ? exec::details({{"name", Value::string(state.name)},
                                                          {"output", jsonText(t->output)},
                                                          {"outputDetails", exec::notTruncated()}})
                                         : Value());
        if (t->next == bc::kNone)
          return MachineOutcome{MachineOutcome::Kind::Succeeded, std::move(t->output), {}};
        current = t->next;
        input = std::move(t->output);
        break;
      }
      Failure failure = std::get<Failure>(std::move(outcome));
      if (failure.fromEngine) failure.error = withStatePrefix(s, std::move(failure.error));
      if (!canRecover(state.type))
        return MachineOutcome{MachineOutcome::Kind::Failed, {}, std::move(failure.error)};

      // Retry: the first retrier naming the error decides; once it is spent, Catch decides.
      size_t retrier = state.retry.size();
      for (size_t i = 0; i < state.retry.size() && retrier == state.retry.size(); ++i)
        if (matchesError(state.retry[i].errors, failure.error.error)) retrier = i;
      if (retrier < state.retry.size() && attempts[retrier] < state.retry[retrier].maxAttempts) {
        const bc::Retrier& r = state.retry[retrier];
        double delay = r.intervalSeconds * std::pow(r.backoffRate, attempts[retrier]);
        if (r.maxDelaySeconds) delay = std::min(delay, static_cast<double>(*r.maxDelaySeconds));
        if (r.fullJitter) delay *= ex_.uniform01();
        ++attempts[retrier];
        ++s.retryCount;
        ex_.transitions.fetch_add(1, std::memory_order_relaxed);
        auto millis = static_cast<exec::EpochMillis>(delay * 1000.0);
        if (!ex_.clock.waitUntil(ex_.clock.now() + millis, cancel_))
          return MachineOutcome{MachineOutcome::Kind::Cancelled, {}, {}};
        continue;
      }
      const bc::Catcher* catcher = nullptr;
      for (const bc::Catcher& c : state.catchers)
        if (!catcher && matchesError(c.errors, failure.error.error)) catcher = &c;
      if (!catcher)
        return MachineOutcome{MachineOutcome::Kind::Failed, {}, std::move(failure.error)};

      Value caught = errorOutput(failure.error);
      ContextObject context(StateContext{&ex_.executionObject, &ex_.stateMachineObject, state.name,
                                         s.enteredTime, std::nullopt, nullptr});
      bool jsonata = state.language == bc::QueryLanguage::JSONata;
      Scope sc = scope(s, context, &input, jsonata);
      sc.errorOutput = &caught;
      if (!jsonata) sc.input = &caught; // a JSONPath catcher's Assign reads the error output as `$`
      Value assigned;
      if (catcher->assign != bc::kNone) {
        auto values = assignment(ex_.program.templates[catcher->assign], sc);
        if (!values.ok())
          return MachineOutcome{
              MachineOutcome::Kind::Failed, {}, withStatePrefix(s, std::move(values).error())};
        assigned = std::move(values).value();
      }
      Value output;
      if (jsonata) {
        if (catcher->output != bc::kNone) {
          sc.input = &input;
          auto built = evaluateTemplate(ex_.program.templates[catcher->output], sc, "Output");
          if (!built.ok())
            return MachineOutcome{
                MachineOutcome::Kind::Failed, {}, withStatePrefix(s, std::move(built).error())};
          output = std::move(built).value();
        } else {
          output = caught;
        }
      } else {
        switch (catcher->resultPathMode) {
        case bc::Catcher::ResultPathMode::Replace:
          output = caught;
          break;
        case bc::Catcher::ResultPathMode::Discard:
          output = input;
          break;
        case bc::Catcher::ResultPathMode::Path: {
          auto placed = placeResult(input, caught, ex_.program.expressions[catcher->resultPath]);
          if (!placed.ok())
            return MachineOutcome{
                MachineOutcome::Kind::Failed, {}, withStatePrefix(s, std::move(placed).error())};
          output = std::move(placed).value();
          break;
        }
        }
      }
      record(exitedEvent(state.type), "stateExitedEventDetails",
             ex_.history.keepsEvents() ? exec::details({{"name", Value::string(state.name)},
                                                        {"output", jsonText(output)},
                                                        {"outputDetails", exec::notTruncated()}})
                                       : Value());
      commit(assigned);
      current = catcher->next;
      input = std::move(output);
      break;
    }
  }
}

Scope MachineRun::scope(const StateRun&, const ContextObject& context, const Value* input,
                        bool jsonata) const {
  Scope sc;
  sc.input = input;
  sc.context = &context;
  sc.variables = &variables_;
  sc.jsonata = jsonata;
  sc.random = &ex_.random;
  return sc;
}

// Every right-hand side sees the variables as they were before this Assign.
ExecResult<Value> MachineRun::assignment(const eval::PayloadTemplate& tpl, const Scope& sc) const {
  return evaluateTemplate(tpl, sc, "Assign");
}

void MachineRun::commit(const Value& assigned) {
  for (const Member& m : assigned.members())
    variables_.set(m.key.asString(), m.value);
}

StepResult MachineRun::runState(const StateRun& s, const Value& input) {
  Registers r{input, input, Value(), Value(), Value()};
  // One context object per attempt: built only if an instruction reads it, then shared by all.
  std::optional<uint32_t> retryCount;
  if (canRecover(s.state.type)) retryCount = s.retryCount;
  ContextObject context(StateContext{&ex_.executionObject, &ex_.stateMachineObject, s.state.name,
                                     s.enteredTime, retryCount, nullptr});
  std::optional<StepResult> end;
  for (uint32_t pc = s.state.codeBegin; pc < s.state.codeEnd; ++pc) {
    if (auto failure = step(s, machine_.code[pc], r, context, end)) return std::move(*failure);
    if (end) {
      if (auto* t = std::get_if<Transition>(&*end)) {
        if (jsonSize(t->output) > ex_.options.maxPayloadBytes)
          return dataLimitExceeded(s.state.name);
        commit(r.assigned);
      }
      return std::move(*end);
    }
  }
  // The lowering ends every state with a transition or Fail; a program that does not is
  // rejected by the loader's verifier, so this is unreachable for verified programs.
  return Failure{
      ExecError::of(StateErrorId::Runtime, "state '" + s.state.name + "' has no transition"), true};
}

// Runs one instruction. Returns a failure, or sets `end` when the instruction ends the state.
std::optional<Failure> MachineRun::step(const StateRun& s, const bc::Instruction& in, Registers& r,
                                        const ContextObject& context,
                                        std::optional<StepResult>& end) {
  const bc::Program& p = ex_.program;
  bool jsonata = s.state.language == bc::QueryLanguage::JSONata;
  auto set = [](Value& target, ExecResult<Value>&& v) -> std::optional<Failure> {
    if (!v.ok()) return engineError(std::move(v).error());
    target = std::move(v).value();
    return std::nullopt;
  };
  auto take = [&end](Value& target,
                     std::variant<Value, Failure, Cancelled>&& v) -> std::optional<Failure> {
    if (auto* f = std::get_if<Failure>(&v)) return std::move(*f);
    if (std::holds_alternative<Cancelled>(v)) {
      end = Cancelled{};
      return std::nullopt;
    }
    target = std::get<Value>(std::move(v));
    return std::nullopt;
  };
  switch (in.op) {
  case bc::Op::InputPath:
    return set(r.effective, selectPath(p.expressions[in.a], scope(s, context, &r.input, false)));
  case bc::Op::InputPathNull:
    r.effective = Value::object({});
    return std::nullopt;
  case bc::Op::Parameters:
    return set(r.effective, evaluateTemplate(p.templates[in.a],
                                             scope(s, context, &r.effective, false), "Parameters"));
  case bc::Op::Arguments:
    return set(r.effective,
               evaluateTemplate(p.templates[in.a], scope(s, context, &r.input, true), "Arguments"));
  case bc::Op::ResultTemplate:
    return set(r.result, evaluateTemplate(p.templates[in.a],
                                          scope(s, context, &r.effective, jsonata), "Result"));
  case bc::Op::ResultIsEffective:
    r.result = r.effective;
    return std::nullopt;
  case bc::Op::InvokeTask:
    return take(r.result, invokeTask(s, p.tasks[in.a], r.effective));
  case bc::Op::RunParallel:
    return take(r.result, runParallel(s, p.parallels[in.a], r.effective));
  case bc::Op::RunMap: {
    Scope sc = scope(s, context, jsonata ? &r.input : &r.effective, jsonata);
    return take(r.result, runMap(s, p.maps[in.a], r.effective, sc));
  }
  case bc::Op::WaitFor: {
    Scope sc = scope(s, context, jsonata ? &r.input : &r.effective, jsonata);
    if (auto stop = wait(s, p.waits[in.a], sc)) {
      if (auto* f = std::get_if<Failure>(&*stop)) return std::move(*f);
      end = Cancelled{};
    }
    r.result = r.effective;
    return std::nullopt;
  }
  case bc::Op::ResultSelector:
    return set(r.result, evaluateTemplate(p.templates[in.a], scope(s, context, &r.result, false),
                                          "ResultSelector"));
  case bc::Op::Assign: {
    Scope sc = scope(s, context, jsonata ? &r.input : &r.result, jsonata);
    sc.result = &r.result;
    return set(r.assigned, assignment(p.templates[in.a], sc));
  }
  case bc::Op::ResultPath:
    return set(r.output, placeResult(r.input, r.result, p.expressions[in.a]));
  case bc::Op::ResultPathNull:
    r.output = r.input;
    return std::nullopt;
  case bc::Op::ResultIsOutput:
    r.output = r.result;
    return std::nullopt;
  case bc::Op::OutputPath:
    return set(r.output, selectPath(p.expressions[in.a], scope(s, context, &r.output, false)));
  case bc::Op::OutputPathNull:
    r.output = Value::object({});
    return std::nullopt;
  case bc::Op::Output: {
    Scope sc = scope(s, context, &r.input, true);
    sc.result = &r.result;
    return set(r.output, evaluateTemplate(p.templates[in.a], sc, "Output"));
  }
  case bc::Op::Choose: {
    Scope sc = scope(s, context, jsonata ? &r.input : &r.effective, jsonata);
    auto chosen = choose(s, p.choices[in.a], r, sc);
    if (auto* f = std::get_if<Failure>(&chosen)) return std::move(*f);
    end = std::get<Transition>(std::move(chosen));
    return std::nullopt;
  }
  case bc::Op::Fail: {
    Scope sc = scope(s, context, &r.input, jsonata);
    return failState(p.fails[in.a], sc);
  }
  case bc::Op::Next:
    end = Transition{in.a, std::move(r.output)};
    return std::nullopt;
  case bc::Op::End:
    end = Transition{bc::kNone, std::move(r.output)};
    return std::nullopt;
  }
  return std::nullopt;
}

std::variant<Transition, Failure> MachineRun::choose(const StateRun& s, const bc::Choice& choice,
                                                     Registers& r, const Scope& sc) {
  const bc::Program& p = ex_.program;
  auto follow = [&](bc::Index next, bc::Index assignIndex,
                    bc::Index outputIndex) -> std::variant<Transition, Failure> {
    Value output = r.output;
    if (outputIndex != bc::kNone) {
      auto built = evaluateTemplate(p.templates[outputIndex], sc, "Output");
      if (!built.ok()) return engineError(std::move(built).error());
      output = std::move(built).value();
    }
    if (assignIndex != bc::kNone) {
      auto values = assignment(p.templates[assignIndex], sc);
      if (!values.ok()) return engineError(std::move(values).error());
      r.assigned = std::move(values).value();
    }
    return Transition{next, std::move(output)};
  };
  (void)s;
  for (size_t i = 0; i < choice.rules.size(); ++i) {
    const bc::ChoiceRule& rule = choice.rules[i];
    auto matched = matchesRule(rule, choice.prepared[i], sc);
    if (!matched.ok()) return engineError(std::move(matched).error());
    if (*matched) return follow(rule.next, rule.assign, rule.output);
  }
  if (choice.defaultState == bc::kNone)
    return Failure{ExecError::of(StateErrorId::NoChoiceMatched, "No Matches!"), false};
  return follow(choice.defaultState, choice.defaultAssign, choice.defaultOutput);
}

Failure MachineRun::failState(const bc::Fail& fail, const Scope& sc) {
  ExecError e;
  if (fail.error) e.error = *fail.error;
  if (fail.cause) e.cause = *fail.cause;
  auto text = [&](const eval::Expression& expr, std::string_view field,
                  std::string& out) -> std::optional<Failure> {
    auto v = evaluateField(expr, field, sc);
    if (!v.ok()) return engineError(std::move(v).error());
    if (v->isString()) {
      out = std::string(v->asString());
      return std::nullopt;
    }
    return engineError(
        ExecError::of(StateErrorId::Runtime, "The value of the field '" + std::string(field) +
                                                 "' must be a string, but was: " + toJson(*v)));
  };
  if (fail.errorExpression)
    if (auto f = text(*fail.errorExpression, sc.jsonata ? "Error" : "ErrorPath", e.error))
      return std::move(*f);
  if (fail.causeExpression)
    if (auto f = text(*fail.causeExpression, sc.jsonata ? "Cause" : "CausePath", e.cause))
      return std::move(*f);
  return Failure{std::move(e), false};
}

bool isLambdaFunctionArn(std::string_view resource) {
  return resource.starts_with("arn:") && resource.find(":lambda:") != std::string_view::npos &&
         resource.find(":function:") != std::string_view::npos;
}

std::variant<Value, Failure, Cancelled>
MachineRun::invokeTask(const StateRun& s, const bc::Task& task, const Value& input) {
  bool lambda = isLambdaFunctionArn(task.resource);
  bool keep = ex_.history.keepsEvents();
  Value resource = keep ? Value::string(task.resource) : Value();
  if (lambda) {
    record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
           keep ? exec::details({{"resource", resource},
                                 {"input", jsonText(input)},
                                 {"inputDetails", exec::notTruncated()}})
                : Value());
    record("LambdaFunctionStarted");
  } else {
    record("TaskScheduled", "taskScheduledEventDetails",
           keep ? exec::details({{"resourceType", Value::string("states")},
                                 {"resource", resource},
                                 {"region", Value::string(ex_.options.region)},
                                 {"parameters", jsonText(input)}})
                : Value());
    record("TaskStarted", "taskStartedEventDetails",
           keep ? exec::details({{"resource", resource}}) : Value());
  }
  std::optional<ExecResult<Value>> answer;
  if (ex_.options.tasks)
    answer = ex_.options.tasks->invoke(
        exec::TaskRequest{s.state.name, task.resource, input, s.retryCount});
  if (!answer)
    answer = ExecResult<Value>(fail(
        ExecError::of(StateErrorId::TaskFailed, "No handler serves the resource '" + task.resource +
                                                    "' of state '" + s.state.name +
                                                    "': give the state a response with --mocks or "
                                                    "--mock-config, or register a task handler")));
  if (cancel_.cancelled()) return Cancelled{};
  if (!answer->ok()) {
    const ExecError& e = answer->error();
    record(
        lambda ? "LambdaFunctionFailed" : "TaskFailed",
        lambda ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails",
        keep ? exec::details({{"error", Value::string(e.error)}, {"cause", Value::string(e.cause)}})
             : Value());
    return Failure{std::move(*answer).error(), false};
  }
  Value result = std::move(*answer).value();
  if (jsonSize(result) > ex_.options.maxPayloadBytes)
    return dataLimitExceeded(taskDisplayName(task.resource));
  record(
      lambda ? "LambdaFunctionSucceeded" : "TaskSucceeded",
      lambda ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails",
      keep ? exec::details({{"output", jsonText(result)}, {"outputDetails", exec::notTruncated()}})
           : Value());
  return result;
}

std::variant<Value, Failure, Cancelled>
MachineRun::runParallel(const StateRun&, const bc::Parallel& parallel, const Value& input) {
  record("ParallelStateStarted");
  size_t n = parallel.branches.size();
  std::vector<Value> outputs(n);
  exec::CancelScope group(&cancel_);
  std::mutex mutex;
  std::optional<ExecError> firstError;
  EventId started = lastEvent_;
  ex_.pool.forEach(
      n, 0,
      [&](size_t i) {
        MachineRun branch(ex_, ex_.program.machines[parallel.branches[i]], &variables_, group,
                          started);
        MachineOutcome o = branch.run(input);
        if (o.kind == MachineOutcome::Kind::Succeeded) {
          outputs[i] = std::move(o.output);
        } else if (o.kind == MachineOutcome::Kind::Failed) {
          std::lock_guard lock(mutex);
          if (!firstError) firstError = std::move(o.error);
          group.cancel();
        }
      },
      group.flag());
  if (firstError) {
    record("ParallelStateFailed");
    return Failure{std::move(*firstError), false};
  }
  if (cancel_.cancelled()) return Cancelled{};
  record("ParallelStateSucceeded");
  return Value::array(std::move(outputs));
}

// A number a ...Path field refers to: AWS also takes a string holding one ("1").
std::optional<double> numberIn(const Value& v) {
  if (v.isNumber()) return v.asDouble();
  if (!v.isString()) return std::nullopt;
  std::string text(v.asString());
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<int64_t> integerIn(const Value& v) {
  auto d = numberIn(v);
  if (!d || *d != std::floor(*d) || std::fabs(*d) > 9.0e18) return std::nullopt;
  return static_cast<int64_t>(*d);
}

std::variant<Value, Failure, Cancelled> MachineRun::runMap(const StateRun& s, const bc::Map& map,
                                                           const Value& input, const Scope& sc) {
  const bc::Program& p = ex_.program;
  Value items = input;
  if (map.itemsPath) {
    auto selected = selectPath(*map.itemsPath, sc);
    if (!selected.ok()) return engineError(std::move(selected).error());
    items = std::move(selected).value();
  } else if (map.items != bc::kNone) {
    const eval::PayloadTemplate& itemsTemplate = p.templates[map.items];
    auto built = evaluateTemplate(itemsTemplate, sc, "Items");
    if (!built.ok()) return engineError(std::move(built).error());
    items = std::move(built).value();
    if (!items.isArray() && itemsTemplate.kind == eval::PayloadTemplate::Kind::Dynamic)
      return engineError(ExecError::of(StateErrorId::QueryEvaluationError,
                                       "The JSONata expression '" +
                                           std::string(quotedText(itemsTemplate.expression)) +
                                           "' specified for the field 'Items' returned an "
                                           "unexpected result type. Expected 'array', but was '" +
                                           jsonTypeName(items) + "' for value: " + toJson(items)));
  }
  if (!items.isArray())
    return engineError(
        ExecError::of(sc.jsonata ? StateErrorId::QueryEvaluationError : StateErrorId::Runtime,
                      "Map state input must be an array but was: " + toJson(items)));
  size_t maxConcurrency = 0;
  if (map.maxConcurrency.literal) maxConcurrency = static_cast<size_t>(*map.maxConcurrency.literal);
  if (map.maxConcurrency.expression) {
    auto v = evaluateField(*map.maxConcurrency.expression,
                           sc.jsonata ? "MaxConcurrency" : "MaxConcurrencyPath", sc);
    if (!v.ok()) return engineError(std::move(v).error());
    auto n = integerIn(*v);
    if (!n || *n < 0)
      return engineError(ExecError::of(
          StateErrorId::Runtime,
          "The MaxConcurrencyPath field refers to value \"" + plainText(*v) +
              "\" which is not a valid integer: " + map.maxConcurrency.expression->text));
    maxConcurrency = static_cast<size_t>(*n);
  }

  // Tolerated failures (distributed Map): how many iterations may fail before the Map does.
  std::optional<double> toleratedCount, toleratedPercentage;
  auto tolerance = [&](const bc::DynamicNumber& number, const char* field, bool integral,
                       std::optional<double>& out) -> std::optional<Failure> {
    if (number.literal) out = *number.literal;
    if (!number.expression) return std::nullopt;
    std::string name = std::string(field) + (sc.jsonata ? "" : "Path");
    auto v = evaluateField(*number.expression, name, sc);
    if (!v.ok()) return engineError(std::move(v).error());
    std::optional<double> d = integral ? std::optional<double>() : numberIn(*v);
    if (integral)
      if (auto i = integerIn(*v)) d = static_cast<double>(*i);
    if (!d)
      return engineError(ExecError::of(
          StateErrorId::Runtime, "The " + name + " field refers to value \"" + plainText(*v) +
                                     "\" which is not a valid " + (integral ? "integer" : "float") +
                                     ": " + number.expression->text));
    out = *d;
    return std::nullopt;
  };
  if (auto f = tolerance(map.toleratedFailureCount, "ToleratedFailureCount", true, toleratedCount))
    return *f;
  if (auto f = tolerance(map.toleratedFailurePercentage, "ToleratedFailurePercentage", false,
                         toleratedPercentage))
    return *f;
  if (toleratedCount && *toleratedCount < 0)
    return engineError(
        ExecError::of(StateErrorId::Runtime, "ToleratedFailureCount cannot be negative."));
  if (toleratedPercentage && (*toleratedPercentage < 0 || *toleratedPercentage > 100))
    return engineError(ExecError::of(StateErrorId::Runtime,
                                     "ToleratedFailurePercentage must be between 0 and 100."));
  bool tolerant = toleratedCount || toleratedPercentage;

  size_t n = items.size();
  record("MapStateStarted", "mapStateStartedEventDetails",
         ex_.history.keepsEvents()
             ? exec::details({{"length", Value::integer(static_cast<int64_t>(n))}})
             : Value());
  std::vector<Value> outputs(n);
  exec::CancelScope group(&cancel_);
  std::mutex mutex;
  std::optional<Failure> firstFailure;
  size_t failedIterations = 0;
  auto failWith = [&](Failure f) {
    std::lock_guard lock(mutex);
    if (!firstFailure) firstFailure = std::move(f);
    group.cancel();
  };
  // Within the tolerance a failed iteration leaves its error output in the results.
  auto iterationFailed = [&](size_t i, Failure f) {
    if (!tolerant) return failWith(std::move(f));
    std::lock_guard lock(mutex);
    ++failedIterations;
    outputs[i] = errorOutput(f.error);
    bool overCount = toleratedCount && static_cast<double>(failedIterations) > *toleratedCount;
    bool overPercentage = toleratedPercentage &&
                          100.0 * static_cast<double>(failedIterations) / static_cast<double>(n) >
                              *toleratedPercentage;
    if ((overCount || overPercentage) && !firstFailure) {
      firstFailure =
          Failure{ExecError::of(StateErrorId::ExceedToleratedFailureThreshold,
                                "The specified tolerated failure threshold was exceeded"),
                  false};
      group.cancel();
    }
  };
  EventId started = lastEvent_;
  const bc::Machine& processor = p.machines[map.processor];
  ex_.pool.forEach(
      n, maxConcurrency,
      [&](size_t i) {
        const Value& item = items.items()[i];
        Value iterationInput = item;
        if (map.itemSelector != bc::kNone) {
          Value mapItem =
              Value::object({makeMember("Index", Value::integer(static_cast<int64_t>(i))),
                             makeMember("Value", item)});
          ContextObject context(StateContext{&ex_.executionObject, &ex_.stateMachineObject, "", 0,
                                             std::nullopt, &mapItem});
          Scope itemScope = sc;
          itemScope.context = &context;
          auto built = evaluateTemplate(p.templates[map.itemSelector], itemScope, "ItemSelector");
          if (!built.ok()) return failWith(engineError(std::move(built).error()));
          iterationInput = std::move(built).value();
        }
        bool keep = ex_.history.keepsEvents();
        Value iterationDetails =
            keep ? exec::details({{"name", Value::string(s.state.name)},
                                  {"index", Value::integer(static_cast<int64_t>(i))}})
                 : Value();
        EventId begun = ex_.history.add(started, "MapIterationStarted",
                                        "mapIterationStartedEventDetails", iterationDetails);
        MachineRun iteration(ex_, processor, &variables_, group, begun);
        MachineOutcome o = iteration.run(std::move(iterationInput));
        if (o.kind == MachineOutcome::Kind::Succeeded) {
          ex_.history.add(iteration.lastEvent(), "MapIterationSucceeded",
                          "mapIterationSucceededEventDetails", iterationDetails);
          outputs[i] = std::move(o.output);
        } else if (o.kind == MachineOutcome::Kind::Failed) {
          ex_.history.add(iteration.lastEvent(), "MapIterationFailed",
                          "mapIterationFailedEventDetails", iterationDetails);
          iterationFailed(i, Failure{std::move(o.error), false});
        } else {
          ex_.history.add(iteration.lastEvent(), "MapIterationAborted",
                          "mapIterationAbortedEventDetails", iterationDetails);
        }
      },
      group.flag());
  if (firstFailure) {
    record("MapStateFailed");
    return std::move(*firstFailure);
  }
  if (cancel_.cancelled()) return Cancelled{};
  record("MapStateSucceeded");
  return Value::array(std::move(outputs));
}

std::optional<std::variant<Failure, Cancelled>>
MachineRun::wait(const StateRun& s, const bc::Wait& wait, const Scope& sc) {
  // AWS refuses waits beyond a year.
  constexpr exec::EpochMillis kLongestWait = 366LL * 24 * 3600 * 1000;
  auto runtimeError = [&](std::string cause) -> std::optional<std::variant<Failure, Cancelled>> {
    return Failure{engineError(
        ExecError::of(sc.jsonata ? StateErrorId::QueryEvaluationError : StateErrorId::Runtime,
                      std::move(cause)))};
  };
  exec::EpochMillis until = s.enteredTime;
  if (wait.seconds.literal) until += static_cast<exec::EpochMillis>(*wait.seconds.literal * 1000.0);
  if (wait.seconds.expression) {
    const eval::Expression& e = *wait.seconds.expression;
    auto v = evaluateField(e, sc.jsonata ? "Seconds" : "SecondsPath", sc);
    if (!v.ok()) return Failure{engineError(std::move(v).error())};
    std::string quoted = e.text + " == " + plainText(*v);
    if (!v->isNumber() || v->asDouble() != std::floor(v->asDouble()))
      return runtimeError("The SecondsPath parameter cannot be parsed as a long value: " + quoted);
    if (v->asDouble() < 0)
      return runtimeError("The SecondsPath parameter references a negative value: " + quoted);
    if (v->asDouble() * 1000 > static_cast<double>(kLongestWait))
      return runtimeError("Wait state delay is too long.");
    until += static_cast<exec::EpochMillis>(v->asInteger()) * 1000;
  }
  if (wait.timestamp || wait.timestampExpression) {
    std::string text;
    std::string described;
    if (wait.timestamp) {
      text = *wait.timestamp;
    } else {
      const eval::Expression& e = *wait.timestampExpression;
      auto v = evaluateField(e, sc.jsonata ? "Timestamp" : "TimestampPath", sc);
      if (!v.ok()) return Failure{engineError(std::move(v).error())};
      text = plainText(*v);
      described = e.text + " == " + text;
      if (!v->isString() && !sc.jsonata)
        return runtimeError(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset "
            "date-time format string: " +
            described);
    }
    auto instant = eval::parseTimestamp(text);
    if (!instant) {
      if (wait.timestamp || sc.jsonata)
        return runtimeError(
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format "
            "string: " +
            text);
      return runtimeError(
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset "
          "date-time format string: " +
          described);
    }
    until = instant->epochSeconds * 1000 + instant->nanos / 1000000;
    if (until - s.enteredTime > kLongestWait) return runtimeError("Wait state delay is too long.");
  }
  if (!ex_.clock.waitUntil(until, cancel_)) return Cancelled{};
  return std::nullopt;
}

} // namespace

} // namespace asl::vm

namespace asl {

std::string_view executionStatusName(ExecutionStatus status) {
  switch (status) {
  case ExecutionStatus::Succeeded:
    return "SUCCEEDED";
  case ExecutionStatus::Failed:
    return "FAILED";
  case ExecutionStatus::TimedOut:
    return "TIMED_OUT";
  case ExecutionStatus::Aborted:
    return "ABORTED";
  }
  return "FAILED";
}

} // namespace asl

namespace asl::vm {

ExecutionResult execute(const bc::Program& program, const ExecutionOptions& options) {
  Execution ex(program, options);
  std::string name = options.executionName;
  if (name.empty()) name = std::string(eval::intrinsics::uuid(&ex.random)->asString());
  std::string prefix = "arn:aws:states:" + options.region + ":" + options.account + ":";
  exec::EpochMillis start = ex.clock.now();
  ex.executionObject = Value::object({
      makeMember("Id",
                 Value::string(prefix + "execution:" + options.stateMachineName + ":" + name)),
      makeMember("Input", options.input),
      makeMember("StartTime", Value::string(exec::formatTimestamp(start))),
      makeMember("Name", Value::string(name)),
      makeMember("RoleArn", Value::string("arn:aws:iam::" + options.account +
                                          ":role/StepFunctionsExecutionRole")),
      makeMember("RedriveCount", Value::integer(0)),
  });
  ex.stateMachineObject = Value::object({
      makeMember("Id", Value::string(prefix + "stateMachine:" + options.stateMachineName)),
      makeMember("Name", Value::string(options.stateMachineName)),
  });
  if (program.timeoutSeconds)
    ex.deadline = start + static_cast<exec::EpochMillis>(*program.timeoutSeconds) * 1000;

  bool keep = options.recordHistory;
  EventId started =
      ex.history.add(0, "ExecutionStarted", "executionStartedEventDetails",
                     keep ? exec::details({{"input", Value::string(toJson(options.input))},
                                           {"inputDetails", exec::notTruncated()},
                                           {"roleArn", *ex.executionObject.find("RoleArn")}})
                          : Value());
  MachineRun top(ex, program.machines[0], nullptr, ex.root, started);
  MachineOutcome outcome = top.run(options.input);

  ExecutionResult result;
  EventId last = top.lastEvent();
  if (outcome.kind == MachineOutcome::Kind::Succeeded) {
    result.status = ExecutionStatus::Succeeded;
    result.output = std::move(outcome.output);
    ex.history.add(last, "ExecutionSucceeded", "executionSucceededEventDetails",
                   keep ? exec::details({{"output", Value::string(toJson(result.output))},
                                         {"outputDetails", exec::notTruncated()}})
                        : Value());
  } else if (ex.timedOut.load()) {
    result.status = ExecutionStatus::TimedOut;
    result.error = std::string(eval::stateErrorName(StateErrorId::Timeout));
    result.cause =
        "The execution exceeded its TimeoutSeconds of " + std::to_string(*program.timeoutSeconds);
    ex.history.add(last, "ExecutionTimedOut", "executionTimedOutEventDetails",
                   keep ? exec::details({{"error", Value::string(result.error)},
                                         {"cause", Value::string(result.cause)}})
                        : Value());
  } else {
    result.status = ExecutionStatus::Failed;
    result.error = std::move(outcome.error.error);
    result.cause = std::move(outcome.error.cause);
    ex.history.add(last, "ExecutionFailed", "executionFailedEventDetails",
                   keep ? exec::details({{"error", Value::string(result.error)},
                                         {"cause", Value::string(result.cause)}})
                        : Value());
  }
  if (keep) result.history = ex.history.toValue();
  result.transitions = ex.transitions.load();
  return result;
}

} // namespace asl::vm
