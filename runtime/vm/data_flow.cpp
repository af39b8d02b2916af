#include "runtime/vm/data_flow.h"

#include "runtime/eval/choice_eval.h"
#include "runtime/eval/hot_code.h"
#include "runtime/eval/intrinsic_eval.h"
#include "runtime/eval/jsonata/evaluator.h"
#include "runtime/eval/path_eval.h"
#include "runtime/eval/path_fields.h"
#include "runtime/eval/result_path.h"
#include "runtime/value/json_writer.h"
#include "runtime/vm/aws_jsonata_functions.h"

namespace asl::vm {
namespace {

using eval::ExecError;
using eval::ExecResult;
using eval::StateErrorId;

eval::PathRoots rootsFor(const Scope& scope) {
  eval::PathRoots roots;
  roots.input = scope.input;
  roots.lazyContext = scope.context; // built only if the path reads `$$`
  roots.variables = scope.variables;
  return roots;
}

const Value kNullValue;

// The node a hot path selects, or nullptr when it selects nothing (the full evaluator then
// words the miss).
const Value* walkHot(const eval::HotPath& path, const Scope& scope) {
  const Value* node = nullptr;
  switch (path.root) {
  case eval::PathRootKind::Input:
    node = scope.input ? scope.input : &kNullValue;
    break;
  case eval::PathRootKind::Context:
    node = scope.context ? &scope.context->value() : &kNullValue;
    break;
  case eval::PathRootKind::Variable:
    node = scope.variables ? scope.variables->findVariable(path.variable.asString()) : nullptr;
    break;
  case eval::PathRootKind::Current:
    return nullptr;
  }
  return eval::walkFlat({path.steps, path.stepCount}, node);
}

// `result` placed at the hot path's members below `node` (nullptr: missing, created), or
// nullopt when a step is not a member of an object (the full evaluator words the failure).
std::optional<Value> placeHot(const Value* node, const eval::HotPath& path, uint32_t i,
                              const Value& result) {
  if (i == path.stepCount) return result;
  const eval::FlatStep& step = path.steps[i];
  if (step.name.isNull() || (node && !node->isObject())) return std::nullopt;
  std::span<const Member> existing = node ? node->members() : std::span<const Member>();
  size_t slot = existing.size();
  for (size_t m = 0; m < existing.size() && slot == existing.size(); ++m)
    if (existing[m].key.payloadIdentity() == step.name.payloadIdentity() ||
        existing[m].key.asString() == step.name.asString())
      slot = m;
  std::optional<Value> placed =
      placeHot(slot < existing.size() ? &existing[slot].value : nullptr, path, i + 1, result);
  if (!placed) return std::nullopt;
  return eval::withPlacedMember(existing, slot, std::move(*placed), step.name);
}

ExecResult<Value> evaluateIntrinsicCall(const eval::IntrinsicCall& call, std::string_view field,
                                        const Scope& scope) {
  eval::IntrinsicEnv env;
  env.resolvePath = [&](const eval::Path& path) -> ExecResult<Value> {
    return eval::selectForField(field, path, rootsFor(scope));
  };
  env.random = scope.random;
  return eval::evaluateIntrinsic(call, env);
}

} // namespace

std::string_view quotedText(const eval::Expression& e);

namespace {

// `$states` as AWS binds it: the state's input, the context object (built only if the
// expression mentions it), and in Output/Assign the result, in Catch the error output.
Value statesBinding(const eval::Expression& e, const Scope& scope) {
  static const Value kInput = Value::interned("input"), kContext = Value::interned("context"),
                     kResult = Value::interned("result"),
                     kErrorOutput = Value::interned("errorOutput");
  bool context = scope.context && e.text.find("context") != std::string::npos;
  ObjectBuilder members(1 + context + (scope.result != nullptr) + (scope.errorOutput != nullptr));
  members.add(kInput, scope.input ? *scope.input : Value());
  if (context) members.add(kContext, scope.context->value());
  if (scope.result) members.add(kResult, *scope.result);
  if (scope.errorOutput) members.add(kErrorOutput, *scope.errorOutput);
  return members.finish();
}

ExecResult<Value> evaluateJsonata(const eval::Expression& e, std::string_view field,
                                  const Scope& scope) {
  auto prefix = [&] {
    return "The JSONata expression '" + std::string(quotedText(e)) + "' specified for the field '" +
           std::string(field) + "'";
  };
  eval::jsonata::Bindings bindings;
  bindings.emplace_back("states", statesBinding(e, scope));
  if (scope.variables)
    scope.variables->forEachVisible(
        [&](const std::string& name, const Value& value) { bindings.emplace_back(name, value); });
  eval::jsonata::EvalOptions options;
  options.functions = &awsJsonataFunctions();
  options.functionResultIsError = true;
  JsonataRandomScope random(scope.random);
  std::optional<Value> input;
  if (scope.input) input = *scope.input;
  auto result = eval::jsonata::evaluate(*e.jsonata, input, bindings, options);
  if (!result.ok() && result.error().code == "L0004")
    return eval::raise(StateErrorId::QueryEvaluationError,
                       prefix() + " returned an unsupported result type.");
  if (!result.ok())
    return eval::raise(StateErrorId::QueryEvaluationError,
                       prefix() + " threw an error during evaluation. " + result.error().code +
                           ": " + result.error().message());
  if (!result->has_value())
    return eval::raise(StateErrorId::QueryEvaluationError,
                       prefix() + " returned nothing (undefined).");
  return std::move(**result);
}

} // namespace

std::string_view quotedText(const eval::Expression& e) {
  std::string_view text = e.text;
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

ExecResult<Value> selectPath(const eval::Expression& expression, const Scope& scope) {
  if (expression.hot)
    if (const Value* node = walkHot(*expression.hot, scope)) return *node;
  if (expression.kind == eval::ExpressionKind::Jsonata)
    return evaluateJsonata(expression, "", scope);
  return eval::applyInputPath(eval::PathFieldRef{eval::PathFieldMode::Path, expression.path.get()},
                              rootsFor(scope));
}

ExecResult<Value> evaluateField(const eval::Expression& expression, std::string_view field,
                                const Scope& scope) {
  switch (expression.kind) {
  case eval::ExpressionKind::Path:
    return eval::selectForField(field, *expression.path, rootsFor(scope));
  case eval::ExpressionKind::Intrinsic:
    return evaluateIntrinsicCall(*expression.intrinsic, field, scope);
  case eval::ExpressionKind::Jsonata:
    return evaluateJsonata(expression, field, scope);
  }
  return evaluateJsonata(expression, field, scope);
}

ExecResult<Value> evaluateTemplate(const eval::PayloadTemplate& tpl, const Scope& scope,
                                   std::string_view field) {
  using Kind = eval::PayloadTemplate::Kind;
  if (tpl.hot && !scope.jsonata) {
    ObjectBuilder members(tpl.hot->fieldCount);
    for (uint32_t i = 0; i < tpl.hot->fieldCount; ++i) {
      const eval::HotField& f = tpl.hot->fields[i];
      if (f.kind == eval::HotField::Kind::Constant) {
        members.add(f.key, f.constant);
        continue;
      }
      if (f.kind == eval::HotField::Kind::Path)
        if (const Value* node = walkHot(*f.path, scope)) {
          members.add(f.key, *node);
          continue;
        }
      // Intrinsics and nested templates, and the words for a path that selects nothing.
      const eval::TemplateField& source = *f.source;
      ExecResult<Value> v = source.value.kind == Kind::Dynamic
                                ? evaluateField(source.value.expression, source.fieldName, scope)
                                : evaluateTemplate(source.value, scope, source.fieldName);
      if (!v.ok()) return v;
      members.add(f.key, std::move(v).value());
    }
    return members.finish();
  }
  switch (tpl.kind) {
  case Kind::Constant:
    return tpl.constant;
  case Kind::Dynamic:
    return evaluateField(tpl.expression, field, scope);
  case Kind::Array: {
    ArrayBuilder items(tpl.items.size());
    for (const auto& item : tpl.items) {
      auto v = evaluateTemplate(item, scope, field);
      if (!v.ok()) return v;
      items.add(std::move(v).value());
    }
    return items.finish();
  }
  case Kind::Object: {
    ObjectBuilder members(tpl.fields.size());
    std::string jsonataName;
    for (const auto& member : tpl.fields) {
      // JSONPath names the member as written ("x.$"); JSONata the path to it ("Output/x").
      std::string_view name = member.fieldName;
      if (scope.jsonata) {
        jsonataName.assign(field).append("/").append(member.fieldName);
        name = jsonataName;
      }
      ExecResult<Value> v = member.value.kind == Kind::Dynamic
                                ? evaluateField(member.value.expression, name, scope)
                                : evaluateTemplate(member.value, scope, name);
      if (!v.ok()) return v;
      members.add(member.key, std::move(v).value());
    }
    return members.finish();
  }
  }
  return tpl.constant;
}

ExecResult<Value> placeResult(const Value& input, const Value& result,
                              const eval::Expression& path) {
  if (path.hot && path.hot->root == eval::PathRootKind::Input)
    if (std::optional<Value> placed = placeHot(&input, *path.hot, 0, result))
      return std::move(*placed);
  return eval::applyResultPath(input, result,
                               eval::PathFieldRef{eval::PathFieldMode::Path, path.path.get()});
}

ExecResult<bool> matchesRule(const bc::ChoiceRule& rule, const eval::ChoiceCondition& prepared,
                             const Scope& scope) {
  if (rule.condition) {
    auto v = evaluateField(*rule.condition, "Condition", scope);
    if (!v.ok()) return fail(std::move(v).error());
    if (!v->isBool())
      return eval::raise(StateErrorId::QueryEvaluationError,
                         "The Condition field of a Choice rule must be a boolean, but was: " +
                             toJson(*v));
    return v->asBool();
  }
  eval::ChoicePathResolver resolve =
      [&scope](const eval::Path& path) -> ExecResult<std::optional<Value>> {
    eval::PathOutcome s = eval::selectPath(path, rootsFor(scope));
    if (!s.found()) return std::optional<Value>();
    return std::optional<Value>(std::move(s.value));
  };
  return eval::evaluate(prepared, resolve);
}

} // namespace asl::vm
