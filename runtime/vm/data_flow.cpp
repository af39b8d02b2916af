#include "runtime/vm/data_flow.h"

#include "runtime/eval/choice_eval.h"
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

// Whether evaluating `path` may read the context object, which is built only then.
bool readsContext(const eval::FilterExpr& e);
bool readsContext(const eval::Path& path) {
  if (path.root == eval::PathRootKind::Context) return true;
  for (const eval::PathSegment& s : path.segments)
    if (s.expr && readsContext(*s.expr)) return true;
  return false;
}
bool readsContext(const eval::FilterExpr& e) {
  if (e.path && readsContext(*e.path)) return true;
  for (const eval::FilterExpr& operand : e.operands)
    if (readsContext(operand)) return true;
  return false;
}

eval::PathRoots rootsFor(const eval::Path& path, const Scope& scope) {
  eval::PathRoots roots;
  roots.input = scope.input;
  if (scope.context && readsContext(path)) roots.context = &scope.context->value();
  roots.variables = scope.variables;
  return roots;
}

ExecResult<Value> evaluateIntrinsicCall(const eval::IntrinsicCall& call, const std::string& field,
                                        const Scope& scope) {
  eval::IntrinsicEnv env;
  env.resolvePath = [&](const eval::Path& path) -> ExecResult<Value> {
    return eval::selectForField(field, path, rootsFor(path, scope));
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
  std::vector<Member> members;
  members.push_back(makeMember("input", scope.input ? *scope.input : Value()));
  if (scope.context && e.text.find("context") != std::string::npos)
    members.push_back(makeMember("context", scope.context->value()));
  if (scope.result) members.push_back(makeMember("result", *scope.result));
  if (scope.errorOutput) members.push_back(makeMember("errorOutput", *scope.errorOutput));
  return Value::object(std::move(members));
}

ExecResult<Value> evaluateJsonata(const eval::Expression& e, std::string_view field,
                                  const Scope& scope) {
  std::string prefix = "The JSONata expression '" + std::string(quotedText(e)) +
                       "' specified for the field '" + std::string(field) + "'";
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
                       prefix + " returned an unsupported result type.");
  if (!result.ok())
    return eval::raise(StateErrorId::QueryEvaluationError,
                       prefix + " threw an error during evaluation. " + result.error().code + ": " +
                           result.error().message());
  if (!result->has_value())
    return eval::raise(StateErrorId::QueryEvaluationError,
                       prefix + " returned nothing (undefined).");
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
  if (expression.kind == eval::ExpressionKind::Jsonata)
    return evaluateJsonata(expression, "", scope);
  return eval::applyInputPath(eval::PathFieldRef{eval::PathFieldMode::Path, expression.path.get()},
                              rootsFor(*expression.path, scope));
}

ExecResult<Value> evaluateField(const eval::Expression& expression, std::string_view field,
                                const Scope& scope) {
  switch (expression.kind) {
  case eval::ExpressionKind::Path:
    return eval::selectForField(field, *expression.path, rootsFor(*expression.path, scope));
  case eval::ExpressionKind::Intrinsic:
    return evaluateIntrinsicCall(*expression.intrinsic, std::string(field), scope);
  case eval::ExpressionKind::Jsonata:
    return evaluateJsonata(expression, field, scope);
  }
  return evaluateJsonata(expression, field, scope);
}

ExecResult<Value> evaluateTemplate(const eval::PayloadTemplate& tpl, const Scope& scope,
                                   std::string_view field) {
  using Kind = eval::PayloadTemplate::Kind;
  switch (tpl.kind) {
  case Kind::Constant:
    return tpl.constant;
  case Kind::Dynamic:
    return evaluateField(tpl.expression, field, scope);
  case Kind::Array: {
    std::vector<Value> items;
    items.reserve(tpl.items.size());
    for (const auto& item : tpl.items) {
      auto v = evaluateTemplate(item, scope, field);
      if (!v.ok()) return v;
      items.push_back(std::move(v).value());
    }
    return Value::array(std::move(items));
  }
  case Kind::Object: {
    std::vector<Member> members;
    members.reserve(tpl.fields.size());
    for (const auto& member : tpl.fields) {
      // JSONPath names the member as written ("x.$"); JSONata the path to it ("Output/x").
      std::string name =
          scope.jsonata ? std::string(field) + "/" + member.fieldName : member.fieldName;
      ExecResult<Value> v = member.value.kind == Kind::Dynamic
                                ? evaluateField(member.value.expression, name, scope)
                                : evaluateTemplate(member.value, scope, name);
      if (!v.ok()) return v;
      members.push_back(Member{member.key, std::move(v).value()});
    }
    return Value::object(std::move(members));
  }
  }
  return tpl.constant;
}

ExecResult<Value> placeResult(const Value& input, const Value& result,
                              const eval::Expression& path) {
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
    eval::PathOutcome s = eval::selectPath(path, rootsFor(path, scope));
    if (!s.found()) return std::optional<Value>();
    return std::optional<Value>(std::move(s.value));
  };
  return eval::evaluate(prepared, resolve);
}

} // namespace asl::vm
