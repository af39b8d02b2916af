// Object functions: $keys, $lookup, $spread, $merge, $sift, $each, $error, $assert, $type.
#include <unordered_set>

#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {
namespace {

void collectKeys(const JValue& v, std::vector<JValue>& out, std::unordered_set<std::string>& seen,
                 uint32_t depth = 0) {
  checkNesting(depth);
  if (v.isArray()) {
    for (size_t i = 0; i < v.length(); ++i)
      collectKeys(v.at(i), out, seen, depth + 1);
  } else if (v.isObject()) {
    for (size_t i = 0; i < v.memberCount(); ++i) {
      std::string key(v.keyAt(i));
      if (seen.insert(key).second) out.push_back(JValue::string(key));
    }
  }
}

JValue fnKeys(Evaluator&, CallArgs& c) {
  std::vector<JValue> out;
  std::unordered_set<std::string> seen;
  collectKeys(c[0], out, seen);
  return makeArray(std::move(out), true);
}

JValue lookupIn(const JValue& input, std::string_view key, uint32_t depth = 0) {
  checkNesting(depth);
  if (input.isObject()) return input.get(key);
  if (!input.isArray()) return JValue();
  JValue out = JValue::newArray(true);
  for (size_t i = 0; i < input.length(); ++i) {
    JValue res = lookupIn(input.at(i), key, depth + 1);
    if (res.isArray()) {
      pushItems(out.ownedArray()->items, res);
    } else if (res.isDefined()) {
      out.ownedArray()->items.push_back(std::move(res));
    }
  }
  return out;
}

JValue fnLookup(Evaluator&, CallArgs& c) {
  return lookupIn(c[0], c[1].asString());
}

JValue spread(const JValue& arg, uint32_t depth = 0) {
  checkNesting(depth);
  if (arg.isArray()) {
    JValue result = JValue::newArray(true);
    for (size_t i = 0; i < arg.length(); ++i)
      result = appendValues(result, spread(arg.at(i), depth + 1));
    return result;
  }
  if (arg.isObject()) {
    JValue result = JValue::newArray(true);
    for (size_t i = 0; i < arg.memberCount(); ++i) {
      auto obj = std::make_shared<JObject>();
      obj->set(arg.keyAt(i), arg.valueAt(i));
      result.ownedArray()->items.push_back(JValue::object(std::move(obj)));
    }
    return result;
  }
  return arg;
}

JValue fnSpread(Evaluator&, CallArgs& c) {
  return spread(c[0]);
}

JValue fnMerge(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  auto obj = std::make_shared<JObject>();
  for (size_t i = 0; i < c[0].length(); ++i) {
    JValue item = c[0].at(i);
    for (size_t m = 0; m < item.memberCount(); ++m)
      obj->set(item.keyAt(m), item.valueAt(m));
  }
  return JValue::object(std::move(obj));
}

JValue fnSift(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  auto obj = std::make_shared<JObject>();
  for (size_t m = 0; m < c[0].memberCount(); ++m) {
    JValue value = c[0].valueAt(m);
    JValue keep = ev.applyHof(c[1], value, JValue::string(c[0].keyAt(m)), c[0], c.env);
    if (isTruthy(keep)) obj->set(c[0].keyAt(m), value);
  }
  if (obj->members.empty()) return JValue();
  return JValue::object(std::move(obj));
}

JValue fnEach(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  JValue result = JValue::newArray(true);
  for (size_t m = 0; m < c[0].memberCount(); ++m) {
    JValue r = ev.applyHof(c[1], c[0].valueAt(m), JValue::string(c[0].keyAt(m)), c[0], c.env);
    if (r.isDefined()) result.ownedArray()->items.push_back(std::move(r));
  }
  return result;
}

JValue fnError(Evaluator&, CallArgs& c) {
  JsonataError e = makeError("D3137");
  e.value = c[0].isString() ? std::string(c[0].asString()) : "$error() function evaluated";
  e.valueIsLiteral = true;
  throwError(std::move(e));
}

JValue fnAssert(Evaluator&, CallArgs& c) {
  if (!c[0].asBool()) {
    JsonataError e = makeError("D3141");
    e.value = c[1].isString() ? std::string(c[1].asString()) : "$assert() statement failed";
    e.valueIsLiteral = true;
    throwError(std::move(e));
  }
  return JValue();
}

JValue fnType(Evaluator&, CallArgs& c) {
  switch (c[0].kind()) {
  case JKind::Undefined:
    return JValue();
  case JKind::Null:
    return JValue::string("null");
  case JKind::Bool:
    return JValue::string("boolean");
  case JKind::Number:
    return JValue::string("number");
  case JKind::String:
    return JValue::string("string");
  case JKind::Array:
    return JValue::string("array");
  case JKind::Object:
    return JValue::string("object");
  case JKind::Function:
    return JValue::string("function");
  }
  return JValue();
}

} // namespace

void registerObjectFunctions(FunctionRegistry& r) {
  r.addBuiltin("keys", "<x-:a<s>>", fnKeys);
  r.addBuiltin("lookup", "<x-s:x>", fnLookup);
  r.addBuiltin("spread", "<x-:a<o>>", fnSpread);
  r.addBuiltin("merge", "<a<o>:o>", fnMerge);
  r.addBuiltin("sift", "<o-f?:o>", fnSift);
  r.addBuiltin("each", "<o-f:a>", fnEach);
  r.addBuiltin("error", "<s?:x>", fnError);
  r.addBuiltin("assert", "<bs?:x>", fnAssert);
  r.addBuiltin("type", "<x:s>", fnType);
}

} // namespace asl::eval::jsonata
