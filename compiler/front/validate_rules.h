// The validator's rule families, one file each; validate_machine.cpp drives them.
#pragma once

#include "compiler/front/validation_context.h"
#include "compiler/ir/kinds.h"

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

} // namespace asl::front
