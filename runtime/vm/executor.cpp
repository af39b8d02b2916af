#include "runtime/vm/executor.h"

#include <algorithm>
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
#include "runtime/exec/task_resource.h"
#include "runtime/exec/task_timer.h"
#include "runtime/exec/worker_pool.h"
#include "runtime/value/json_writer.h"
#include "runtime/vm/data_flow.h"
#include "runtime/vm/map_run.h"
#include "runtime/vm/variable_limits.h"

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
  return requested ? requested : eval::freshSeed();
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
  /// The serialized size of every variable the execution's scopes hold (AWS limits it).
  std::atomic<size_t> variableBytes{0};
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
  Value assigned; ///< what the state's Assign wrote, for its StateExited event
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
      : ex_(ex), machine_(machine), variables_(parentVariables, &ex.variableBytes), cancel_(cancel),
        lastEvent_(lastEvent) {
    (void)mapItem;
  }

  MachineOutcome run(Value input);
  EventId lastEvent() const { return lastEvent_; }

private:
  struct Registers {
    explicit Registers(const Value& stateInput) : input(stateInput) {}
    const Value& input;
    /// The effective input: the state input until InputPath, Parameters or Arguments replace
    /// it (held by reference until then: no reference counting for states without them).
    const Value& effective() const { return ownEffective ? effectiveValue : input; }
    void setEffective(Value v) {
      effectiveValue = std::move(v);
      ownEffective = true;
    }
    Value effectiveValue;
    bool ownEffective = false;
    Value result, output;
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
                                                     const Value& input, const Scope& scope,
                                                     std::string_view taskToken);
  std::string callbackToken(const bc::State& state) const;
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
  Value exitedDetails(const bc::State& state, const Value& output, const Value& assigned) const {
    Value variables = exec::assignedVariables(assigned);
    return exec::details(
        {{"name", Value::string(state.name)},
         {"output", jsonText(output)},
         {"outputDetails", exec::notTruncated()},
         {"assignedVariables", variables},
         {"assignedVariablesDetails", variables.isNull() ? Value() : exec::notTruncated()}});
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
  // A missed heartbeat is a kind of timeout: States.Timeout names it too.
  bool heartbeat = error == eval::stateErrorName(StateErrorId::HeartbeatTimeout);
  bool timeout = heartbeat || error == eval::stateErrorName(StateErrorId::Timeout);
  for (const std::string& name : names) {
    if (name == error) return true;
    if (name == eval::stateErrorName(StateErrorId::All)) return true;
    // States.TaskFailed stands for any error a task raises, except a timeout.
    if (name == eval::stateErrorName(StateErrorId::TaskFailed) && !timeout) return true;
    if (heartbeat && name == eval::stateErrorName(StateErrorId::Timeout)) return true;
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
  static const Value kError = Value::interned("Error"), kCause = Value::interned("Cause");
  ObjectBuilder out(2);
  out.add(kError, Value::string(e.error));
  out.add(kCause, Value::string(e.cause));
  return out.finish();
}

MachineOutcome MachineRun::run(Value input) {
  // Transitions are counted here and added to the execution's total once, on the way out:
  // branches running side by side would otherwise contend for one counter on every state.
  struct TransitionCount {
    std::atomic<uint64_t>& total;
    uint64_t n = 0;
    ~TransitionCount() { total.fetch_add(n, std::memory_order_relaxed); }
  } transitions{ex_.transitions};
  bc::Index current = machine_.startAt;
  for (;;) {
    // Inside a Map or Parallel, a long run of states is worth another thread.
    if ((transitions.n & 31) == 31) exec::WorkerPool::stillComputing();
    if (cancel_.cancelled()) return MachineOutcome{MachineOutcome::Kind::Cancelled, {}, {}};
    if (ex_.deadline && ex_.clock.now() >= *ex_.deadline) {
      ex_.timedOut.store(true);
      ex_.root.cancel();
      return MachineOutcome{MachineOutcome::Kind::Cancelled, {}, {}};
    }
    const bc::State& state = machine_.states[current];
    ++transitions.n;
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
               ex_.history.keepsEvents() ? exitedDetails(state, t->output, t->assigned) : Value());
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
        ++transitions.n;
        auto millis = static_cast<exec::EpochMillis>(delay * 1000.0);
        if (ex_.clock.waitsBlock()) exec::WorkerPool::aboutToBlock();
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
             ex_.history.keepsEvents() ? exitedDetails(state, output, assigned) : Value());
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
// AWS's size limits are checked here, before anything is written.
ExecResult<Value> MachineRun::assignment(const eval::PayloadTemplate& tpl, const Scope& sc) const {
  auto values = evaluateTemplate(tpl, sc, "Assign");
  if (!values.ok()) return values;
  if (auto within = checkAssignment(*values, variables_, VariableLimits{}); !within.ok())
    return fail(std::move(within).error());
  return values;
}

void MachineRun::commit(const Value& assigned) {
  for (const Member& m : assigned.members())
    variables_.set(m.key.asString(), m.value, jsonSize(m.value));
}

StepResult MachineRun::runState(const StateRun& s, const Value& input) {
  Registers r(input);
  // One context object per attempt: built only if an instruction reads it, then shared by all.
  std::optional<uint32_t> retryCount;
  if (canRecover(s.state.type)) retryCount = s.retryCount;
  // A callback Task's token exists before its parameters are evaluated, so that they can
  // pass $$.Task.Token on; each attempt gets a fresh one.
  std::string taskToken;
  if (s.state.type == bc::StateType::Task) taskToken = callbackToken(s.state);
  ContextObject context(StateContext{&ex_.executionObject, &ex_.stateMachineObject, s.state.name,
                                     s.enteredTime, retryCount, nullptr, taskToken});
  std::optional<StepResult> end;
  for (uint32_t pc = s.state.codeBegin; pc < s.state.codeEnd; ++pc) {
    if (auto failure = step(s, machine_.code[pc], r, context, end)) return std::move(*failure);
    if (end) {
      if (auto* t = std::get_if<Transition>(&*end)) {
        if (jsonSize(t->output) > ex_.options.maxPayloadBytes)
          return dataLimitExceeded(s.state.name);
        commit(r.assigned);
        t->assigned = std::move(r.assigned);
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
  auto setEffective = [&r](ExecResult<Value>&& v) -> std::optional<Failure> {
    if (!v.ok()) return engineError(std::move(v).error());
    r.setEffective(std::move(v).value());
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
  const Value& effective = r.effective();
  switch (in.op) {
  case bc::Op::InputPath:
    return setEffective(selectPath(p.expressions[in.a], scope(s, context, &r.input, false)));
  case bc::Op::InputPathNull:
    r.setEffective(Value::object({}));
    return std::nullopt;
  case bc::Op::Parameters:
    return setEffective(
        evaluateTemplate(p.templates[in.a], scope(s, context, &effective, false), "Parameters"));
  case bc::Op::Arguments:
    return setEffective(
        evaluateTemplate(p.templates[in.a], scope(s, context, &r.input, true), "Arguments"));
  case bc::Op::ResultTemplate:
    return set(r.result, evaluateTemplate(p.templates[in.a],
                                          scope(s, context, &effective, jsonata), "Result"));
  case bc::Op::ResultIsEffective:
    r.result = effective;
    return std::nullopt;
  case bc::Op::InvokeTask: {
    // TimeoutSecondsPath and the like read the state's input.
    Scope sc = scope(s, context, &r.input, jsonata);
    return take(r.result, invokeTask(s, p.tasks[in.a], effective, sc, context.taskToken()));
  }
  case bc::Op::RunParallel:
    return take(r.result, runParallel(s, p.parallels[in.a], effective));
  case bc::Op::RunMap: {
    Scope sc = scope(s, context, jsonata ? &r.input : &effective, jsonata);
    return take(r.result, runMap(s, p.maps[in.a], effective, sc));
  }
  case bc::Op::WaitFor: {
    Scope sc = scope(s, context, jsonata ? &r.input : &effective, jsonata);
    if (auto stop = wait(s, p.waits[in.a], sc)) {
      if (auto* f = std::get_if<Failure>(&*stop)) return std::move(*f);
      end = Cancelled{};
    }
    r.result = effective;
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
    Scope sc = scope(s, context, jsonata ? &r.input : &effective, jsonata);
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
    end = Transition{in.a, std::move(r.output), {}};
    return std::nullopt;
  case bc::Op::End:
    end = Transition{bc::kNone, std::move(r.output), {}};
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
    return Transition{next, std::move(output), {}};
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

// A fresh token when the Task state waits for a callback; "" otherwise. Tokens come from the
// system's random source, not the execution's seeded one: whoever holds one can end the task,
// so it must not be guessable, and drawing it leaves seeded runs' other values unchanged.
std::string MachineRun::callbackToken(const bc::State& state) const {
  bool waits = false;
  for (uint32_t pc = state.codeBegin; pc < state.codeEnd; ++pc)
    if (const bc::Instruction& in = machine_.code[pc]; in.op == bc::Op::InvokeTask)
      waits = ex_.program.tasks[in.a].resource.ends_with(".waitForTaskToken");
  if (!waits) return {};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::random_device device;
  std::string token;
  token.reserve(64);
  for (int i = 0; i < 8; ++i) {
    uint32_t bits = device();
    for (int j = 0; j < 8; ++j, bits >>= 4)
      token.push_back(kDigits[bits & 15]);
  }
  return token;
}

bool isLambdaFunctionArn(std::string_view resource) {
  return resource.starts_with("arn:") && resource.find(":lambda:") != std::string_view::npos &&
         resource.find(":function:") != std::string_view::npos;
}

std::optional<int64_t> integerIn(const Value& v);

// TimeoutSeconds / HeartbeatSeconds of a Task: a literal, a ...Path or a JSONata expression.
ExecResult<std::optional<int64_t>> taskSeconds(const bc::DynamicNumber& number, const char* field,
                                               const Scope& sc) {
  // Far beyond any execution, and small enough that milliseconds still fit an int64.
  constexpr int64_t kLongest = 1'000'000'000'000;
  if (number.literal)
    return std::optional<int64_t>(
        static_cast<int64_t>(std::clamp(*number.literal, 0.0, static_cast<double>(kLongest))));
  if (!number.expression) return std::optional<int64_t>();
  std::string name = std::string(field) + (sc.jsonata ? "" : "Path");
  auto v = evaluateField(*number.expression, name, sc);
  if (!v.ok()) return fail(std::move(v).error());
  auto n = integerIn(*v);
  if (!n || *n <= 0)
    return eval::raise(StateErrorId::Runtime,
                       "The " + name + " field refers to value \"" + plainText(*v) +
                           "\" which is not a valid positive integer: " + number.expression->text);
  return std::optional<int64_t>(std::min(*n, kLongest));
}

std::variant<Value, Failure, Cancelled> MachineRun::invokeTask(const StateRun& s,
                                                               const bc::Task& task,
                                                               const Value& input, const Scope& sc,
                                                               std::string_view taskToken) {
  auto timeout = taskSeconds(task.timeoutSeconds, "TimeoutSeconds", sc);
  if (!timeout.ok()) return engineError(std::move(timeout).error());
  auto heartbeat = taskSeconds(task.heartbeatSeconds, "HeartbeatSeconds", sc);
  if (!heartbeat.ok()) return engineError(std::move(heartbeat).error());

  bool lambda = isLambdaFunctionArn(task.resource);
  bool keep = ex_.history.keepsEvents();
  // The history names integrations as service and action ("lambda", "invoke").
  exec::TaskResourceParts parts = keep ? exec::splitTaskResource(task.resource)
                                       : exec::TaskResourceParts{};
  Value resource = keep ? Value::string(lambda ? task.resource : parts.resource) : Value();
  Value resourceType = keep && !lambda ? Value::string(parts.type) : Value();
  Value timeoutField = keep && *timeout ? Value::integer(**timeout) : Value();
  Value heartbeatField = keep && *heartbeat ? Value::integer(**heartbeat) : Value();
  if (lambda) {
    record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
           keep ? exec::details({{"resource", resource},
                                 {"input", jsonText(input)},
                                 {"inputDetails", exec::notTruncated()},
                                 {"timeoutInSeconds", timeoutField}})
                : Value());
    record("LambdaFunctionStarted");
  } else {
    record("TaskScheduled", "taskScheduledEventDetails",
           keep ? exec::details({{"resourceType", resourceType},
                                 {"resource", resource},
                                 {"region", Value::string(ex_.options.region)},
                                 {"parameters", jsonText(input)},
                                 {"timeoutInSeconds", timeoutField},
                                 {"heartbeatInSeconds", heartbeatField}})
                : Value());
    record("TaskStarted", "taskStartedEventDetails",
           keep ? exec::details({{"resourceType", resourceType}, {"resource", resource}})
                : Value());
  }
  exec::TaskTimer timer(ex_.clock, ex_.clock.now(),
                        timeout->value_or(exec::kDefaultTaskTimeoutSeconds) * 1000,
                        *heartbeat ? std::optional<int64_t>(**heartbeat * 1000) : std::nullopt);
  std::optional<ExecResult<Value>> answer;
  if (ex_.options.tasks) {
    exec::TaskRequest request{s.state.name, task.resource, input, s.retryCount};
    request.deadline = timer.deadline();
    request.heartbeatSeconds = *heartbeat;
    request.timer = &timer;
    request.clock = &ex_.clock;
    request.cancel = &cancel_;
    request.taskToken = taskToken;
    if (ex_.options.tasks->mayBlock(request)) exec::WorkerPool::aboutToBlock();
    answer = ex_.options.tasks->invoke(request);
  }
  if (!answer)
    answer = ExecResult<Value>(fail(
        ExecError::of(StateErrorId::TaskFailed, "No handler serves the resource '" + task.resource +
                                                    "' of state '" + s.state.name +
                                                    "': give the state a response with --mocks or "
                                                    "--mock-config, or register a task handler")));
  if (cancel_.cancelled()) return Cancelled{};
  // A result that comes after the deadline, or after a missed heartbeat, is discarded: AWS
  // had already failed the task, with no cause.
  if (auto expiry = timer.expired(); expiry != exec::TaskTimer::Expiry::None) {
    StateErrorId id = expiry == exec::TaskTimer::Expiry::Timeout ? StateErrorId::Timeout
                                                                 : StateErrorId::HeartbeatTimeout;
    Value error = keep ? Value::string(eval::stateErrorName(id)) : Value();
    record(lambda ? "LambdaFunctionTimedOut" : "TaskTimedOut",
           lambda ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails",
           keep ? (lambda ? exec::details({{"error", error}})
                          : exec::details({{"resourceType", resourceType},
                                           {"resource", resource},
                                           {"error", error}}))
                : Value());
    return Failure{ExecError::of(id, ""), false};
  }
  if (!answer->ok()) {
    const ExecError& e = answer->error();
    Value error = keep ? Value::string(e.error) : Value();
    Value cause = keep ? Value::string(e.cause) : Value();
    record(lambda ? "LambdaFunctionFailed" : "TaskFailed",
           lambda ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails",
           keep ? (lambda ? exec::details({{"error", error}, {"cause", cause}})
                          : exec::details({{"resourceType", resourceType},
                                           {"resource", resource},
                                           {"error", error},
                                           {"cause", cause}}))
                : Value());
    return Failure{std::move(*answer).error(), false};
  }
  Value result = std::move(*answer).value();
  if (jsonSize(result) > ex_.options.maxPayloadBytes)
    return dataLimitExceeded(taskDisplayName(task.resource));
  record(lambda ? "LambdaFunctionSucceeded" : "TaskSucceeded",
         lambda ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails",
         keep ? (lambda ? exec::details({{"output", jsonText(result)},
                                         {"outputDetails", exec::notTruncated()}})
                        : exec::details({{"resourceType", resourceType},
                                         {"resource", resource},
                                         {"output", jsonText(result)},
                                         {"outputDetails", exec::notTruncated()}}))
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
  if (map.itemReader != bc::kNone) {
    auto reader = evaluateTemplate(p.templates[map.itemReader], sc, "ItemReader");
    if (!reader.ok()) return engineError(std::move(reader).error());
    auto read = readMapItems(*reader, p.templates[map.itemReader], ex_.options.s3Root);
    if (!read.ok()) return Failure{std::move(read).error(), false};
    items = std::move(read).value();
  } else if (map.itemsPath) {
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

  // ItemSelector shapes each item with $$.Map.Item bound to it.
  auto selectItem = [&](size_t i, const Value& item) -> ExecResult<Value> {
    static const Value kIndex = Value::interned("Index"), kValue = Value::interned("Value");
    ObjectBuilder itemObject(2);
    itemObject.add(kIndex, Value::integer(static_cast<int64_t>(i)));
    itemObject.add(kValue, item);
    Value mapItem = itemObject.finish();
    ContextObject context(StateContext{&ex_.executionObject, &ex_.stateMachineObject, "", 0,
                                       std::nullopt, &mapItem});
    Scope itemScope = sc;
    itemScope.context = &context;
    return evaluateTemplate(p.templates[map.itemSelector], itemScope, "ItemSelector");
  };
  // ItemBatcher: the selected items travel to the children in batches.
  bool batched = map.itemBatcher != bc::kNone;
  if (batched) {
    auto batcher = evaluateTemplate(p.templates[map.itemBatcher], sc, "ItemBatcher");
    if (!batcher.ok()) return engineError(std::move(batcher).error());
    auto spec = mapBatchSpec(*batcher, p.templates[map.itemBatcher]);
    if (!spec.ok()) return engineError(std::move(spec).error());
    std::vector<Value> selected;
    selected.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      if (map.itemSelector == bc::kNone) {
        selected.push_back(items.items()[i]);
        continue;
      }
      auto built = selectItem(i, items.items()[i]);
      if (!built.ok()) return engineError(std::move(built).error());
      selected.push_back(std::move(built).value());
    }
    items = Value::array(exec::batchItems(selected, *spec, ex_.options.maxPayloadBytes));
  }
  // ResultWriter: every child is remembered for the export or the WriterConfig's shaping.
  std::optional<exec::WriterSpec> writer;
  if (map.resultWriter != bc::kNone) {
    auto built = evaluateTemplate(p.templates[map.resultWriter], sc, "ResultWriter");
    if (!built.ok()) return engineError(std::move(built).error());
    auto spec = exec::writerSpecOf(*built);
    if (!spec.ok()) return Failure{std::move(spec).error(), false};
    writer = std::move(spec).value();
  }

  size_t n = items.size();
  std::vector<exec::ChildExecution> children(writer ? n : 0);
  exec::MapRunIdentity mapRun;
  if (writer) {
    auto uuid = [&] { return std::string(eval::intrinsics::uuid(&ex_.random)->asString()); };
    mapRun = mapRunIdentity(ex_.options.region, ex_.options.account,
                            ex_.options.stateMachineName,
                            map.label.empty() ? s.state.name : map.label, uuid());
    // Children that never start are exported as PENDING with the item they would have had.
    for (size_t i = 0; i < n; ++i) {
      children[i].name = uuid();
      children[i].input = items.items()[i];
    }
  }
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
        if (map.itemSelector != bc::kNone && !batched) {
          auto built = selectItem(i, item);
          if (!built.ok()) return failWith(engineError(std::move(built).error()));
          iterationInput = std::move(built).value();
        }
        exec::ChildExecution* child = writer ? &children[i] : nullptr;
        if (child) {
          child->input = iterationInput;
          child->startDate = ex_.clock.now();
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
        if (child) {
          using Status = exec::ChildExecution::Status;
          child->stopDate = ex_.clock.now();
          child->status = o.kind == MachineOutcome::Kind::Succeeded ? Status::Succeeded
                          : o.kind == MachineOutcome::Kind::Failed  ? Status::Failed
                                                                    : Status::Aborted;
          child->output = o.output;
          child->error = o.error.error;
          child->cause = o.error.cause;
        }
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
  // A failed map run still exports what its children did, as AWS does.
  std::optional<ExecResult<Value>> written;
  if (writer && (!firstFailure || writer->export_))
    written = finishMapRun(*writer, children, mapRun, ex_.options.s3Root);
  if (firstFailure) {
    record("MapStateFailed");
    return std::move(*firstFailure);
  }
  if (cancel_.cancelled()) return Cancelled{};
  if (written && !written->ok()) {
    record("MapStateFailed");
    return Failure{std::move(*written).error(), false};
  }
  record("MapStateSucceeded");
  if (written) return std::move(*written).value();
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
  if (ex_.clock.waitsBlock()) exec::WorkerPool::aboutToBlock();
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
    // AWS leaves out a cause the error did not give (a task timeout, a Fail without Cause).
    ex.history.add(last, "ExecutionFailed", "executionFailedEventDetails",
                   keep ? exec::details({{"error", Value::string(result.error)},
                                         {"cause", result.cause.empty()
                                                       ? Value()
                                                       : Value::string(result.cause)}})
                        : Value());
  }
  if (keep) result.history = ex.history.toValue();
  result.transitions = ex.transitions.load();
  return result;
}

} // namespace asl::vm
