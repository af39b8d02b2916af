// The typed IR of a state machine: immutable once built, owns every string, transitions
// resolved to state indices, expressions pre-parsed. Lowered by the back ends; printed by
// ir_printer.cpp in the form docs/ir.md documents.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "compiler/ir/kinds.h"
#include "runtime/eval/choice_operator.h"
#include "runtime/eval/expression.h"

namespace asl::ir {

/// Index of a state within its machine, or of a machine within the module.
using StateIndex = uint32_t;
using MachineIndex = uint32_t;
constexpr uint32_t kNoIndex = UINT32_MAX;

/// Where something came from: a byte offset in the definition, plus the line:col the printer
/// and runtime errors show.
struct SourceSpan {
  uint32_t offset = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

using ExpressionKind = eval::ExpressionKind;

/// An expression, parsed once at compile time, and where it was written.
struct Expression : eval::Expression {
  SourceSpan span;
};

enum class TemplateKind : uint8_t { Null, Bool, Number, String, Array, Object, Dynamic };

struct TemplateField;

/// A JSON value some of whose leaves are expressions: Parameters, ResultSelector, ItemSelector,
/// Arguments, Output, Assign, Result. `constant` subtrees hold no expression and can be built
/// once and shared.
struct Template {
  TemplateKind kind = TemplateKind::Null;
  bool constant = true;
  bool boolean = false;
  double number = 0;
  std::string text; ///< String: the value; Number: the source text (exact)
  std::vector<TemplateField> fields;                    ///< Object
  std::vector<Template> items;                          ///< Array
  std::optional<Expression> expression;                 ///< Dynamic
};

/// One member of an Object template; the key is written without ".$".
struct TemplateField {
  std::string key;
  Template value;
};

/// A JSONPath I/O field: absent (the default applies), null, or a path.
struct PathField {
  enum class Mode : uint8_t { Default, Null, Path } mode = Mode::Default;
  std::optional<Expression> path;
};

/// A number that is a literal, a "...Path" reference (JSONPath) or a JSONata expression.
struct DynamicNumber {
  std::optional<double> literal;
  std::optional<Expression> expression;
  bool present() const { return literal || expression; }
};

enum class JitterKind : uint8_t { None, Full };

struct Retrier {
  std::vector<std::string> errors;
  uint32_t intervalSeconds = 1;
  uint32_t maxAttempts = 3;
  double backoffRate = 2.0;
  std::optional<uint32_t> maxDelaySeconds;
  JitterKind jitter = JitterKind::None;
  SourceSpan span;
};

/// Assign: variable name to value, evaluated against the values before the assignment.
struct Assignment {
  std::optional<Template> values; ///< an Object template; absent when the state has no Assign
};

struct Catcher {
  std::vector<std::string> errors;
  StateIndex next = kNoIndex;
  PathField resultPath;            ///< JSONPath
  std::optional<Template> output;  ///< JSONata
  Assignment assign;
  SourceSpan span;
};

using eval::ChoiceOperatorKind;
using eval::choiceOperatorName;

enum class ChoiceRuleKind : uint8_t { Compare, And, Or, Not, Condition };

/// A Choice rule tree. Top-level rules carry `next` (and optionally Assign/Output).
struct ChoiceRule {
  ChoiceRuleKind kind = ChoiceRuleKind::Compare;
  ChoiceOperatorKind op = ChoiceOperatorKind::StringEquals;
  std::optional<Expression> variable;  ///< Compare
  Template operand;                    ///< Compare: the literal (or Dynamic for ...Path forms)
  std::vector<ChoiceRule> children;    ///< And, Or: 1+; Not: 1
  std::optional<Expression> condition; ///< Condition (JSONata)
  StateIndex next = kNoIndex;          ///< top level only
  Assignment assign;
  std::optional<Template> output;
  SourceSpan span;
};

struct PassData {
  std::optional<Template> result;
};

struct TaskData {
  std::string resource;
  DynamicNumber timeoutSeconds;
  DynamicNumber heartbeatSeconds;
  std::optional<Template> credentials;
};

struct ChoiceData {
  std::vector<ChoiceRule> rules;
  StateIndex defaultState = kNoIndex;
};

struct WaitData {
  DynamicNumber seconds;
  std::optional<std::string> timestamp;       ///< a literal RFC 3339 timestamp
  std::optional<Expression> timestampExpr;    ///< TimestampPath or a JSONata Timestamp
};

struct FailData {
  std::optional<std::string> error, cause;
  std::optional<Expression> errorExpr, causeExpr; ///< ErrorPath/CausePath or JSONata
};

struct ParallelData {
  std::vector<MachineIndex> branches;
};

struct MapData {
  MachineIndex processor = kNoIndex;
  bool distributed = false;
  std::string executionType; ///< distributed only: STANDARD or EXPRESS
  std::optional<Expression> itemsPath;       ///< JSONPath ItemsPath
  std::optional<Template> items;             ///< JSONata Items (array or expression)
  std::optional<Template> itemSelector;      ///< ItemSelector (or the older Parameters)
  DynamicNumber maxConcurrency;
  DynamicNumber toleratedFailurePercentage;
  DynamicNumber toleratedFailureCount;
  std::optional<Template> itemReader, itemBatcher, resultWriter; ///< kept as written
  std::string label;
};

using StateData = std::variant<PassData, TaskData, ChoiceData, WaitData, std::monostate /*Succeed*/, FailData,
                               ParallelData, MapData>;

struct State {
  std::string name;
  StateKind kind = StateKind::Pass;
  QueryLanguageKind language = QueryLanguageKind::JSONPath;
  std::string comment;
  SourceSpan span;
  StateIndex next = kNoIndex; ///< kNoIndex when the state ends (End: true, Succeed, Fail, Choice)
  bool end = false;

  // JSONPath data flow, in AWS's order: InputPath -> Parameters -> (work) -> ResultSelector
  // -> ResultPath -> OutputPath.
  PathField inputPath, outputPath, resultPath;
  std::optional<Template> parameters, resultSelector;
  // JSONata data flow: Arguments -> (work) -> Output.
  std::optional<Template> arguments, output;
  Assignment assign;
  std::vector<Retrier> retry;
  std::vector<Catcher> catchers;

  StateData data;
};

enum class MachineRoleKind : uint8_t { Top, Branch, MapProcessor };

struct Machine {
  MachineRoleKind role = MachineRoleKind::Top;
  MachineIndex parent = kNoIndex;  ///< the machine holding the Parallel/Map state
  StateIndex parentState = kNoIndex;
  std::string comment;
  StateIndex startAt = 0;
  std::vector<State> states;
};

/// A whole definition: machine 0 is the top level; nested machines follow in definition order.
struct Module {
  std::vector<Machine> machines;
  QueryLanguageKind language = QueryLanguageKind::JSONPath;
  std::optional<uint32_t> timeoutSeconds;
  std::string version = "1.0";
  std::string comment;
  std::string sourceFile;
};

} // namespace asl::ir
