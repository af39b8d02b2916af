// The validator's rule families, one file each; validate_machine.cpp drives them.
#pragma once

#include <span>

#include "compiler/front/validation_context.h"
#include "compiler/ir/kinds.h"

namespace asl::eval {
struct Path;
struct IntrinsicCall;
} // namespace asl::eval
namespace asl::eval::jsonata {
struct Node;
} // namespace asl::eval::jsonata

namespace asl::front {

using ir::QueryLanguageKind;
using ir::StateKind;

/// The state being validated, shared by the rules of its fields.
struct StateInfo {
  std::string_view name;
  StateKind kind;
  QueryLanguageKind language;
  const JsonValue* object;
  const PointerPath* at;
  MachineScopeKind scope;
};

// validate_machine.cpp
void validateMachine(ValidationContext& ctx, Node machine, QueryLanguageKind language,
                     MachineScopeKind scope);

// validate_fields.cpp: the per-state field table and the shape of each field.
void validateStateFields(ValidationContext& ctx, const StateInfo& state);

// validate_choice.cpp
void validateChoiceRules(ValidationContext& ctx, const StateInfo& state, Node choices);

// validate_errors.cpp: Retry and Catch.
void validateRetriers(ValidationContext& ctx, const StateInfo& state, Node retry);
void validateCatchers(ValidationContext& ctx, const StateInfo& state, Node catchers);

// validate_task.cpp
void validateResource(ValidationContext& ctx, const StateInfo& state, Node resource);
void validateCredentials(ValidationContext& ctx, const StateInfo& state, Node credentials);

// validate_map.cpp
/// ItemProcessor or the older Iterator; both may carry ProcessorConfig.
void validateItemProcessor(ValidationContext& ctx, const StateInfo& state, Node processor);
void validateItemReader(ValidationContext& ctx, const StateInfo& state, Node reader);
void validateItemBatcher(ValidationContext& ctx, const StateInfo& state, Node batcher);
void validateResultWriter(ValidationContext& ctx, const StateInfo& state, Node writer);
void validateMapLabel(ValidationContext& ctx, Node label);

// validate_payload.cpp: Parameters/ResultSelector/ItemSelector/Assign/Arguments/Output.
void validatePayloadTemplate(ValidationContext& ctx, Node node, QueryLanguageKind language);
void validateAssign(ValidationContext& ctx, Node node, QueryLanguageKind language);
/// A JSONata-mode value: any JSON in which "{% ... %}" strings are expressions.
void validateJsonataTemplate(ValidationContext& ctx, Node node);

// validate_expressions.cpp: the bridge to the expression parsers, with located errors.
enum class PathRuleKind : uint8_t {
  Path,          ///< InputPath, OutputPath, Choice Variable, ".$" values
  ReferencePath, ///< ResultPath, ...Path fields that must name one node
};
/// Checks a JSONPath string; variables and context paths allowed unless the rule forbids.
bool checkPath(ValidationContext& ctx, Node node, PathRuleKind rule, bool allowVariables = true);
/// Checks a ".$" value: a path, a context path, a variable or an intrinsic function call.
bool checkDynamicValue(ValidationContext& ctx, Node node);
/// Checks a "{% ... %}" string's JSONata expression.
bool checkJsonataString(ValidationContext& ctx, Node node);
/// Checks an RFC 3339 timestamp as ASL's Timestamp fields require.
bool isAslTimestamp(std::string_view text);

// validate_variables.cpp: VARIABLE_BEFORE_ASSIGN, a may-assign data flow over each machine.
/// A transition and the object whose Assign applies on it: the state for Next and Default,
/// the Choice rule or the catcher for theirs (a catcher's Assign replaces the state's).
struct VariableEdge {
  uint32_t from;
  uint32_t to;
  const JsonValue* assignOwner;
};
/// Records the workflow variables that the parsed expression held by the string `node` reads,
/// as reads of the current state.
void noteVariableReads(ValidationContext& ctx, Node node, const eval::Path& path);
void noteVariableReads(ValidationContext& ctx, Node node, const eval::IntrinsicCall& call);
/// `body` is the JSONata expression inside "{%" and "%}" of the string `node`.
void noteVariableReads(ValidationContext& ctx, Node node, const eval::jsonata::Node& body);
/// Settles the reads recorded since `firstRead` in a machine whose states and edges are whole
/// (start is UINT32_MAX when they are not: its reads are dropped). A read is fine when some
/// path from StartAt assigns the variable before the reading state; the others are reported at
/// the top level and in a distributed Map's processor, and elsewhere become reads of the
/// enclosing state (ctx.variables.state), which sees the same variables as its own fields.
void settleVariableReads(ValidationContext& ctx, size_t firstRead, MachineScopeKind scope,
                         uint32_t stateCount, uint32_t start, std::span<const VariableEdge> edges);

} // namespace asl::front
