#include "runtime/vm/data_flow.h"

#include "runtime/eval/choice_eval.h"
#include "runtime/eval/intrinsic_eval.h"
#include "runtime/eval/path_eval.h"
#include "runtime/value/json_writer.h"

namespace asl::vm {
namespace {

using eval::ExecError;
using eval::ExecResult;
using eval::StateErrorId;

// The roots a state's paths read; the context object is built only if a path asks for it.
class ScopeRoots final : public eval::PathRoots {
public:
  explicit ScopeRoots(const Scope& scope) : scope_(scope) {}
  const Value* input() const override { return scope_.input; }
  const Value* context() const override {
    return scope_.context ? &scope_.context->value() : nullptr;
  }
  const Value* variable(std::string_view name) const override {
    return scope_.variables ? scope_.variables->find(name) : nullptr;
  }

private:
  const Scope& scope_;
};

std::string inputText(const Scope& scope) {
  return scope.input ? toJson(*scope.input) : "null";
}

// A path in a named field that must select something (Parameters "x.$", ErrorPath, ...).
ExecResult<Value> selectForField(const eval::Path& path, const std::string& text,
                                 std::string_view field, const Scope& scope) {
  eval::PathSelection s = eval::selectPath(path, ScopeRoots(scope));
  if (s.found) return std::move(s.value);
  return eval::raise(StateErrorId::Runtime,
                     "The JSONPath '" + text + "' specified for the field '" + std::string(field) +
                         "' could not be found in the input '" + inputText(scope) + "'");
}

ExecResult<Value> evaluateIntrinsicCall(const eval::IntrinsicCall& call, const Scope& scope) {
  eval::IntrinsicEnv env;
  env.resolvePath = [&scope](const eval::Path& path) -> ExecResult<Value> {
    eval::PathSelection s = eval::selectPath(path, ScopeRoots(scope));
    if (s.found) return std::move(s.value);
    return eval::raise(StateErrorId::Runtime, "The JSONPath '" + path.source +
                                                  "' could not be found in the input '" +
                                                  inputText(scope) + "'");
  };
  env.random = scope.random;
  return eval::evaluateIntrinsic(call, env);
}

ExecResult<Value> unsupportedJsonata(const eval::Expression& e) {
  return eval::raise(StateErrorId::QueryEvaluationError,
                     "The JSONata expression '" + e.text +
                         "' cannot be evaluated: this build has no JSONata evaluator");
}

} // namespace

ExecResult<Value> selectPath(const eval::Expression& expression, const Scope& scope) {
  if (expression.kind == eval::ExpressionKind::Jsonata) return unsupportedJsonata(expression);
  eval::PathSelection s = eval::selectPath(*expression.path, ScopeRoots(scope));
  if (s.found) return std::move(s.value);
  return eval::raise(StateErrorId::Runtime, "Invalid path '" + expression.text +
                                                "' : " + eval::describeMiss(*expression.path, s));
}

ExecResult<Value> evaluateField(const eval::Expression& expression, std::string_view field,
                                const Scope& scope) {
  switch (expression.kind) {
  case eval::ExpressionKind::Path:
    return selectForField(*expression.path, expression.text, field, scope);
  case eval::ExpressionKind::Intrinsic:
    return evaluateIntrinsicCall(*expression.intrinsic, scope);
  case eval::ExpressionKind::Jsonata:
    return unsupportedJsonata(expression);
  }
  return unsupportedJsonata(expression);
}

ExecResult<Value> evaluateTemplate(const eval::PayloadTemplate& tpl, const Scope& scope) {
  using Kind = eval::PayloadTemplate::Kind;
  switch (tpl.kind) {
  case Kind::Constant:
    return tpl.constant;
  case Kind::Dynamic:
    return evaluateField(tpl.expression, "", scope);
  case Kind::Array: {
    std::vector<Value> items;
    items.reserve(tpl.items.size());
    for (const auto& item : tpl.items) {
      auto v = evaluateTemplate(item, scope);
      if (!v.ok()) return v;
      items.push_back(std::move(v).value());
    }
    return Value::array(std::move(items));
  }
  case Kind::Object: {
    std::vector<Member> members;
    members.reserve(tpl.fields.size());
    for (const auto& field : tpl.fields) {
      ExecResult<Value> v = field.value.kind == Kind::Dynamic
                                ? evaluateField(field.value.expression, field.fieldName, scope)
                                : evaluateTemplate(field.value, scope);
      if (!v.ok()) return v;
      members.push_back(Member{field.key, std::move(v).value()});
    }
    return Value::object(std::move(members));
  }
  }
  return tpl.constant;
}

ExecResult<Value> placeResult(const Value& input, const Value& result,
                              const eval::Expression& path) {
  Value out;
  if (eval::placeAtPath(input, *path.path, result, out)) return out;
  return eval::raise(StateErrorId::ResultPathMatchFailure, "Unable to apply ResultPath \"" +
                                                               path.text + "\" to input \"" +
                                                               toJson(input) + "\"");
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
    eval::PathSelection s = eval::selectPath(path, ScopeRoots(scope));
    if (!s.found) return std::optional<Value>();
    return std::optional<Value>(std::move(s.value));
  };
  return eval::evaluate(prepared, resolve);
}

} // namespace asl::vm
