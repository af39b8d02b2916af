// States.StringToJson, States.JsonToString and States.JsonMerge.
#include <unordered_map>
#include <vector>

#include "runtime/eval/intrinsic_args.h"
#include "runtime/eval/intrinsic_functions.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::eval::intrinsics {

namespace {

bool isJsonWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

ExecResult<Value> stringToJson(Args args) {
  constexpr IntrinsicId id = IntrinsicId::StringToJson;
  auto text = stringArg(id, args, 0);
  if (!text) return Unexpected<ExecError>{std::move(text).error()};
  // AWS reads "" and "   " as null (the corpus records both): Jackson's empty document.
  std::string_view rest = *text;
  while (!rest.empty() && isJsonWhitespace(rest.front()))
    rest.remove_prefix(1);
  if (rest.empty()) return Value::null();
  Result<Value> parsed = parseJsonValue(*text);
  if (!parsed) {
    return intrinsicFailure(id, "the argument is not valid JSON: " + parsed.error().message);
  }
  return std::move(*parsed);
}

ExecResult<Value> jsonToString(Args args) {
  return Value::string(toJson(args[0]));
}

ExecResult<Value> jsonMerge(Args args) {
  constexpr IntrinsicId id = IntrinsicId::JsonMerge;
  auto left = objectArg(id, args, 0);
  if (!left) return Unexpected<ExecError>{std::move(left).error()};
  auto right = objectArg(id, args, 1);
  if (!right) return Unexpected<ExecError>{std::move(right).error()};
  if (!args[2].isBool()) return argumentTypeFailure(id, 2, ExpectedArgKind::Boolean, args[2]);
  if (args[2].asBool()) {
    return intrinsicFailure(id, "only a shallow merge is supported; argument 3 must be false");
  }
  // Shallow: a key of the second object replaces the first object's value in place; keys only
  // the second object has follow, in its order.
  std::vector<Member> merged((*left)->members().begin(), (*left)->members().end());
  std::unordered_map<std::string_view, size_t> position;
  for (size_t i = 0; i < merged.size(); ++i)
    position.emplace(merged[i].key.asString(), i);
  for (const Member& m : (*right)->members()) {
    // The views point into keys both objects keep alive until the merge is built.
    auto [it, added] = position.emplace(m.key.asString(), merged.size());
    if (added) {
      merged.push_back(m);
    } else {
      merged[it->second].value = m.value;
    }
  }
  return Value::object(std::move(merged));
}

} // namespace asl::eval::intrinsics
