// Helpers for the interpreter tests: compile a definition text the way `aslc run` does and run
// it on a virtual clock with scripted tasks.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "compiler/bytecode/lower.h"
#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "runtime/bytecode/prepare.h"
#include "runtime/exec/mock_tasks.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "runtime/vm/executor.h"

namespace asl::vm::testing {

inline Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? std::move(v).value() : Value();
}

inline bc::Program compile(std::string_view definition) {
  front::ValidateOptions options;
  options.warnings = false;
  front::CheckedDefinition checked =
      front::checkDefinition("test.asl.json", std::string(definition), options);
  for (const auto& d : checked.diagnostics)
    ADD_FAILURE() << d.message << " at " << d.pointer;
  auto module = front::buildModule(checked, options.limits);
  EXPECT_TRUE(module.ok());
  bc::Program program = bytecode::lowerToProgram(*module);
  EXPECT_TRUE(bc::prepareProgram(program).ok());
  return program;
}

struct Run {
  ExecutionResult result;
  exec::EpochMillis elapsed = 0; ///< virtual time the execution took
};

constexpr exec::EpochMillis kStart = 1700000000000;

inline Run run(std::string_view definition, std::string_view input = "{}",
               exec::TaskHandler* tasks = nullptr, bool history = false) {
  bc::Program program = compile(definition);
  exec::VirtualClock clock(kStart);
  ExecutionOptions options;
  options.input = json(input);
  options.clock = &clock;
  options.tasks = tasks;
  options.recordHistory = history;
  options.randomSeed = 7;
  Run r;
  r.result = execute(program, options);
  r.elapsed = clock.now() - kStart;
  return r;
}

/// Runs with the options given (input, clock and seed are filled in): for s3Root and the like.
inline Run runWith(std::string_view definition, std::string_view input, ExecutionOptions options) {
  bc::Program program = compile(definition);
  exec::VirtualClock clock(kStart);
  options.input = json(input);
  options.clock = &clock;
  if (!options.randomSeed) options.randomSeed = 7;
  Run r;
  r.result = execute(program, options);
  r.elapsed = clock.now() - kStart;
  return r;
}

inline std::string outputOf(const Run& r) {
  if (r.result.status != ExecutionStatus::Succeeded)
    return std::string(executionStatusName(r.result.status)) + " " + r.result.error + ": " +
           r.result.cause;
  return toJson(r.result.output);
}

inline exec::MockTasks mocks(std::string_view script) {
  auto m = exec::MockTasks::fromScript(json(script));
  EXPECT_TRUE(m.ok());
  return m.ok() ? std::move(m).value() : exec::MockTasks();
}

} // namespace asl::vm::testing
