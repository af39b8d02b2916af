// A compiled state machine as the runtime runs it: the in-memory form of an .aslb module.
// The compiler lowers its IR into a Program (compiler/bytecode/lower.cpp); the loader reads one
// back from bytes (runtime/bytecode/loader.cpp); the VM runs it (runtime/vm/). docs/bytecode.md
// documents the byte layout.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/choice_condition.h"
#include "runtime/eval/expression.h"
#include "runtime/eval/hot_code.h"
#include "runtime/eval/payload_template.h"

namespace asl::bc {

enum class Op : uint8_t {
#define ASL_OP(name, operand, doc) name,
#include "runtime/bytecode/opcodes.def"
#undef ASL_OP
};

/// The pool an instruction's operand indexes (opcodes.def's Operand column).
enum class OperandKind : uint8_t {
  None,
  Expression,
  Template,
  State,
  Task,
  Choice,
  Wait,
  Fail,
  Parallel,
  Map
};

std::string_view opName(Op op);
OperandKind opOperand(Op op);

struct Instruction {
  Op op = Op::End;
  uint32_t a = 0;
};

/// Index of a state in its machine, a machine in the program, an entry in a pool.
using Index = uint32_t;
constexpr Index kNone = UINT32_MAX;

enum class StateType : uint8_t { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map };
enum class QueryLanguage : uint8_t { JSONPath, JSONata };

std::string_view stateTypeName(StateType type);

/// A number written as a literal, a `...Path` reference or a JSONata expression.
struct DynamicNumber {
  std::optional<double> literal;
  std::optional<eval::Expression> expression;
  bool present() const { return literal || expression; }
};

struct Retrier {
  std::vector<std::string> errors;
  uint32_t intervalSeconds = 1;
  uint32_t maxAttempts = 3;
  double backoffRate = 2.0;
  std::optional<uint32_t> maxDelaySeconds;
  bool fullJitter = false;
};

struct Catcher {
  std::vector<std::string> errors;
  Index next = kNone;
  /// JSONPath: where the error output goes. Absent: replaces the input; null: discarded.
  enum class ResultPathMode : uint8_t {
    Replace,
    Discard,
    Path
  } resultPathMode = ResultPathMode::Replace;
  Index resultPath = kNone; ///< expression, for ResultPathMode::Path
  Index output = kNone;     ///< JSONata Output template
  Index assign = kNone;     ///< Assign template
};

struct State {
  std::string name;
  StateType type = StateType::Pass;
  QueryLanguage language = QueryLanguage::JSONPath;
  uint32_t codeBegin = 0; ///< into Machine::code
  uint32_t codeEnd = 0;
  std::vector<Retrier> retry;
  std::vector<Catcher> catchers;
};

enum class MachineRole : uint8_t { Top, Branch, MapProcessor };

struct Machine {
  MachineRole role = MachineRole::Top;
  Index startAt = 0;
  std::vector<State> states;
  std::vector<Instruction> code;
};

struct Task {
  std::string resource;
  DynamicNumber timeoutSeconds;
  DynamicNumber heartbeatSeconds;
  Index credentials = kNone; ///< template
};

struct Wait {
  DynamicNumber seconds;
  std::optional<std::string> timestamp; ///< a literal timestamp
  std::optional<eval::Expression> timestampExpression;
};

struct Fail {
  std::optional<std::string> error, cause;
  std::optional<eval::Expression> errorExpression, causeExpression;
};

struct Parallel {
  std::vector<Index> branches; ///< machines
};

struct Map {
  Index processor = kNone; ///< machine
  bool distributed = false;
  std::optional<eval::Expression> itemsPath; ///< JSONPath ItemsPath
  Index items = kNone;                       ///< JSONata Items template
  Index itemSelector = kNone;                ///< template
  DynamicNumber maxConcurrency;
  DynamicNumber toleratedFailurePercentage;
  DynamicNumber toleratedFailureCount;
  Index itemReader = kNone, itemBatcher = kNone, resultWriter = kNone; ///< templates
  std::string label;
};

/// One top-level rule of a Choice state, or a rule inside And/Or/Not.
struct ChoiceRule {
  enum class Kind : uint8_t { Compare, And, Or, Not, Condition } kind = Kind::Compare;
  uint8_t op = 0;                              ///< eval::ChoiceOperatorKind (choice_operators.def)
  std::optional<eval::Expression> variable;    ///< Compare
  Value operand;                               ///< Compare with a literal
  std::optional<eval::Expression> operandPath; ///< the ...Path forms
  std::vector<ChoiceRule> children;            ///< And, Or: 1+; Not: 1
  std::optional<eval::Expression> condition;   ///< Condition (JSONata)
  Index next = kNone;                          ///< top level only
  Index assign = kNone, output = kNone;        ///< top level only: templates
};

struct Choice {
  std::vector<ChoiceRule> rules;
  Index defaultState = kNone;
  Index defaultAssign = kNone; ///< the state's own Assign, applied on the Default edge
  Index defaultOutput = kNone;
  /// One per rule, built by prepareProgram (prepare.h) from the raw rules; not in the file.
  std::vector<eval::ChoiceCondition> prepared;
};

struct Program {
  QueryLanguage language = QueryLanguage::JSONPath;
  std::optional<uint32_t> timeoutSeconds;
  std::string comment;
  std::vector<Machine> machines; ///< 0 is the top level
  std::vector<eval::Expression> expressions;
  std::vector<eval::PayloadTemplate> templates;
  /// What the templates' and expressions' `hot` pointers point into (prepareProgram); shared
  /// so that a copy of the program keeps it alive.
  std::shared_ptr<const eval::HotCode> hotCode;
  std::vector<Task> tasks;
  std::vector<Choice> choices;
  std::vector<Wait> waits;
  std::vector<Fail> fails;
  std::vector<Parallel> parallels;
  std::vector<Map> maps;
};

} // namespace asl::bc
