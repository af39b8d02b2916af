#include "runtime/exec/mock_tasks.h"

#include <charconv>

namespace asl::exec {
namespace {

Unexpected<Diagnostic> invalid(std::string message) {
  return fail(makeDiagnostic(DiagCode::InvalidMockFile, std::move(message)));
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool parseCount(std::string_view text, uint32_t& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// "3" or "1-2": the invocation numbers (0-based) an entry of MockedResponses answers.
bool parseRange(std::string_view key, uint32_t& first, uint32_t& last) {
  size_t dash = key.find('-');
  if (dash == std::string_view::npos) {
    if (!parseCount(key, first)) return false;
    last = first;
    return true;
  }
  return parseCount(key.substr(0, dash), first) && parseCount(key.substr(dash + 1), last) &&
         first <= last;
}

std::string stringMember(const Value& object, std::string_view key) {
  const Value* v = object.find(key);
  return v && v->isString() ? std::string(v->asString()) : std::string();
}

} // namespace

Result<MockTasks::Response> MockTasks::responseFromScript(const Value& entry,
                                                          std::string_view where) {
  Response r;
  if (!entry.isObject()) return invalid(std::string(where) + ": a response must be an object");
  if (const Value* input = entry.find("input")) r.recordedInput = *input;
  if (const Value* echo = entry.find("echo")) {
    if (!echo->isBool() || !echo->asBool())
      return invalid(std::string(where) + ": \"echo\" must be true");
    r.kind = Response::Kind::Echo;
    return r;
  }
  if (const Value* value = entry.find("return")) {
    r.kind = Response::Kind::Return;
    r.value = *value;
    return r;
  }
  if (const Value* thrown = entry.find("throw")) {
    if (!thrown->isObject() || !thrown->find("error") || !thrown->find("error")->isString())
      return invalid(std::string(where) + ": \"throw\" must be an object with a string \"error\"");
    r.kind = Response::Kind::Throw;
    r.error = eval::ExecError{stringMember(*thrown, "error"), stringMember(*thrown, "cause")};
    return r;
  }
  return invalid(std::string(where) + ": a response needs \"return\", \"throw\" or \"echo\"");
}

Result<MockTasks> MockTasks::fromScript(const Value& script) {
  if (!script.isObject()) return invalid("the mock file must be an object keyed by state name");
  MockTasks mocks;
  for (const Member& m : script.members()) {
    std::string name(m.key.asString());
    std::string where = "state " + quoted(name);
    StateScript state;
    if (m.value.isArray()) {
      state.mode = StateScript::Mode::InOrder;
      size_t index = 0;
      for (const Value& entry : m.value.items()) {
        auto r = responseFromScript(entry, where + " response " + std::to_string(index++));
        if (!r.ok()) return fail(std::move(r).error());
        state.responses.push_back(std::move(r).value());
      }
      state.used.assign(state.responses.size(), false);
    } else {
      auto r = responseFromScript(m.value, where);
      if (!r.ok()) return fail(std::move(r).error());
      state.responses.push_back(std::move(r).value());
    }
    mocks.states_.emplace(std::move(name), std::move(state));
  }
  return mocks;
}

Result<MockTasks::Response> MockTasks::responseFromMockConfig(const Value& entry,
                                                              std::string_view where) {
  Response r;
  if (!entry.isObject()) return invalid(std::string(where) + " must be an object");
  if (const Value* value = entry.find("Return")) {
    r.value = *value;
    return r;
  }
  if (const Value* thrown = entry.find("Throw")) {
    if (!thrown->isObject()) return invalid(std::string(where) + ": Throw must be an object");
    r.kind = Response::Kind::Throw;
    r.error = eval::ExecError{stringMember(*thrown, "Error"), stringMember(*thrown, "Cause")};
    return r;
  }
  return invalid(std::string(where) + " needs Return or Throw");
}

Result<MockTasks> MockTasks::fromMockConfig(const Value& config, std::string_view stateMachine,
                                            std::string_view testCase) {
  const Value* machines = config.isObject() ? config.find("StateMachines") : nullptr;
  const Value* responses = config.isObject() ? config.find("MockedResponses") : nullptr;
  if (!machines || !machines->isObject())
    return invalid("the mock configuration has no StateMachines object");
  if (!responses || !responses->isObject())
    return invalid("the mock configuration has no MockedResponses object");

  // Find the test case: in the named state machine, or in the only one that has it.
  const Value* cases = nullptr;
  std::string machineName;
  for (const Member& m : machines->members()) {
    if (!stateMachine.empty() && m.key.asString() != stateMachine) continue;
    const Value* testCases = m.value.isObject() ? m.value.find("TestCases") : nullptr;
    const Value* found = testCases && testCases->isObject() ? testCases->find(testCase) : nullptr;
    if (!found) continue;
    if (cases)
      return invalid("test case " + quoted(testCase) + " exists in state machines " +
                     quoted(machineName) + " and " + quoted(m.key.asString()) +
                     ": name one with --state-machine");
    cases = found;
    machineName = std::string(m.key.asString());
  }
  if (!cases) {
    std::string in =
        stateMachine.empty() ? "any state machine" : "state machine " + quoted(stateMachine);
    return invalid("test case " + quoted(testCase) + " is not in " + in +
                   " of the mock configuration");
  }
  if (!cases->isObject())
    return invalid("test case " + quoted(testCase) + " must map state names to responses");

  MockTasks mocks;
  for (const Member& m : cases->members()) {
    std::string stateName(m.key.asString());
    if (!m.value.isString())
      return invalid("test case " + quoted(testCase) + ": state " + quoted(stateName) +
                     " must name a mocked response");
    std::string responseName(m.value.asString());
    const Value* response = responses->find(responseName);
    if (!response || !response->isObject())
      return invalid("mocked response " + quoted(responseName) + " (state " + quoted(stateName) +
                     ") is not defined");
    StateScript state;
    state.mode = StateScript::Mode::ByInvocation;
    for (const Member& entry : response->members()) {
      std::string where =
          "mocked response " + quoted(responseName) + " entry " + quoted(entry.key.asString());
      InvocationRange range;
      if (!parseRange(entry.key.asString(), range.first, range.last))
        return invalid(where +
                       ": keys are invocation numbers such as \"0\" or ranges such as \"1-2\"");
      auto r = responseFromMockConfig(entry.value, where);
      if (!r.ok()) return fail(std::move(r).error());
      range.response = std::move(r).value();
      state.ranges.push_back(std::move(range));
    }
    mocks.states_.emplace(std::move(stateName), std::move(state));
  }
  return mocks;
}

eval::ExecResult<Value> MockTasks::answer(const Response& response,
                                          const TaskRequest& request) const {
  switch (response.kind) {
  case Response::Kind::Return:
    return response.value;
  case Response::Kind::Echo:
    return request.input;
  case Response::Kind::Throw:
    return fail(response.error);
  }
  return request.input;
}

bool MockTasks::serves(const TaskRequest& request) const {
  std::lock_guard lock(mutex_);
  return states_.find(request.stateName) != states_.end();
}

std::optional<eval::ExecResult<Value>> MockTasks::invoke(const TaskRequest& request) {
  std::unique_lock lock(mutex_);
  auto it = states_.find(request.stateName);
  if (it == states_.end()) return std::nullopt;
  StateScript& state = it->second;
  uint32_t call = state.calls++;
  const Response* chosen = nullptr;
  switch (state.mode) {
  case StateScript::Mode::Always:
    chosen = &state.responses.front();
    break;
  case StateScript::Mode::ByInvocation:
    for (const InvocationRange& range : state.ranges)
      if (call >= range.first && call <= range.last) chosen = &range.response;
    break;
  case StateScript::Mode::InOrder: {
    // The first unused response recorded with this very input, else the first unused one.
    size_t pick = state.responses.size();
    for (size_t i = 0; i < state.responses.size() && pick == state.responses.size(); ++i)
      if (!state.used[i] && state.responses[i].recordedInput &&
          *state.responses[i].recordedInput == request.input)
        pick = i;
    for (size_t i = 0; i < state.responses.size() && pick == state.responses.size(); ++i)
      if (!state.used[i]) pick = i;
    if (pick < state.responses.size()) {
      state.used[pick] = true;
      chosen = &state.responses[pick];
    }
    break;
  }
  }
  if (!chosen)
    return eval::ExecResult<Value>(fail(eval::ExecError{
        "States.Runtime", "The mocks for state '" + std::string(request.stateName) +
                              "' have no response for call #" + std::to_string(call + 1) + " (" +
                              std::to_string(call) + " were used)"}));
  Response copy = *chosen; // answer outside the lock: echo reads the request only
  lock.unlock();
  return answer(copy, request);
}

} // namespace asl::exec
