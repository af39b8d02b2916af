// Higher-order functions and $eval: $map, $filter, $single, $reduce, $eval.
#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {
namespace {

JValue fnMap(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  JValue result = JValue::newArray(true);
  for (size_t i = 0; i < c[0].length(); ++i) {
    JValue r = ev.applyHof(c[1], c[0].at(i), JValue::number(static_cast<double>(i)), c[0], c.env);
    if (r.isDefined()) result.ownedArray()->items.push_back(std::move(r));
  }
  return result;
}

JValue fnFilter(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  JValue result = JValue::newArray(true);
  for (size_t i = 0; i < c[0].length(); ++i) {
    JValue item = c[0].at(i);
    JValue r = ev.applyHof(c[1], item, JValue::number(static_cast<double>(i)), c[0], c.env);
    if (isTruthy(r)) result.ownedArray()->items.push_back(std::move(item));
  }
  return result;
}

JValue fnSingle(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  bool found = false;
  JValue result;
  for (size_t i = 0; i < c[0].length(); ++i) {
    JValue item = c[0].at(i);
    bool positive = true;
    if (c[1].isDefined())
      positive =
          isTruthy(ev.applyHof(c[1], item, JValue::number(static_cast<double>(i)), c[0], c.env));
    if (!positive) continue;
    if (found) throwError("D3138");
    result = item;
    found = true;
  }
  if (!found) throwError("D3139");
  return result;
}

JValue fnReduce(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  int arity = c[1].isFunction() ? c[1].functionPtr()->arity() : 0;
  if (arity < 2) throwError("D3050");
  size_t index = 0;
  JValue result = c[2];
  if (c[2].isUndefined() && c[0].length() > 0) {
    result = c[0].at(0);
    index = 1;
  }
  for (; index < c[0].length(); ++index) {
    std::vector<JValue> args{result, c[0].at(index)};
    if (arity >= 3) args.push_back(JValue::number(static_cast<double>(index)));
    if (arity >= 4) args.push_back(c[0]);
    result = ev.apply(c[1], std::move(args), JValue(), c.env);
  }
  return result;
}

JValue fnEval(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  JValue input = c.input;
  if (c[1].isDefined()) {
    input = c[1];
    if (input.isArray() && !input.isSequence()) {
      JValue wrapper = singletonSequence(input);
      wrapper.ownedArray()->outerWrapper = true;
      input = wrapper;
    }
  }
  if (!ev.options().parser) {
    JsonataError e = makeError("D3120");
    e.value = "$eval is not available here";
    e.valueIsLiteral = true;
    throwError(std::move(e));
  }
  auto parsed = ev.options().parser(c[0].asString());
  if (!parsed.ok()) {
    JsonataError e = makeError("D3120");
    e.value = parsed.error().code + ": " + parsed.error().message();
    e.valueIsLiteral = true;
    throwError(std::move(e));
  }
  const Node& tree = ev.keepTree(std::move(parsed).value());
  try {
    return ev.evaluate(tree, input, c.env);
  } catch (JsonataThrow& t) {
    JsonataError e = makeError("D3121");
    e.value = t.error.code + ": " + t.error.message();
    e.valueIsLiteral = true;
    throwError(std::move(e));
  }
}

} // namespace

void registerHigherOrderFunctions(FunctionRegistry& r) {
  r.addBuiltin("map", "<af>", fnMap);
  r.addBuiltin("filter", "<af>", fnFilter);
  r.addBuiltin("single", "<af?>", fnSingle);
  r.addBuiltin("reduce", "<afj?:j>", fnReduce);
  r.addBuiltin("eval", "<sx?:x>", fnEval);
}

} // namespace asl::eval::jsonata
