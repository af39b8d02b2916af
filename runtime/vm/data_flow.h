// The evaluation steps a state's instructions perform, over the expression evaluators in
// runtime/eval: selecting with paths, building payload templates, placing results, choosing.
// Every error comes back as the ExecError AWS raises, its cause without the state prefix.
#pragma once

#include <string_view>

#include "asl/value.h"
#include "runtime/bytecode/program.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/random_source.h"
#include "runtime/vm/context_object.h"
#include "runtime/vm/variables.h"

namespace asl::vm {

/// What expressions may read while a state runs.
struct Scope {
  const Value* input = nullptr;           ///< `$` (JSONPath), `$states.input` (JSONata)
  const ContextObject* context = nullptr; ///< `$$`, `$states.context`
  const Variables* variables = nullptr;
  const Value* result = nullptr;      ///< JSONata `$states.result`
  const Value* errorOutput = nullptr; ///< JSONata `$states.errorOutput` (in Catch)
  bool jsonata = false;
  eval::RandomSource* random = nullptr; ///< States.UUID, States.MathRandom without a seed
};

/// An expression's text as AWS quotes it in causes: without the blanks inside `{% %}`.
std::string_view quotedText(const eval::Expression& expression);

/// InputPath / OutputPath / ItemsPath: the value the path selects.
eval::ExecResult<Value> selectPath(const eval::Expression& path, const Scope& scope);
/// Payload templates (Parameters, ResultSelector, ItemSelector, Arguments, Output, Assign...).
/// `field` names the template's field ("Output"); JSONata errors name the member they come
/// from as AWS does ("Output/result").
eval::ExecResult<Value> evaluateTemplate(const eval::PayloadTemplate& tpl, const Scope& scope,
                                         std::string_view field);
/// One expression in a named field (ErrorPath, SecondsPath, Items, TimeoutSeconds...).
eval::ExecResult<Value> evaluateField(const eval::Expression& expression, std::string_view field,
                                      const Scope& scope);
/// ResultPath: `input` with `result` placed where the reference path says.
eval::ExecResult<Value> placeResult(const Value& input, const Value& result,
                                    const eval::Expression& path);
/// A Choice rule: its prepared condition (JSONPath) or its JSONata Condition.
eval::ExecResult<bool> matchesRule(const bc::ChoiceRule& rule,
                                   const eval::ChoiceCondition& prepared, const Scope& scope);

} // namespace asl::vm
