// Evaluates an intrinsic call: its arguments first, then the function named by its id.
#include "runtime/eval/intrinsic_eval.h"

#include <vector>

#include "runtime/eval/intrinsic_failure.h"
#include "runtime/eval/intrinsic_functions.h"

namespace asl::eval {

namespace {

ExecResult<Value> evaluateArgument(const IntrinsicArg& arg, const IntrinsicEnv& env) {
  switch (arg.kind) {
  case IntrinsicArgKind::String:
    return Value::string(arg.text);
  case IntrinsicArgKind::Integer:
    return Value::integer(arg.intValue);
  case IntrinsicArgKind::Double:
    return Value::number(arg.doubleValue);
  case IntrinsicArgKind::Boolean:
    return Value::boolean(arg.boolValue);
  case IntrinsicArgKind::Null:
    return Value::null();
  case IntrinsicArgKind::Path:
    if (!env.resolvePath) {
      return raise(StateErrorId::Runtime, "no path resolver for the path " + arg.path.source);
    }
    return env.resolvePath(arg.path);
  case IntrinsicArgKind::Call:
    return evaluateIntrinsic(arg.call.front(), env);
  }
  return Value::null();
}

ExecResult<Value> callFunction(const IntrinsicCall& call, intrinsics::Args args,
                               const IntrinsicEnv& env) {
  using namespace intrinsics;
  switch (call.id) {
  case IntrinsicId::Format: {
    // Only a literal template carries the parser's placeholder list; a template read from a
    // path is scanned as it is.
    const IntrinsicArg& templateArg = call.args.front();
    const bool literal = templateArg.kind == IntrinsicArgKind::String;
    return format(args, literal ? &templateArg.placeholders : nullptr);
  }
  case IntrinsicId::StringToJson:
    return stringToJson(args);
  case IntrinsicId::JsonToString:
    return jsonToString(args);
  case IntrinsicId::Array:
    return array(args);
  case IntrinsicId::ArrayPartition:
    return arrayPartition(args);
  case IntrinsicId::ArrayContains:
    return arrayContains(args);
  case IntrinsicId::ArrayRange:
    return arrayRange(args);
  case IntrinsicId::ArrayGetItem:
    return arrayGetItem(args);
  case IntrinsicId::ArrayLength:
    return arrayLength(args);
  case IntrinsicId::ArrayUnique:
    return arrayUnique(args);
  case IntrinsicId::Base64Encode:
    return base64Encode(args);
  case IntrinsicId::Base64Decode:
    return base64Decode(args);
  case IntrinsicId::Hash:
    return hash(args);
  case IntrinsicId::JsonMerge:
    return jsonMerge(args);
  case IntrinsicId::MathRandom:
    return mathRandom(args, env.random);
  case IntrinsicId::MathAdd:
    return mathAdd(args);
  case IntrinsicId::StringSplit:
    return stringSplit(args);
  case IntrinsicId::UUID:
    return uuid(env.random);
  }
  return Value::null();
}

} // namespace

ExecResult<Value> evaluateIntrinsic(const IntrinsicCall& call, const IntrinsicEnv& env) {
  // The parser has checked the arity against intrinsics.def, but a tree may come from elsewhere
  // (a loaded bytecode file); the functions index their arguments, so check again.
  const IntrinsicInfo& info = intrinsicInfo(call.id);
  const auto count = static_cast<int>(call.args.size());
  if (count < info.minArgs || (info.maxArgs >= 0 && count > info.maxArgs)) {
    return arityFailure(call.id, call.args.size());
  }
  std::vector<Value> values;
  values.reserve(call.args.size());
  for (const IntrinsicArg& arg : call.args) {
    if (arg.kind == IntrinsicArgKind::Call && arg.call.size() != 1) {
      return intrinsicFailure(call.id, "a nested call argument holds no call");
    }
    ExecResult<Value> value = evaluateArgument(arg, env);
    if (!value) return Unexpected<ExecError>{std::move(value).error()};
    values.push_back(std::move(*value));
  }
  return callFunction(call, values, env);
}

} // namespace asl::eval
